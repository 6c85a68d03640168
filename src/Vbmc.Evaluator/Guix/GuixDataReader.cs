using System.Globalization;
using System.Text;
using Vbmc.Data;
using Vbmc.Reading;

namespace Vbmc.Evaluation.Guix;

/// <summary>
/// A small, fast reader for the data files of <c>stdlib/generated</c> (their format is in
/// <c>stdlib/generated/README.md</c>): lists, symbols (<c>#{...}#</c> included), strings, numbers,
/// booleans and keywords, written by Guile's <c>write</c>. Lists are read as
/// <see cref="List{T}"/> of objects, not Scheme pairs: the data is looked at, never evaluated.
/// vbmc's general reader (with source spans for every node) would be several times slower on
/// these 2.6 MB, and a module's data is read when a configuration first imports that module.
/// </summary>
public sealed class GuixDataReader
{
    private readonly string _text;
    private int _pos;

    private GuixDataReader(string text) => _text = text;

    /// <summary>The single top-level datum of <paramref name="text"/> (comments skipped).</summary>
    public static object ReadDatum(string text)
    {
        var reader = new GuixDataReader(text);
        reader.SkipBlank();
        var datum = reader.Read();
        reader.SkipBlank();
        if (reader._pos < text.Length) throw reader.Fail("text after the datum");
        return datum;
    }

    /// <summary>Reads one datum starting at <paramref name="start"/> of <paramref name="text"/>.</summary>
    public static object ReadAt(string text, int start)
    {
        var reader = new GuixDataReader(text) { _pos = start };
        reader.SkipBlank();
        return reader.Read();
    }

    private FormatException Fail(string what) => new($"generated data: {what} at offset {_pos}");

    private void SkipBlank()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == ';')
            {
                while (_pos < _text.Length && _text[_pos] != '\n') _pos++;
            }
            else if (char.IsWhiteSpace(c)) _pos++;
            else return;
        }
    }

    private object Read()
    {
        if (_pos >= _text.Length) throw Fail("unexpected end");
        var c = _text[_pos];
        switch (c)
        {
            case '(':
            {
                _pos++;
                var items = new List<object>();
                while (true)
                {
                    SkipBlank();
                    if (_pos >= _text.Length) throw Fail("unterminated list");
                    if (_text[_pos] == ')') { _pos++; return items; }
                    items.Add(Read());
                }
            }
            case '"':
                return ReadString();
            case '#':
                if (_pos + 1 < _text.Length)
                {
                    var next = _text[_pos + 1];
                    if (next == ':') { _pos += 2; return Keyword.Intern(ReadToken()); }
                    if (next == '{') return ReadExtendedSymbol();
                    if (next is 't' or 'f')
                    {
                        var token = ReadToken();
                        return token switch
                        {
                            "#t" or "#true" => true,
                            "#f" or "#false" => false,
                            _ => throw Fail($"unknown syntax {token}"),
                        };
                    }
                }
                throw Fail("unknown # syntax");
            default:
            {
                var token = ReadToken();
                if (token.Length == 0) throw Fail($"unexpected character '{c}'");
                if ((char.IsDigit(token[0]) || (token.Length > 1 && token[0] is '-' or '+' or '.'))
                    && NumberParser.TryParse(token, 10, out var number))
                    return number;
                return Symbol.Intern(token);
            }
        }
    }

    private string ReadToken()
    {
        var start = _pos;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (char.IsWhiteSpace(c) || c is '(' or ')' or '"' or ';') break;
            _pos++;
        }
        return _text[start.._pos];
    }

    private string ReadString()
    {
        _pos++;
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length) throw Fail("unterminated string");
            var c = _text[_pos++];
            if (c == '"') return sb.ToString();
            if (c != '\\') { sb.Append(c); continue; }
            AppendEscape(sb);
        }
    }

    /// <summary><c>#{name}#</c>: Guile's syntax for symbols that would not read back as written.</summary>
    private Symbol ReadExtendedSymbol()
    {
        _pos += 2;
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos + 1 >= _text.Length) throw Fail("unterminated #{ symbol");
            var c = _text[_pos++];
            if (c == '}' && _text[_pos] == '#') { _pos++; return Symbol.Intern(sb.ToString()); }
            if (c != '\\') { sb.Append(c); continue; }
            AppendEscape(sb);
        }
    }

    private void AppendEscape(StringBuilder sb)
    {
        if (_pos >= _text.Length) throw Fail("unterminated escape");
        var e = _text[_pos++];
        switch (e)
        {
            case 'n': sb.Append('\n'); break;
            case 't': sb.Append('\t'); break;
            case 'r': sb.Append('\r'); break;
            case 'a': sb.Append('\a'); break;
            case 'f': sb.Append('\f'); break;
            case 'v': sb.Append('\v'); break;
            case 'b': sb.Append('\b'); break;
            case '0': sb.Append('\0'); break;
            case 'x':
            {
                var end = _text.IndexOf(';', _pos);
                if (end < 0) throw Fail("unterminated \\x escape");
                var code = int.Parse(_text.AsSpan(_pos, end - _pos), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                sb.Append(char.ConvertFromUtf32(code));
                _pos = end + 1;
                break;
            }
            default: sb.Append(e); break;
        }
    }
}
