using Vbmc.Data;
using Vbmc.Diagnostics;
using Vbmc.Evaluation.Dates;

namespace Vbmc.Services.Checks;

/// <summary>
/// The default <c>cpu</c> of a VM comes from its date and systems (see
/// <c>qemu-cpu-model-for-date</c> in stdlib/gnu/services/virtualization.scm). When that table has
/// no answer the module falls back to QEMU's <c>qemu64</c> (date before the oldest model) or
/// <c>max</c> (not an x86 system); this pass says so, once per VM (the field is thunked, so the
/// module itself would repeat it at every access). A <c>cpu</c> the user wrote is never questioned.
/// </summary>
public sealed class CpuModelCheck : IServiceCheck
{
    public const string PreTableModel = "qemu64";
    public const string NonX86Model = "max";

    public void Run(ServiceGraphView graph, DiagnosticBag diagnostics)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var vm in BuildVm.All(graph))
        {
            if (!seen.Add(vm.Record) || vm.WrittenSpan("cpu") is not null) continue;
            switch (vm.TryGet("cpu"))
            {
                case PreTableModel:
                    // Not a date: a type error of 'date' already, and the model says nothing.
                    if (vm.TryGet("date") is not SrfiDate d) break;
                    var date = d.ToQemuRtcBase();
                    diagnostics.Warning(DiagnosticIds.CpuModelFallback, vm.PlaceOf("date"),
                        $"no CPU model of vbmc's table was released before {date}: virtual build machine '{vm.DisplayName}' " +
                        $"gets QEMU's generic {PreTableModel} model (the oldest model in the table, core2duo, dates from 2006)",
                        "set 'cpu' to choose a model yourself");
                    break;
                case NonX86Model:
                    // Not a list of strings: a type error of 'systems' already.
                    if (vm.TryGet("systems") is not { } s || Lists.ToListOrNull(s) is not { } list || !list.All(x => x is string)) break;
                    var systems = Printing.Printer.Brief(s);
                    diagnostics.Note(DiagnosticIds.CpuModelFallback, vm.PlaceOf("systems"),
                        $"vbmc's CPU table only covers x86_64 and i686: virtual build machine '{vm.DisplayName}' for {systems} " +
                        $"gets QEMU's {NonX86Model} model",
                        "set 'cpu' to choose a model yourself");
                    break;
            }
        }
    }
}
