using Vbmc.Lowering;

namespace Vbmc.Compile;

/// <summary>How the staged files reached the output folder.</summary>
public enum CommitMode
{
    /// <summary>The folder did not exist: the staging folder was renamed to it (atomic).</summary>
    NewFolder,

    /// <summary>The folder held only our files: it was swapped with the staging folder (atomic).</summary>
    Swap,

    /// <summary>The folder holds files that are not ours: ours were moved in one by one, manifest.json last.</summary>
    FileByFile,
}

/// <summary>One file system step of a commit, announced before it is taken (tests inject failures here).</summary>
public sealed record CommitStep(bool Rollback, string Action, string Path)
{
    public override string ToString() => (Rollback ? "undo: " : "") + Action + " " + Path;
}

/// <summary>A commit failed; the folder was restored unless <see cref="NotRestored"/> lists something.</summary>
public sealed class CommitFailedException(Exception cause, IReadOnlyList<string> notRestored, string? keptAside = null)
    : IOException(cause.Message, cause)
{
    /// <summary>Paths the rollback could not put back.</summary>
    public IReadOnlyList<string> NotRestored { get; } = notRestored;

    /// <summary>Where the previous files that could not be put back are.</summary>
    public string? KeptAside { get; } = keptAside;
}

/// <summary>
/// Moves a complete staging folder (every artifact and the final manifest.json) into the output
/// folder. Everything slow or fallible (emitting, building images, hashing) happened before, in
/// the staging folder; here only renames remain, chosen so that an interruption never leaves a
/// half-written folder:
/// <list type="number">
/// <item>No folder yet: rename the staging folder to it. Atomic.</item>
/// <item>The folder holds only our files (those of its manifest.json): swap the two folders with
/// renameat2(RENAME_EXCHANGE), then delete the old one. Atomic: readers see the old folder or the new
/// one. Not used when the folder is a symbolic link (the link would be replaced), vbmc's own current
/// folder, or the file system cannot swap.</item>
/// <item>Otherwise (someone else's files are in it, which must stay untouched): file by file. First
/// manifest.json is replaced by a transitional one listing the old and new paths; then our stale
/// files are moved aside, each new file is renamed into place (the old one moved aside first), and
/// the final manifest.json is renamed in last: it is the commit point. Any failure rolls every step
/// back, so the folder is as before. If the process is killed half-way, the transitional manifest
/// still claims every path involved, so the next compile finishes the job without a conflict, and
/// its hashes do not match the mixed files, so apply refuses the folder meanwhile.</item>
/// </list>
/// </summary>
public sealed class FolderCommit(string directory, StagingFolder staging, PreviousOutput previous, OutputPlan plan,
    Manifest manifest, Action<CommitStep>? beforeStep)
{
    /// <summary>Commits; on failure throws <see cref="CommitFailedException"/>, the folder restored unless it says otherwise.</summary>
    public CommitMode Run()
    {
        try
        {
            if (!previous.IsFolder)
            {
                Step("rename staging folder to", directory);
                Directory.Move(staging.Path, directory);
                return CommitMode.NewFolder;
            }
            if (CanSwap() && Swap()) return CommitMode.Swap;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new CommitFailedException(e, []);
        }
        FileByFile();
        return CommitMode.FileByFile;
    }

    private bool CanSwap() =>
        previous.Kind == EntryKind.Directory && !staging.InsideOutput
        && !SamePath(directory, Directory.GetCurrentDirectory())
        && HoldsOnlyOurs(directory, previous.Owned);

    private bool Swap()
    {
        // The new folder takes the old one's permissions (its owner stays the user's).
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(staging.Path, File.GetUnixFileMode(directory));
        Step("swap staging folder with", directory);
        if (!RenameExchange.TrySwap(staging.Path, directory)) return false;
        // The staging path now holds the old folder, deleted with the staging folder. If a file
        // that is not ours appeared in it while we compiled, swap back and go file by file.
        if (StillOnlyOurs()) return true;
        if (!RenameExchange.TrySwap(staging.Path, directory))
            throw new IOException($"{directory} changed during the compile and could not be swapped back");
        return false;
    }

    private bool StillOnlyOurs()
    {
        try
        {
            return HoldsOnlyOurs(staging.Path, previous.Owned);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true; // unreadable now as it was readable before: keep the committed swap
        }
    }

    private void FileByFile()
    {
        var aside = staging.Path + "-previous";
        var transitional = staging.Path + "-manifest.json";
        var manifestPath = RelativePaths.Native(directory, InstallLayout.ManifestPath);
        var undo = new Stack<(CommitStep Step, Action Action)>();
        try
        {
            File.WriteAllText(transitional, ManifestEntries.Transitional(previous.Manifest, manifest).ToJson());
            var hadManifest = Entries.KindOf(manifestPath) == EntryKind.File;
            if (hadManifest)
            {
                Directory.CreateDirectory(aside);
                Step("keep a copy of", InstallLayout.ManifestPath);
                File.Copy(manifestPath, Path.Combine(aside, InstallLayout.ManifestPath));
            }
            Step("write transitional", InstallLayout.ManifestPath);
            File.Move(transitional, manifestPath, overwrite: true);
            undo.Push((new CommitStep(true, "restore", InstallLayout.ManifestPath), () =>
            {
                if (hadManifest) File.Move(Path.Combine(aside, InstallLayout.ManifestPath), manifestPath, overwrite: true);
                else File.Delete(manifestPath);
            }));

            foreach (var stale in plan.Changes.Where(c => c.Action == ChangeAction.Remove))
                MoveAside(stale.Path, aside, undo);

            foreach (var change in plan.Changes.Where(c => c.Action != ChangeAction.Remove && c.Path != InstallLayout.ManifestPath))
            {
                CreateFolders(change.Path, undo);
                var target = RelativePaths.Native(directory, change.Path);
                if (Entries.KindOf(target) != EntryKind.None) MoveAside(change.Path, aside, undo);
                Step("move in", change.Path);
                var source = RelativePaths.Native(staging.Path, change.Path);
                File.Move(source, target, overwrite: false);
                undo.Push((new CommitStep(true, "move out", change.Path), () => File.Move(target, source, overwrite: false)));
            }

            Step("publish", InstallLayout.ManifestPath);
            File.Move(RelativePaths.Native(staging.Path, InstallLayout.ManifestPath), manifestPath, overwrite: true);
        }
        catch (Exception e)
        {
            var notRestored = new List<string>();
            while (undo.TryPop(out var entry))
            {
                try
                {
                    beforeStep?.Invoke(entry.Step);
                    entry.Action();
                }
                catch (Exception)
                {
                    notRestored.Add(entry.Step.Path);
                }
            }
            // Files that could not be moved back are still in the kept-aside folder: keep it.
            if (notRestored.Count == 0) TryDeleteFolder(aside);
            throw new CommitFailedException(e, notRestored, Directory.Exists(aside) ? aside : null);
        }
        finally
        {
            TryDelete(transitional);
        }
        // Every path that was ours and is no longer made (some may already be gone after an interrupted commit).
        RemoveEmptyFolders(previous.Owned.Except(plan.Changes.Where(c => c.Action != ChangeAction.Remove).Select(c => c.Path)));
        TryDeleteFolder(aside);
    }

    private void MoveAside(string path, string aside, Stack<(CommitStep, Action)> undo)
    {
        var current = RelativePaths.Native(directory, path);
        var kept = RelativePaths.Native(aside, path);
        Directory.CreateDirectory(Path.GetDirectoryName(kept)!);
        Step("move aside", path);
        File.Move(current, kept, overwrite: false);
        undo.Push((new CommitStep(true, "move back", path), () => File.Move(kept, current, overwrite: false)));
    }

    private void CreateFolders(string path, Stack<(CommitStep, Action)> undo)
    {
        foreach (var parent in RelativePaths.Parents(path))
        {
            var native = RelativePaths.Native(directory, parent);
            if (Entries.KindOf(native) != EntryKind.None) continue;
            Step("create folder", parent);
            Directory.CreateDirectory(native);
            undo.Push((new CommitStep(true, "remove folder", parent), () => Directory.Delete(native)));
        }
    }

    /// <summary>Folders that held only our stale files go with them; any other content keeps them.</summary>
    private void RemoveEmptyFolders(IEnumerable<string> removed)
    {
        foreach (var parent in removed.SelectMany(RelativePaths.Parents).Distinct().OrderByDescending(p => p.Length))
        {
            var native = RelativePaths.Native(directory, parent);
            try
            {
                if (Entries.KindOf(native) == EntryKind.Directory && !Directory.EnumerateFileSystemEntries(native).Any())
                    Directory.Delete(native);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // An empty folder left behind is harmless.
            }
        }
    }

    private void Step(string action, string path) => beforeStep?.Invoke(new CommitStep(false, action, path));

    /// <summary>True when every entry under <paramref name="root"/> is one of our files or a real folder leading to one.</summary>
    public static bool HoldsOnlyOurs(string root, IReadOnlySet<string> owned)
    {
        var folders = owned.SelectMany(RelativePaths.Parents).ToHashSet(StringComparer.Ordinal);
        return Check(root, "");

        bool Check(string native, string prefix)
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(native))
            {
                var relative = prefix + Path.GetFileName(entry);
                var ok = Entries.KindOf(entry) == EntryKind.Directory
                    ? folders.Contains(relative) && Check(entry, relative + "/")
                    : owned.Contains(relative);
                if (!ok) return false;
            }
            return true;
        }
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(b)),
            StringComparison.Ordinal);

    private static void TryDeleteFolder(string path)
    {
        try
        {
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover beside the folder is harmless; its name says what it is.
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
