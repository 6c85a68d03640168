// The tests stage files with Unix modes and owners and run Linux tools: Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
