using Vbmc.Cli;
using Vbmc.Diagnostics;
using Vbmc.TestSupport;

namespace Vbmc.Host.Apply.Tests.Support;

/// <summary>Runs apply, rollback and generations: through the library, the CLI in-process, or the real program.</summary>
public static class Run
{
    public sealed record Outcome(IReadOnlyList<Diagnostic> Diagnostics, string Output)
    {
        public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == Severity.Error);

        public string Describe() => Output + string.Join("\n", Diagnostics.Select(d => $"[{d.Id}] {d}" + (d.Hint is null ? "" : " hint: " + d.Hint)));

        public Outcome ShouldSucceed()
        {
            Errors.Should().BeEmpty(Describe());
            return this;
        }
    }

    public static Outcome Apply(string folder, string root, bool dryRun = false, string? faultStep = null)
    {
        var output = new StringWriter();
        var diagnostics = HostApplier.Apply(folder, new ApplyOptions
        {
            Root = root, DryRun = dryRun, Out = output, VbmcVersion = "test", FaultStep = faultStep,
        });
        return new Outcome(diagnostics, output.ToString());
    }

    public static Outcome Rollback(string root, int? number = null)
    {
        var output = new StringWriter();
        var diagnostics = Generations.Rollback(number, new ApplyOptions { Root = root, Out = output });
        return new Outcome(diagnostics, output.ToString());
    }

    /// <summary>The CLI in this process: exit code, standard output, standard error.</summary>
    public static (int Exit, string Out, string Err) Cli(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.Run(args, new CliEnvironment(output, error, false, Directory.GetCurrentDirectory()));
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>The real vbmc program as a separate process (for SIGKILL), with extra environment variables.</summary>
    public static ProcessResult Program(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        VbmcCli.Run(args, environment: environment);
}
