using Vbmc.Lowering;

namespace Vbmc.Emitters.Shell;

/// <summary>run-NAME.sh: the VM's QEMU launch script (POSIX sh).</summary>
public static class LaunchScriptEmitter
{
    public static Artifact Emit(VmPlan vm) => throw new NotImplementedException("placeholder: owned by the launch-script work");
}
