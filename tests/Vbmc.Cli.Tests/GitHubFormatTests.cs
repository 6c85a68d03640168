using Vbmc.TestSupport;

namespace Vbmc.Cli.Tests;

/// <summary>`--format github` of check and compile, through the real program: workflow commands on
/// standard output, the summary on standard error, exit codes as with every other format.</summary>
public sealed class GitHubFormatTests : IDisposable
{
    private readonly TempConfigs _temp = new();

    public void Dispose() => _temp.Dispose();

    private const string Missing = "(list (build-machine (name \"b.example.org\")))\n";

    private const string Machines = """
        (list (build-machine
               (name "a.example.org")
               (systems '("x86_64-linux"))
               (user "offload")
               (host-key "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICPPatb3GaTHMYKbPL9K6CPq3KVFF4Nl6crp7HYQvlZd root@a")))
        """;

    [Theory]
    [InlineData("check")]
    [InlineData("compile")]
    public void Help_names_the_github_format(string command)
    {
        CliRunner.Run("help", command).Out.Should().Contain("text|json|sarif|github");
    }

    [Fact]
    public void Check_writes_one_escaped_command_per_diagnostic_for_a_hostile_file_name()
    {
        const string name = "bad, colon:\nnewline %0A.scm";
        _temp.Write(name, Missing);

        var run = VbmcCli.Run(["check", "--format", "github", name], _temp.Dir);

        run.ExitCode.Should().Be(ExitCodes.ConfigurationErrors, run.Stderr);
        run.Stdout.Should().Be(
            "::error file=bad%2C colon%3A%0Anewline %250A.scm,line=1,col=7,endColumn=44,title=VBM3001 (missing-field-initializers)"
            + "::missing field initializers (user host-key)\n"
            + "::warning file=bad%2C colon%3A%0Anewline %250A.scm,line=1,col=7,endColumn=44,title=VBM3009 (field-advisory)"
            + "::field 'systems' of <build-machine> expects a list of known system types, got #f\n");
        run.Stderr.Trim().Should().Be("1 error, 1 warning");
    }

    [Fact]
    public void A_clean_file_writes_nothing_and_a_missing_one_exits_2()
    {
        _temp.Write("machines.scm", Machines);
        var clean = VbmcCli.Run(["check", "--format", "github", "machines.scm"], _temp.Dir);
        clean.ExitCode.Should().Be(ExitCodes.Ok, clean.Stderr);
        clean.Stdout.Should().BeEmpty();

        var missing = VbmcCli.Run(["check", "--format", "github", "nope.scm"], _temp.Dir);
        missing.ExitCode.Should().Be(ExitCodes.UsageOrIo);
        missing.Stdout.Should().StartWith("::error file=nope.scm,title=VBM9002 (io-error)::");
    }

    [Fact]
    public void Compile_writes_the_same_commands_and_keeps_its_exit_codes()
    {
        _temp.Write("bad.scm", Missing);
        var bad = VbmcCli.Run(["compile", "bad.scm", "-o", "out", "--no-image", "--format", "github"], _temp.Dir);
        bad.ExitCode.Should().Be(ExitCodes.ConfigurationErrors, bad.Stderr);
        bad.Stdout.Should().StartWith("::error file=bad.scm,line=1,col=7,").And.EndWith("\n");
        bad.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(2).And.OnlyContain(line => line.StartsWith("::"));
        Directory.Exists(Path.Combine(_temp.Dir, "out")).Should().BeFalse("nothing is written when there are errors");

        _temp.Write("machines.scm", Machines);
        var dryRun = VbmcCli.Run(["compile", "machines.scm", "-o", "out", "--no-image", "--dry-run", "--format", "github"], _temp.Dir);
        dryRun.ExitCode.Should().Be(ExitCodes.Ok, dryRun.Stderr);
        dryRun.Stdout.Should().BeEmpty("the dry run's listing goes to standard error beside workflow commands");
        dryRun.Stderr.Should().Contain("create").And.Contain("machines.scm");
    }
}
