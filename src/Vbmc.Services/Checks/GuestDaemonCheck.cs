using Vbmc.Diagnostics;

namespace Vbmc.Services.Checks;

/// <summary>
/// A VM extends guix-service-type with its offload entry, as upstream's does, so an
/// <c>operating-system</c> with guix-service-type offloads to every VM. A VM whose guest runs
/// no guix-daemon cannot take those builds: vbmc leaves it out of machines.scm, and says so
/// here (a warning: the VM still serves nix-daemon, and the configuration is valid Guix).
/// Bare service lists, with no guix-service-type of their own, get no warning.
/// </summary>
public sealed class GuestDaemonCheck : IServiceCheck
{
    public void Run(ServiceGraphView graph, DiagnosticBag diagnostics)
    {
        // Only a guix-service-type the configuration has (its own or %base-services'): one that the
        // fold instantiated because the VMs extend it stands for no guix-daemon of the user's.
        if (!graph.Fold.Targets.TryGetValue(OffloadMachineCheck.GuixServiceTypeName, out var guix) || guix.Node.IsImplicit) return;
        foreach (var vm in BuildVm.All(graph))
        {
            if (vm.Daemons() is not { } daemons || daemons.Contains(GuestDaemons.Guix)) continue;
            diagnostics.Warning(DiagnosticIds.GuestLacksDaemon, vm.ImageBasePlace(),
                $"guix-configuration offloads to virtual build machine '{vm.DisplayName}', but its guest runs no guix-daemon: " +
                "vbmc leaves it out of machines.scm",
                daemons.Count == 0
                    ? "add \"guix\" to the debian-base packages (or guix-daemon to a root-base's daemons)"
                    : $"its guest serves {string.Join(" and ", daemons)} only; add \"guix\" to the debian-base packages for guix offload");
        }
    }
}
