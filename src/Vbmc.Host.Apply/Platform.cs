// apply installs onto a Linux host (systemd, sysusers, POSIX modes and owners, rename(2)); the
// CLI checks OperatingSystem.IsLinux() before calling it.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
