using Vbmc.Lowering;

namespace Vbmc.Emitters.Offload;

/// <summary>nix/machines in Nix's machine-file format.</summary>
public static class NixMachinesEmitter
{
    public static Artifact Emit(CompilePlan plan) => throw new NotImplementedException("placeholder");
}
