using Vbmc.Diagnostics;
using Vbmc.Lowering;

namespace Vbmc.Compile;

/// <summary>What to write into an output folder.</summary>
public sealed record OutputRequest
{
    /// <summary>The output folder, as the user gave it (diagnostics name paths under it that way).</summary>
    public required string Directory { get; init; }

    /// <summary>The text artifacts, with their bytes.</summary>
    public required IReadOnlyList<OutputFile> Files { get; init; }

    /// <summary>Writes the large files (images) into the staging folder; null: there are none.</summary>
    public FileProducer? Producer { get; init; }

    /// <summary>The paths <see cref="Producer"/> is expected to write (content unknown), for the dry run and the early conflict check.</summary>
    public IReadOnlyList<PlannedFile> ExpectedProduced { get; init; } = [];

    /// <summary>manifest.json without its artifact list, which is filled in here.</summary>
    public required Manifest Header { get; init; }

    /// <summary>Plan only: compare with the folder and write nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>Called before each step of the commit; may throw (tests inject failures this way).</summary>
    public Action<CommitStep>? BeforeStep { get; init; }
}

/// <summary>The outcome: the plan (null when the request was refused early), how it was committed, the manifest written.</summary>
public sealed record OutputResult(OutputPlan? Plan, CommitMode? Mode, Manifest? Manifest)
{
    /// <summary>Files written (manifest.json included); for a dry run, files that would be.</summary>
    public int FileCount => Plan?.Changes.Count(c => c.Action != ChangeAction.Remove) ?? 0;

    public static readonly OutputResult Nothing = new(null, null, null);
}

