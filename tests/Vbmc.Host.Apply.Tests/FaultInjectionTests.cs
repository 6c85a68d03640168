using Vbmc.Host.Apply.Tests.Support;

namespace Vbmc.Host.Apply.Tests;

/// <summary>Two roots, prepared once: before a first apply (with a person's machine files) and after generation 1.</summary>
public sealed class FaultTemplates : IDisposable
{
    public TestRoot Fresh { get; } = new();
    public TestRoot AfterFirst { get; } = new();
    public SortedDictionary<string, TreeEntry> FreshTree { get; }
    public SortedDictionary<string, TreeEntry> AfterFirstTree { get; }

    public FaultTemplates()
    {
        Fresh.Write("/etc/nix/machines", "ssh://me@builder.example.org x86_64-linux - 1 1 - - -\n");
        Fresh.Write("/etc/guix/machines.scm", "(list)\n");
        FreshTree = Tree.Take(Fresh.Root);
        AfterFirst.CopyRootFrom(Fresh.Root);
        Run.Apply(Compiled.FirstFolder, AfterFirst.Root).ShouldSucceed();
        AfterFirstTree = Tree.Take(AfterFirst.Root);
    }

    public void Dispose()
    {
        Fresh.Dispose();
        AfterFirst.Dispose();
    }
}

/// <summary>
/// Apply fails at each of its steps in turn (every name of <see cref="ApplySteps.All"/>, so a new
/// step is covered without editing this test). The rule checked:
/// <list type="bullet">
/// <item>a failure (exception) at any step before the commit point leaves the root exactly as it
/// was, generations area included, apart from what apply only ever adds (accounts, the secrets
/// and folders of VMs, the lock file); a failure after it (start-units) leaves the new generation
/// fully in place;</item>
/// <item>a SIGKILL before the switch leaves the root as it was outside the generations area
/// (its leftover N.partial or never-current N is removed by the next apply, which then numbers
/// its generation as if nothing had happened); a SIGKILL after the switch leaves the new
/// generation current, and the next apply completes it (then has nothing to do).</item>
/// </list>
/// </summary>
[Collection(CompiledCollection.Name)]
public sealed class FaultInjectionTests(FaultTemplates templates) : IClassFixture<FaultTemplates>
{
    public static TheoryData<string> Steps => new(ApplySteps.All);

    private static bool AfterCommit(string step) => ApplySteps.AfterCommit.Contains(step);

    private static bool AfterSwitch(string step) =>
        ApplySteps.All.ToList().IndexOf(step) > ApplySteps.All.ToList().IndexOf(ApplySteps.Switch);

