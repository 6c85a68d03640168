// The launch script is a POSIX sh script run with QEMU: these tests run on Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
