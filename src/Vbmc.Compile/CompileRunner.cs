using Vbmc.Diagnostics;
using Vbmc.Emitters;
using Vbmc.Evaluation;
using Vbmc.Image;
using Vbmc.Lowering;

namespace Vbmc.Compile;

/// <summary>What `vbmc compile` is asked to do.</summary>
public sealed record CompileRequest
{
    public required string SourcePath { get; init; }

    public required string OutputDirectory { get; init; }

    /// <summary>The version written into manifest.json (the CLI's).</summary>
    public required string VbmcVersion { get; init; }

    /// <summary>Evaluation settings (%current-system).</summary>
    public EvaluationOptions Evaluation { get; init; } = new();

    /// <summary>Build each VM's disk image, kernel and initrd (--no-image turns it off).</summary>
    public bool BuildImages { get; init; } = true;

    public bool DryRun { get; init; }

    public ImageBuildSettings ImageSettings { get; init; } = new();

    /// <summary>See <see cref="OutputRequest.BeforeStep"/>.</summary>
    public Action<CommitStep>? BeforeStep { get; init; }

    /// <summary>The emitters (vbmc's own, or more in tests).</summary>
    public IReadOnlyList<ArtifactEmitter> Emitters { get; init; } = ArtifactEmitters.Standard;

    /// <summary>The descriptor of every kind the emitters write (an artifact without one is a bug, caught here, not at apply).</summary>
    public ArtifactCatalog Artifacts { get; init; } = ArtifactCatalog.Standard;
}

/// <summary>The outcome of a compile: every diagnostic, and what was (or, for a dry run, would be) written.</summary>
public sealed record CompileResult(IReadOnlyList<Diagnostic> Diagnostics, OutputResult Output)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <summary>
/// `vbmc compile` as a library call: lower the configuration, emit the text artifacts, build the
/// images into the staging folder, write manifest.json, commit the folder (<see cref="OutputFolder"/>).
/// Nothing is written when the configuration has errors.
/// </summary>
public static class CompileRunner
{
    /// <summary>
    /// `vbmc check`: everything compile does before it writes (analysis, lowering, the values each
    /// target cannot express), so that check gives every diagnostic compile can.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Check(string sourcePath, EvaluationOptions options)
    {
        var lowering = Lowerer.LowerFile(sourcePath, options);
        if (lowering.Plan is not { } plan || lowering.HasErrors) return lowering.Diagnostics;
        return [.. lowering.Diagnostics, .. ArtifactEmitters.Problems(plan)];
    }

