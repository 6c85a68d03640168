using System.Diagnostics;

// Some tests change this process's environment and count the runner's registered children.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

namespace Vbmc.Processes.Tests;

public sealed class ProgramRunnerTests
{
    /// <summary>A shell whose child (a grandchild of the runner's caller) prints its pid and sleeps.</summary>
    private static readonly string[] Grandchild = ["-c", "sleep 300 & echo $!; wait"];

    [Fact]
    public void A_run_that_reaches_its_time_limit_is_killed_with_its_children()
    {
        var clock = Stopwatch.StartNew();
        var result = ProgramRunner.Run(new ProgramRequest("sh", Grandchild, TimeSpan.FromSeconds(2)));
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30));

        result.TimedOut.Should().BeTrue();
        result.Succeeded.Should().BeFalse();
        result.ExitCode.Should().Be(-1);
        result.Outcome.Should().Be("killed after 2 s");
        result.Explanation.Should().StartWith("sh did not finish within 2 s and was killed; it had said: ");
        var grandchild = Pids.Parse(result.Stdout);
        Pids.Ends(grandchild, TimeSpan.FromSeconds(10)).Should().BeTrue("the sleep is in the killed tree");
        ChildRegistry.Count.Should().Be(0);
    }

    [Fact]
    public async Task A_cancelled_run_kills_the_program_and_its_children()
    {
        using var cancel = new CancellationTokenSource();
        int? grandchild = null;
        var request = new ProgramRequest("sh", Grandchild, TimeSpan.FromMinutes(5))
        {
            OnLine = line =>
            {
                grandchild = Pids.Parse(line);
                _ = cancel.CancelAsync();
            },
        };

        var run = () => ProgramRunner.RunAsync(request, cancel.Token);

        (await run.Should().ThrowAsync<OperationCanceledException>()).Which.CancellationToken.Should().Be(cancel.Token);
        grandchild.Should().NotBeNull();
        Pids.Ends(grandchild!.Value, TimeSpan.FromSeconds(10)).Should().BeTrue();
        ChildRegistry.Count.Should().Be(0);
    }

    [Fact]
    public void Output_is_streamed_line_by_line_as_it_comes()
    {
        using var folder = new TempFolder();
        var go = folder.File("go");
        var lines = new List<string>();
        // The program waits for a file that only the callback of its first line makes: it ends
        // only if that line reached the callback while the program ran.
        var request = new ProgramRequest("sh", ["-c", $"echo ready; while [ ! -e '{go}' ]; do sleep 0.05; done; echo said >&2; echo done"],
            TimeSpan.FromMinutes(1))
        {
            OnLine = line =>
            {
                lines.Add(line);
                if (line == "ready") File.WriteAllText(go, "");
            },
        };

        var result = ProgramRunner.Run(request);

        result.Succeeded.Should().BeTrue(result.Explanation);
        lines.First().Should().Be("ready");
        lines.Should().BeEquivalentTo(["ready", "said", "done"], "standard output and error both come line by line");
        result.LastLines.Should().BeEquivalentTo(lines);
        result.Stdout.Should().BeEmpty("streamed output is not kept whole");
    }

    [Fact]
    public void Streamed_output_keeps_the_last_lines_for_a_diagnostic()
    {
        var result = ProgramRunner.Run(new ProgramRequest("sh", ["-c", "seq 1 1000; echo broken; exit 4"], TimeSpan.FromMinutes(1))
        {
            LastLinesOnly = true,
            TailLines = 3,
        });

        result.ExitCode.Should().Be(4);
        result.Outcome.Should().Be("exit 4");
        result.LastLines.Should().Equal("999", "1000", "broken");
        result.Stdout.Should().BeEmpty();
        result.Explanation.Should().Be("999\n1000\nbroken");
    }

    [Fact]
    public void Buffered_output_is_kept_whole_with_the_exit_code()
    {
        var result = ProgramRunner.Run(new ProgramRequest("sh", ["-c", "printf 'out\\n'; echo err >&2; exit 3"], TimeSpan.FromMinutes(1)));

        result.ExitCode.Should().Be(3);
        result.Succeeded.Should().BeFalse();
        result.Stdout.Should().Be("out\n");
        result.Stderr.Should().Be("err\n");
        result.Explanation.Should().Be("err");
        result.Program.Should().Be("sh");
    }

    [Fact]
    public void Input_goes_to_standard_input_which_is_closed_otherwise()
    {
        ProgramRunner.Run(new ProgramRequest("cat", [], TimeSpan.FromMinutes(1)) { Input = "a\nb é\n" }).Stdout.Should().Be("a\nb é\n");
        ProgramRunner.Run(new ProgramRequest("cat", [], TimeSpan.FromMinutes(1))).Stdout.Should().BeEmpty();
    }

    [Fact]
    public void The_locale_is_fixed_and_translations_and_named_variables_are_dropped()
    {
        const string show = "echo \"${LC_ALL-unset}|${LANGUAGE-unset}|${MKE2FS_TEST-unset}|${VBMC_RUNNER_EXTRA-unset}|${HOME:+home}\"";
        var saved = (Environment.GetEnvironmentVariable("LANGUAGE"), Environment.GetEnvironmentVariable("MKE2FS_TEST"));
        Environment.SetEnvironmentVariable("LANGUAGE", "fr");
        Environment.SetEnvironmentVariable("MKE2FS_TEST", "1");
        try
        {
            var request = new ProgramRequest("sh", ["-c", show], TimeSpan.FromMinutes(1));
            ProgramRunner.Run(request).Stdout.Should().Be("C.UTF-8|unset|1|unset|home\n");
            ProgramRunner.Run(request with
            {
                Locale = "C",
                RemovedVariablePrefixes = ["MKE2FS_"],
                Environment = new Dictionary<string, string?> { ["VBMC_RUNNER_EXTRA"] = "x", ["HOME"] = null },
            }).Stdout.Should().Be("C|unset|unset|x|\n");
            var callers = Environment.GetEnvironmentVariable("LC_ALL") ?? "unset";
            ProgramRunner.Run(request with { Locale = null }).Stdout.Should().Be($"{callers}|fr|1|unset|home\n");
        }
        finally
        {
            Environment.SetEnvironmentVariable("LANGUAGE", saved.Item1);
            Environment.SetEnvironmentVariable("MKE2FS_TEST", saved.Item2);
        }
    }

    [Fact]
    public async Task A_started_program_is_the_callers_and_ends_with_its_children_when_disposed()
    {
        var printed = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = ProgramRunner.Start(new ProgramRequest("sh", Grandchild, TimeSpan.FromMinutes(5))
        {
            OnLine = line => printed.TrySetResult(Pids.Parse(line)),
        });
        int grandchild;
        var shell = started.Id;
        await using (started)
        {
            grandchild = await printed.Task.WaitAsync(TimeSpan.FromSeconds(30));
            started.HasExited.Should().BeFalse();
            Pids.IsAlive(grandchild).Should().BeTrue();
            ChildRegistry.Count.Should().Be(1);
        }
        Pids.Ends(shell, TimeSpan.FromSeconds(10)).Should().BeTrue();
        Pids.Ends(grandchild, TimeSpan.FromSeconds(10)).Should().BeTrue();
        ChildRegistry.Count.Should().Be(0);
    }

    [Fact]
    public async Task A_started_program_is_killed_at_its_time_limit()
    {
        await using var started = ProgramRunner.Start(new ProgramRequest("sh", Grandchild, TimeSpan.FromSeconds(2)));

        var result = await started.ResultAsync().WaitAsync(TimeSpan.FromSeconds(30));

        started.TimedOut.Should().BeTrue();
        result.TimedOut.Should().BeTrue();
        result.Outcome.Should().Be("killed after 2 s");
        Pids.Ends(Pids.Parse(result.Stdout), TimeSpan.FromSeconds(10)).Should().BeTrue();
    }

    [Fact]
    public void Every_run_has_a_time_limit()
    {
        foreach (var limit in new[] { TimeSpan.Zero, TimeSpan.FromSeconds(-1), Timeout.InfiniteTimeSpan, TimeSpan.MaxValue })
        {
            var make = () => new ProgramRequest("true", [], limit);
            make.Should().Throw<ArgumentOutOfRangeException>().WithMessage("every run of a program needs a time limit*");
            var change = () => new ProgramRequest("true", [], TimeSpan.FromSeconds(1)) with { Timeout = limit };
            change.Should().Throw<ArgumentOutOfRangeException>();
        }
        HostProgram[] catalogue =
        [
            HostProgram.Mmdebstrap, HostProgram.Tar, HostProgram.Mke2fs, HostProgram.Debugfs,
            HostProgram.QemuImg, HostProgram.SshKeygen, HostProgram.SystemdSysusers, HostProgram.SystemdTmpfiles,
            HostProgram.Systemctl, HostProgram.Ssh,
        ];
        catalogue.Should().OnlyContain(p => p.Timeout > TimeSpan.Zero && p.Timeout <= TimeSpan.FromHours(2));
        HostProgram.Mmdebstrap.Timeout.Should().BeGreaterThan(HostProgram.Mke2fs.Timeout);
        HostProgram.Mke2fs.Timeout.Should().BeGreaterThan(HostProgram.SshKeygen.Timeout);
        HostProgram.SshKeygen.Request("/usr/bin/ssh-keygen", ["-y"]).Timeout.Should().Be(HostProgram.SshKeygen.Timeout);
    }

    [Fact]
    public void A_missing_program_says_which_package_installs_it()
    {
        var program = new HostProgram("vbmc-no-such-program", "vbmc-no-such-package", TimeSpan.FromMinutes(1));
        program.Locate().Should().BeNull();
        program.NotInstalled.Should().Be("vbmc-no-such-program is not installed");
        program.InstallHint.Should().Be("apt-get install vbmc-no-such-package");
        var require = () => program.Require();
        var missing = require.Should().Throw<ProgramMissingException>().Which;
        missing.Message.Should().Be("vbmc-no-such-program is not installed");
        missing.Hint.Should().Be("apt-get install vbmc-no-such-package");

        var run = () => ProgramRunner.Run(new ProgramRequest("vbmc-no-such-program", [], TimeSpan.FromMinutes(1)));
        run.Should().Throw<ProgramMissingException>().WithMessage("vbmc-no-such-program is not installed");
        ChildRegistry.Count.Should().Be(0);
    }

    [Fact]
    public void A_file_that_cannot_be_executed_is_a_start_error()
    {
        using var folder = new TempFolder();
        var script = folder.File("not-executable");
        File.WriteAllText(script, "#!/bin/sh\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var run = () => ProgramRunner.Run(new ProgramRequest(script, [], TimeSpan.FromMinutes(1)));

        run.Should().Throw<System.ComponentModel.Win32Exception>();
        ChildRegistry.Count.Should().Be(0);
    }

    [Fact]
    public void The_search_is_path_then_the_sbin_and_bin_folders()
    {
        ProgramSearch.FoldersFor("/opt/tools:relative::./bin:/usr/bin").Should().Equal(
            "/opt/tools", "/usr/bin", "/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/sbin", "/bin");
        ProgramSearch.FoldersFor(null).Should().Equal(ProgramSearch.FallbackFolders);
        ProgramSearch.DefaultFolders.Should().EndWith(ProgramSearch.FallbackFolders.Where(f => !PathFolders().Contains(f)));

        // A PATH without sbin, as a non-root user's often is, still finds mke2fs (e2fsprogs installs it in /usr/sbin).
        ProgramSearch.Locate("mke2fs", ProgramSearch.FoldersFor("/nonexistent")).Should().NotBeNull()
            .And.Match(p => ProgramSearch.FallbackFolders.Contains(Path.GetDirectoryName(p)));
    }

    [Fact]
    public void The_first_executable_file_of_the_folders_is_found()
    {
        using var folder = new TempFolder();
        var (first, second, third) = (folder.Folder("a"), folder.Folder("b"), folder.Folder("c"));
        File.WriteAllText(Path.Join(first, "tool"), "not executable");
        foreach (var dir in new[] { second, third })
        {
            File.WriteAllText(Path.Join(dir, "tool"), "#!/bin/sh\n");
            File.SetUnixFileMode(Path.Join(dir, "tool"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        ProgramSearch.Locate("tool", [first, second, third]).Should().Be(Path.Join(second, "tool"));
        ProgramSearch.Locate("tool", [first]).Should().BeNull("a file without an execute bit is no program");
        ProgramSearch.Locate(Path.Join(third, "tool"), []).Should().Be(Path.Join(third, "tool"), "a path is taken as it is");
        new HostProgram("tool", "tool-package", TimeSpan.FromSeconds(5)).Locate([first, third]).Should().Be(Path.Join(third, "tool"));
    }

    private static string[] PathFolders() => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':');
}
