using Vbmc.Lowering;

namespace Vbmc.Emitters.Offload;

/// <summary>machines.scm for guix offload.</summary>
public static class GuixMachinesEmitter
{
    public static Artifact Emit(CompilePlan plan) => throw new NotImplementedException("placeholder");
}
