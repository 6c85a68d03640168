using System.CommandLine;
using Vbmc.Diagnostics;
using Vbmc.Evaluation;
using Vbmc.Services;

namespace Vbmc.Cli;

/// <summary>
/// `vbmc check FILE... [--format text|json|sarif|github] [--system SYSTEM] [-L DIR]... [--env NAME=VALUE]...`: evaluate, type-check every
/// record, fold the services, run every service check pass (<see cref="ConfigurationAnalyzer"/>),
/// lower and validate the targets: compile's gate, without writing anything.
/// </summary>
public static class CheckCommand
{
    public static Command Create(CliEnvironment env, EvaluationSettings evaluation)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Configuration files to check (each is evaluated and every record field type-checked).",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format")
        {
            Description = "Output format of the diagnostics (github: GitHub Actions workflow commands, which annotate the files).",
            DefaultValueFactory = _ => "text",
            HelpName = string.Join('|', DiagnosticWriter.FormatNames),
        };
        format.AcceptOnlyFromAmong(DiagnosticWriter.FormatNames);

        var command = new Command("check", "Check configurations and report every problem with its location.")
        {
            files, format,
        };
        foreach (var option in evaluation.All) command.Options.Add(option);
        command.SetAction(parse =>
        {
            var paths = parse.GetValue(files) ?? [];
            var usage = paths.Select(InputFiles.UnknownOption).OfType<Diagnostic>().ToList();
            if (usage.Count > 0)
            {
                DiagnosticWriter.WriteToError(usage, env);
                return ExitCodes.UsageOrIo;
            }
            var (options, problems) = evaluation.Read(parse);
            if (options is null)
            {
                DiagnosticWriter.WriteToError(problems, env);
                return ExitCodes.UsageOrIo;
            }
            var diagnostics = CheckFiles(paths, options);
            var outputFormat = Enum.Parse<OutputFormat>(parse.GetValue(format) ?? "text", ignoreCase: true);
            DiagnosticWriter.Write(diagnostics, outputFormat, env, summary: true);
            return DiagnosticWriter.ExitCodeOf(diagnostics);
        });
        return command;
    }

    /// <summary>Checks each file (once, in the given order) and merges the diagnostics.</summary>
    public static IReadOnlyList<Diagnostic> CheckFiles(IEnumerable<string> files, EvaluationOptions options)
    {
        var all = new List<Diagnostic>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (!seen.Add(Path.GetFullPath(file))) continue;
            if (InputFiles.Problem(file) is { } problem)
            {
                all.Add(problem);
                continue;
            }
            try
            {
                all.AddRange(Vbmc.Compile.CompileRunner.Check(file, options));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The library promises not to throw; if it does, the user still gets a diagnostic.
                all.Add(DiagnosticWriter.Internal(file, e));
            }
        }
        return all;
    }
}
