using Vbmc.Lowering;
using Vbmc.TestSupport;

namespace Vbmc.Emitters.Offload.Tests;

/// <summary>
/// machines.scm of every acceptance file that checks ok and of every example, loaded by Guix
/// 1.5.0 as guix offload loads it: with every VM running the file gives every machine of the
/// plan with the plan's values, in order; with no VM running (no pid files, then dead pids)
/// only the machines the configuration wrote.
/// </summary>
[Collection(GuixOffloadOracleCollection.Name)]
public sealed class GuixMachinesFromConfigurationsTests(GuixOffloadOracle guix)
{
    public static TheoryData<string> Configurations()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepoPaths.Acceptance, "*.scm").Order(StringComparer.Ordinal))
            if (AcceptanceFile.Load(file).ExpectOk) data.Add(Path.GetRelativePath(RepoPaths.Root, file));
        foreach (var file in Directory.GetFiles(RepoPaths.Examples, "*.scm").Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(RepoPaths.Root, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Guix_reads_the_plans_machines(string relativePath)
    {
        var plan = LoweredPlans.FromFile(Path.Combine(RepoPaths.Root, relativePath));
        plan.BuildMachines.Should().NotBeEmpty("every acceptance file that checks ok and every example declares build machines");

        var running = new HostState();
        foreach (var vm in plan.Vms) running.Running(vm.Name);
        var stopped = new HostState();
        var crashed = new HostState();
        foreach (var vm in plan.Vms) crashed.PidFile(vm.Name, $"{HostState.DeadPid}\n").HostKey(vm.Name, HostState.HostKeyOf(vm.Name));

        var text = GuixMachinesEmitter.Render(plan);
        var results = guix.Load(text, [running, stopped, crashed]);

        var all = plan.BuildMachines.Select(m => MachineFields.Of(m, m.Vm is { } vm ? HostState.HostKeyOf(vm) : m.HostKey!)).ToList();
        results[0].Select(MachineFields.Read).Should().Equal(all, text);

        var written = plan.BuildMachines.Where(m => m.Vm is null).Select(m => MachineFields.Of(m, m.HostKey!)).ToList();
        results[1].Select(MachineFields.Read).Should().Equal(written, text);
        results[2].Select(MachineFields.Read).Should().Equal(written, text);
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Two_lowerings_give_the_same_bytes_in_plain_ascii(string relativePath)
    {
        var path = Path.Combine(RepoPaths.Root, relativePath);
        var first = GuixMachinesEmitter.Emit(LoweredPlans.FromFile(path));
        var second = GuixMachinesEmitter.Emit(LoweredPlans.FromFile(path));

        first.RelativePath.Should().Be(InstallLayout.GuixMachinesPath);
        first.Kind.Should().Be(ArtifactKind.GuixMachines);
        first.Content.Should().Equal(second.Content);
        first.Content.Should().OnlyContain(b => b == (byte)'\n' || (b >= 0x20 && b < 0x7f), "the file must read the same under any locale");
    }
}
