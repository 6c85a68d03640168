using System.Text;
using Antlr4.Runtime;
using Vbmc.Data;
using Vbmc.Diagnostics;
using T = Vbmc.Reading.Generated.SchemeLexer;

namespace Vbmc.Reading;

/// <summary>
/// Gives each atom token its value the way Guile 3.0's reader does (default read options:
/// case-sensitive, 2-digit "\xHH" string escapes, no skipping of leading blanks after a
/// line continuation), or the diagnostic Guile's error corresponds to.
/// </summary>
internal sealed class AtomReader(TextPositions positions)
{
    internal readonly record struct Result(object? Value, Diagnostic? Error);

    /// <summary>String literals without escapes, shared while they recur.</summary>
    private readonly StringLiterals _strings = new();

    /// <summary>#t and #f, boxed once (the reader reads atoms by the hundred thousand).</summary>
    private static readonly object True = true, False = false;

    public Result Read(IToken token) => token.Type switch
    {
        T.ATOM => ReadNumberOrSymbol(token),
        T.TRUE => new(True, null),
        T.FALSE => new(False, null),
        T.STRING => ReadEscaped(token, '"', s => s),
        T.BAR_SYMBOL => ReadEscaped(token, '|', s => Symbol.Intern(s)),
        T.EXTENDED_SYMBOL => ReadExtendedSymbol(token),
        T.CHARACTER => ReadCharacter(token),
        T.PREFIXED_NUMBER => ReadNumberOrSymbol(token),
        _ => Fail(DiagnosticIds.SyntaxError, positions.SpanOf(token), $"unexpected \"{token.Text}\""),
    };

    /// <summary>Guile tries string->number on every plain atom (and on #x.. atoms), else it is a symbol.</summary>
    private Result ReadNumberOrSymbol(IToken token)
    {
        var text = positions.CharsOf(token);
        var prefixed = text[0] == '#';
        switch (NumberParser.Parse(text, 10, out var number))
        {
            case NumberSyntax.Number:
                return new(number, null);
            case NumberSyntax.ExponentOutOfRange:
                return Fail(DiagnosticIds.BadNumber, positions.SpanOf(token), $"number out of range: {text}");
            case NumberSyntax.Complex:
                return Fail(DiagnosticIds.BadNumber, positions.SpanOf(token), $"unsupported: complex numbers such as {text} are not part of vbmc's language");
            default:
                return prefixed
                    ? Fail(DiagnosticIds.BadNumber, positions.SpanOf(token), $"unknown # object: \"{text}\"")
                    : new(Symbol.Intern(text), null);
        }
    }

    private static Result Fail(string id, SourceSpan span, string message) => new(null, Diagnostic.Error(id, span, message));

    /// <summary>
    /// Strings and |symbols| share Guile's escapes; "\x" takes exactly two hex digits in a string
    /// but is an R6RS "\x41;" escape in a |symbol|.
    /// </summary>
    private Result ReadEscaped(IToken token, char delimiter, Func<string, object> make)
    {
        var text = positions.CharsOf(token);
        var end = text.Length - 1; // the closing delimiter
        StringBuilder? sb = null;
        var runStart = 1;
        var i = 1;
        while (i < end)
        {
            if (text[i] != '\\') { i++; continue; }
            sb ??= new StringBuilder(text.Length);
            sb.Append(text.Slice(runStart, i - runStart));
            var escapeStart = i;
            var c = text[i + 1];
            i += 2;
            switch (c)
            {
                case '\n': break; // line continuation: the newline is dropped, the next line's blanks kept
                case '|' or '\\' or '(' or '"': sb.Append(c); break;
                case '0': sb.Append('\0'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'a': sb.Append('\a'); break;
                case 'v': sb.Append('\v'); break;
                case 'b': sb.Append('\b'); break;
                case 'x' when delimiter == '|':
                {
                    var semicolon = text[i..].IndexOf(';') is var at and >= 0 ? i + at : -1;
                    if (semicolon < 0 || semicolon >= end || semicolon == i
                        || !TryHex(text.Slice(i, semicolon - i), out var code))
                        return BadEscape(token, escapeStart, i, text);
                    if (!AppendScalar(sb, code)) return BadEscape(token, escapeStart, semicolon + 1, text);
                    i = semicolon + 1;
                    break;
                }
                case 'x' or 'u' or 'U':
                {
                    var digits = c == 'x' ? 2 : c == 'u' ? 4 : 6;
                    if (i + digits > end || !TryHex(text.Slice(i, digits), out var code))
                        return BadEscape(token, escapeStart, Math.Min(i + digits, end), text);
                    if (!AppendScalar(sb, code)) return BadEscape(token, escapeStart, i + digits, text);
                    i += digits;
                    break;
                }
                default:
                    if (c == delimiter) { sb.Append(c); break; }
                    return BadEscape(token, escapeStart, i, text);
            }
            runStart = i;
        }
        if (sb is null) return new(delimiter == '"' ? _strings.Get(text[1..end]) : make(text[1..end].ToString()), null);
        sb.Append(text[runStart..end]);
        return new(make(sb.ToString()), null);
    }

    private Result BadEscape(IToken token, int from, int to, ReadOnlySpan<char> text) =>
        Fail(DiagnosticIds.BadEscape, positions.SpanInside(token, from, to),
            $"invalid character in escape sequence: \"{text[from..to]}\"");

    private static bool TryHex(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        if (digits.Length == 0 || digits.Length > 8) return false;
        foreach (var c in digits)
        {
            var d = HexDigit(c);
            if (d < 0) return false;
            value = value * 16 + d;
        }
        return true;
    }

    private static int HexDigit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>Appends a Unicode scalar value; false for surrogates and values past U+10FFFF.</summary>
    private static bool AppendScalar(StringBuilder sb, int code)
    {
        if (code is < 0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF)) return false;
        sb.Append(char.ConvertFromUtf32(code));
        return true;
    }

    /// <summary>Guile's #{...}#: "}" not followed by "#" is part of the name; "\x41;" is a hex escape,
    /// any other backslash just quotes the next character.</summary>
    private Result ReadExtendedSymbol(IToken token)
    {
        var text = token.Text;
        var end = text.Length - 2; // before the closing "}#"
        var sb = new StringBuilder(end);
        var i = 2;
        while (i < end)
        {
            var c = text[i];
            if (c == '\\')
            {
                var next = text[i + 1];
                if (next == 'x')
                {
                    var semicolon = text.IndexOf(';', i + 2);
                    if (semicolon < 0 || semicolon >= end || !TryHex(text.AsSpan(i + 2, semicolon - i - 2), out var code)
                        || !AppendScalar(sb, code))
                        return BadEscape(token, i, Math.Min(semicolon < 0 ? end : semicolon + 1, text.Length), text);
                    i = semicolon + 1;
                    continue;
                }
                sb.Append(next);
                i += 2;
                continue;
            }
            sb.Append(c);
            i++;
        }
        return new(Symbol.Intern(sb.ToString()), null);
    }

    private Result ReadCharacter(IToken token)
    {
        var name = token.Text[2..];
        if (CharNames.TryParse(name, out var code)) return new(new SChar(code), null);
        return Fail(DiagnosticIds.BadCharacter, positions.SpanOf(token), $"unknown character name {name}");
    }
}
