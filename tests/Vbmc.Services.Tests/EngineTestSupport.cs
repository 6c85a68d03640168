using Vbmc.Diagnostics;
using Vbmc.Evaluation;
using Vbmc.Printing;
using Vbmc.Services;

namespace Vbmc.Services.Tests;

/// <summary>Runs the services engine on a text and gives the diagnostics, value and fold.</summary>
internal static class Engine
{
    /// <summary>Module imports every engine test starts with (line 1).</summary>
    public const string Prelude = "(use-modules (gnu services) (gnu services shepherd))\n";

    public static AnalysisResult Analyze(string text, Action<ServiceGraphView>? inspect = null) =>
        ConfigurationAnalyzer.Analyze(text, "engine.scm", new EvaluationOptions(), withJson: true, inspect: inspect);

    public static IReadOnlyList<Diagnostic> Errors(this AnalysisResult r) =>
        r.Evaluation.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();

    /// <summary>"LINE:COL message" of each error, for exact comparisons.</summary>
    public static IReadOnlyList<string> ErrorLines(this AnalysisResult r) =>
        r.Errors().Select(d => $"{d.Span.StartLine}:{d.Span.StartColumn} {d.Message}").ToList();

    public static string Written(object? value) => value is null ? "<null>" : Printer.Write(value);

    /// <summary>The folded value of a target, written as Guile would.</summary>
    public static string Folded(this AnalysisResult r, string typeName)
    {
        r.Fold.Targets.Should().ContainKey(typeName);
        return Written(r.Fold.Targets[typeName].Value);
    }
}
