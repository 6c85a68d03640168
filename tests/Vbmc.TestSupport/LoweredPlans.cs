using Vbmc.Evaluation;
using Vbmc.Lowering;

namespace Vbmc.TestSupport;

/// <summary>Plans lowered from real configuration text, for emitter and host tests.</summary>
public static class LoweredPlans
{
    /// <summary>Lowers the text; fails the test with every diagnostic when there is an error.</summary>
    public static CompilePlan FromText(string text, string fileName = "test.scm", string system = "x86_64-linux")
    {
        var result = Lowerer.Lower(text, fileName, "0000000000000000000000000000000000000000000000000000000000000000",
            new EvaluationOptions { System = system });
        if (result.Plan is null)
            throw new InvalidOperationException("lowering failed:\n" + string.Join("\n", result.Diagnostics.Select(d => d.ToString())));
        return result.Plan;
    }

    public static CompilePlan FromFile(string path, string system = "x86_64-linux")
    {
        var result = Lowerer.LowerFile(path, new EvaluationOptions { System = system });
        if (result.Plan is null)
            throw new InvalidOperationException($"lowering {path} failed:\n" + string.Join("\n", result.Diagnostics.Select(d => d.ToString())));
        return result.Plan;
    }

    /// <summary>One VM with the given virtual-build-machine fields, e.g. "(name 'vm1) (cpu-count 2)".</summary>
    public static VmPlan Vm(string fields = "") =>
        FromText($"(use-modules (gnu services virtualization))\n(list (service virtual-build-machine-service-type (virtual-build-machine {fields})))").Vms.Single();
}
