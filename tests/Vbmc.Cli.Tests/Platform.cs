// The CLI tests run host programs (git, pre-commit, shell wrappers): Linux only, as vbmc.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
