using Vbmc.Lowering;

namespace Vbmc.Emitters.Units;

/// <summary>shepherd/NAME.scm: a Shepherd 0.10 service for the VM.</summary>
public static class ShepherdEmitter
{
    public static Artifact Emit(VmPlan vm) => throw new NotImplementedException("placeholder");
}
