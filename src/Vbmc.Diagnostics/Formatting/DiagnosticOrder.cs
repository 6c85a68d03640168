namespace Vbmc.Diagnostics.Formatting;

/// <summary>
/// The one order every output format uses, so that the same diagnostics always give the same
/// bytes whatever order the stages found them in: file, position, then id and message as
/// tie-breakers (discovery order is not stable across parallel checks of several files).
/// </summary>
public static class DiagnosticOrder
{
    public static IReadOnlyList<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.OrderBy(d => d.Span.File, StringComparer.Ordinal)
                   .ThenBy(d => d.Span.StartLine)
                   .ThenBy(d => d.Span.StartColumn)
                   .ThenBy(d => d.Span.EndLine)
                   .ThenBy(d => d.Span.EndColumn)
                   .ThenByDescending(d => d.Severity)
                   .ThenBy(d => d.Id, StringComparer.Ordinal)
                   .ThenBy(d => d.Message, StringComparer.Ordinal)
                   .ThenBy(d => d.Hint ?? "", StringComparer.Ordinal)
                   .ToList();

    /// <summary>The lower-case severity word used by the text and JSON formats (GNU style).</summary>
    public static string Word(this Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };
}
