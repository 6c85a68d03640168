using Vbmc.Lowering;
using Vbmc.TestSupport;

namespace Vbmc.Emitters.Offload.Tests;

/// <summary>
/// A VM's entry is in machines.scm's value only while the VM runs: its pid file holds the pid of
/// a live process (and its host key is installed). Every other state, however broken, leaves the
/// entry out without an error reaching guix offload.
/// </summary>
public sealed class GuixRunningVmRuleTests
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
        using var root = new HostState();
        root.HostKey("build-vm", HostState.HostKeyOf("build-vm") + "\n");
        if (pidFile is not null) root.PidFile("build-vm", pidFile);

        var machines = GuileMachinesFile.Evaluate(GuixMachinesEmitter.Render(plan), [root.Root]).Single();

        var live = state.StartsWith("live", StringComparison.Ordinal);
        machines.Should().HaveCount(live ? 1 : 0, state);
        if (live) ((GuileValue.Text)machines[0]["host-key"]).Value.Should().Be(HostState.HostKeyOf("build-vm"));
    }

    [Fact]
    public void An_unreadable_pid_file_or_a_missing_or_empty_host_key_leaves_the_entry_out()
    {
        var plan = OneVm();
        using var pidIsAFolder = new HostState();
        pidIsAFolder.FolderAt(InstallLayout.PidFile("build-vm")).HostKey("build-vm", HostState.HostKeyOf("build-vm"));
        using var noKey = new HostState();
        noKey.PidFile("build-vm", $"{HostState.LivePid}\n");
        using var blankKey = new HostState();
        blankKey.PidFile("build-vm", $"{HostState.LivePid}\n").HostKey("build-vm", " \n\t\n");
        using var keyIsAFolder = new HostState();
        keyIsAFolder.PidFile("build-vm", $"{HostState.LivePid}\n").FolderAt(InstallLayout.GuestHostPublicKey("build-vm"));

        var results = GuileMachinesFile.Evaluate(GuixMachinesEmitter.Render(plan),
            [pidIsAFolder.Root, noKey.Root, blankKey.Root, keyIsAFolder.Root]);

        results.Should().HaveCount(4).And.OnlyContain(machines => machines.Count == 0);
    }

    [Fact]
    public void Each_vm_follows_its_own_pid_file_and_the_order_of_the_plan_is_kept()
    {
        var plan = TwoVmsAndAFarm.Value;
        plan.BuildMachines.Select(m => m.Vm ?? m.Name).Should().Equal("first", "second", "node.example.org");
        using var secondOnly = new HostState();
        secondOnly.Running("second").PidFile("first", $"{HostState.DeadPid}\n").HostKey("first", HostState.HostKeyOf("first"));
        using var both = new HostState();
        both.Running("first").Running("second");

        var results = GuileMachinesFile.Evaluate(GuixMachinesEmitter.Render(plan), [secondOnly.Root, both.Root]);

        results[0].Select(Describe).Should().Equal("127.0.0.1:12022", "node.example.org:22");
        results[1].Select(Describe).Should().Equal("127.0.0.1:11022", "127.0.0.1:12022", "node.example.org:22");
        ((GuileValue.Text)results[1][1]["host-key"]).Value.Should().Be(HostState.HostKeyOf("second"));
        ((GuileValue.Integer)results[1][1]["parallel-builds"]).Value.Should().Be(2);
    }

    [Fact]
    public void A_plan_without_machines_evaluates_to_the_empty_list()
    {
        var plan = new CompilePlan("none.scm", new string('0', 64), [], []);
        using var root = new HostState();

        GuileMachinesFile.Evaluate(GuixMachinesEmitter.Render(plan), [root.Root]).Single().Should().BeEmpty();
    }

    private static string Describe(IReadOnlyDictionary<string, GuileValue> machine) =>
        $"{((GuileValue.Text)machine["name"]).Value}:{(machine.TryGetValue("port", out var p) ? ((GuileValue.Integer)p).Value : 22)}";

    private static CompilePlan OneVm() => LoweredPlans.FromText("""
        (use-modules (gnu services virtualization))
        (list (service virtual-build-machine-service-type))
        """);
}
