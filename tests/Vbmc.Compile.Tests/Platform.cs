// The tests check Unix file modes and use Linux tools: they run on Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
