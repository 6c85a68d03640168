// Host files are POSIX files of a Linux host (openat2, /proc); the CLI checks
// OperatingSystem.IsLinux() before calling what uses them.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
