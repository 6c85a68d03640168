namespace Vbmc.Processes;

/// <summary>
/// Where vbmc looks for the programs it runs: the folders of PATH (absolute ones only: a relative
/// entry such as "." would run whatever the current folder holds), then the sbin and bin folders
/// that a non-root user's PATH often lacks (mke2fs, systemd-sysusers and sshd live in /usr/sbin).
/// A file counts only when it is executable, as execvp(3) sees it.
/// </summary>
public static class ProgramSearch
{
    /// <summary>Searched after PATH, in this order.</summary>
    public static readonly IReadOnlyList<string> FallbackFolders =
        ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];

    /// <summary>PATH's absolute folders, then <see cref="FallbackFolders"/>, each once.</summary>
    public static IReadOnlyList<string> DefaultFolders => FoldersFor(Environment.GetEnvironmentVariable("PATH"));

    /// <summary>The search folders for a given PATH value.</summary>
    public static IReadOnlyList<string> FoldersFor(string? path) =>
        (path ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Where(Path.IsPathRooted)
            .Concat(FallbackFolders)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// The full path of <paramref name="program"/>: a name with a '/' is taken as it is (when it is
    /// an executable file), a bare name is looked for in <see cref="DefaultFolders"/>. Null when missing.
    /// </summary>
    public static string? Locate(string program) => Locate(program, DefaultFolders);

    /// <summary><see cref="Locate(string)"/> in <paramref name="folders"/> instead of the default ones.</summary>
    public static string? Locate(string program, IEnumerable<string> folders)
    {
        ArgumentException.ThrowIfNullOrEmpty(program);
        if (program.Contains('/')) return IsExecutable(program) ? Path.GetFullPath(program) : null;
        return folders.Select(folder => Path.Join(folder, program)).FirstOrDefault(IsExecutable);
    }

    /// <summary>A regular file (or a link to one) that someone may execute.</summary>
    public static bool IsExecutable(string path)
    {
        try
        {
            if (!File.Exists(path)) return false;
            if (OperatingSystem.IsWindows()) return true;
            const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            return (File.GetUnixFileMode(path) & anyExecute) != 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
