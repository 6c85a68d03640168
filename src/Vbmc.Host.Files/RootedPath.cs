namespace Vbmc.Host.Files;

/// <summary>
/// A host path resolved beneath a --root folder R as if R were "/": each symbolic link met is
/// followed with its target read inside R (an absolute target starts again at R, ".." stops at
/// R), so no path vbmc uses leaves R, whatever links are planted under it. This is how
/// systemd-tmpfiles and systemd-sysusers resolve paths with --root (and how the links resolve
/// once R is a root), so vbmc and the tools it runs agree on every path.
/// </summary>
/// <remarks>
/// This builds the path vbmc names in messages and records and gives programs it runs; each of
/// vbmc's own uses of it is resolved again by the kernel beneath R (<see cref="RootFiles"/>:
/// openat2 RESOLVE_IN_ROOT), so a folder swapped for a link between the two leads inside R only.
/// Under the host's own root ("/") nothing is resolved: the host's links are its own.
/// </remarks>
public static class RootedPath
{
    /// <summary>Links followed before giving up, as the kernel's ELOOP limit.</summary>
    public const int MaxLinks = 40;

    /// <param name="followLast">Whether a link at the last component is followed too (false: the
    /// path of the link itself, to read, replace or remove it).</param>
    public static string Resolve(string root, string hostPath, bool followLast)
    {
        var rootFull = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        if (rootFull is "/" or "") return Path.Join("/", hostPath.TrimStart('/'));
        var pending = new Stack<string>(Components(hostPath).Reverse());
        var resolved = new List<string>();
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part == "..")
            {
                if (resolved.Count > 0) resolved.RemoveAt(resolved.Count - 1);
                continue;
            }
            if (pending.Count == 0 && !followLast)
            {
                resolved.Add(part);
                break;
            }
            var candidate = Join(rootFull, resolved, part);
            string? target;
            try
            {
                target = new FileInfo(candidate).LinkTarget;
            }
            catch (IOException)
            {
                target = null;
            }
            if (target is null)
            {
                resolved.Add(part);
                continue;
            }
            if (++links > MaxLinks) throw new IOException($"{candidate}: too many levels of symbolic links");
            if (target.StartsWith('/')) resolved.Clear();
            foreach (var next in Components(target).Reverse()) pending.Push(next);
        }
        return Join(rootFull, resolved, null);
    }

    /// <summary>
    /// The first component of <paramref name="hostPath"/> below <paramref name="root"/> that is a
    /// symbolic link, with its target; null when none is (or when the root is "/").
    /// </summary>
    public static (string Path, string Target)? FirstLink(string root, string hostPath)
    {
        var rootFull = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        if (rootFull is "/" or "") return null;
        var current = rootFull;
        foreach (var part in Components(hostPath))
        {
            current = current + "/" + part;
            string? target;
            try
            {
                target = new FileInfo(current).LinkTarget;
            }
            catch (IOException)
            {
                target = null;
            }
            if (target is not null) return (current, target);
        }
        return null;
    }

    private static IEnumerable<string> Components(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".");

    private static string Join(string root, List<string> parts, string? last) =>
        root + "/" + string.Join('/', last is null ? parts : [.. parts, last]);
}
