using Vbmc.Diagnostics;
using Vbmc.Host.Probe;
using Vbmc.Services;

namespace Vbmc.Host.Operate;

/// <summary>
/// Finds a VM by name in the installed generation under a root (R/var/lib/vbmc/current/manifest.json,
/// read and checked as `vbmc test` reads it). A name that no VM could have is a usage error before
/// anything is read (it would become a path); a name not installed gets the closest installed one.
/// </summary>
public static class VmLocator
{
    public static (InstalledVm? Vm, Diagnostic? Problem) Find(string root, string name)
    {
        if (!VmNames.IsValid(name) || VmNames.Reserved.Contains(name))
        {
            return (null, Diagnostic.Error(DiagnosticIds.UsageError, SourceSpan.FileOnly("vbmc"),
                $"'{ReportWriter.Printable(name)}' is not a VM name (lower-case letters, digits, '_' and '-', starting with a letter or '_')",
                "`vbmc status` lists the installed VMs"));
        }
        var (manifest, problem) = ReadInstalled(root);
        if (manifest is null) return (null, problem);
        if (manifest.Vms.FirstOrDefault(v => v.Name == name) is { } vm) return (new InstalledVm(vm, root), null);
        var names = manifest.Vms.Select(v => v.Name).ToList();
        var close = Vbmc.Evaluation.Records.Spelling.Closest(name, names);
        return (null, Diagnostic.Error(DiagnosticIds.UsageError, SourceSpan.FileOnly(ProbeInput.InstalledManifest(root)),
            $"no VM named '{name}' is installed",
            close is not null ? $"did you mean '{close}'?"
            : names.Count == 0 ? "the installed generation has no VM" : $"the installed VMs are {string.Join(", ", names)}"));
    }

    /// <summary>Every VM of the installed generation, in the manifest's order.</summary>
    public static (IReadOnlyList<InstalledVm> Vms, Diagnostic? Problem) All(string root)
    {
        var (manifest, problem) = ReadInstalled(root);
        return manifest is null ? ([], problem) : (manifest.Vms.Select(v => new InstalledVm(v, root)).ToList(), null);
    }

    private static (Vbmc.Lowering.Manifest?, Diagnostic?) ReadInstalled(string root)
    {
        using var beneath = Vbmc.Host.Files.RootFiles.Enter(root); // links under the root lead inside it
        return ManifestReading.Read(ProbeInput.InstalledManifest(root), "no installed generation: run 'vbmc apply' first");
    }
}
