namespace Vbmc.Image.Guest;

/// <summary>
/// A guest's root file system as a folder on the host. Guest paths are resolved as the guest
/// would (an absolute symbolic link in the base points inside the root, never to the host's files),
/// and files are replaced rather than written through (a hard link shared with another file of the
/// base is left alone). What it replaces or removes loses the base's owners in <paramref name="owners"/>.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal sealed class RootFolder(string path, GuestOwners? owners = null)
{
    private const int MaxLinks = 40; // the kernel's limit on links followed in one lookup

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>
    /// The host path of the guest path's parent folder, following links inside the root, plus the
    /// last component (not followed: callers replace or remove it). Null when a link loops.
    /// </summary>
    public string? HostPath(string guestPath)
    {
        var parts = guestPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return Path;
        var parent = Resolve(parts[..^1], 0);
        return parent is null ? null : System.IO.Path.Combine(parent, parts[^1]);
    }

    /// <summary>The host path of a folder inside the root, every component followed; null when a link loops.</summary>
    public string? FolderPath(string guestPath) =>
        Resolve(guestPath.Split('/', StringSplitOptions.RemoveEmptyEntries), 0);

    private string? Resolve(IEnumerable<string> components, int links)
    {
        var resolved = new List<string>(); // components below the root, each a real folder (or missing)
        var pending = new Queue<string>(components);
        while (pending.Count > 0)
        {
            var part = pending.Dequeue();
            if (part is "." or "") continue;
            if (part == "..")
            {
                if (resolved.Count > 0) resolved.RemoveAt(resolved.Count - 1); // ".." at the root stays at the root
                continue;
            }
            var host = System.IO.Path.Combine([Path, .. resolved, part]);
            if (new FileInfo(host).LinkTarget is { } target)
            {
                if (++links > MaxLinks) return null;
                if (target.StartsWith('/')) resolved.Clear();
                var rest = pending.ToList();
                pending = new Queue<string>(target.Split('/', StringSplitOptions.RemoveEmptyEntries).Concat(rest));
                continue;
            }
            resolved.Add(part);
        }
        return System.IO.Path.Combine([Path, .. resolved]);
    }

    /// <summary>Removes whatever is at the guest path (a file, a link, a folder and its content).</summary>
    public void Remove(string guestPath)
    {
        if (HostPath(guestPath) is not { } host) return;
        RemoveHost(host);
    }

    /// <summary>Gives the guest path (not followed if a link) an owner in the guest.</summary>
    public void Own(string guestPath, int uid, int gid)
    {
        var host = HostPath(guestPath) ?? throw new IOException($"{guestPath}: too many levels of symbolic links in the base");
        owners?.Own(Relative(host), uid, gid);
    }

    /// <summary>Writes (replaces) a regular file owned by root, making missing parent folders (0755).</summary>
    public void Write(GuestFile file)
    {
        var host = HostPath(file.Path) ?? throw new IOException($"{file.Path}: too many levels of symbolic links in the base");
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(host)!);
        RemoveHost(host);
        if (file.LinkTarget is { } target)
        {
            File.CreateSymbolicLink(host, target);
            return;
        }
        using (var stream = new FileStream(host, FileMode.CreateNew, FileAccess.Write))
        {
            var bytes = new System.Text.UTF8Encoding(false).GetBytes(file.Text ?? "");
            stream.Write(bytes);
        }
        File.SetUnixFileMode(host, (UnixFileMode)file.Mode);
    }

    /// <summary>The text of a guest file, or "" when it is missing.</summary>
    public string Read(string guestPath)
    {
        var host = HostPath(guestPath);
        // Follow a final link inside the root too (e.g. a base whose /etc/passwd is a link).
        for (var i = 0; host is not null && i < MaxLinks && new FileInfo(host).LinkTarget is { } target; i++)
            host = HostPath(target.StartsWith('/') ? target : System.IO.Path.Combine(System.IO.Path.GetDirectoryName(GuestOf(host))!, target));
        return host is not null && File.Exists(host) ? File.ReadAllText(host) : "";
    }

    public bool Exists(string guestPath) => HostPath(guestPath) is { } host && (File.Exists(host) || Directory.Exists(host) || new FileInfo(host).LinkTarget is not null);

    /// <summary>Regular files and links under a guest folder, recursively, never following links.</summary>
    public IEnumerable<string> FilesUnder(string guestFolder)
    {
        if (FolderPath(guestFolder) is not { } folder || !Directory.Exists(folder) || new DirectoryInfo(folder).LinkTarget is not null)
            yield break;
        var pending = new Stack<string>([folder]);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            foreach (var entry in new DirectoryInfo(current).EnumerateFileSystemInfos())
            {
                if (entry is DirectoryInfo directory && directory.LinkTarget is null) pending.Push(directory.FullName);
                else yield return entry.FullName;
            }
        }
    }

    private string GuestOf(string host) => "/" + System.IO.Path.GetRelativePath(Path, host);

    private string Relative(string host) => System.IO.Path.GetRelativePath(Path, host) is var relative && relative == "." ? "" : relative;

    private void RemoveHost(string host)
    {
        owners?.Forget(Relative(host));
        var info = new FileInfo(host);
        if (info.LinkTarget is not null || info.Exists) info.Delete();
        else if (Directory.Exists(host)) Directory.Delete(host, recursive: true);
    }
}
