namespace Vbmc.GuixDifferential.Tests;

/// <summary>
/// The extent of the datum that starts at a position of a Scheme file: where Guix reports an
/// error "at" a form (a record with an extraneous field, say), vbmc may place it at the culprit
/// inside that form. Strings, characters, line, block and datum comments are skipped as the
/// reader does.
/// </summary>
public static class SourceExtent
{
    /// <summary>
    /// The datum starting at 1-based <paramref name="line"/> and 0-based <paramref name="column"/>,
    /// as 1-based (start line, end line) inclusive; null when the position is not in the text.
    /// </summary>
    public static (int StartLine, int EndLine)? Datum(string text, int line, int column)
    {
        var offset = Offset(text, line, column);
        if (offset is null || offset >= text.Length) return null;
        var end = EndOfDatum(text, offset.Value);
        return (line, LineOf(text, end));
    }

    private static int? Offset(string text, int line, int column)
    {
        var current = 1;
        var i = 0;
        while (current < line)
        {
            var next = text.IndexOf('\n', i);
            if (next < 0) return null;
            i = next + 1;
            current++;
        }
        var lineEnd = text.IndexOf('\n', i);
        if (lineEnd < 0) lineEnd = text.Length;
        return i + column <= lineEnd ? i + column : null;
    }

    private static int LineOf(string text, int offset) => 1 + text.AsSpan(0, Math.Min(offset, text.Length)).Count('\n');

    /// <summary>The offset of the last character of the datum at <paramref name="start"/>.</summary>
    private static int EndOfDatum(string text, int start)
    {
        var i = start;
        // Prefixes: quote, quasiquote, unquote, syntax and gexp forms.
        while (i < text.Length && (text[i] is '\'' or '`' or ',' or '@' || (text[i] == '#' && i + 1 < text.Length && text[i + 1] is '~' or '$' or '\'' or '`' or ',')))
            i += text[i] == '#' ? 2 : 1;
        if (i >= text.Length) return text.Length - 1;
        if (text[i] == '"') return EndOfString(text, i);
        if (text[i] is '(' or '[' || (text[i] == '#' && i + 1 < text.Length && text[i + 1] == '('))
        {
            var depth = 0;
            for (; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '"') i = EndOfString(text, i);
                else if (c == ';') i = EndOfLine(text, i);
                else if (c == '#' && i + 1 < text.Length && text[i + 1] == '\\') i = EndOfCharacter(text, i);
                else if (c == '#' && i + 1 < text.Length && text[i + 1] == '|') i = EndOfBlockComment(text, i);
                else if (c is '(' or '[') depth++;
                else if (c is ')' or ']')
                {
                    depth--;
                    if (depth == 0) return i;
                }
            }
            return text.Length - 1;
        }
        // An atom: up to the next delimiter.
        while (i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]) && text[i + 1] is not ('(' or ')' or '[' or ']' or '"' or ';')) i++;
        return i;
    }

    private static int EndOfString(string text, int i)
    {
        for (i++; i < text.Length; i++)
        {
            if (text[i] == '\\') i++;
            else if (text[i] == '"') return i;
        }
        return text.Length - 1;
    }

    private static int EndOfLine(string text, int i)
    {
        var n = text.IndexOf('\n', i);
        return n < 0 ? text.Length - 1 : n;
    }

    private static int EndOfCharacter(string text, int i)
    {
        // #\x: the character after the backslash, then any letters of a named character.
        i += 2;
        while (i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])) i++;
        return i;
    }

    private static int EndOfBlockComment(string text, int i)
    {
        var depth = 0;
        for (; i + 1 < text.Length; i++)
        {
            if (text[i] == '#' && text[i + 1] == '|') { depth++; i++; }
            else if (text[i] == '|' && text[i + 1] == '#')
            {
                depth--;
                i++;
                if (depth == 0) return i;
            }
        }
        return text.Length - 1;
    }
}
