using Vbmc.TestSupport;

namespace Vbmc.Host.Probe.Tests;

/// <summary>`vbmc test`'s input and usage errors, through the real program.</summary>
public sealed class CliTests
{
    [Fact]
    public void A_file_with_an_error_gets_a_located_diagnostic_and_exit_1()
    {
        using var folder = new TestFolder();
        var file = folder.Write("machines.scm", "(use-modules (guix scripts offload))\n(list (build-machine\n  (name \"x\") (port \"22\")))\n");

        var run = VbmcCli.Run(["test", file]);

        run.ExitCode.Should().Be(1);
        run.Stderr.Should().MatchRegex(@"machines\.scm:\d+:\d+: error: ");
        run.Stdout.Should().BeEmpty();
    }

    [Fact]
    public void Missing_inputs_and_bad_options_exit_2()
    {
        using var folder = new TestFolder();

        var missing = VbmcCli.Run(["test", folder.File("nope.scm")]);
        var noGeneration = VbmcCli.Run(["test", "--root", folder.Path]);
        var badTimeout = VbmcCli.Run(["test", "--root", folder.Path, "--timeout", "0"]);
        var badRoot = VbmcCli.Run(["test", "--root", folder.File("absent")]);
        var badFormat = VbmcCli.Run(["test", "--format", "sarif"]);

        missing.ExitCode.Should().Be(2);
        missing.Stderr.Should().Contain("No such file or directory").And.Contain("[VBM9002]");
        noGeneration.ExitCode.Should().Be(2);
        noGeneration.Stderr.Should().Contain("var/lib/vbmc/current/manifest.json").And.Contain("vbmc apply");
        badTimeout.ExitCode.Should().Be(2);
        badTimeout.Stderr.Should().Contain("--timeout 0");
        badRoot.ExitCode.Should().Be(2);
        badFormat.ExitCode.Should().Be(2);
    }

    [Fact]
    public void A_configuration_without_build_machines_has_nothing_to_test()
    {
        using var folder = new TestFolder();
        var file = folder.Write("empty.scm", "(use-modules (guix scripts offload))\n(list)\n");

        var run = VbmcCli.Run(["test", file]);

        run.ExitCode.Should().Be(0);
        run.Stderr.Should().Contain("no build machine to test");
        run.Stdout.Should().Contain("0 machines from");
    }
}
