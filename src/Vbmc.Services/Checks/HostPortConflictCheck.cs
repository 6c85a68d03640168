using System.Numerics;
using Vbmc.Diagnostics;

namespace Vbmc.Services.Checks;

/// <summary>
/// Two forwards of one host port cannot both listen: QEMU of the second VM would fail to start.
/// The error is placed at the <c>port-forwardings</c> value that somebody wrote (when one VM uses
/// the default, the other VM's value is what to change), with the other VM as related location.
/// </summary>
public sealed class HostPortConflictCheck : IServiceCheck
{
    public void Run(ServiceGraphView graph, DiagnosticBag diagnostics)
    {
        var owners = new Dictionary<BigInteger, BuildVm>();
        foreach (var vm in BuildVm.All(graph))
        {
            var own = new HashSet<BigInteger>();
            foreach (var (host, _) in vm.PortForwardings())
            {
                if (!own.Add(host))
                {
                    diagnostics.Error(DiagnosticIds.HostPortConflict, vm.PlaceOf("port-forwardings"),
                        $"host port {host} is forwarded twice by virtual build machine '{vm.DisplayName}'");
                    continue;
                }
                if (!owners.TryGetValue(host, out var first))
                {
                    owners[host] = vm;
                    continue;
                }
                var (at, other) = vm.WrittenSpan("port-forwardings") is null && first.WrittenSpan("port-forwardings") is not null
                    ? (first, vm)
                    : (vm, first);
                var message = ReferenceEquals(first.Record, vm.Record)
                    ? $"host port {host} is forwarded by two services of the same virtual build machine '{vm.DisplayName}'"
                    : $"host port {host} is forwarded by both virtual build machines '{first.DisplayName}' and '{vm.DisplayName}'";
                diagnostics.Add(new Diagnostic(DiagnosticIds.HostPortConflict, Severity.Error, at.PlaceOf("port-forwardings"), message,
                    "give each virtual build machine its own host ports in 'port-forwardings'",
                    [other.Related("port-forwardings", $"'{other.DisplayName}' forwards host port {host} here")]));
            }
        }
    }
}
