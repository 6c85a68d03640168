// These tests run Linux programs (chroot, mount, QEMU, guix) on a Linux host.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
