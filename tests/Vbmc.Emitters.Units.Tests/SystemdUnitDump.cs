using System.Text;

namespace Vbmc.Emitters.Units.Tests;

/// <summary>
/// One unit's block of systemd's test-mode dump: "Key: value" settings (a key may repeat) and
/// the command lines, split back into words.
/// </summary>
public sealed class SystemdUnitDump
{
    private readonly List<KeyValuePair<string, string>> settings = [];

    public List<IReadOnlyList<string>> ExecStart { get; } = [];

    /// <summary>The manager's messages (warnings about the unit's lines appear there).</summary>
    public string Messages { get; private init; } = "";

    public IReadOnlyList<string> All(string key) => settings.Where(s => s.Key == key).Select(s => s.Value).ToList();

    public string? this[string key] => All(key) is [var one] ? one : null;

    public static SystemdUnitDump Parse(string unitName, string stdout, string stderr)
    {
        var dump = new SystemdUnitDump { Messages = stderr };
        var lines = stdout.Split('\n');
        var start = Array.IndexOf(lines, $"\t-> Unit {unitName}:");
        if (start < 0) throw new InvalidOperationException($"systemd did not dump {unitName}:\n{stderr}");
        string? block = null;
        foreach (var line in lines.Skip(start + 1))
        {
            if (line.StartsWith("\t-> ", StringComparison.Ordinal)) break; // the next unit
            if (line.StartsWith("\t\t-> ", StringComparison.Ordinal))
            {
                block = line.Trim().TrimStart('-', '>', ' ').TrimEnd(':');
                continue;
            }
            if (line.StartsWith("\t\t\t", StringComparison.Ordinal))
            {
                if (block == "ExecStart" && line.Trim().StartsWith("Command Line: ", StringComparison.Ordinal))
                    dump.ExecStart.Add(Words(line.Trim()["Command Line: ".Length..]));
                continue;
            }
            if (!line.StartsWith("\t\t", StringComparison.Ordinal)) continue;
            block = null;
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            var key = colon < 0 ? line.Trim().TrimEnd(':') : line[2..colon];
            var value = colon < 0 ? "" : line[(colon + 2)..];
            dump.settings.Add(new(key, value));
        }
        return dump;
    }

    /// <summary>
    /// Splits a dumped command line: words separated by spaces, "…" quoting, backslash escapes
    /// (\\ \" \$ \` \'), C escapes (\n \t …) and octal \ooo bytes (systemd's cescape), UTF-8.
    /// </summary>
    public static IReadOnlyList<string> Words(string line)
    {
        var words = new List<string>();
        var bytes = new List<byte>();
        var inWord = false;
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (!quoted && c == ' ')
            {
                if (inWord) words.Add(Decode(bytes));
                inWord = false;
                continue;
            }
            inWord = true;
            if (c == '"')
            {
                quoted = !quoted;
                continue;
            }
            if (c != '\\')
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(char.IsHighSurrogate(c) ? line.Substring(i++, 2) : c.ToString()));
                continue;
            }
            var next = line[++i];
            if (next is >= '0' and <= '7')
            {
                bytes.Add(Convert.ToByte(line.Substring(i, 3), 8));
                i += 2;
                continue;
            }
            if (next == 'x')
            {
                bytes.Add(Convert.ToByte(line.Substring(i + 1, 2), 16));
                i += 2;
                continue;
            }
            var simple = next switch
            {
                'a' => '\a', 'b' => '\b', 'f' => '\f', 'n' => '\n', 'r' => '\r', 't' => '\t', 'v' => '\v',
                _ => next,
            };
            bytes.AddRange(Encoding.UTF8.GetBytes(simple.ToString()));
        }
        if (quoted) throw new FormatException("unterminated quote in: " + line);
        if (inWord) words.Add(Decode(bytes));
        return words;
    }

    private static string Decode(List<byte> bytes)
    {
        var word = new UTF8Encoding(false, true).GetString(bytes.ToArray());
        bytes.Clear();
        return word;
    }
}
