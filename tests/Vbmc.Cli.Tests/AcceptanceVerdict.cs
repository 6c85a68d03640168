using System.Text.Json.Nodes;
using Vbmc.TestSupport;

namespace Vbmc.Cli.Tests;

/// <summary>One diagnostic as `vbmc check --format json` prints it.</summary>
public sealed record ReportedDiagnostic(string Id, string Severity, int Line, int Column, string Message, string? Hint)
{
    public string Text => Hint is null ? Message : Message + " " + Hint;

    public override string ToString() => $"{Severity} {Line}:{Column} [{Id}] {Text}";

    public static IReadOnlyList<ReportedDiagnostic> ParseJson(string json) =>
        JsonNode.Parse(json)!["diagnostics"]!.AsArray().Select(d => new ReportedDiagnostic(
            d!["id"]!.GetValue<string>(),
            d["severity"]!.GetValue<string>(),
            d["line"]!.GetValue<int>(),
            d["column"]!.GetValue<int>(),
            d["message"]!.GetValue<string>(),
            d["hint"]?.GetValue<string>())).ToList();
}

/// <summary>
/// Compares what vbmc reported with a file's header: the errors must be exactly the listed ones
/// (each listed error matched by a reported one at its position whose message and hint contain
/// every listed word, and each reported error matching some listed line); listed warnings must
/// be reported, other warnings may be.
/// </summary>
public static class AcceptanceVerdict
{
    public static IReadOnlyList<string> Problems(AcceptanceFile file, IReadOnlyList<ReportedDiagnostic> reported)
    {
        var problems = new List<string>();
        var errors = reported.Where(d => d.Severity == "error").ToList();
        var warnings = reported.Where(d => d.Severity == "warning").ToList();

        foreach (var expected in file.Errors.Where(e => !errors.Any(d => e.Matches(d.Line, d.Column, d.Text))))
            problems.Add($"expected error {expected} (header line {expected.HeaderLine}) was not reported");
        foreach (var error in errors.Where(d => !file.Errors.Any(e => e.Matches(d.Line, d.Column, d.Text))))
            problems.Add($"unexpected {error}");
        foreach (var expected in file.Warnings.Where(e => !warnings.Any(d => e.Matches(d.Line, d.Column, d.Text))))
            problems.Add($"expected warning {expected} (header line {expected.HeaderLine}) was not reported");
        return problems;
    }
}
