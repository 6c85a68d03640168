using Vbmc.Compile;
using Vbmc.Diagnostics;
using Vbmc.Lowering;
using static Vbmc.Compile.Tests.Outputs;

namespace Vbmc.Compile.Tests;

/// <summary>
/// Failures injected at every step of every commit mode, and while staging: the output folder and
/// its parent must be exactly as before (no half-written folder, no leftovers).
/// </summary>
public sealed class FailureInjectionTests
{
    public enum Start
    {
        /// <summary>No output folder yet (commit by renaming the staging folder).</summary>
        Absent,

        /// <summary>A previous compile's folder (commit by swapping folders).</summary>
        OnlyOurs,

        /// <summary>A previous compile's folder plus someone else's files (commit file by file).</summary>
        Shared,
    }

    private static readonly IReadOnlyList<OutputFile> Next =
        [.. Typical("v2"), Text("nix/machines", "new folder, new file\n", vm: null)];

    private static void Prepare(TempParent temp, Start start)
    {
        if (start == Start.Absent) return;
        WriteOk(Request(temp.Out, [.. Typical("v1"), Text("run-old.sh", "#!/bin/sh\n", Artifact.Executable, "old"),
            Text("old/stale.conf", "x\n", vm: "old")]));
        if (start == Start.Shared)
        {
            temp.Write("out/notes.txt", "mine\n");
            temp.Write("out/systemd/custom.service", "[Unit]\n");
        }
    }

    private static List<CommitStep> StepsOf(Start start)
    {
        using var temp = new TempParent();
        Prepare(temp, start);
        var steps = new List<CommitStep>();
        WriteOk(Request(temp.Out, Next, steps.Add));
        return steps;
    }

    [Theory]
    [InlineData(Start.Absent, CommitMode.NewFolder)]
    [InlineData(Start.OnlyOurs, CommitMode.Swap)]
    [InlineData(Start.Shared, CommitMode.FileByFile)]
    public void A_failure_at_any_step_of_the_commit_leaves_the_folder_as_it_was(Start start, CommitMode mode)
    {
        var steps = StepsOf(start);
        steps.Should().NotBeEmpty().And.OnlyContain(s => !s.Rollback);

        for (var failAt = 0; failAt < steps.Count; failAt++)
        {
            using var temp = new TempParent();
            Prepare(temp, start);
            var before = Snapshot.Of(temp.Root);
            var seen = 0;
            var at = failAt;

            var (result, diagnostics) = Write(Request(temp.Out, Next, step =>
            {
                if (!step.Rollback && seen++ == at) throw new IOException($"injected failure before '{step}'");
            }));

            diagnostics.Should().ContainSingle($"failure before step {failAt} ({steps[failAt]}) of a {mode} commit");
            diagnostics[0].Id.Should().Be(DiagnosticIds.IoError);
            diagnostics[0].Message.Should().Contain("injected failure").And.Contain("nothing was changed");
            result.Mode.Should().BeNull();
            Snapshot.Describe(Snapshot.Of(temp.Root)).Should().Be(Snapshot.Describe(before),
                $"a failure before step {failAt} ({steps[failAt]}) must leave everything as it was");
        }

        using (var check = new TempParent())
        {
            Prepare(check, start);
            WriteOk(Request(check.Out, Next)).Mode.Should().Be(mode, "the steps above are those of this commit mode");
        }
    }

    [Fact]
    public void A_file_by_file_commit_interrupted_without_rollback_is_finished_by_the_next_compile()
    {
        var steps = StepsOf(Start.Shared);
        using var clean = new TempParent();
        Prepare(clean, Start.Shared);
        WriteOk(Request(clean.Out, Next));
        var expected = Snapshot.Describe(Snapshot.Of(clean.Out));

        // Every step after the transitional manifest is in place, where the process could die:
        // the rollback fails too, as if it never ran.
        var firstAfterTransitional = steps.FindIndex(s => s.Action == "write transitional") + 1;
        firstAfterTransitional.Should().BePositive();
        for (var failAt = firstAfterTransitional; failAt < steps.Count; failAt++)
        {
            using var temp = new TempParent();
            Prepare(temp, Start.Shared);
            var seen = 0;
            var at = failAt;
            var (_, diagnostics) = Write(Request(temp.Out, Next, step =>
            {
                if (step.Rollback) throw new IOException("rollback fails too");
                if (seen++ == at) throw new IOException("killed");
            }));
            diagnostics.Should().ContainSingle().Which.Hint.Should().Contain("run vbmc compile again");

            var transitional = Manifest.Parse(File.ReadAllText(Path.Combine(temp.Out, "manifest.json")));
            transitional.Artifacts.Select(a => a.Path).Should().Contain(
                ["run-old.sh", "old/stale.conf", "nix/machines", "run-a.sh"], "the transitional manifest claims every path involved");

            var rerun = WriteOk(Request(temp.Out, Next));

            rerun.Mode.Should().Be(CommitMode.FileByFile);
            Snapshot.Describe(Snapshot.Of(temp.Out)).Should().Be(expected, $"after an interruption before step {failAt} ({steps[failAt]})");
        }
    }

    [Fact]
    public void A_failure_while_staging_leaves_the_folder_as_it_was()
    {
        using var temp = new TempParent();
        Prepare(temp, Start.Shared);
        var before = Snapshot.Of(temp.Root);

        var (failed, diagnostics) = Write(Request(temp.Out, Next, producer: (staging, bag) =>
        {
            File.WriteAllBytes(Path.Combine(staging, "a.qcow2"), new byte[4096]);
            bag.Error(DiagnosticIds.ImageBuildFailed, SourceSpan.FileOnly("test.scm"), "the image build failed (injected)");
            return null;
        }));
        var (crashed, internalErrors) = Write(Request(temp.Out, Next, producer: (staging, _) =>
        {
            File.WriteAllBytes(Path.Combine(staging, "a.qcow2"), new byte[4096]);
            throw new InvalidOperationException("injected crash");
        }));

        diagnostics.Should().ContainSingle().Which.Id.Should().Be(DiagnosticIds.ImageBuildFailed);
        internalErrors.Should().ContainSingle().Which.Id.Should().Be(DiagnosticIds.InternalError);
        failed.Mode.Should().BeNull();
        crashed.Mode.Should().BeNull();
        Snapshot.Describe(Snapshot.Of(temp.Root)).Should().Be(Snapshot.Describe(before));
    }
}
