using Vbmc.TestSupport;

namespace Vbmc.Cli.Tests;

/// <summary>
/// `vbmc manual` prints vbmc(1): valid roff for groff (warnings fail), rendered by man, and
/// holding every command, argument and option of the command tree, the exit codes and the
/// environment variables.
/// </summary>
public class ManPageTests
{
    private static string Manual()
    {
        var run = VbmcCli.Run(["manual"]);
        run.ExitCode.Should().Be(0, run.Stderr);
        return run.Stdout;
    }

    [Fact]
    public void Groff_reads_the_page_without_a_warning()
    {
        var groff = HostTools.Require("groff", "groff-base");
        var page = Path.Combine(Path.GetTempPath(), $"vbmc-{Guid.NewGuid():N}.1");
        try
        {
            File.WriteAllText(page, Manual());
            // -ww: every warning; -z: no output, only the diagnostics.
            var run = ProcessRunner.Run(groff, ["-man", "-Tutf8", "-ww", "-z", page]);
            run.ExitCode.Should().Be(0, run.Stderr);
            run.Stderr.Should().BeEmpty("groff must not warn about vbmc(1)");
        }
        finally
        {
            File.Delete(page);
        }
    }

    [Fact]
    public void Man_shows_every_command_option_and_exit_code_of_the_tree()
    {
        var text = Rendered();
        text.Should().Contain("VBMC(1)").And.Contain("NAME").And.Contain("SYNOPSIS").And.Contain("EXIT STATUS")
            .And.Contain("ENVIRONMENT").And.Contain("VBMC_CACHE_DIR").And.Contain("NO_COLOR").And.Contain("guix-daemon(8)");
        text.Should().Contain($"vbmc {DiagnosticWriter.Version}");
        foreach (var (command, options) in CommandTree.Commands())
        {
            text.Should().Contain($"vbmc {command.Name}", "the page must have a section for vbmc {0}", command.Name);
            var section = Section(text, $"   vbmc {command.Name}\n");
            foreach (var argument in command.Arguments)
                section.Should().Contain(CommandShape.ValueName(argument), "vbmc {0}'s argument", command.Name);
            foreach (var option in options.Where(o => !o.Recursive))
            foreach (var name in CommandShape.Names(option))
                section.Should().Contain(name, "vbmc {0} accepts {1}", command.Name, name);
        }
        foreach (var option in CommandTree.Root.Options)
        foreach (var name in CommandShape.Names(option))
            Section(text, "OPTIONS\n").Should().Contain(name);
        foreach (var (code, _) in ExitCodes.Meanings) Section(text, "EXIT STATUS\n").Should().Contain($"       {code} ");
    }

    [Fact]
    public void The_page_is_the_same_bytes_each_time()
    {
        Manual().Should().Be(Manual(), "the page has no date from the clock");
    }

    /// <summary>The page as man shows it, 200 columns wide so that no name is split.</summary>
    private static string Rendered()
    {
        var man = HostTools.Require("man", "man-db");
        var page = Path.Combine(Path.GetTempPath(), $"vbmc-{Guid.NewGuid():N}.1");
        try
        {
            File.WriteAllText(page, Manual());
            var run = ProcessRunner.Run(man, ["-l", page], environment: new Dictionary<string, string?>
            {
                ["MANWIDTH"] = "200", ["MAN_KEEP_FORMATTING"] = null, ["PAGER"] = "cat", ["MANPAGER"] = "cat",
            });
            run.ExitCode.Should().Be(0, run.Stderr);
            return run.Stdout;
        }
        finally
        {
            File.Delete(page);
        }
    }

    /// <summary>The text from a heading to the next heading of the same level or above.</summary>
    private static string Section(string text, string heading)
    {
        var start = text.IndexOf(heading, StringComparison.Ordinal);
        start.Should().BeGreaterThanOrEqualTo(0, "the page must have the heading {0}", heading.Trim());
        var body = text[(start + heading.Length)..];
        var lines = body.Split('\n');
        var indent = heading.Length - heading.TrimStart().Length;
        var end = Array.FindIndex(lines, l => l.Length > 0 && l.Length - l.TrimStart().Length <= indent);
        return string.Join('\n', end < 0 ? lines : lines[..end]);
    }
}
