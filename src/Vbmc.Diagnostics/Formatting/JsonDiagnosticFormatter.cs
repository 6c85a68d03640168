using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Vbmc.Diagnostics.Formatting;

/// <summary>
/// vbmc's own JSON format (`--format json`), version 1. The shape is a public contract (see
/// README): <c>{"version":1,"diagnostics":[{"id","severity","file","line","column","endLine",
/// "endColumn","message","hint","related":[{"file","line","column","endLine","endColumn",
/// "message"}]}]}</c>. Positions are 1-based, the end exclusive; a diagnostic without a position
/// (e.g. a missing file) has 0 for all four. "hint" is null when there is none.
/// </summary>
public static class JsonDiagnosticFormatter
{
    public const int FormatVersion = 1;

    public static string Format(IEnumerable<Diagnostic> diagnostics)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteNumber("version", FormatVersion);
            w.WriteStartArray("diagnostics");
            foreach (var d in DiagnosticOrder.Sort(diagnostics))
            {
                w.WriteStartObject();
                w.WriteString("id", d.Id);
                w.WriteString("severity", d.Severity.Word());
                WriteSpan(w, d.Span);
                w.WriteString("message", JsonText.Clean(d.Message));
                if (d.Hint is null) w.WriteNull("hint");
                else w.WriteString("hint", JsonText.Clean(d.Hint));
                w.WriteStartArray("related");
                foreach (var r in d.RelatedLocations)
                {
                    w.WriteStartObject();
                    WriteSpan(w, r.Span);
                    w.WriteString("message", JsonText.Clean(r.Message));
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteSpan(Utf8JsonWriter w, SourceSpan span)
    {
        w.WriteString("file", JsonText.Clean(span.File));
        w.WriteNumber("line", span.StartLine);
        w.WriteNumber("column", span.StartColumn);
        w.WriteNumber("endLine", span.EndLine);
        w.WriteNumber("endColumn", span.EndColumn);
    }

    /// <summary>
    /// Indented with "\n" on every platform and non-ASCII text left readable: the bytes depend
    /// only on the diagnostics.
    /// </summary>
    internal static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
