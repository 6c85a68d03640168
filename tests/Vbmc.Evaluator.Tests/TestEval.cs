using Vbmc.Diagnostics;
using Vbmc.Evaluation;
using Vbmc.Printing;

namespace Vbmc.Evaluator.Tests;

/// <summary>Shortcuts for tests: evaluate a text and look at its value, output and diagnostics.</summary>
internal static class TestEval
{
    public static EvaluationResult Run(string text, EvaluationOptions? options = null) =>
        ConfigurationEvaluator.EvaluateText(text, "test.scm", options);

    public static EvaluationResult Check(string text, EvaluationOptions? options = null) =>
        ConfigurationChecker.Check(text, "test.scm", options);

    /// <summary>The written value of the last form; fails the test on any error.</summary>
    public static string Value(string text)
    {
        var r = Run(text);
        r.Diagnostics.Where(d => d.Severity == Severity.Error).Should().BeEmpty(because: "'{0}' should evaluate without errors", text);
        return Printer.Write(r.Value!);
    }

    public static IReadOnlyList<Diagnostic> Errors(this EvaluationResult r) =>
        r.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();

    public static IReadOnlyList<Diagnostic> Warnings(this EvaluationResult r) =>
        r.Diagnostics.Where(d => d.Severity == Severity.Warning).ToList();

    public static string Where(this Diagnostic d) => $"{d.Span.StartLine}:{d.Span.StartColumn}";
}
