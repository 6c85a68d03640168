using Vbmc.Data;
using Vbmc.Diagnostics;
using Vbmc.Evaluation.Records;
using Vbmc.Services;
using Vbmc.Services.Checks;

namespace Vbmc.Lowering;

/// <summary>Builds the <see cref="CompilePlan"/> from an analysed configuration (runs on the evaluation thread).</summary>
internal static class PlanBuilder
{
    public static CompilePlan Build(ServiceGraphView graph, string fileName, string sourceSha256, DiagnosticBag bag)
    {
        var vms = new List<VmPlan>();
        var machines = new List<BuildMachinePlan>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var vm in BuildVm.All(graph))
        {
            if (!seen.Add(vm.Record)) continue;
            if (VmLowering.Lower(vm, graph, bag) is not { } plan) continue;
            vms.Add(plan);
            // Its offload machine: the build-machine its service gives guix-service-type.
            if (BuildMachineLowering.ForVm(graph, vm, plan, bag) is { } machine) machines.Add(machine);
        }
        machines.AddRange(BuildMachineLowering.Written(graph, bag));
        var accounts = AccountLowering.OfConfiguration(graph, bag);
        ShepherdLowering.ReportOthers(graph, bag);
        return new CompilePlan(fileName, sourceSha256, vms, machines) { Accounts = accounts };
    }
}
