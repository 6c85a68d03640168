using System.Text;

namespace Vbmc.Diagnostics.Formatting;

/// <summary>
/// GNU-style text ("file:line:col: error: message [ID]"), the format editors and Emacs'
/// compilation mode recognise, followed by the source line, a caret line under the span, the
/// hint and the related locations as "note" lines.
/// </summary>
public sealed class TextDiagnosticFormatter
{
    private const string Reset = "\e[0m";
    private const string Bold = "\e[1m";
    private const string Red = "\e[1;31m";
    private const string Magenta = "\e[1;35m";
    private const string Cyan = "\e[1;36m";
    private const string Green = "\e[1;32m";

    private readonly SourceTextProvider _sources;
    private readonly bool _color;

    /// <param name="sources">Where to get the source lines to quote.</param>
    /// <param name="color">ANSI colours; the CLI turns them on only for a terminal without NO_COLOR.</param>
    public TextDiagnosticFormatter(SourceTextProvider sources, bool color = false)
    {
        _sources = sources;
        _color = color;
    }

    /// <summary>All diagnostics, sorted, each block ending with a newline.</summary>
    public string Format(IEnumerable<Diagnostic> diagnostics)
    {
        var sb = new StringBuilder();
        foreach (var d in DiagnosticOrder.Sort(diagnostics)) Append(sb, d);
        return sb.ToString();
    }

    public void Append(StringBuilder sb, Diagnostic d)
    {
        AppendHeader(sb, d.Span, d.Severity, d.Message, d.Id);
        AppendExcerpt(sb, d.Span);
        if (!string.IsNullOrEmpty(d.Hint))
            sb.Append("  ").Append(Paint("hint:", Bold)).Append(' ').Append(OneLine(d.Hint)).Append('\n');
        foreach (var related in d.RelatedLocations)
        {
            AppendHeader(sb, related.Span, Severity.Note, related.Message, id: null);
            AppendExcerpt(sb, related.Span);
        }
    }

    private void AppendHeader(StringBuilder sb, SourceSpan span, Severity severity, string message, string? id)
    {
        sb.Append(Paint(span.ToString() + ":", Bold)).Append(' ');
        var color = severity switch { Severity.Error => Red, Severity.Warning => Magenta, _ => Cyan };
        sb.Append(Paint(severity.Word() + ":", color)).Append(' ').Append(OneLine(message));
        if (id is not null) sb.Append(" [").Append(id).Append(']');
        sb.Append('\n');
    }

    /// <summary>
    /// The span's first line and a caret line. Tabs of the source line are kept in the caret line
    /// so the caret sits under the right character whatever the terminal's tab width.
    /// </summary>
    private void AppendExcerpt(StringBuilder sb, SourceSpan span)
    {
        if (!span.HasPosition || span.StartColumn < 1) return;
        var text = _sources(span.File);
        if (text is null) return;
        var line = SourceText.Line(text, span.StartLine);
        if (line is null) return;

        var start = Math.Min(span.StartColumn - 1, line.Length);
        var end = span.EndLine == span.StartLine && span.EndColumn > span.StartColumn
            ? Math.Min(span.EndColumn - 1, line.Length)
            : line.Length;
        (line, start, end) = Window(line, start, end);
        var width = Math.Max(1, end - start);

        var caret = new StringBuilder();
        for (var i = 0; i < start; i++) caret.Append(line[i] == '\t' ? '\t' : ' ');
        caret.Append('^').Append('~', width - 1);

        sb.Append(Printable(line)).Append('\n');
        sb.Append(Paint(caret.ToString(), Green)).Append('\n');
    }

    /// <summary>Characters of a source line quoted; a longer line shows a window around the span.</summary>
    public const int MaxExcerptLength = 160;

    /// <summary>
    /// A long source line (a generated file, a string of a megabyte) cut to a window that starts a
    /// little before the span, "..." marking each cut; start and end moved with it.
    /// </summary>
    private static (string Line, int Start, int End) Window(string line, int start, int end)
    {
        if (line.Length <= MaxExcerptLength) return (line, start, end);
        var from = Math.Max(0, Math.Min(start - 40, line.Length - MaxExcerptLength));
        var to = from + MaxExcerptLength;
        if (from > 0 && char.IsLowSurrogate(line[from])) from++;
        if (to < line.Length && char.IsLowSurrogate(line[to])) to++;
        var prefix = from > 0 ? "..." : "";
        var shown = prefix + line[from..to] + (to < line.Length ? "..." : "");
        var shift = prefix.Length - from;
        return (shown, start + shift, Math.Min(end, to) + shift);
    }

    private string Paint(string text, string color) => _color ? color + text + Reset : text;

    /// <summary>Messages stay on one line so that every diagnostic line parses as GNU format.</summary>
    private static string OneLine(string s) => s.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ');

    /// <summary>
    /// Control characters (other than tab) would move the terminal's cursor and break alignment:
    /// they print as '?' (one column each, so the caret stays aligned).
    /// </summary>
    private static string Printable(string line)
    {
        if (!line.Any(c => char.IsControl(c) && c != '\t')) return line;
        return new string(line.Select(c => char.IsControl(c) && c != '\t' ? '?' : c).ToArray());
    }
}
