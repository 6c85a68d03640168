using Vbmc.Diagnostics;

namespace Vbmc.Host.Apply;

/// <summary>What is at an installed path on the host.</summary>
public enum PathState
{
    Absent,

    /// <summary>A symlink of vbmc's (its target is the one apply writes for that path).</summary>
    Ours,

    /// <summary>Anything else: a person's file, folder or symlink. Never overwritten.</summary>
    Other,
}

/// <summary>
/// Puts the installed symlinks of a generation in place (and takes away those of the generations
/// it replaces), each with a rename(2) over the path, recording how to undo every change.
/// </summary>
internal sealed class InstalledLinks(string root, UndoJournal? journal)
{
    /// <summary>What is at the path: nothing, a symlink with one of vbmc's targets for it, or anything else.</summary>
    public static PathState Inspect(string root, string hostPath, IEnumerable<string> ourTargets)
    {
        var path = HostPaths.LinkUnder(root, hostPath);
        if (!RootFiles.Exists(path)) return PathState.Absent;
        return RootFiles.LinkTarget(path) is { } target && ourTargets.Contains(target) ? PathState.Ours : PathState.Other;
    }

    /// <summary>Every (path, target) a generation installs.</summary>
    public static IEnumerable<(string Path, string Target)> Wanted(GenerationRecord generation) =>
        generation.Files.Select(f => (f.Path, HostPaths.LinkTarget(f.Path)))
            .Concat(generation.Links.Select(l => (l.Path, l.Target)));

