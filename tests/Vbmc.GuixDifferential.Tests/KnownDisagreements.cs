using System.Text;
using System.Text.RegularExpressions;
using Vbmc.TestSupport;

namespace Vbmc.GuixDifferential.Tests;

/// <summary>
/// known-disagreements.txt: the files on which vbmc and Guix disagree today, one per line,
/// <c>FILE | CATEGORY | VBMC'S FIRST ERROR | GUIX'S VERDICT</c>, sorted by file. Only the file
/// column is binding; the others say why, as of the last regeneration. The list only shrinks:
/// a listed file that now agrees must be removed, an unlisted file that disagrees is a regression.
/// </summary>
public static partial class KnownDisagreements
{
    public static string PathInRepository => Path.Combine(RepoPaths.Root, "tests", "Vbmc.GuixDifferential.Tests", "known-disagreements.txt");

    public const string UpdateVariable = "VBMC_GUIX_DIFFERENTIAL_UPDATE";

    public static IReadOnlyList<string> Read()
    {
        if (!File.Exists(PathInRepository)) return [];
        return File.ReadAllLines(PathInRepository)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(" | ")[0].Trim())
            .ToList();
    }

    public static string Render(IEnumerable<Comparison> disagreements)
    {
        var sb = new StringBuilder();
        sb.Append("# Files on which `vbmc check` and GNU Guix 1.5.0 disagree today (tests/Vbmc.GuixDifferential.Tests).\n");
        sb.Append("# One line per file: FILE | CATEGORY | VBMC'S FIRST ERROR | GUIX'S VERDICT. Only FILE is binding.\n");
        sb.Append("# The test fails on a disagreement not listed here (a regression) and on a listed file that now\n");
        sb.Append("# agrees (remove it: the list only shrinks). Regenerate after a fix with:\n");
        sb.Append("#   bash tests/guix-differential.sh --update\n");
        sb.Append("# Categories: false-error (vbmc rejects, Guix accepts), missed-error (vbmc accepts, Guix rejects),\n");
        sb.Append("# missed-stricter (vbmc misses the defect a vbmc-stricter header names), location (both reject,\n");
        sb.Append("# vbmc's errors are elsewhere than Guix's), guix-failed, stricter-but-guix-rejects.\n");
        foreach (var c in disagreements.OrderBy(c => c.Entry.Name, StringComparer.Ordinal))
            sb.Append(c.Entry.Name).Append(" | ").Append(Comparison.Category(c.Outcome)).Append(" | ")
              .Append(Clean(c.VbmcFirstError)).Append(" | ").Append(Clean(c.Guix.Describe())).Append('\n');
        return sb.ToString();
    }

    /// <summary>One line, no column separator, and no object addresses (they change from run to run).</summary>
    private static string Clean(string s) => Address().Replace(s.Replace('\n', ' ').Replace(" | ", " / "), "#");

    [GeneratedRegex(@"\b[0-9a-f]{12}\b")]
    private static partial Regex Address();
}
