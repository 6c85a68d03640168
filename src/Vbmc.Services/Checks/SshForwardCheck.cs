using Vbmc.Diagnostics;

namespace Vbmc.Services.Checks;

/// <summary>
/// guix offload reaches a build VM through the host port forwarded to the guest's SSH port 22:
/// without one, the machine can never receive a build.
/// </summary>
public sealed class SshForwardCheck : IServiceCheck
{
    public void Run(ServiceGraphView graph, DiagnosticBag diagnostics)
    {
        foreach (var vm in BuildVm.All(graph))
        {
            if (!vm.HasPortForwardingList) continue; // a type error already
            if (vm.PortForwardings().Any(f => f.Guest == 22)) continue;
            diagnostics.Error(DiagnosticIds.NoSshForward, vm.PlaceOf("port-forwardings"),
                $"virtual build machine '{vm.DisplayName}' forwards no host port to guest port 22 (SSH), so builds cannot be offloaded to it",
                "add a pair such as (11022 . 22) to 'port-forwardings'");
        }
    }
}
