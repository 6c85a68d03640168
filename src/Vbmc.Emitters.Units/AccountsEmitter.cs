using Vbmc.Lowering;

namespace Vbmc.Emitters.Units;

/// <summary>accounts/NAME.json: the host account and group, and the guest's offloading account.</summary>
public static class AccountsEmitter
{
    public static Artifact Emit(VmPlan vm) => throw new NotImplementedException("placeholder");
}
