using System.Text;

namespace Vbmc.Diagnostics.Formatting;

internal static class JsonText
{
    /// <summary>
    /// Replaces lone UTF-16 surrogates (which a message quoting a broken input may contain) by
    /// U+FFFD: JSON output must be valid UTF-8, and the writer would otherwise throw.
    /// </summary>
    public static string Clean(string s)
    {
        var clean = true;
        for (var i = 0; i < s.Length && clean; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
            else if (char.IsSurrogate(s[i])) clean = false;
        }
        if (clean) return s;
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                sb.Append(s[i]).Append(s[i + 1]);
                i++;
            }
            else sb.Append(char.IsSurrogate(s[i]) ? '\uFFFD' : s[i]);
        }
        return sb.ToString();
    }
}
