namespace Vbmc.Diagnostics;

/// <summary>
/// Collects diagnostics in the order they are found. Stages add to one bag so that a single run
/// reports every problem of a file.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    public int Count => _items.Count;

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    public void Error(string id, SourceSpan span, string message, string? hint = null) =>
        Add(Diagnostic.Error(id, span, message, hint));

    public void Warning(string id, SourceSpan span, string message, string? hint = null) =>
        Add(Diagnostic.Warning(id, span, message, hint));

    public void Note(string id, SourceSpan span, string message, string? hint = null) =>
        Add(Diagnostic.Note(id, span, message, hint));

    /// <summary>Diagnostics sorted by file, position, then discovery order (stable).</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        _items.Select((d, i) => (d, i))
              .OrderBy(p => p.d.Span.File, StringComparer.Ordinal)
              .ThenBy(p => p.d.Span.StartLine)
              .ThenBy(p => p.d.Span.StartColumn)
              .ThenBy(p => p.i)
              .Select(p => p.d)
              .ToList();
}
