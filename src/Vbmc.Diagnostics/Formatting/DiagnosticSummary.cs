namespace Vbmc.Diagnostics.Formatting;

/// <summary>The closing line of `vbmc check` in text mode, e.g. "2 errors, 1 warning".</summary>
public static class DiagnosticSummary
{
    public static string Describe(IEnumerable<Diagnostic> diagnostics)
    {
        var list = diagnostics as IReadOnlyCollection<Diagnostic> ?? diagnostics.ToList();
        var errors = list.Count(d => d.Severity == Severity.Error);
        var warnings = list.Count(d => d.Severity == Severity.Warning);
        if (errors == 0 && warnings == 0) return "no errors";
        var parts = new List<string>();
        if (errors > 0) parts.Add(Count(errors, "error"));
        if (warnings > 0) parts.Add(Count(warnings, "warning"));
        return string.Join(", ", parts);
    }

    private static string Count(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";
}
