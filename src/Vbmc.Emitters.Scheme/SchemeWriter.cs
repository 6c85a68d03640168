using System.Globalization;
using System.Text;

namespace Vbmc.Emitters.Scheme;

/// <summary>
/// Writes Scheme data as Guile 3.0 source text: <see cref="SchemeValue"/>s laid out in forms, and
/// the atoms (strings, symbols, reals, comments) for emitters that lay out their own text. The
/// output is pure ASCII: every other character is a Guile escape, so a file reads the same
/// whatever locale the reading process runs under (guix-daemon starts guix offload with the
/// daemon's environment, often the C locale, where Guile would misread raw UTF-8; so may shepherd).
/// The one Scheme writer of vbmc: the Shepherd services (Vbmc.Emitters.Units) and machines.scm
/// (Vbmc.Emitters.Offload) both use it.
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

    /// <summary>
    /// A Guile string literal with <paramref name="value"/>'s exact characters: <c>\" \\ \n \t \r</c>,
    /// <c>\uHHHH</c> for other control characters and up to U+FFFF, <c>\UHHHHHH</c> beyond.
    /// </summary>
    public static string String(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
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
                // scalar value whatever the reader's r6rs-hex-escapes option says, unlike \x (two
                // digits by default, but up to a ';' with that option, where "\x01" is an error).
                // EnumerateRunes turns a lone surrogate into U+FFFD: Guile strings cannot hold one.
                case <= 0xffff: text.Append(CultureInfo.InvariantCulture, $"\\u{rune.Value:x4}"); break;
                default: text.Append(CultureInfo.InvariantCulture, $"\\U{rune.Value:x6}"); break;
            }
        }
        text.Append('"');
        return text.ToString();
    }

    /// <summary>
    /// A symbol: bare when it is a plain lower-case name (a letter, then letters, digits and
    /// <c>- _ ? ! * &lt; &gt; = / + .</c>, as in <c>string-prefix?</c>: a name that starts with a
    /// letter is never read as a number or other syntax), else Guile's extended form #{...}# with
    /// R6RS-style \x...; escapes for every character but letters, digits and Scheme's extended
    /// identifier characters.
    /// </summary>
    public static string Symbol(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length > 0 && name[0] is >= 'a' and <= 'z'
            && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '?' or '!' or '*' or '<' or '>' or '=' or '/' or '+' or '.'))
            return name;
        var text = new StringBuilder("#{");
        foreach (var rune in name.EnumerateRunes())
        {
            var plain = rune.Value is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
                or '-' or '_' or '.' or '+' or '*' or '/' or '<' or '>' or '=' or '!' or '?' or ':' or '$' or '%' or '&' or '~' or '^' or '@';
            if (plain) text.Append((char)rune.Value);
            else text.Append(@"\x").Append(rune.Value.ToString("x", CultureInfo.InvariantCulture)).Append(';');
        }
        return text.Append("}#").ToString();
    }

    /// <summary>A quoted list of symbols: '(a b).</summary>
    public static string QuotedSymbols(IEnumerable<string> names) => "'(" + string.Join(' ', names.Select(Symbol)) + ")";

    /// <summary>A quoted list of strings: '("a" "b").</summary>
    public static string QuotedStrings(IEnumerable<string> values) => "'(" + string.Join(' ', values.Select(String)) + ")";

    /// <summary>
    /// A ';;' comment line: control characters become spaces (a newline would end the comment)
    /// and other non-ASCII characters '?', keeping the file ASCII.
    /// </summary>
    public static string Comment(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var content = new string(line.Select(c => c is < ' ' or '\x7f' ? ' ' : c > '\x7f' ? '?' : c).ToArray()).TrimEnd();
        return content.Length == 0 ? ";;" : ";; " + content;
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
        SchemeString s => String(s.Value),
        SchemeInteger i => i.Value.ToString(CultureInfo.InvariantCulture),
        SchemeReal r => Real(r.Value),
        SchemeBoolean b => b.Value ? "#t" : "#f",
        SchemeSymbol s => Symbol(s.Name),
        SchemeKeyword k => "#:" + Symbol(k.Name),
        _ => throw new ArgumentException($"not an atom: {value.GetType().Name}", nameof(value)),
    };

    /// <summary><c>(quote x)</c>, written <c>'x</c>.</summary>
    private static bool IsQuote(SchemeForm form) => form.Items is [SchemeSymbol { Name: "quote" }, _];

    private static void AppendForm(StringBuilder text, SchemeForm form, int column)
    {
        if (form.Items.Count == 0)
        {
            text.Append("()");
            return;
        }
        if (IsQuote(form))
        {
            text.Append('\'');
            Append(text, form.Items[1], column + 1);
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
            var start = text.Length;
            Append(text, form.Items[i], column + indent);
            // A keyword argument stays on its keyword's line when it fits there: #:user "build-vm-past".
            if (form.Items[i] is SchemeKeyword && i + 1 < form.Items.Count && Flat(form.Items[i + 1]) is { } value
                && column + indent + text.Length - start + 1 + value.Length <= Width)
                text.Append(' ').Append(value);
            else continue;
            i++;
        }
        text.Append(')');
    }

    /// <summary>The one-line text, or null when a form inside asks for its own line breaks.</summary>
    private static string? Flat(SchemeValue value)
    {
        if (value is not SchemeForm form) return Atom(value);
        if (form.Layout != FormLayout.Auto) return null;
        if (IsQuote(form)) return Flat(form.Items[1]) is { } quoted ? "'" + quoted : null;
        var items = new List<string>(form.Items.Count);
        foreach (var item in form.Items)
        {
            if (Flat(item) is not { } flat) return null;
            items.Add(flat);
        }
        return "(" + string.Join(' ', items) + ")";
    }
}
