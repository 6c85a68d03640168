using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vbmc.Data;
using Vbmc.Diagnostics;
using Vbmc.Evaluation;
using Vbmc.Printing;
using Vbmc.Services;

namespace Vbmc.Cli;

/// <summary>
/// `vbmc eval FILE [--json] [--system SYSTEM]`: print a file's top-level value (the value of its
/// last form), as Guile's `write` does or as JSON. The file is analysed as `check` does (records,
/// service folding, check passes), so a value with errors is not printed. With --json the output
/// is `{"value": VALUE, "services": FOLD}`, FOLD being the folded value of each extension target
/// (null when the file declares no service). Diagnostics go to standard error.
/// </summary>
public static class EvalCommand
{
    // Compact: the value of a whole operating-system is tens of kilobytes; pipe it to jq to read it.
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create(CliEnvironment env, EvaluationSettings evaluation)
    {
        var file = new Argument<string>("FILE") { Description = "The configuration file to evaluate." };
        var json = new Option<bool>("--json") { Description = "Print the value as JSON instead of Scheme." };
        var command = new Command("eval", "Evaluate a configuration and print its value, with every record field resolved.")
        {
            file, json,
        };
        foreach (var option in evaluation.All) command.Options.Add(option);
        command.SetAction(parse =>
        {
            var (options, problems) = evaluation.Read(parse);
            if (options is null)
            {
                DiagnosticWriter.WriteToError(problems, env);
                return ExitCodes.UsageOrIo;
            }
            return Run(parse.GetValue(file)!, parse.GetValue(json), options, env);
        });
        return command;
    }

    public static int Run(string file, bool asJson, EvaluationOptions options, CliEnvironment env)
    {
        if ((InputFiles.UnknownOption(file) ?? InputFiles.Problem(file)) is { } problem)
        {
            DiagnosticWriter.WriteToError([problem], env);
            return DiagnosticWriter.ExitCodeOf([problem]);
        }

        List<Diagnostic> diagnostics;
        string? output = null;
        try
        {
            var analysis = ConfigurationAnalyzer.AnalyzeFile(file, options, withJson: asJson);
            var result = analysis.Evaluation;
            diagnostics = [.. result.Diagnostics];
            if (!result.HasErrors) output = Render(result.Value, analysis, asJson, file, diagnostics);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            diagnostics = [DiagnosticWriter.Internal(file, e)];
        }

        DiagnosticWriter.WriteToError(diagnostics, env);
        if (output is not null && !diagnostics.Any(d => d.Severity == Severity.Error))
        {
            env.Out.Write(output);
            env.Out.Flush();
        }
        return DiagnosticWriter.ExitCodeOf(diagnostics);
    }

    /// <summary>
    /// Printing forces thunked fields, which runs user code: an error there is a diagnostic of
    /// the file like any other.
    /// </summary>
    private static string? Render(object? value, AnalysisResult analysis, bool asJson, string file, List<Diagnostic> diagnostics)
    {
        try
        {
            if (asJson)
            {
                var document = new JsonObject
                {
                    ["value"] = analysis.ValueJson,
                    ["services"] = analysis.ServicesJson,
                };
                return document.ToJsonString(JsonOptions) + "\n";
            }
            if (value is null || value is Unspecified) return null;
            return Printer.Write(value) + "\n";
        }
        catch (SchemeError e)
        {
            diagnostics.Add(new Diagnostic(e.Id, Severity.Error, e.Span ?? SourceSpan.FileOnly(file), e.Message, e.Hint));
            return null;
        }
    }
}
