using Vbmc.Diagnostics;

namespace Vbmc.TestSupport;

/// <summary>
/// Compares library diagnostics with a file's header lines, with the acceptance runner's rules
/// (tests/acceptance/README.md): the errors must be exactly the listed ones (each listed error matched by a
/// reported one at its position whose message and hint contain every listed word, and each
/// reported error matching some listed line); listed warnings must be reported, other warnings
/// may be. The CLI's runner applies the same rules to `vbmc check --format json` output.
/// </summary>
public static class ExpectationVerdict
{
    public static IReadOnlyList<string> Problems(AcceptanceFile file, IReadOnlyList<Diagnostic> reported)
    {
        var problems = new List<string>();
        var errors = reported.Where(d => d.Severity == Severity.Error).ToList();
        var warnings = reported.Where(d => d.Severity == Severity.Warning).ToList();

        foreach (var expected in file.Errors.Where(e => !errors.Any(d => Matches(e, d))))
            problems.Add($"expected error {expected} (header line {expected.HeaderLine}) was not reported");
        foreach (var error in errors.Where(d => !file.Errors.Any(e => Matches(e, d))))
            problems.Add($"unexpected {Describe(error)}");
        foreach (var expected in file.Warnings.Where(e => !warnings.Any(d => Matches(e, d))))
            problems.Add($"expected warning {expected} (header line {expected.HeaderLine}) was not reported");
        return problems;
    }

    /// <summary>One line per diagnostic, with id and hint, for test failure messages.</summary>
    public static string Describe(Diagnostic d) =>
        $"{d.Severity.ToString().ToLowerInvariant()} {Path.GetFileName(d.Span.File)}:{d.Span.StartLine}:{d.Span.StartColumn} [{d.Id}] {Text(d)}";

    private static string Text(Diagnostic d) => d.Hint is null ? d.Message : d.Message + " " + d.Hint;

    private static bool Matches(ExpectedDiagnostic e, Diagnostic d) =>
        e.Matches(d.Span.StartLine, d.Span.StartColumn, Text(d));
}