/// <summary>
/// Writes a compile folder: everything into a staging folder first, then <see cref="FolderCommit"/>
/// moves it into place. A conflict (a path we must write holds something that is not ours) or any
/// failure leaves the folder exactly as it was and is a diagnostic.
/// </summary>
public static class OutputFolder
{
    public static OutputResult Write(OutputRequest request, DiagnosticBag diagnostics)
    {
        // "out/" and "out" are the same folder; "/" stays "/".
        var directory = request.Directory.Length > 1 ? Path.TrimEndingDirectorySeparator(request.Directory) : request.Directory;
        if (!ValidPaths(request.Files.Select(f => f.Path).Concat(request.ExpectedProduced.Select(p => p.Path)), "an emitter", diagnostics))
            return OutputResult.Nothing;
        using var held = request.DryRun ? null : OutputLock.TryAcquire(directory);
        if (!request.DryRun && held is null)
        {
            diagnostics.Error(DiagnosticIds.OutputFolderBusy, SourceSpan.FileOnly(directory),
                $"another vbmc compile is writing {directory} now; nothing was written",
                "wait for it to end: two compiles into one folder would mix their files");
            return OutputResult.Nothing;
        }
        try
        {
            // Staging folders of compiles that were killed (none runs now: we hold the lock).
            if (!request.DryRun) StagingFolder.RemoveLeftovers(directory);
            var previous = PreviousOutput.Read(directory);
            if (!previous.IsFolder && previous.Kind != EntryKind.None)
            {
                diagnostics.Error(DiagnosticIds.IoError, SourceSpan.FileOnly(directory), $"cannot write to {directory}: it exists and is not a folder");
                return OutputResult.Nothing;
            }

            var textEntries = request.Files.Select(f =>
                ManifestEntries.ForContent(f.Path, f.Artifact.Kind, f.Artifact.Content, f.Artifact.Mode, f.Vm)).ToList();
            var knownManifest = request.Producer is null ? ManifestEntries.Complete(request.Header, textEntries) : null;
            var plan = Plan(directory, previous, request.Files, request.ExpectedProduced, knownManifest);
            if (Refused(plan, directory, diagnostics)) return new OutputResult(plan, null, null);
            if (request.DryRun) return new OutputResult(plan, null, knownManifest);

            using var staging = StagingFolder.CreateFor(directory);
            foreach (var file in request.Files) staging.Write(file.Path, file.Artifact.Content, file.Artifact.Mode);

            var produced = Produce(request, staging, diagnostics);
            if (produced is null) return new OutputResult(plan, null, null);
            var manifest = ManifestEntries.Complete(request.Header, textEntries.Concat(produced.Select(p =>
                ManifestEntries.ForFile(RelativePaths.Native(staging.Path, p.Path), p.Path, p.Artifact.Kind, p.Artifact.Mode, p.Vm))));
            var manifestBytes = new System.Text.UTF8Encoding(false).GetBytes(manifest.ToJson());
            staging.Write(InstallLayout.ManifestPath, manifestBytes, Artifact.Regular);

            if (produced.Count > 0)
            {
                // The producer may have written other paths than expected: check what it really wrote.
                var actual = produced.Select(p => new PlannedFile(p.Path, null, p.Artifact.Mode)).ToList();
                plan = Plan(directory, previous, request.Files, actual, manifest);
                if (Refused(plan, directory, diagnostics)) return new OutputResult(plan, null, null);
            }

            var mode = new FolderCommit(directory, staging, previous, plan, manifest, request.BeforeStep).Run();
            return new OutputResult(plan, mode, manifest);
        }
        catch (CommitFailedException e) when (e.NotRestored.Count > 0)
        {
            diagnostics.Error(DiagnosticIds.IoError, SourceSpan.FileOnly(directory),
                $"cannot write {directory}: {e.Message}; these paths could not be restored: {string.Join(", ", e.NotRestored)}"
                + (e.KeptAside is { } aside ? $" (the previous files are in {aside})" : ""),
                $"{directory}/{InstallLayout.ManifestPath} lists every file involved: run vbmc compile again to finish");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticIds.IoError, SourceSpan.FileOnly(directory), $"cannot write {directory}: {e.Message}; nothing was changed in it");
        }
        return OutputResult.Nothing;
    }

    private static OutputPlan Plan(string directory, PreviousOutput previous, IReadOnlyList<OutputFile> files,
        IReadOnlyList<PlannedFile> produced, Manifest? manifest)
    {
        var planned = files.Select(f => new PlannedFile(f.Path, f.Artifact.Content, f.Artifact.Mode))
            .Concat(produced)
            .Append(new PlannedFile(InstallLayout.ManifestPath,
                manifest is null ? null : new System.Text.UTF8Encoding(false).GetBytes(manifest.ToJson()), Artifact.Regular))
            .ToList();
        return OutputPlan.Make(directory, previous, planned);
    }

    private static bool Refused(OutputPlan plan, string directory, DiagnosticBag diagnostics)
    {
        foreach (var conflict in plan.Conflicts)
        {
            var path = Path.Join(directory, conflict.Path);
            diagnostics.Error(DiagnosticIds.OutputFolderConflict, SourceSpan.FileOnly(path),
                $"'{conflict.Path}' {conflict.Reason}: vbmc never overwrites a file it did not write, so nothing was written",
                "move it away, or choose another output folder with -o");
        }
        return plan.Conflicts.Count > 0;
    }

    private static IReadOnlyList<ProducedFile>? Produce(OutputRequest request, StagingFolder staging, DiagnosticBag diagnostics)
    {
        if (request.Producer is null) return [];
        IReadOnlyList<ProducedFile>? produced;
        try
        {
            produced = request.Producer(staging.Path, diagnostics);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            diagnostics.Error(DiagnosticIds.InternalError, SourceSpan.FileOnly(request.Directory),
                $"internal error while building images: {e.GetType().Name}: {e.Message}", "this is a bug in vbmc; please report it");
            return null;
        }
        if (produced is null || diagnostics.HasErrors) return null;
        var paths = request.Files.Select(f => f.Path).Concat(produced.Select(p => p.Path)).ToList();
        if (!ValidPaths(paths, "the image builder", diagnostics)) return null;
        foreach (var file in produced)
        {
            var native = RelativePaths.Native(staging.Path, file.Path);
            if (Entries.KindOf(native) != EntryKind.File)
            {
                diagnostics.Error(DiagnosticIds.InternalError, SourceSpan.FileOnly(request.Directory),
                    $"internal error: the image builder did not write {file.Path}", "this is a bug in vbmc; please report it");
                return null;
            }
            Entries.SetMode(native, file.Artifact.Mode);
        }
        return produced;
    }

    /// <summary>Paths must be safe, unique, not manifest.json, and no path may be a folder of another.</summary>
    private static bool ValidPaths(IEnumerable<string> paths, string who, DiagnosticBag diagnostics)
    {
        var list = paths.ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var folders = list.SelectMany(RelativePaths.Parents).ToHashSet(StringComparer.Ordinal);
        foreach (var path in list)
        {
            string? problem = !RelativePaths.IsSafe(path) ? "is not a relative path inside the folder"
                : path == InstallLayout.ManifestPath ? "is reserved for the manifest"
                : !seen.Add(path) ? "is written twice"
                : folders.Contains(path) ? "is both a file and a folder"
                : null;
            if (problem is null) continue;
            diagnostics.Error(DiagnosticIds.InternalError, SourceSpan.FileOnly("vbmc"),
                $"internal error: {who} produced the path '{path}', which {problem}", "this is a bug in vbmc; please report it");
            return false;
        }
        return true;
    }
}