    [Theory]
    [MemberData(nameof(Steps))]
    public void A_failure_at_a_step_of_a_first_apply_leaves_the_root_as_it_was(string step)
    {
        using var t = new TestRoot();
        t.CopyRootFrom(templates.Fresh.Root);
        var outcome = Run.Apply(Compiled.FirstFolder, t.Root, faultStep: step);
        outcome.Errors.Should().ContainSingle(outcome.Describe()).Which.Message.Should().Contain($"injected fault at step '{step}'");
        if (AfterCommit(step))
        {
            Installed.Problems(t.Root, 1).Should().BeEmpty();
            return;
        }
        Tree.Differences(templates.Fresh.Root, templates.FreshTree, t.Root, Tree.Take(t.Root)).Should().BeEmpty();
        new GenerationStore(t.Root).Current.Should().BeNull();
        new GenerationStore(t.Root).Numbers().Should().BeEmpty();
        File.ReadAllText(t.At("/etc/nix/machines")).Should().StartWith("ssh://me@builder.example.org");
        File.Exists(t.At("/etc/nix/machines.vbmc-orig")).Should().BeFalse();

        Run.Apply(Compiled.FirstFolder, t.Root).ShouldSucceed();
        Installed.Problems(t.Root, 1).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void A_failure_at_a_step_of_a_second_apply_leaves_generation_1_in_place(string step)
    {
        using var t = new TestRoot();
        t.CopyRootFrom(templates.AfterFirst.Root);
        var outcome = Run.Apply(Compiled.SecondFolder, t.Root, faultStep: step);
        outcome.Errors.Should().ContainSingle(outcome.Describe()).Which.Message.Should().Contain($"injected fault at step '{step}'");
        if (AfterCommit(step))
        {
            Installed.Problems(t.Root, 2).Should().BeEmpty();
            return;
        }
        Tree.Differences(templates.AfterFirst.Root, templates.AfterFirstTree, t.Root, Tree.Take(t.Root)).Should().BeEmpty();
        Installed.Problems(t.Root, 1).Should().BeEmpty();

        Run.Apply(Compiled.SecondFolder, t.Root).ShouldSucceed().Output.Should().Contain("switched to generation 2 (was 1)");
        Installed.Problems(t.Root, 2).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void A_SIGKILL_at_a_step_leaves_the_previous_generation_or_a_new_one_the_next_apply_completes(string step)
    {
        using var t = new TestRoot();
        t.CopyRootFrom(templates.AfterFirst.Root);
        var killed = Run.KilledAt(step, Compiled.SecondFolder, t.Root);
        killed.ExitCode.Should().Be(128 + 9, "the process killed itself with SIGKILL: " + killed.Stdout + killed.Stderr);

        if (!AfterSwitch(step))
        {
            // Outside the generations area: generation 1 exactly; `current` still points at it.
            Tree.Differences(templates.AfterFirst.Root, templates.AfterFirstTree, t.Root, Tree.Take(t.Root),
                p => Tree.IsGenerationsArea(p) && p != "var/lib/vbmc/current").Should().BeEmpty();
            new GenerationStore(t.Root).Current.Should().Be(1);
            Run.Apply(Compiled.SecondFolder, t.Root).ShouldSucceed().Output.Should().Contain("switched to generation 2 (was 1)");
        }
        else
        {
            new GenerationStore(t.Root).Current.Should().Be(2);
            Run.Apply(Compiled.SecondFolder, t.Root).ShouldSucceed().Output.Should().Contain("nothing to do");
        }
        Installed.Problems(t.Root, 2).Should().BeEmpty();
    }

    [Fact]
    public void Apply_enters_every_step_in_order_through_the_hook()
    {
        using var t = new TestRoot();
        t.CopyRootFrom(templates.AfterFirst.Root);
        var entered = new List<string>();

        Run.Apply(Compiled.SecondFolder, t.Root, beforeStep: entered.Add).ShouldSucceed();

        entered.Should().Equal(ApplySteps.All, "each fault test fails one of these, so each must be entered");
    }

    [Fact]
    public void The_vbmc_program_obeys_no_fault_variable()
    {
        // What the program's test hook used to read: the shipped vbmc must neither fail nor kill itself for them.
        using var t = new TestRoot();
        t.CopyRootFrom(templates.Fresh.Root);
        var result = Run.Program(new Dictionary<string, string?> { ["VBMC_FAULT_STEP"] = ApplySteps.Verify, ["VBMC_FAULT_KIND"] = "kill" },
            "apply", Compiled.FirstFolder, "--root", t.Root);
        result.ExitCode.Should().Be(0, result.Stdout + result.Stderr);
        result.Stdout.Should().Contain("switched to generation 1");
        Installed.Problems(t.Root, 1).Should().BeEmpty();
    }

    [Fact]
    public void Recovery_removes_a_half_kept_persons_file_and_leftover_temporaries()
    {
        using var t = new TestRoot();
        t.CopyRootFrom(templates.Fresh.Root);
        // What a kill inside the link step leaves: the person's file with its second name, a temporary link.
        TestSupport.ProcessRunner.Run("ln", [t.At("/etc/nix/machines"), t.At("/etc/nix/machines.vbmc-orig")]).ExitCode.Should().Be(0);
        File.CreateSymbolicLink(t.At("/etc/guix/machines.scm.vbmc-tmp"), "../../var/lib/vbmc/current/files/etc/guix/machines.scm");
        Directory.CreateDirectory(t.At("/var/lib/vbmc/generations/1.partial/files"));
        Run.Apply(Compiled.FirstFolder, t.Root).ShouldSucceed().Output.Should()
            .Contain("removed /etc/nix/machines.vbmc-orig (an unfinished copy")
            .And.Contain("removed /var/lib/vbmc/generations/1.partial")
            .And.Contain("switched to generation 1");
        Installed.Problems(t.Root, 1).Should().BeEmpty();
        File.ReadAllText(t.At("/etc/nix/machines.vbmc-orig")).Should().StartWith("ssh://me@builder.example.org");
    }
}
