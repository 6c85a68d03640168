using System.CommandLine;
using Vbmc.Diagnostics;
using Vbmc.Evaluation;

namespace Vbmc.Cli;

/// <summary>
/// The options that decide how a configuration evaluates, shared by check, eval and compile:
/// <c>--system</c>, <c>-L/--load-path DIR</c> (repeatable, as <c>guix system -L</c>) and
/// <c>--env NAME=VALUE</c> (repeatable: what getenv and gethostname answer) and
/// <c>--strict-modules</c> (a module vbmc cannot find is an error).
/// </summary>
public sealed class EvaluationSettings
{
    public Option<string> System { get; } = new("--system")
    {
        Description = "The value of %current-system (Guix system type).",
        DefaultValueFactory = _ => CliEnvironment.HostSystem,
        HelpName = "SYSTEM",
    };

    public Option<string[]> LoadPath { get; } = new("--load-path", "-L")
    {
        Description = "Add DIR to the front of the module search path, as guix system -L does (repeatable); the configuration may read files below it.",
        HelpName = "DIR",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string[]> Environment { get; } = new("--env")
    {
        Description = "What getenv answers for NAME (HOSTNAME: gethostname); without it such calls get a fixed value and a warning (repeatable).",
        HelpName = "NAME=VALUE",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<bool> StrictModules { get; } = new("--strict-modules")
    {
        Description = "A module vbmc cannot find (a channel's, without -L) is an error; without this option its names are opaque values and the module gets one warning.",
    };

    public IEnumerable<Option> All => [System, LoadPath, Environment, StrictModules];

    /// <summary>The evaluation options of a parse, or the usage problems of its values.</summary>
    public (EvaluationOptions? Options, IReadOnlyList<Diagnostic> Problems) Read(ParseResult parse)
    {
        var problems = new List<Diagnostic>();
        var folders = new List<string>();
        foreach (var folder in parse.GetValue(LoadPath) ?? [])
        {
            var full = Path.GetFullPath(folder);
            if (Directory.Exists(full)) folders.Add(full);
            else problems.Add(Usage($"-L {folder}: no such folder"));
        }
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in parse.GetValue(Environment) ?? [])
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0) problems.Add(Usage($"--env {pair}: expected NAME=VALUE"));
            else environment[pair[..equals]] = pair[(equals + 1)..];
        }
        if (problems.Count > 0) return (null, problems);
        return (new EvaluationOptions
        {
            System = parse.GetValue(System) ?? CliEnvironment.HostSystem,
            LoadPath = folders,
            Environment = environment,
            StrictModules = parse.GetValue(StrictModules),
        }, []);
    }

    private static Diagnostic Usage(string message) =>
        Diagnostic.Error(DiagnosticIds.UsageError, SourceSpan.FileOnly("vbmc"), message, "see 'vbmc --help'");
}
