using System.Text;
using Vbmc.TestSupport;

namespace Vbmc.Reader.Tests;

/// <summary>
/// vbmc's reader and printer against Guile 3.0, the reference: for every case both must print
/// the same datums, or both must reject the text.
/// </summary>
public class DifferentialTests
{
    [Fact]
    public void Reader_cases_match_guile()
    {
        var cases = DifferentialCases.All().Distinct().ToList();
        cases.Count.Should().BeGreaterThanOrEqualTo(200);
        AssertSameAsGuile(cases);
    }

    [Fact]
    public void Acceptance_files_match_guile()
    {
        var files = Directory.GetFiles(RepoPaths.Acceptance, "*.scm").OrderBy(f => f, StringComparer.Ordinal).ToList();
        files.Should().NotBeEmpty();
        AssertSameAsGuile(files.Select(File.ReadAllText).ToList(), files.Select(Path.GetFileName).ToList()!);
    }

    internal static void AssertSameAsGuile(IReadOnlyList<string> cases, IReadOnlyList<string>? names = null)
    {
        Guile.Require();
        var guile = GuileOracle.ReadWithGuile(cases);
        var failures = new StringBuilder();
        var count = 0;
        for (var i = 0; i < cases.Count; i++)
        {
            var vbmc = GuileOracle.ReadWithVbmc(cases[i]);
            var guileRejects = guile[i].StartsWith("ERROR", StringComparison.Ordinal);
            var vbmcRejects = vbmc.StartsWith("ERROR", StringComparison.Ordinal);
            var same = guileRejects ? vbmcRejects : guile[i] == vbmc;
            if (same) continue;
            count++;
            failures.Append("case ").Append(names?[i] ?? Show(cases[i])).Append('\n')
                    .Append("  guile: ").Append(guile[i].Replace("\n", "\n         ")).Append('\n')
                    .Append("  vbmc:  ").Append(vbmc.Replace("\n", "\n         ")).Append('\n');
        }
        count.Should().Be(0, "every case must read as Guile reads it:\n" + failures);
    }

    private static string Show(string text) =>
        "«" + text.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\t", "\\t") + "»";
}
