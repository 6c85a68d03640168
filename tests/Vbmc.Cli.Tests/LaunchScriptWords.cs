namespace Vbmc.Cli.Tests;

/// <summary>
/// Splits a generated shell launch script into words, closely enough to find QEMU arguments:
/// the POSIX sh rules for words (blanks separate; single quotes keep everything; double quotes
/// keep everything but a backslash before $ ` " \ or a newline; a backslash outside quotes keeps
/// the next character; backslash-newline joins lines; '#' at the start of a word comments out
/// the rest of the line), without expansions: "$@" is the word $@.
/// </summary>
public static class LaunchScriptWords
{
    public static IReadOnlyList<string> Of(string script)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        var inWord = false;
        var text = script.Replace("\r\n", "\n", StringComparison.Ordinal);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'')
            {
                var end = text.IndexOf('\'', i + 1);
                if (end < 0) end = text.Length;
                current.Append(text, i + 1, end - i - 1);
                inWord = true;
                i = end;
            }
            else if (c == '"')
            {
                inWord = true;
                for (i++; i < text.Length && text[i] != '"'; i++)
                {
                    if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] is '$' or '`' or '"' or '\\' or '\n')
                    {
                        i++;
                        if (text[i] != '\n') current.Append(text[i]);
                    }
                    else current.Append(text[i]);
                }
            }
            else if (c == '\\')
            {
                if (i + 1 < text.Length && text[i + 1] != '\n')
                {
                    current.Append(text[i + 1]);
                    inWord = true;
                }
                i++;
            }
            else if (c == '#' && !inWord)
            {
                while (i + 1 < text.Length && text[i + 1] != '\n') i++;
            }
            else if (c is ' ' or '\t' or '\n')
            {
                if (inWord) words.Add(current.ToString());
                current.Clear();
                inWord = false;
            }
            else
            {
                current.Append(c);
                inWord = true;
            }
        }
        if (inWord) words.Add(current.ToString());
        return words;
    }

    public static bool ContainsAdjacent(IReadOnlyList<string> words, IReadOnlyList<string> wanted)
    {
        for (var i = 0; i + wanted.Count <= words.Count; i++)
        {
            var all = true;
            for (var j = 0; j < wanted.Count && all; j++) all = words[i + j] == wanted[j];
            if (all) return true;
        }
        return false;
    }
}
