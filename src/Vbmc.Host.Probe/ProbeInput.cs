using Vbmc.Diagnostics;
using Vbmc.Evaluation;
using Vbmc.Host.Files;
using Vbmc.Lowering;

namespace Vbmc.Host.Probe;

/// <summary>What to test, and every problem met while finding it out.</summary>
/// <param name="Source">What the machines were read from (shown in the report).</param>
public sealed record ProbeInput(string Source, IReadOnlyList<ProbeTarget> Targets, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);

    /// <summary>The installed generation's manifest under <paramref name="root"/> (apply keeps "current" pointing at it).</summary>
    public static string InstalledManifest(string root) =>
        ProbeTargets.UnderRoot(root, InstallLayout.StateRoot + "/current/" + InstallLayout.ManifestPath);

    /// <summary>
    /// FILE handling of `vbmc test`: a regular file is a Nix machines file
    /// (<see cref="NixMachinesTargets"/>), or a configuration or a machines file written in the
    /// language (lowered like compile does: every build machine, VMs' own entries included); a folder is a compile folder (its manifest.json: the VMs); no file means the
    /// installed generation (R/var/lib/vbmc/current/manifest.json).
    /// </summary>
    public static ProbeInput Load(string? file, string root, EvaluationOptions options)
    {
        if (file is null) return FromManifest(InstalledManifest(root), root, "no installed generation: run 'vbmc apply' first, or name a configuration or compile folder");
        if (Directory.Exists(file)) return FromManifest(Path.Join(file, InstallLayout.ManifestPath), root, "not a compile folder: 'vbmc compile' writes manifest.json");
        // A Nix machines file (no Scheme form in it) is read as nix-daemon reads it.
        if (ReadSmall(file) is { } text && NixMachinesTargets.Looks(text)) return NixMachinesTargets.Load(file, text, root);
        var lowered = Lowerer.LowerFile(file, options);
        var targets = lowered.Plan is { } plan ? ProbeTargets.FromPlan(plan, root) : [];
        return new ProbeInput(file, targets, lowered.Diagnostics);
    }

    private static ProbeInput FromManifest(string path, string root, string hintWhenMissing)
    {
        // vbmc test reads keys at the paths a manifest names: only a VM's own, as compile writes them.
        var (manifest, problem) = ReadBeneath(root, () => ManifestReading.Read(path, hintWhenMissing));
        return manifest is null ? Failed(path, problem!) : new ProbeInput(path, ProbeTargets.FromManifest(manifest, root), []);
    }

    /// <summary>Reads with every path under <paramref name="root"/> resolved beneath it (a compile folder elsewhere is read as it is).</summary>
    private static T ReadBeneath<T>(string root, Func<T> read)
    {
        if (!OperatingSystem.IsLinux()) return read();
        using var beneath = RootFiles.Enter(root);
        return read();
    }

    private static ProbeInput Failed(string path, Diagnostic diagnostic) => new(path, [], [diagnostic]);

    /// <summary>The text of a file of at most 1 MiB (a machines file is small), else null (left to the lowering's own reading and errors).</summary>
    private static string? ReadSmall(string file)
    {
        try
        {
            var info = new FileInfo(file);
            return info.Exists && info.Length <= 1 << 20 ? File.ReadAllText(file) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
