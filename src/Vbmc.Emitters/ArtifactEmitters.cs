using Vbmc.Emitters.Offload;
using Vbmc.Emitters.Shell;
using Vbmc.Emitters.Units;
using Vbmc.Lowering;

namespace Vbmc.Emitters;

/// <summary>
/// Every text artifact of a plan, from the typed emitters (one per output language, each with its
/// own quoting). Order: per VM (script, systemd, shepherd, accounts), then the machine files.
/// </summary>
public static class ArtifactEmitters
{
    public static IReadOnlyList<Artifact> EmitAll(CompilePlan plan)
    {
        var artifacts = new List<Artifact>();
        foreach (var vm in plan.Vms)
        {
            artifacts.Add(LaunchScriptEmitter.Emit(vm));
            artifacts.AddRange(SystemdEmitter.Emit(vm));
            artifacts.Add(ShepherdEmitter.Emit(vm));
            artifacts.Add(AccountsEmitter.Emit(vm));
        }
        if (plan.BuildMachines.Count > 0 || plan.Vms.Count > 0)
        {
            artifacts.Add(GuixMachinesEmitter.Emit(plan));
            artifacts.Add(NixMachinesEmitter.Emit(plan));
        }
        return artifacts;
    }
}