    public static CompileResult Run(CompileRequest request)
    {
        Vbmc.Processes.CreationMask.UseStandard(); // the output's modes do not depend on the caller's umask
        var diagnostics = new DiagnosticBag();
        LoweringResult lowering;
        try
        {
            lowering = Lowerer.LowerFile(request.SourcePath, request.Evaluation);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The library promises not to throw; if it does, the user still gets a diagnostic.
            diagnostics.Error(DiagnosticIds.InternalError, SourceSpan.FileOnly(request.SourcePath),
                $"internal error: {e.GetType().Name}: {e.Message}", "this is a bug in vbmc; please report it with the input file");
            return new CompileResult(diagnostics.Items, OutputResult.Nothing);
        }
        diagnostics.AddRange(lowering.Diagnostics);
        if (lowering.Plan is not { } plan || lowering.HasErrors) return new CompileResult(diagnostics.Items, OutputResult.Nothing);

        var problems = ArtifactEmitters.Problems(plan);
        diagnostics.AddRange(problems);
        // Warnings (what one target leaves out) do not stop the compile; errors do.
        if (problems.Any(p => p.Severity == Severity.Error)) return new CompileResult(diagnostics.Items, OutputResult.Nothing);

        IReadOnlyList<Artifact> artifacts;
        try
        {
            artifacts = ArtifactEmitters.EmitAll(plan, request.Emitters);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            diagnostics.Error(DiagnosticIds.InternalError, SourceSpan.FileOnly(request.SourcePath),
                $"internal error while writing the artifacts: {e.GetType().Name}: {e.Message}", "this is a bug in vbmc; please report it with the input file");
            return new CompileResult(diagnostics.Items, OutputResult.Nothing);
        }

        var owners = ArtifactOwners.Of(plan, request.Artifacts);
        var undescribed = artifacts.FirstOrDefault(a => !ArtifactOwners.IsDescribed(a.RelativePath, a.Kind, owners, request.Artifacts));
        if (undescribed is not null)
        {
            diagnostics.Error(DiagnosticIds.InternalError, SourceSpan.FileOnly(request.SourcePath),
                $"internal error: artifact '{undescribed.RelativePath}' ({undescribed.Kind}) has no descriptor that places it",
                "this is a bug in vbmc: every artifact kind needs a descriptor in ArtifactCatalog");
            return new CompileResult(diagnostics.Items, OutputResult.Nothing);
        }
        var output = OutputFolder.Write(new OutputRequest
        {
            Directory = request.OutputDirectory,
            Files = artifacts.Select(a => new OutputFile(a, owners.GetValueOrDefault(a.RelativePath))).ToList(),
            Producer = request.BuildImages && plan.Vms.Count > 0 ? (staging, bag) => BuildImages(plan, staging, request.ImageSettings, bag) : null,
            ExpectedProduced = request.BuildImages
                ? plan.Vms.SelectMany(ArtifactOwners.ImagePaths).Select(p => new PlannedFile(p, null, Artifact.Regular)).ToList()
                : [],
            Header = new Manifest
            {
                Vbmc = request.VbmcVersion,
                Source = new ManifestSource(Path.GetFileName(plan.SourcePath), plan.SourceSha256),
                Inputs = plan.Inputs.Count == 0 ? null : plan.Inputs.Select(f => new ManifestInput(
                    Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(plan.SourcePath))!, f.Path).Replace('\\', '/'), f.Sha256)).ToList(),
                Vms = plan.Vms.Select(ManifestVm.From).ToList(),
                Artifacts = [],
                Intents = ArtifactEmitters.Intents(plan),
            },
            DryRun = request.DryRun,
            BeforeStep = request.BeforeStep,
        }, diagnostics);
        return new CompileResult(diagnostics.Items, output);
    }

    private static IReadOnlyList<ProducedFile>? BuildImages(CompilePlan plan, string staging, ImageBuildSettings settings, DiagnosticBag diagnostics)
    {
        var produced = new List<ProducedFile>();
        foreach (var vm in plan.Vms)
        {
            var files = GuestImageBuilder.Build(vm, staging, settings, diagnostics);
            if (files is null) return null;
            produced.AddRange(files.Select(f => new ProducedFile(f, vm.Name)));
        }
        return produced;
    }
}

/// <summary>Which VM each artifact path belongs to (manifest.json's "vm"), from the descriptors' compile paths.</summary>
public static class ArtifactOwners
{
    public static IReadOnlyList<string> ImagePaths(VmPlan vm) => [vm.Image.FileName, vm.KernelFileName, vm.InitrdFileName];

    public static IReadOnlyDictionary<string, string> Of(CompilePlan plan, ArtifactCatalog? catalog = null)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var vm in plan.Vms)
        {
            foreach (var descriptor in (catalog ?? ArtifactCatalog.Standard).All.Where(d => d.PerVm))
            {
                foreach (var path in descriptor.CompilePaths(vm.Name)) owners.TryAdd(path, vm.Name);
            }
        }
        return owners;
    }

    /// <summary>Whether the catalog has the kind, for a VM's path or a shared one as the kind says, at that path.</summary>
    public static bool IsDescribed(string path, ArtifactKind kind, IReadOnlyDictionary<string, string> owners, ArtifactCatalog catalog)
    {
        if (catalog.Of(kind) is not { } descriptor) return false;
        var vm = owners.GetValueOrDefault(path);
        return descriptor.PerVm == (vm is not null) && descriptor.CompilePaths(vm).Contains(path);
    }
}
