using Vbmc.Lowering;
using Vbmc.TestSupport;

namespace Vbmc.Emitters.Offload.Tests;

/// <summary>
/// A VM's entry is among the build machines Guix 1.5.0 reads from machines.scm only while the VM
/// runs: its pid file holds the pid of a live process (and its host key is installed). Every
/// other state, however broken, leaves the entry out without an error or a warning reaching
/// guix offload.
/// </summary>
[Collection(GuixOffloadOracleCollection.Name)]
public sealed class GuixRunningVmRuleTests(GuixOffloadOracle guix)
{
    private static readonly Lazy<CompilePlan> TwoVmsAndAFarm = new(() => LoweredPlans.FromText("""
        (use-modules (gnu services) (gnu services base) (gnu services virtualization) (guix scripts offload))
        (list (service virtual-build-machine-service-type
                       (virtual-build-machine (name 'first) (port-forwardings '((11022 . 22)))))
              (service virtual-build-machine-service-type
                       (virtual-build-machine (name 'second) (cpu-count 2) (port-forwardings '((12022 . 22)))))
              (service guix-service-type
                       (guix-configuration
                        (build-machines
                         (list (build-machine
                                 (name "node.example.org")
                                 (systems '("x86_64-linux"))
                                 (user "offload")
                                 (host-key "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHxTuOrbRjJgSydTgLs5Rr1SvJivEgLNrElKlModuw3o")))))))
        """));

    public static TheoryData<string, string?> PidFiles() => new()
    {
        { "live pid", $"{HostState.LivePid}\n" },
        { "live pid with spaces around it", $"  {HostState.LivePid} \n\n" },
        { "live pid without a line break", $"{HostState.LivePid}" },
        { "no pid file", null },
        { "stale pid", $"{HostState.DeadPid}\n" },
        { "empty", "" },
        { "not a number", "qemu\n" },
        { "two numbers", $"{HostState.LivePid} {HostState.LivePid}\n" },
        { "negative", $"-{HostState.LivePid}\n" },
        { "a path", $"../{HostState.LivePid}\n" },
        { "zero", "0\n" },
        { "binary junk", "\u0000\u00ff\u00fe" },
    };

    [Theory]
    [MemberData(nameof(PidFiles))]
    public void The_entry_is_present_only_for_a_live_pid(string state, string? pidFile)
    {
        var plan = OneVm();
        var root = new HostState().HostKey("build-vm", HostState.HostKeyOf("build-vm") + "\n");
        if (pidFile is not null) root.PidFile("build-vm", pidFile);

        var machines = guix.Load(GuixMachinesEmitter.Render(plan), [root]).Single();

        var live = state.StartsWith("live", StringComparison.Ordinal);
        machines.Select(MachineFields.Read).Should().Equal(
            live ? plan.BuildMachines.Select(m => MachineFields.Of(m, HostState.HostKeyOf("build-vm"))) : [], state);
    }

    [Fact]
    public void An_unreadable_pid_file_or_a_missing_or_empty_host_key_leaves_the_entry_out()
    {
        var plan = OneVm();
        var pidIsAFolder = new HostState().FolderAt(InstallLayout.PidFile("build-vm")).HostKey("build-vm", HostState.HostKeyOf("build-vm"));
        var noKey = new HostState().PidFile("build-vm", $"{HostState.LivePid}\n");
        var blankKey = new HostState().PidFile("build-vm", $"{HostState.LivePid}\n").HostKey("build-vm", " \n\t\n");
        var keyIsAFolder = new HostState().PidFile("build-vm", $"{HostState.LivePid}\n").FolderAt(InstallLayout.GuestHostPublicKey("build-vm"));

        var results = guix.Load(GuixMachinesEmitter.Render(plan), [pidIsAFolder, noKey, blankKey, keyIsAFolder]);

        results.Should().HaveCount(4).And.OnlyContain(machines => machines.Count == 0);
    }

    [Fact]
    public void Each_vm_follows_its_own_pid_file_and_the_order_of_the_plan_is_kept()
    {
        var plan = TwoVmsAndAFarm.Value;
        plan.BuildMachines.Select(m => m.Vm ?? m.Name).Should().Equal("first", "second", "node.example.org");
        var secondOnly = new HostState().Running("second").PidFile("first", $"{HostState.DeadPid}\n").HostKey("first", HostState.HostKeyOf("first"));
        var both = new HostState().Running("first").Running("second");

        var results = guix.Load(GuixMachinesEmitter.Render(plan), [secondOnly, both]);

        results[0].Select(MachineFields.Read).Should().Equal(Expected(plan, "second"));
        results[1].Select(MachineFields.Read).Should().Equal(Expected(plan, "first", "second"));
        ((GuileValue.Text)results[1][1]["host-key"]).Value.Should().Be(HostState.HostKeyOf("second"));
        ((GuileValue.Integer)results[1][1]["parallel-builds"]).Value.Should().Be(2);
    }

    [Fact]
    public void Guix_reports_a_file_it_rejects_and_the_oracle_sees_it()
    {
        // The oracle itself: a machines file Guix refuses, or one whose value is not a list of
        // build machines (Guix then warns and uses no machine), is not a clean load.
        var loads = guix.LoadAsIs("""
            (list (build-machine (name "a") (systems '("x86_64-linux"))))
            """, [new HostState()]).Concat(guix.LoadAsIs("42\n", [new HostState()])).ToList();

        loads[0].Thrown.Should().NotBeNull();
        loads[0].Diagnostics.Should().Contain("missing field initializers (user host-key)");
        loads[1].Thrown.Should().BeNull();
        loads[1].Diagnostics.Should().Contain("did not return a list of build machines");
        loads.Should().OnlyContain(l => !l.Clean && l.Machines.Count == 0);
    }

    [Fact]
    public void A_plan_without_machines_evaluates_to_the_empty_list()
    {
        var plan = new CompilePlan("none.scm", new string('0', 64), [], []);

        guix.Load(GuixMachinesEmitter.Render(plan), [new HostState()]).Single().Should().BeEmpty();
    }

    /// <summary>The plan's machines Guix must return while only <paramref name="running"/> VMs run.</summary>
    private static IEnumerable<string> Expected(CompilePlan plan, params string[] running) =>
        plan.BuildMachines
            .Where(m => m.Vm is null || running.Contains(m.Vm))
            .Select(m => MachineFields.Of(m, m.Vm is { } vm ? HostState.HostKeyOf(vm) : m.HostKey!));

    private static CompilePlan OneVm() => LoweredPlans.FromText("""
        (use-modules (gnu services virtualization))
        (list (service virtual-build-machine-service-type))
        """);
}
