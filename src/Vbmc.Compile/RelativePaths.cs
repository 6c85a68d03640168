namespace Vbmc.Compile;

/// <summary>
/// Paths inside the compile folder: '/' separated and relative. Only safe ones are ever used to
/// touch the disk, so that neither an emitter's mistake nor a hand-edited manifest.json can make
/// compile write or delete anything outside the folder.
/// </summary>
public static class RelativePaths
{
    /// <summary>Relative, no empty, "." or ".." segment, no NUL: it names a place under the folder.</summary>
    public static bool IsSafe(string path) =>
        path.Length > 0 && path[0] != '/' && !path.Contains('\0')
        && path.Split('/').All(segment => segment.Length > 0 && segment != "." && segment != "..");

    public static string Native(string root, string relative) =>
        Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The folders a path lies in, outermost first: "a/b/c" gives "a", "a/b".</summary>
    public static IEnumerable<string> Parents(string relative)
    {
        for (var i = relative.IndexOf('/'); i >= 0; i = relative.IndexOf('/', i + 1)) yield return relative[..i];
    }
}

/// <summary>What is at a path, without following a final symbolic link.</summary>
public enum EntryKind
{
    None,
    File,
    Directory,
    SymbolicLink,
}

public static class Entries
{
    public static EntryKind KindOf(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null) return EntryKind.SymbolicLink;
        if (Directory.Exists(path)) return EntryKind.Directory;
        return File.Exists(path) ? EntryKind.File : EntryKind.None;
    }

    /// <summary>
    /// True when every folder between <paramref name="root"/> and the path is a real folder (or
    /// absent): compile never writes or deletes through a symbolic link, which could point anywhere.
    /// </summary>
    public static bool ParentsAreRealFolders(string root, string relative) =>
        RelativePaths.Parents(relative).All(p => KindOf(RelativePaths.Native(root, p)) is EntryKind.Directory or EntryKind.None);

    /// <summary>The Unix mode of a file as the manifest writes it ("0755").</summary>
    public static string OctalMode(int mode) => "0" + Convert.ToString(mode & 0b111_111_111_111, 8).PadLeft(3, '0');

    public static int ModeOf(string path) => OperatingSystem.IsWindows() ? 0 : (int)File.GetUnixFileMode(path);

    /// <summary>Sets the exact mode (chmod: the umask does not apply), so that the disk matches manifest.json.</summary>
    public static void SetMode(string path, int mode)
    {
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, (UnixFileMode)mode);
    }
}
