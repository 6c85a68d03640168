using System.Globalization;
using System.Text;

namespace Vbmc.Emitters.Units;

/// <summary>
/// The quoting rules of systemd's configuration files, measured against systemd 252's own
/// parsers (the tests read every form back through systemd). Two families exist:
/// <list type="bullet">
/// <item>C-escaped words (ExecStart=, Environment=): inside "…" systemd decodes C escapes, so
/// any character, a newline too, can be written;</item>
/// <item>backslash-escaped words (ReadWritePaths=, sysusers.d, tmpfiles.d): inside "…" a
/// backslash only makes the next character literal (<c>"\x3b"</c> reads as <c>x3b</c>), so
/// control characters cannot be written at all.</item>
/// </list>
/// Both expand <c>%</c> specifiers, so a literal <c>%</c> is always written <c>%%</c>.
/// </summary>
public static class SystemdQuoting
{
    /// <summary>Characters that never need quoting in any of these files.</summary>
    public static bool IsBareSafe(string value) =>
        value.Length > 0 && value.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
            or '_' or '.' or '/' or '-' or '+' or ',' or ':' or '=' or '@');

    /// <summary>
    /// One word of a command line (ExecStart=): bare when it is plainly safe, else "…" with C
    /// escapes. <c>$</c> becomes <c>$$</c> because systemd substitutes environment variables in
    /// command lines and documents <c>$$</c> as a literal dollar sign.
    /// </summary>
    public static string CommandWord(string word) => CEscapedWord(word, doubleDollar: true);

    /// <summary>
    /// The program of a command line: C-escaped like <see cref="CommandWord"/>, but '$' is kept,
    /// because systemd substitutes variables in the arguments only, never in the program path
    /// (systemd-analyze verify looks for the path exactly as written).
    /// </summary>
    public static string ProgramWord(string path) => CEscapedWord(path, doubleDollar: false);

    /// <summary>
    /// An Environment= assignment word: C-escaped like <see cref="CommandWord"/>, but '$' is
    /// kept (systemd does not substitute variables in Environment= values).
    /// </summary>
    public static string EnvironmentWord(string name, string value)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0]) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            throw new ArgumentException($"{Describe(name)} is not an environment variable name", nameof(name));
        return CEscapedWord(name + "=" + value, doubleDollar: false);
    }

    private static string CEscapedWord(string word, bool doubleDollar)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (IsBareSafe(word)) return word;
        var text = new StringBuilder("\"");
        foreach (var rune in word.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '\\': text.Append(@"\\"); break;
                case '"': text.Append("\\\""); break;
                case '%': text.Append("%%"); break;
                case '$' when doubleDollar: text.Append("$$"); break;
                case '\n': text.Append(@"\n"); break;
                case '\t': text.Append(@"\t"); break;
                case '\r': text.Append(@"\r"); break;
                case 0:
                    throw new ArgumentException($"{Describe(word)} has a NUL character, which no command line can hold", nameof(word));
                case < 0x20 or 0x7f:
                    text.Append(@"\x").Append(rune.Value.ToString("x2", CultureInfo.InvariantCulture));
                    break;
                default: text.Append(rune.ToString()); break;
            }
        }
        return text.Append('"').ToString();
    }

    /// <summary>
    /// A word of a backslash-escaped field: bare when plainly safe, else "…" with <c>\\</c>,
    /// <c>\"</c> and <c>%%</c>. Throws on control characters, which these files cannot hold:
    /// callers pass values that lowering has already restricted (paths made of checked VM names).
    /// </summary>
    public static string EscapedWord(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (IsBareSafe(value)) return value;
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': text.Append(@"\\"); break;
                case '"': text.Append("\\\""); break;
                case '%': text.Append("%%"); break;
                case < ' ' or '\x7f':
                    throw new ArgumentException(
                        $"{Describe(value)} has a control character, which this systemd file cannot express", nameof(value));
                default: text.Append(c); break;
            }
        }
        return text.Append('"').ToString();
    }

    /// <summary>
    /// Free text that runs to the end of the line (Description=, comments): <c>%</c> doubled,
    /// control characters (a line cannot hold a newline) replaced by spaces, outer spaces trimmed.
    /// A trailing backslash would join the next line to this one, so it is refused; callers end
    /// free text with fixed words.
    /// </summary>
    public static string LineText(string text, bool specifiers = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        var line = new StringBuilder(text.Length);
        foreach (var c in text) line.Append(c is < ' ' or '\x7f' ? ' ' : c);
        var result = line.ToString().Trim();
        if (result.EndsWith('\\'))
            throw new ArgumentException($"{Describe(text)} ends with a backslash, which would continue the line", nameof(text));
        return specifiers ? result.Replace("%", "%%", StringComparison.Ordinal) : result;
    }

    /// <summary>A user or group name as systemd accepts it strictly (letters, digits, '_', '-'; no leading digit or '-').</summary>
    public static string AccountName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var valid = name.Length is > 0 and <= 31
            && (char.IsAsciiLetter(name[0]) || name[0] == '_')
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
        return valid ? name : throw new ArgumentException($"{Describe(name)} is not a valid user or group name", nameof(name));
    }

    /// <summary>An absolute path, as every path vbmc writes into these files is.</summary>
    public static string AbsolutePath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.StartsWith('/') ? path : throw new ArgumentException($"{Describe(path)} is not an absolute path", nameof(path));
    }

    private static string Describe(string value) => "the value '" + value.ReplaceLineEndings("\\n") + "'";
}
