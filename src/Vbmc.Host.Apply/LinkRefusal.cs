using Vbmc.Diagnostics;

namespace Vbmc.Host.Apply;

/// <summary>
/// Under a --root R other than "/", no link may stand on the paths a systemd tool of the host
/// writes: systemd 252's tmpfiles makes missing parent folders through such a link without
/// confining it to R (measured: a link R/var/lib/vbmc -> /elsewhere got /elsewhere/NAME). vbmc's
/// own writes resolve links inside R instead (<see cref="RootedPath"/>, <see cref="RootFiles"/>).
/// </summary>
internal static class LinkRefusal
{
    /// <summary>An error naming the first link on one of <paramref name="hostPaths"/>; nothing was run.</summary>
    public static void RefuseLinks(string root, IEnumerable<string> hostPaths, string tool)
    {
        foreach (var hostPath in hostPaths)
        {
            if (RootedPath.FirstLink(root, hostPath) is not var (link, target)) continue;
            var rootFull = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
            throw new ApplyException(DiagnosticIds.ApplyFailed, link,
                $"{link} is a symbolic link (to {target}): {tool} would follow it out of the root; nothing was run",
                $"make {hostPath} a folder under {rootFull}, or remove the link");
        }
    }
}
