using System.Text.RegularExpressions;
using Vbmc.Diagnostics;
using Vbmc.Evaluation;
using Vbmc.TestSupport;

namespace Vbmc.Evaluator.Tests;

/// <summary>
/// The project's acceptance files (tests/acceptance), as far as this stage goes (header format in
/// tests/acceptance/README.md):
/// evaluation and record checks must raise no error the header does not list, and every
/// diagnostic has a location. Errors the header lists may come from later stages (service checks),
/// so their presence is asserted by the services and CLI acceptance tests, not here.
/// </summary>
public partial class AcceptanceFilesTests
{
    public static IEnumerable<object[]> Files() =>
        Directory.GetFiles(RepoPaths.Acceptance, "*.scm").Order(StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    [GeneratedRegex(@"^;; expect: (error|warning) (\d+):(\d+) (.*)$")]
    private static partial Regex ExpectLine();

    [Theory]
    [MemberData(nameof(Files))]
    public void Acceptance_file_checks_as_its_header_says(string name)
    {
        var path = Path.Combine(RepoPaths.Acceptance, name);
        var result = ConfigurationChecker.CheckFile(path);
        result.Diagnostics.Where(d => !d.Span.HasPosition).Should().BeEmpty("every diagnostic has a location");
        result.Diagnostics.Where(d => d.Id == DiagnosticIds.UnknownModule).Should().BeEmpty("vbmc provides every module the acceptance files use");

        var expected = File.ReadLines(path).Select(l => ExpectLine().Match(l)).Where(m => m.Success)
            .Select(m => (Severity: m.Groups[1].Value, Line: int.Parse(m.Groups[2].Value), Column: int.Parse(m.Groups[3].Value),
                          Words: m.Groups[4].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .ToList();
        bool Matches(Diagnostic d, (string Severity, int Line, int Column, string[] Words) e) =>
            d.Severity.ToString().Equals(e.Severity, StringComparison.OrdinalIgnoreCase)
            && d.Span.StartLine == e.Line && d.Span.StartColumn == e.Column
            && e.Words.All(w => (d.Message + " " + d.Hint).Contains(w, StringComparison.Ordinal));

        foreach (var error in result.Diagnostics.Where(d => d.Severity == Severity.Error))
            expected.Any(e => Matches(error, e)).Should().BeTrue($"{name} lists every error it may produce, not {error}");
    }
}
