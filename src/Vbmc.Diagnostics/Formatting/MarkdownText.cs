using System.Text;

namespace Vbmc.Diagnostics.Formatting;

/// <summary>
/// Plain text as CommonMark (what GitHub renders for SARIF's markdown messages and rule help)
/// that shows exactly that text: every ASCII punctuation character is backslash-escaped (which
/// CommonMark allows for any of them, so none can start emphasis, a link, HTML, a heading or a
/// list); spaces and tabs at either end of a line are character references (CommonMark strips
/// them, and four leading ones would start a code block); line breaks are hard breaks (else
/// they would join the lines).
/// </summary>
public static class MarkdownText
{
    public static string Escape(string text)
    {
        var lines = JsonText.Clean(text).Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        return string.Join("\\\n", lines.Select(EscapeLine));
    }

    private static string EscapeLine(string line)
    {
        var start = 0;
        while (start < line.Length && IsBlank(line[start])) start++;
        var end = line.Length;
        while (end > start && IsBlank(line[end - 1])) end--;

        var sb = new StringBuilder(line.Length + 8);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (i < start || i >= end) sb.Append(c == ' ' ? "&#32;" : "&#9;");
            else if (char.IsAsciiLetterOrDigit(c) || c == ' ' || c > '~' || c < '!') sb.Append(c);
            else sb.Append('\\').Append(c);
        }
        return sb.ToString();
    }

    private static bool IsBlank(char c) => c is ' ' or '\t';
}
