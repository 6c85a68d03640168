using Vbmc.Data;
using Vbmc.Diagnostics;
using Vbmc.Evaluation;
using Vbmc.Evaluation.Records;

namespace Vbmc.Services.Checks;

/// <summary>
/// Every offload machine that reaches guix-service-type (from any service) must be a
/// <c>build-machine</c> record whose host key is an OpenSSH public key, or guix offload cannot
/// use it. <c>build-machine</c> records already type-check their <c>host-key</c> when built, so
/// this pass reports only what that check cannot see: values that are not build machines, and
/// build machines whose key field holds something that is not a string (records of another origin).
/// </summary>
public sealed class OffloadMachineCheck : IServiceCheck
{
    public const string GuixServiceTypeName = "guix";

    public void Run(ServiceGraphView graph, DiagnosticBag diagnostics)
    {
        if (!graph.Fold.Targets.TryGetValue(GuixServiceTypeName, out var target)) return;
        foreach (var (from, contribution) in target.Contributions)
        {
            foreach (var machine in MachinesOf(contribution))
            {
                var at = from.Span;
                if (machine is Gexp) continue; // upstream's style: code run by the daemon, opaque here
                if (machine is not Record { Type.Name: "<build-machine>" } record)
                {
                    diagnostics.Error(DiagnosticIds.InvalidOffloadMachine, at,
                        $"service '{from.TypeName}' gives guix-service-type an offload machine that is not a build-machine record: {Printing.Printer.Brief(machine)}");
                    continue;
                }
                object? key;
                try
                {
                    key = record.Get("host-key");
                }
                catch (SchemeError)
                {
                    continue;
                }
                if (key is string text && OpenSshPublicKey.IsValid(text)) continue;
                if (key is string) continue; // a string that is not a key: the field's type check reported it
                diagnostics.Error(DiagnosticIds.InvalidOffloadMachine, record.ValueSpans[record.Type.IndexOf("host-key")] ?? at,
                    $"offload machine '{Printing.Printer.Display(SafeName(record))}' has a host-key that is not an OpenSSH public key: {Printing.Printer.Brief(key ?? Unspecified.Instance)}");
            }
        }
    }

    private static object SafeName(Record record)
    {
        try { return record.Get("name"); }
        catch (SchemeError) { return "?"; }
    }

    /// <summary>
    /// The build machines of one contribution: a guix-extension record's <c>build-machines</c>,
    /// or a list of machines given directly (the agreed interface allows both).
    /// </summary>
    private static IEnumerable<object> MachinesOf(object contribution)
    {
        if (contribution is Record { Type.Name: "<guix-extension>" } extension && extension.Type.IndexOf("build-machines") >= 0)
        {
            object machines;
            try { machines = extension.Get("build-machines"); }
            catch (SchemeError) { yield break; }
            foreach (var m in Lists.ToListOrNull(machines) ?? []) yield return m;
            yield break;
        }
        if (Lists.ToListOrNull(contribution) is { } list)
            foreach (var m in list.Where(m => m is Record { Type.Name: "<build-machine>" })) yield return m;
    }
}
