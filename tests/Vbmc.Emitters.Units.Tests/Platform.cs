// The tests run systemd, Guile and file modes: Linux only, like vbmc's host side.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