    /// <summary>
    /// Every target vbmc ever gave a path: the current/files link, or a fixed link target of any
    /// generation. A symlink with one of these targets is vbmc's, whoever asks.
    /// </summary>
    public static Dictionary<string, HashSet<string>> KnownTargets(IEnumerable<GenerationRecord> generations)
    {
        var known = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var generation in generations)
        {
            foreach (var (path, target) in Wanted(generation))
            {
                if (!known.TryGetValue(path, out var set)) known[path] = set = new HashSet<string>(StringComparer.Ordinal);
                set.Add(target);
            }
        }
        foreach (var machineFile in new[] { HostPaths.GuixMachines, HostPaths.NixMachines, HostPaths.GuixMachinesOfVbmc })
        {
            if (!known.TryGetValue(machineFile, out var set)) known[machineFile] = set = new HashSet<string>(StringComparer.Ordinal);
            set.Add(HostPaths.LinkTarget(machineFile));
        }
        return known;
    }

    /// <summary>
    /// Problems that forbid installing <paramref name="generation"/>: a person's file where vbmc
    /// wants a unit, script or link (never replaced), or a person's machine file when an older one
    /// is already kept at PATH.vbmc-orig (two files of theirs, one name to keep them under).
    /// </summary>
    public static IEnumerable<ApplyException> Conflicts(string root, GenerationRecord generation, Dictionary<string, HashSet<string>> known)
    {
        foreach (var (path, target) in Wanted(generation))
        {
            var targets = known.TryGetValue(path, out var set) ? set.Append(target) : [target];
            if (Inspect(root, path, targets) != PathState.Other) continue;
            var full = HostPaths.LinkUnder(root, path);
            if (!generation.Originals.Contains(path) || RootFiles.Kind(full)?.Kind == UnixFileKind.Folder)
            {
                yield return new ApplyException(DiagnosticIds.ApplyConflict, full,
                    $"{path} exists and was not installed by vbmc: vbmc never replaces it",
                    "move it away (or rename the virtual build machine), then apply again");
                continue;
            }
            var original = full + HostPaths.OriginalSuffix;
            if (RootFiles.Exists(original) && !RootFiles.SameFile(full, original))
                yield return new ApplyException(DiagnosticIds.ApplyConflict, full,
                    $"{path} is a file of yours and {path}{HostPaths.OriginalSuffix} (kept by an earlier vbmc apply) exists too",
                    $"merge your machines into {path}{HostPaths.OriginalSuffix} and remove {path}, then apply again");
        }
    }

    /// <summary>
    /// Makes the host's links those of <paramref name="target"/>: creates or replaces its links
    /// (keeping a person's machine file as PATH.vbmc-orig first), and removes vbmc's links of
    /// paths it does not install (giving a kept person's file its name back). With
    /// <paramref name="safe"/> (recovery), a person's file is left alone.
    /// </summary>
    public IReadOnlyList<string> Reconcile(GenerationRecord? target, Dictionary<string, HashSet<string>> known, bool safe = false)
    {
        var changes = new List<string>();
        var wanted = target is null ? [] : Wanted(target).ToDictionary(w => w.Path, w => w.Target, StringComparer.Ordinal);
        foreach (var (path, linkTarget) in wanted.OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            var targets = known.TryGetValue(path, out var set) ? set.Append(linkTarget) : [linkTarget];
            var full = HostPaths.LinkUnder(root, path);
            switch (Inspect(root, path, targets))
            {
                case PathState.Ours when RootFiles.LinkTarget(full) == linkTarget:
                    break;
                case PathState.Ours:
                    ReplaceOurLink(full, linkTarget);
                    changes.Add($"relink {path}");
                    break;
                case PathState.Absent:
                    CreateLink(full, linkTarget);
                    changes.Add($"link {path}");
                    break;
                case PathState.Other when !safe:
                    // Conflicts() refuses this beforehand; checked again because a person's unit
                    // or script must never be replaced, whatever the caller did.
                    if (!target!.Originals.Contains(path))
                        throw new ApplyException(DiagnosticIds.ApplyConflict, full, $"{path} exists and was not installed by vbmc: vbmc never replaces it");
                    KeepOriginalAndLink(full, linkTarget);
                    changes.Add($"keep {path} as {path}{HostPaths.OriginalSuffix}");
                    break;
            }
        }
        foreach (var (path, targets) in known.OrderByDescending(k => k.Key, StringComparer.Ordinal))
        {
            if (wanted.ContainsKey(path) || Inspect(root, path, targets) != PathState.Ours) continue;
            var full = HostPaths.LinkUnder(root, path);
            var original = full + HostPaths.OriginalSuffix;
            var oldTarget = RootFiles.LinkTarget(full)!;
            if (RootFiles.Exists(original))
            {
                RootFiles.Rename(original, full);
                journal?.Add($"give {path} back to vbmc", () =>
                {
                    RootFiles.HardLink(full, original);
                    PlaceLink(full, oldTarget);
                });
                changes.Add($"restore {path} from {path}{HostPaths.OriginalSuffix}");
            }
            else
            {
                RootFiles.DeleteIfPresent(full);
                journal?.Add($"put back the link {path}", () => PlaceLink(full, oldTarget));
                changes.Add($"unlink {path}");
            }
        }
        return changes;
    }

    private void CreateLink(string full, string target)
    {
        EnsureFolder(Path.GetDirectoryName(full)!);
        PlaceLink(full, target);
        journal?.Add($"remove the link {full}", () => GenerationStore.DeleteIfPresent(full));
    }

    private void ReplaceOurLink(string full, string target)
    {
        var old = RootFiles.LinkTarget(full)!;
        PlaceLink(full, target);
        journal?.Add($"restore the link {full}", () => PlaceLink(full, old));
    }

    /// <summary>
    /// The person's file gets the name PATH.vbmc-orig (link(2): a kill right after leaves both
    /// names on one inode, which recovery undoes), then vbmc's link is renamed over PATH.
    /// </summary>
    private void KeepOriginalAndLink(string full, string target)
    {
        var original = full + HostPaths.OriginalSuffix;
        if (!RootFiles.Exists(original)) RootFiles.HardLink(full, original);
        PlaceLink(full, target);
        journal?.Add($"give {full} back its own file", () => RootFiles.Rename(original, full));
    }

    /// <summary>Creates the link under a temporary name and renames it over the path (atomic replacement).</summary>
    public static void PlaceLink(string full, string target)
    {
        var temporary = full + HostPaths.TemporarySuffix;
        GenerationStore.DeleteIfPresent(temporary);
        RootFiles.CreateSymbolicLink(temporary, target);
        RootFiles.Rename(temporary, full);
    }

    private void EnsureFolder(string folder)
    {
        if (RootFiles.FolderExists(folder)) return;
        EnsureFolder(Path.GetDirectoryName(folder)!);
        RootFiles.CreateFolder(folder);
        journal?.Add($"remove the folder {folder}", () =>
        {
            if (RootFiles.FolderExists(folder) && RootFiles.Entries(folder).Count == 0) RootFiles.DeleteEmptyFolder(folder);
        });
    }
}
