using Vbmc.Lowering;

namespace Vbmc.Compile;

public enum ChangeAction
{
    /// <summary>The path is new in the folder.</summary>
    Create,

    /// <summary>One of our files is there and gets new bytes or a new mode.</summary>
    Replace,

    /// <summary>One of our files is there with the same bytes and mode (it is still rewritten).</summary>
    Unchanged,

    /// <summary>One of our files that this compile no longer makes (e.g. a VM that was removed).</summary>
    Remove,
}

/// <summary>What a compile does to one path of the folder; Size is the new size (the current one for Remove), null when unknown.</summary>
public sealed record FileChange(string Path, ChangeAction Action, long? Size);

/// <summary>A path we must write where something that is not ours is in the way.</summary>
public sealed record OutputConflict(string Path, string Reason);

/// <summary>A file the compile will write: Content null when another stage makes it (images).</summary>
public sealed record PlannedFile(string Path, byte[]? Content, int Mode)
{
    public long? Size => Content?.LongLength;
}

/// <summary>Every change a compile makes to the folder, sorted by path, and what stands in its way.</summary>
public sealed record OutputPlan(IReadOnlyList<FileChange> Changes, IReadOnlyList<OutputConflict> Conflicts)
{
    /// <summary>
    /// Compares the files to write (manifest.json included) with the folder's current content.
    /// A path may be written when nothing is there or when it is ours (see <see cref="PreviousOutput"/>);
    /// anything else at that path, or a symbolic link or file where a folder is needed, is a conflict.
    /// </summary>
    public static OutputPlan Make(string directory, PreviousOutput previous, IReadOnlyList<PlannedFile> files)
    {
        var changes = new List<FileChange>();
        var conflicts = new List<OutputConflict>();
        var writing = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);

        foreach (var file in files)
        {
            if (!previous.IsFolder)
            {
                changes.Add(new FileChange(file.Path, ChangeAction.Create, file.Size));
                continue;
            }
            if (FolderProblem(directory, previous, writing, file.Path) is { } inTheWay)
            {
                conflicts.Add(inTheWay);
                continue;
            }
            var native = RelativePaths.Native(directory, file.Path);
            switch (Entries.KindOf(native))
            {
                case EntryKind.None:
                    changes.Add(new FileChange(file.Path, ChangeAction.Create, file.Size));
                    break;
                case EntryKind.Directory:
                    conflicts.Add(new OutputConflict(file.Path, "is a folder"));
                    break;
                default:
                    if (!previous.Owned.Contains(file.Path))
                    {
                        conflicts.Add(file.Path == InstallLayout.ManifestPath && previous.ManifestProblem is { } problem
                            ? new OutputConflict(file.Path, "exists but " + problem)
                            : new OutputConflict(file.Path, $"exists and vbmc did not write it (it is not listed in {InstallLayout.ManifestPath})"));
                    }
                    else
                    {
                        changes.Add(new FileChange(file.Path, IsSame(native, file) ? ChangeAction.Unchanged : ChangeAction.Replace, file.Size));
                    }
                    break;
            }
        }

        if (previous.IsFolder)
        {
            foreach (var stale in previous.Owned.Where(p => !writing.Contains(p)))
            {
                if (!Entries.ParentsAreRealFolders(directory, stale)) continue;
                var native = RelativePaths.Native(directory, stale);
                var kind = Entries.KindOf(native);
                if (kind is EntryKind.File) changes.Add(new FileChange(stale, ChangeAction.Remove, new FileInfo(native).Length));
                else if (kind is EntryKind.SymbolicLink) changes.Add(new FileChange(stale, ChangeAction.Remove, null));
            }
        }

        changes.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        // Files below one misplaced folder all report that folder: once is enough.
        var distinct = conflicts.DistinctBy(c => c.Path).OrderBy(c => c.Path, StringComparer.Ordinal).ToList();
        return new OutputPlan(changes, distinct);
    }

    /// <summary>A folder on the way to <paramref name="path"/> that is a link, or a file we may not remove.</summary>
    private static OutputConflict? FolderProblem(string directory, PreviousOutput previous, IReadOnlySet<string> writing, string path)
    {
        foreach (var parent in RelativePaths.Parents(path))
        {
            switch (Entries.KindOf(RelativePaths.Native(directory, parent)))
            {
                case EntryKind.SymbolicLink:
                    return new OutputConflict(parent, "is a symbolic link (vbmc does not write through links)");
                case EntryKind.File when !previous.Owned.Contains(parent) || writing.Contains(parent):
                    return new OutputConflict(parent, "is a file where vbmc needs a folder");
                case EntryKind.File:
                    return null; // our stale file: removed before anything is written below it
            }
        }
        return null;
    }

    private static bool IsSame(string native, PlannedFile file)
    {
        if (file.Content is null || Entries.KindOf(native) != EntryKind.File) return false;
        var info = new FileInfo(native);
        if (info.Length != file.Content.LongLength || Entries.ModeOf(native) != file.Mode) return false;
        return File.ReadAllBytes(native).AsSpan().SequenceEqual(file.Content);
    }
}
