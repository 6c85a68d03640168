namespace Vbmc.Image.Guest;

/// <summary>
/// What the base's installation leaves that must not be in an image: host keys generated when
/// openssh-server was installed (every copy would share them), ids and random seeds, caches,
/// package lists and logs (they also carry the install time, which differs between two bases).
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal static class GuestCleanup
{
    /// <summary>Single paths removed.</summary>
    public static readonly IReadOnlyList<string> Paths =
    [
        "/etc/ssh/sshd_not_to_be_run",
        "/var/cache/ldconfig/aux-cache",
        "/var/lib/dbus/machine-id",
        "/var/lib/systemd/credential.secret",
        "/var/lib/systemd/random-seed",
    ];

    /// <summary>(folder, file-name prefix, file-name suffix): matching files directly in the folder are removed.</summary>
    public static readonly IReadOnlyList<(string Folder, string Prefix, string Suffix)> Patterns =
    [
        ("/etc/ssh", "ssh_host_", ""),
        ("/var/cache/apt", "", ".bin"),
        ("/var/cache/apt/archives", "", ".deb"),
        ("/var/cache/debconf", "", "-old"),
        ("/var/lib/dpkg", "", "-old"),
    ];

    /// <summary>Folders whose files (at any depth) are removed; the folders stay.</summary>
    public static readonly IReadOnlyList<string> EmptiedFolders = ["/tmp", "/var/lib/apt/lists", "/var/log", "/var/tmp"];

    public static void Apply(RootFolder root)
    {
        foreach (var path in Paths) root.Remove(path);
        foreach (var (folder, prefix, suffix) in Patterns)
        {
            if (root.FolderPath(folder) is not { } host || !Directory.Exists(host)) continue;
            foreach (var entry in new DirectoryInfo(host).EnumerateFileSystemInfos())
            {
                if (entry is DirectoryInfo { LinkTarget: null }) continue;
                if (entry.Name.StartsWith(prefix, StringComparison.Ordinal) && entry.Name.EndsWith(suffix, StringComparison.Ordinal))
                    entry.Delete();
            }
        }
        foreach (var folder in EmptiedFolders)
        {
            foreach (var file in root.FilesUnder(folder).ToList()) File.Delete(file);
        }
    }
}
