using System.Text;

namespace Vbmc.GuixDifferential.Tests;

/// <summary>How vbmc's verdict on a file compares with Guix's (rules: tests/corpus/README.md).</summary>
public enum Outcome
{
    /// <summary>Both accept (vbmc may warn), or both reject and vbmc has an error where Guix places its own; or a
    /// vbmc-stricter file that Guix accepts and vbmc rejects for the stated reason.</summary>
    Agree,
    /// <summary>vbmc rejects a file that Guix accepts (for a vbmc-stricter file: not, or not only, for the stated reason).</summary>
    FalseError,
    /// <summary>vbmc accepts a file that Guix rejects.</summary>
    MissedError,
    /// <summary>A vbmc-stricter file that vbmc accepts: it misses the defect the header names.</summary>
    MissedStricter,
    /// <summary>Both reject, but no vbmc error is on the line where Guix reports its error (nor inside the form it reports).</summary>
    Location,
    /// <summary>A vbmc-stricter file that Guix rejects: the corpus file is wrong.</summary>
    StricterButGuixRejects,
    /// <summary>Guix gave no verdict within the time limit, or crashed.</summary>
    GuixFailed,
}

/// <summary>The comparison of one file.</summary>
public sealed record Comparison(CorpusEntry Entry, GuixVerdict Guix, VbmcVerdict Vbmc, Outcome Outcome, string LocationNote)
{
    public bool Agrees => Outcome == Outcome.Agree;

    public static string Category(Outcome o) => o switch
    {
        Outcome.Agree => "agree",
        Outcome.FalseError => "false-error",
        Outcome.MissedError => "missed-error",
        Outcome.MissedStricter => "missed-stricter",
        Outcome.Location => "location",
        Outcome.StricterButGuixRejects => "stricter-but-guix-rejects",
        Outcome.GuixFailed => "guix-failed",
        _ => o.ToString(),
    };

    /// <summary>vbmc's first error ("-" when it accepts), for the table and the known-disagreements list.</summary>
    public string VbmcFirstError => Vbmc.Accepts ? "accept" : Vbmc.Errors[0].Describe();
}

public static class Differential
{
    public static Comparison Compare(CorpusEntry entry, GuixVerdict guix, VbmcVerdict vbmc)
    {
        if (guix.Verdict is "timeout" or "crash") return new Comparison(entry, guix, vbmc, Outcome.GuixFailed, "");
        if (entry.Stricter is { } stricter)
        {
            if (!guix.Accepts) return new Comparison(entry, guix, vbmc, Outcome.StricterButGuixRejects, "");
            if (vbmc.Accepts) return new Comparison(entry, guix, vbmc, Outcome.MissedStricter, "");
            var reason = vbmc.Errors.FirstOrDefault(d => d.File == entry.Name && d.Line == stricter.Line
                                                          && stricter.Words.All(w => d.Text.Contains(w, StringComparison.Ordinal)));
            return reason is null
                ? new Comparison(entry, guix, vbmc, Outcome.FalseError, $"no vbmc error on line {stricter.Line} with '{string.Join(' ', stricter.Words)}'")
                : new Comparison(entry, guix, vbmc, Outcome.Agree, $"line {stricter.Line}: {stricter.Reason}");
        }
        if (guix.Accepts)
            return new Comparison(entry, guix, vbmc, vbmc.Accepts ? Outcome.Agree : Outcome.FalseError, "");
        if (vbmc.Accepts) return new Comparison(entry, guix, vbmc, Outcome.MissedError, "");
        if (guix.Location is not { } at) return new Comparison(entry, guix, vbmc, Outcome.Agree, "Guix gives no location");
        // Guix places an unclosed list at the end of the file (where the reader ran out), not at a
        // form: any reader error of vbmc's is the same finding.
        if (guix.Message?.StartsWith("missing closing parenthesis", StringComparison.Ordinal) == true
            && vbmc.Errors.Any(d => d.File == at.File && d.Id.StartsWith("VBM1", StringComparison.Ordinal)))
            return new Comparison(entry, guix, vbmc, Outcome.Agree, "unclosed list: Guix reports the end of the file, vbmc the open bracket");
        var note = LocationMatch(entry, at, guix.Message ?? "", vbmc);
        return note is null
            ? new Comparison(entry, guix, vbmc, Outcome.Location, $"no vbmc error on {at.File} line {at.Line}")
            : new Comparison(entry, guix, vbmc, Outcome.Agree, note);
    }

