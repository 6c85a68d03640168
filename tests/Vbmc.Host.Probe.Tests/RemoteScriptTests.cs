using Vbmc.TestSupport;

namespace Vbmc.Host.Probe.Tests;

public sealed class RemoteScriptTests
{
    [Fact]
    public void The_script_has_no_quote_or_backslash_so_single_quotes_mean_it_in_every_shell()
    {
        RemoteScript.Script.Should().NotContain("'").And.NotContain("\\");
        RemoteScript.Command.Should().Be("sh -c '" + RemoteScript.Script + "'");
    }

    [Fact]
    public void Shellcheck_finds_nothing_in_the_script()
    {
        var shellcheck = HostTools.Require("shellcheck", "shellcheck");
        using var folder = new TestFolder();
        var file = folder.Write("probe.sh", "#!/bin/sh\n" + RemoteScript.Script + "\n");

        var result = ProcessRunner.Run(shellcheck, ["-s", "sh", file]);

        result.ExitCode.Should().Be(0, result.Stdout);
    }

    [Fact]
    public void The_command_as_a_remote_shell_runs_it_reports_this_machine()
    {
        // What sshd does with the command: the login shell runs it with -c.
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var result = ProcessRunner.Run("/bin/sh", ["-c", RemoteScript.Command]);
        var after = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        result.ExitCode.Should().Be(0, result.Stdout);
        var facts = RemoteScript.Parse(result.Stdout);
        facts.Answered.Should().BeTrue();
        facts.Now.Should().BeInRange(before, after);
        facts.UptimeSeconds.Should().BePositive();
        facts.Load1.Should().NotBeNull();
        facts.Cores.Should().Be(Environment.ProcessorCount);
        var tmp = facts.Disks.Should().ContainSingle(d => d.Path == "/tmp").Subject;
        tmp.AvailableBytes.Should().BeCloseTo(new DriveInfo("/tmp").AvailableFreeSpace, 512L << 20);
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("it's")]
    [InlineData("a 'quoted' $HOME `id` \\ %s\nnew line")]
    public void Quoting_for_the_remote_shell_keeps_any_text_as_is(string text)
    {
        var result = ProcessRunner.Run("/bin/sh", ["-c", "printf '%s' " + RemoteScript.QuoteForShell(text)]);

        result.Stdout.Should().Be(text);
    }

    [Fact]
    public void Df_lines_with_spaces_in_the_file_system_name_are_read_from_the_capacity_column()
    {
        var facts = RemoteScript.Parse(
            "vbmc-probe 1\ndf /gnu/store my disk 1000 400 600 40% /gnu\ndf /tmp tmpfs 2048 0 2048 0% /tmp\ndf /etc x 1 1 1 1% /\n");

        facts.Disks.Should().Equal(new DiskSpace("/gnu/store", 600 * 1024, 1000 * 1024), new DiskSpace("/tmp", 2048 * 1024, 2048 * 1024));
    }

    [Fact]
    public void Output_without_the_marker_is_not_an_answer()
    {
        var facts = RemoteScript.Parse("This account is currently not available.\n");

        facts.Answered.Should().BeFalse();
        facts.Now.Should().BeNull();
    }
}
