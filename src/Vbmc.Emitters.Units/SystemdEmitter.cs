using Vbmc.Lowering;

namespace Vbmc.Emitters.Units;

/// <summary>systemd/NAME.service, sysusers.d/vbmc-NAME.conf, tmpfiles.d/vbmc-NAME.conf.</summary>
public static class SystemdEmitter
{
    public static IReadOnlyList<Artifact> Emit(VmPlan vm) => throw new NotImplementedException("placeholder");
}
