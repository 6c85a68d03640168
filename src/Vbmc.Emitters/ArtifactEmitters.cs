using Vbmc.Diagnostics;
using Vbmc.Emitters.Libvirt;
using Vbmc.Emitters.Offload;
using Vbmc.Emitters.Shell;
using Vbmc.Emitters.Units;
using Vbmc.Lowering;

namespace Vbmc.Emitters;

/// <summary>
/// Every text artifact of a plan, from the typed emitters (one per output language, each with its
/// own quoting). Order: per VM (script, systemd, shepherd, accounts, libvirt), then the machine files.
/// </summary>
public static class ArtifactEmitters
{
    /// <summary>
    /// Values of the plan some target cannot express (Nix's machines file has no quoting): errors
    /// at the value's record, to report before <see cref="EmitAll"/>, which refuses them.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Problems(CompilePlan plan) =>
    [
        .. NixMachinesEmitter.Problems(plan)
            .Select(p => Diagnostic.Error(DiagnosticIds.NotExpressible, PlaceOf(plan, p.Machine.Place), p.Message,
                "nix/machines has no quoting: use a value without white space, '#', ';' or ','")),
        // Warnings: the libvirt domain is one way among others to run the VM, and says in its comments what it leaves out.
        .. LibvirtDomainEmitter.Problems(plan)
            .Select(p => Diagnostic.Warning(DiagnosticIds.UnsupportedForCompile, PlaceOf(plan, p.Vm.Place), p.Message,
                "write the property as a feature switch (+name, -name, name=on, name=off), or run the VM with run-NAME.sh")),
    ];

    private static SourceSpan PlaceOf(CompilePlan plan, SourceSpan place) =>
        place.File is null ? SourceSpan.FileOnly(plan.SourcePath) : place;

    /// <summary>
    /// What apply does beside placing the artifacts, as the manifest's data: the accounts of the
    /// sysusers.d files, the folders of the tmpfiles.d files, the units to enable, and the
    /// nix/machines lines (only when <see cref="EmitAll"/> writes nix/machines).
    /// </summary>
    public static ManifestIntents Intents(CompilePlan plan) => new(
        [.. plan.Vms.Select(ManifestAccount.From), .. ManifestAccount.From(plan.Accounts)],
        [.. plan.Vms.SelectMany(ManifestFolder.From)],
        [.. plan.Vms.Select(ManifestUnit.From)],
        plan.BuildMachines.Count > 0 || plan.Vms.Count > 0 ? NixMachinesEmitter.Intents(plan) : []);

    /// <summary>
    /// vbmc's emitters, each with the artifacts it writes for a plan; a compilation may be given
    /// more (an artifact is one emitter here and one descriptor in <see cref="ArtifactCatalog"/>).
    /// </summary>
    public static IReadOnlyList<ArtifactEmitter> Standard { get; } =
    [
        plan => plan.Vms.Select(LaunchScriptEmitter.Emit),
        plan => plan.Vms.SelectMany(SystemdEmitter.Emit),
        plan => plan.Vms.Select(ShepherdEmitter.Emit),
        plan => plan.Vms.Select(AccountsEmitter.Emit),
        plan => plan.Vms.Select(LibvirtDomainEmitter.Emit),
        plan => plan.Accounts.IsEmpty ? [] : [SystemdEmitter.ConfigurationSysusers(plan)],
        plan => plan.BuildMachines.Count > 0 || plan.Vms.Count > 0 ? [GuixMachinesEmitter.Emit(plan), NixMachinesEmitter.Emit(plan)] : [],
        plan => plan.Vms.Any(v => v.SshHostPort is not null) ? [SshConfigEmitter.Emit(plan)] : [],
    ];

    public static IReadOnlyList<Artifact> EmitAll(CompilePlan plan, IReadOnlyList<ArtifactEmitter>? emitters = null) =>
        [.. (emitters ?? Standard).SelectMany(emit => emit(plan))];
}

/// <summary>One emitter: the artifacts of its output language for a plan.</summary>
public delegate IEnumerable<Artifact> ArtifactEmitter(CompilePlan plan);
