using Vbmc.Lowering;

namespace Vbmc.Host.Apply;

/// <summary>
/// The first thing every apply and rollback does: finish or undo what an interrupted one left
/// (a SIGKILL or a power cut runs no undo). `current` decides: before the switch the old
/// generation is the host's state, after it the new one.
/// <list type="number">
/// <item>the temporary current.tmp link, and generation folders that never became current
/// (N.partial folders, or a sealed N killed before its switch) are removed;</item>
/// <item>a person's machine file with a second name PATH.vbmc-orig on the same inode (killed
/// while keeping it) loses that second name;</item>
/// <item>temporary links PATH.vbmc-tmp and half-made secrets (/etc/vbmc/NAME/.new-*) are removed;</item>
/// <item>the links are made those of the current generation (a person's file is left for the
/// link step, which keeps it or refuses).</item>
/// </list>
/// </summary>
internal static class Recovery
{
    public static IReadOnlyList<string> Run(GenerationStore store)
    {
        var done = new List<string>();
        var root = store.Root;
        GenerationStore.DeleteIfPresent(HostPaths.LinkUnder(root, HostPaths.CurrentLinkTemp));
        var current = store.Current;
        if (current is { } n && Directory.Exists(store.Folder(n))) store.MarkBecameCurrent(n);
        if (Directory.Exists(store.GenerationsFolder))
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(store.GenerationsFolder).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(entry);
                var isNumber = int.TryParse(name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number);
                if (isNumber && (number == current || store.BecameCurrent(number))) continue;
                DeleteTree(entry);
                done.Add($"removed {HostPaths.Generations}/{name} (left by an interrupted apply)");
            }
        }

        var generations = store.Numbers().Select(store.Read).OfType<GenerationRecord>().ToList();
        var known = InstalledLinks.KnownTargets(generations);
        foreach (var path in known.Keys)
        {
            var full = HostPaths.LinkUnder(root, path);
            var original = full + HostPaths.OriginalSuffix;
            if (Posix.Identity(original) is not null && Posix.SameFile(full, original))
            {
                File.Delete(original);
                done.Add($"removed {path}{HostPaths.OriginalSuffix} (an unfinished copy of {path})");
            }
            if (Posix.Identity(full + HostPaths.TemporarySuffix) is not null)
            {
                File.Delete(full + HostPaths.TemporarySuffix);
                done.Add($"removed {path}{HostPaths.TemporarySuffix}");
            }
        }
        var secretRoot = HostPaths.Under(root, InstallLayout.SecretRoot);
        if (Directory.Exists(secretRoot))
            foreach (var folder in Directory.EnumerateDirectories(secretRoot)) Secrets.RemoveLeftovers(folder);

        var target = current is { } c ? store.Read(c) : null;
        done.AddRange(new InstalledLinks(root, journal: null).Reconcile(target, known, safe: true));
        return done;
    }

    /// <summary>Deletes a folder (symlinks inside are removed, never followed) or a file.</summary>
    public static void DeleteTree(string path)
    {
        if (new FileInfo(path).LinkTarget is null && Directory.Exists(path)) Directory.Delete(path, recursive: true);
        else GenerationStore.DeleteIfPresent(path);
    }
}
