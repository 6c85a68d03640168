// The image tests run Linux tools (mmdebstrap, mke2fs, QEMU) on a Linux host.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