    /// <summary>
    /// Why vbmc's errors agree with Guix's location: one is on that line (or has a related
    /// location there), or lies inside the form Guix points at; null when none does.
    /// </summary>
    private static string? LocationMatch(CorpusEntry entry, GuixLocation at, string guixMessage, VbmcVerdict vbmc)
    {
        var errors = vbmc.Errors;
        if (errors.Any(d => d.File == at.File && d.Line == at.Line)) return "same line";
        if (errors.Any(d => d.Related.Any(r => r.File == at.File && r.Line == at.Line))) return "same line (related location)";
        var path = at.File == entry.Name ? entry.HostPath : null;
        if (path is null && at.File.StartsWith("tests/corpus/", StringComparison.Ordinal))
            path = Path.Combine(CorpusEntry.CorpusFolder, at.File["tests/corpus/".Length..]);
        if (path is null || !File.Exists(path)) return null;
        if (SourceExtent.Datum(File.ReadAllText(path), at.Line, at.Column) is not var (first, last)) return null;
        // Inside the form, and about the same thing: a word of Guix's message (past the form it
        // prints) in vbmc's, so that an unrelated error elsewhere in a big form does not count.
        var words = Words(guixMessage.Contains("): ", StringComparison.Ordinal) ? guixMessage[(guixMessage.LastIndexOf("): ", StringComparison.Ordinal) + 3)..] : guixMessage);
        var inside = errors.FirstOrDefault(d => d.File == at.File && d.Line >= first && d.Line <= last
                                                && Words(d.Text).Overlaps(words));
        return inside is null ? null : $"inside Guix's form (lines {first}-{last}), about the same thing";
    }

    private static HashSet<string> Words(string text) =>
        text.Split([' ', '\t', '\n', '(', ')', '\'', '"', ',', ';', ':', '`'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 4)
            .Select(w => w.ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The causes of the false errors, most frequent first: every distinct vbmc error (its id and
    /// message, with quoted values cut) in the files vbmc wrongly rejects, with how many files have it.
    /// </summary>
    public static string Causes(IReadOnlyList<Comparison> comparisons, int top = 40)
    {
        var byCause = comparisons.Where(c => c.Outcome == Outcome.FalseError)
            .SelectMany(c => c.Vbmc.Errors.Select(d => (Cause: Cause(d), File: c.Entry.Name)).Distinct())
            .GroupBy(x => x.Cause)
            .Select(g => (Cause: g.Key, Files: g.Select(x => x.File).ToList()))
            .OrderByDescending(g => g.Files.Count).ThenBy(g => g.Cause, StringComparer.Ordinal)
            .ToList();
        var sb = new StringBuilder();
        sb.Append($"causes of false errors ({byCause.Count} distinct; files per cause):\n");
        foreach (var (cause, files) in byCause.Take(top))
            sb.Append($"  {files.Count,4}  {cause}\n");
        if (byCause.Count > top) sb.Append($"  ... and {byCause.Count - top} more\n");
        return sb.ToString();
    }

    private static string Cause(VbmcDiagnostic d)
    {
        var message = d.Message.Split('\n')[0];
        if (message.Length > 100) message = message[..100] + "...";
        return $"{d.Id} {message}";
    }

    /// <summary>The per-file table: one block per file.</summary>
    public static string Table(IReadOnlyList<Comparison> comparisons, ISet<string> known)
    {
        var sb = new StringBuilder();
        foreach (var c in comparisons)
        {
            var status = c.Agrees
                ? known.Contains(c.Entry.Name) ? "AGREES NOW (remove from known-disagreements.txt)" : "agree"
                : known.Contains(c.Entry.Name) ? $"known {Comparison.Category(c.Outcome)}" : $"NEW {Comparison.Category(c.Outcome)}";
            sb.Append(c.Entry.Name).Append("  [").Append(status).Append(']').Append('\n');
            sb.Append("    guix: ").Append(c.Guix.Describe()).Append($" ({c.Guix.ValueKind}, {c.Guix.Milliseconds} ms)").Append('\n');
            sb.Append("    vbmc: ").Append(c.Vbmc.Describe()).Append('\n');
            if (c.LocationNote.Length > 0) sb.Append("    note: ").Append(c.LocationNote).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>
    /// The summary line: files, agreements, known disagreements, and the disagreements by kind
    /// (false errors: vbmc rejects, Guix accepts; missed errors: vbmc accepts, Guix rejects).
    /// </summary>
    public static string Summary(IReadOnlyList<Comparison> comparisons, ISet<string> known)
    {
        int Count(Outcome o) => comparisons.Count(c => c.Outcome == o);
        var disagreements = comparisons.Where(c => !c.Agrees).ToList();
        var newOnes = disagreements.Count(c => !known.Contains(c.Entry.Name));
        var fixedOnes = comparisons.Count(c => c.Agrees && known.Contains(c.Entry.Name));
        return $"{comparisons.Count} files, {comparisons.Count(c => c.Agrees)} agree, {disagreements.Count - newOnes} known disagreements, " +
               $"{newOnes} new disagreements, {fixedOnes} known now agreeing; " +
               $"false errors (vbmc rejects, Guix accepts) {Count(Outcome.FalseError)}, " +
               $"missed errors (vbmc accepts, Guix rejects) {Count(Outcome.MissedError)}, " +
               $"missed vbmc-stricter checks {Count(Outcome.MissedStricter)}, " +
               $"location mismatches {Count(Outcome.Location)}, " +
               $"Guix failures {Count(Outcome.GuixFailed) + Count(Outcome.StricterButGuixRejects)}";
    }
}
