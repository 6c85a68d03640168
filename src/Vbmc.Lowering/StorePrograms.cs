using Vbmc.Evaluation;

namespace Vbmc.Lowering;

/// <summary>Programs a configuration names in the store, and where a Debian system (host or guest) has them.</summary>
internal static class StorePrograms
{
    /// <summary>
    /// Store programs Guix names as <c>(file-append PACKAGE "/PATH")</c>, and where a Debian system
    /// has them (neither a host nor vbmc's guest has a store): the shells Guix's own accounts use.
    /// </summary>
    private static readonly IReadOnlyDictionary<(string Package, string Path), string> HostPrograms = new Dictionary<(string, string), string>
    {
        [("shadow", "/sbin/nologin")] = "/usr/sbin/nologin",
        [("bash", "/bin/bash")] = "/bin/bash",
        [("bash-minimal", "/bin/sh")] = "/bin/sh",
        [("bash", "/bin/sh")] = "/bin/sh",
    };

    /// <summary>A program's path on a Debian system: an absolute string as it is, a store program by <see cref="HostPrograms"/>; else null.</summary>
    public static string? PathOf(object? shell) => shell switch
    {
        string path when path.StartsWith('/') => path,
        FileLike { Kind: "file-append", Parameters: [Package package, string path] } =>
            HostPrograms.GetValueOrDefault((package.Name, path)),
        _ => null,
    };
}
