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

    /// <summary>Apply through the library; with <paramref name="faultStep"/>, its step hook throws as apply enters that step.</summary>
    public static Outcome Apply(string folder, string root, bool dryRun = false, string? faultStep = null,
        Action<string>? beforeStep = null)
    {
        var output = new StringWriter();
        var diagnostics = HostApplier.Apply(folder, new ApplyOptions
        {
            Root = root, DryRun = dryRun, Out = output, VbmcVersion = "test",
            BeforeStep = step =>
            {
                beforeStep?.Invoke(step);
                if (step == faultStep) throw new InjectedFaultException(step);
            },
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

    /// <summary>The real vbmc program as a separate process, with extra environment variables.</summary>
    public static ProcessResult Program(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        VbmcCli.Run(args, environment: environment);

    /// <summary>
    /// Apply in a separate process that kills itself with SIGKILL as it enters <paramref name="step"/>:
    /// tests/Vbmc.Host.Apply.FaultHost, a test-only program (the vbmc program has no such switch).
    /// </summary>
    public static ProcessResult KilledAt(string step, string folder, string root)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "Vbmc.Host.Apply.FaultHost.dll");
        if (!File.Exists(host)) throw new InvalidOperationException("Vbmc.Host.Apply.FaultHost.dll is not next to the tests");
        return ProcessRunner.Run(VbmcCli.DotnetHost, [host, step, folder, root], timeout: TimeSpan.FromMinutes(3));
    }
}
