// The library under test installs onto Linux hosts only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
