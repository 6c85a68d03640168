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
        if (current is { } n && RootFiles.FolderExists(store.Folder(n))) store.MarkBecameCurrent(n);
        foreach (var entry in RootFiles.Entries(store.GenerationsFolder))
        {
            var name = Path.GetFileName(entry);
            var isNumber = int.TryParse(name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number);
            if (isNumber && (number == current || store.BecameCurrent(number))) continue;
            DeleteTree(entry);
            done.Add($"removed {HostPaths.Generations}/{name} (left by an interrupted apply)");
        }

        var generations = store.Numbers().Select(store.Read).OfType<GenerationRecord>().ToList();
        var known = InstalledLinks.KnownTargets(generations);
        foreach (var path in known.Keys)
        {
            var full = HostPaths.LinkUnder(root, path);
            var original = full + HostPaths.OriginalSuffix;
            if (RootFiles.Exists(original) && RootFiles.SameFile(full, original))
            {
                RootFiles.DeleteIfPresent(original);
                done.Add($"removed {path}{HostPaths.OriginalSuffix} (an unfinished copy of {path})");
            }
            if (RootFiles.Exists(full + HostPaths.TemporarySuffix))
            {
                RootFiles.DeleteIfPresent(full + HostPaths.TemporarySuffix);
                done.Add($"removed {path}{HostPaths.TemporarySuffix}");
            }
        }
        var secretRoot = HostPaths.Under(root, InstallLayout.SecretRoot);
        foreach (var folder in RootFiles.Entries(secretRoot).Where(RootFiles.FolderExists)) Secrets.RemoveLeftovers(folder);

        var target = current is { } c ? store.Read(c) : null;
        done.AddRange(new InstalledLinks(root, journal: null).Reconcile(target, known, safe: true));
        return done;
    }

    /// <summary>Deletes a folder (symlinks inside are removed, never followed) or a file.</summary>
    public static void DeleteTree(string path) => RootFiles.DeleteTree(path);
}
