namespace Vbmc.Diagnostics;

/// <summary>
/// Collects diagnostics in the order they are found. Stages add to one bag so that a single run
/// reports every problem of a file.
/// </summary>
public sealed class DiagnosticBag
{
    /// <summary>
    /// Diagnostics kept; later ones are counted in one closing diagnostic (a loop over a large
    /// list could otherwise print megabytes of the same mistake).
    /// </summary>
    public const int MaxItems = 1000;

    private readonly List<Diagnostic> _items = [];
    private int _dropped;
    private Severity _droppedSeverity = Severity.Note;

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    public int Count => _items.Count;

    public void Add(Diagnostic diagnostic)
    {
        diagnostic = DiagnosticText.Bounded(diagnostic);
        if (_items.Count < MaxItems)
        {
            _items.Add(diagnostic);
            return;
        }
        // The closing diagnostic takes the worst severity of those it counts, so that the exit
        // code still says whether there were errors.
        _dropped++;
        if (diagnostic.Severity > _droppedSeverity) _droppedSeverity = diagnostic.Severity;
        var closing = new Diagnostic(DiagnosticIds.TooManyDiagnostics, _droppedSeverity, diagnostic.Span,
            $"{_dropped} more diagnostics were found and are not shown (vbmc shows the first {MaxItems})");
        if (_dropped == 1) _items.Add(closing);
        else _items[MaxItems] = closing with { Span = _items[MaxItems].Span };
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics) Add(d);
    }

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
