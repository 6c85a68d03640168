using System.Globalization;
using System.Text;

namespace Vbmc.Emitters.Offload.Scheme;

/// <summary>
/// Writes <see cref="SchemeValue"/>s as Guile 3.0 source text. The output is pure ASCII: every
/// character outside printable ASCII is written as a Guile escape, so the file reads the same
/// whatever locale the reading process runs under (guix-daemon starts guix offload with the
/// daemon's environment, often the C locale, where Guile would misread raw UTF-8).
/// </summary>
public static class SchemeWriter
{
    /// <summary>The column a form may reach before it is broken over several lines.</summary>
    public const int Width = 100;

    /// <summary>Writes <paramref name="value"/> as if it started at <paramref name="column"/> (for indentation).</summary>
    public static string Write(SchemeValue value, int column = 0)
    {
        var text = new StringBuilder();
        Append(text, value, column);
        return text.ToString();
    }

    /// <summary>A Guile string literal with <paramref name="value"/>'s exact characters.</summary>
    public static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2);
        text.Append('"');
        foreach (var rune in value.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\t': text.Append("\\t"); break;
                case '\r': text.Append("\\r"); break;
                case >= 0x20 and < 0x7f: text.Append((char)rune.Value); break;
                // Guile's \u takes exactly four hex digits and \U exactly six; both mean a Unicode
                // scalar value whatever the reader's r6rs-hex-escapes option says (unlike \x).
                // EnumerateRunes turns a lone surrogate into U+FFFD: Guile strings cannot hold one.
                case <= 0xffff: text.Append(CultureInfo.InvariantCulture, $"\\u{rune.Value:x4}"); break;
                default: text.Append(CultureInfo.InvariantCulture, $"\\U{rune.Value:x6}"); break;
            }
        }
        text.Append('"');
        return text.ToString();
    }

    /// <summary>An inexact real as Guile reads it: <c>1.0</c>, <c>0.8</c>, <c>1e-07</c>, <c>+inf.0</c>, <c>+nan.0</c>.</summary>
    public static string Real(double value)
    {
        if (double.IsNaN(value)) return "+nan.0";
        if (double.IsPositiveInfinity(value)) return "+inf.0";
        if (double.IsNegativeInfinity(value)) return "-inf.0";
        // "R" is the shortest text that reads back as the same double.
        var text = value.ToString("R", CultureInfo.InvariantCulture).ToLowerInvariant();
        // Without a point or an exponent Guile would read an exact integer.
        return text.Contains('.') || text.Contains('e') ? text : text + ".0";
    }

    private static void Append(StringBuilder text, SchemeValue value, int column)
    {
        switch (value)
        {
            case SchemeForm form:
                AppendForm(text, form, column);
                break;
            default:
                text.Append(Atom(value));
                break;
        }
    }

    private static string Atom(SchemeValue value) => value switch
    {
        SchemeString s => Quote(s.Value),
        SchemeInteger i => i.Value.ToString(CultureInfo.InvariantCulture),
        SchemeReal r => Real(r.Value),
        SchemeBoolean b => b.Value ? "#t" : "#f",
        SchemeSymbol s => s.Name,
        _ => throw new ArgumentException($"not an atom: {value.GetType().Name}", nameof(value)),
    };

    private static void AppendForm(StringBuilder text, SchemeForm form, int column)
    {
        if (form.Items.Count == 0)
        {
            text.Append("()");
            return;
        }
        if (form.Layout == FormLayout.Auto)
        {
            var flat = Flat(form);
            if (flat is not null && column + flat.Length <= Width)
            {
                text.Append(flat);
                return;
            }
        }
        var onOpeningLine = form.Layout == FormLayout.Body ? Math.Min(2, form.Items.Count) : 1;
        var indent = form.Layout == FormLayout.Body ? 2 : 1;
        text.Append('(');
        var at = column + 1;
        for (var i = 0; i < onOpeningLine; i++)
        {
            if (i > 0)
            {
                text.Append(' ');
                at++;
            }
            var start = text.Length;
            Append(text, form.Items[i], at);
            at += text.Length - start;
        }
        for (var i = onOpeningLine; i < form.Items.Count; i++)
        {
            text.Append('\n').Append(' ', column + indent);
            Append(text, form.Items[i], column + indent);
        }
        text.Append(')');
    }

    /// <summary>The one-line text, or null when a form inside asks for its own line breaks.</summary>
    private static string? Flat(SchemeValue value)
    {
        if (value is not SchemeForm form) return Atom(value);
        if (form.Layout != FormLayout.Auto) return null;
        var items = new List<string>(form.Items.Count);
        foreach (var item in form.Items)
        {
            if (Flat(item) is not { } flat) return null;
            items.Add(flat);
        }
        return "(" + string.Join(' ', items) + ")";
    }
}
