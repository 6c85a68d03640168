// The verbs operate VMs installed on a Linux host (/proc, kill(2), setsid, systemd or Shepherd);
// the CLI checks OperatingSystem.IsLinux() before calling them.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
