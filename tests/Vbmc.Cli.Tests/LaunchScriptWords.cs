namespace Vbmc.Cli.Tests;

/// <summary>
/// Splits a generated shell launch script into words, closely enough to find QEMU arguments:
/// line continuations joined, single and double quotes removed (the emitters quote arguments
/// that need it).
/// </summary>
public static class LaunchScriptWords
{
    public static IReadOnlyList<string> Of(string script)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        var inWord = false;
        char quote = '\0';
        var text = script.Replace("\\\r\n", " ").Replace("\\\n", " ");
        foreach (var c in text)
        {
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
                else current.Append(c);
                continue;
            }
            if (c is '\'' or '"')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
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
