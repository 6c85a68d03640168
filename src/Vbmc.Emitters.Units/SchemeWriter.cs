using System.Globalization;
using System.Text;

namespace Vbmc.Emitters.Units;

/// <summary>
/// Scheme data as Guile 3.0's reader reads it back. Output is plain ASCII (every other
/// character is an escape), so the file reads the same whatever locale or source encoding the
/// loading Guile uses.
/// </summary>
public static class SchemeWriter
{
    /// <summary>A string literal with Guile's escapes: \" \\ \n \t \r, \xHH for other control characters, \uHHHH / \UHHHHHH beyond ASCII.</summary>
    public static string String(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder("\"");
        foreach (var rune in value.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append(@"\\"); break;
                case '\n': text.Append(@"\n"); break;
                case '\t': text.Append(@"\t"); break;
                case '\r': text.Append(@"\r"); break;
                case < 0x20 or 0x7f: text.Append(@"\x").Append(Hex(rune.Value, 2)); break;
                case < 0x80: text.Append((char)rune.Value); break;
                case <= 0xffff: text.Append(@"\u").Append(Hex(rune.Value, 4)); break;
                default: text.Append(@"\U").Append(Hex(rune.Value, 6)); break;
            }
        }
        return text.Append('"').ToString();
    }

    /// <summary>
    /// A symbol: bare when it is a plain lower-case name (never mistaken for a number or other
    /// syntax), else Guile's extended form #{...}# with R6RS-style \x...; escapes.
    /// </summary>
    public static string Symbol(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length > 0 && name[0] is >= 'a' and <= 'z' && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_'))
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
        var content = new string(line.Select(c => c is < ' ' or '\x7f' ? ' ' : c > '\x7f' ? '?' : c).ToArray()).TrimEnd();
        return content.Length == 0 ? ";;" : ";; " + content;
    }

    private static string Hex(int value, int digits) => value.ToString("x" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
