namespace Vbmc.Reading;

/// <summary>Character names as Guile 3.0 reads (<c>#\space</c>, <c>#\x41</c>, <c>#\101</c>) and writes them.</summary>
public static class CharNames
{
    // Every name Guile's reader knows, matched case-insensitively (R5RS, R6RS, R7RS, C0 and
    // historical aliases); when several names share a code, the first one here wins for printing.
    private static readonly (string Name, int Code)[] ReadNames =
    [
        ("space", 0x20), ("newline", 0x0a),
        ("nul", 0x00), ("alarm", 0x07), ("backspace", 0x08), ("tab", 0x09), ("linefeed", 0x0a),
        ("vtab", 0x0b), ("page", 0x0c), ("return", 0x0d), ("esc", 0x1b), ("delete", 0x7f),
        ("escape", 0x1b),
        ("soh", 0x01), ("stx", 0x02), ("etx", 0x03), ("eot", 0x04), ("enq", 0x05), ("ack", 0x06),
        ("bel", 0x07), ("bs", 0x08), ("ht", 0x09), ("lf", 0x0a), ("vt", 0x0b), ("ff", 0x0c),
        ("cr", 0x0d), ("so", 0x0e), ("si", 0x0f), ("dle", 0x10), ("dc1", 0x11), ("dc2", 0x12),
        ("dc3", 0x13), ("dc4", 0x14), ("nak", 0x15), ("syn", 0x16), ("etb", 0x17), ("can", 0x18),
        ("em", 0x19), ("sub", 0x1a), ("fs", 0x1c), ("gs", 0x1d), ("rs", 0x1e), ("us", 0x1f),
        ("sp", 0x20), ("del", 0x7f),
        ("null", 0x00), ("nl", 0x0a), ("np", 0x0c),
    ];

    private static readonly Dictionary<string, int> ByName = BuildByName();

    private static Dictionary<string, int> BuildByName()
    {
        var map = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, code) in ReadNames) map.TryAdd(name, code);
        return map;
    }

    /// <summary>The code point named by the text after <c>#\</c>, as Guile's reader decides it.</summary>
    public static bool TryParse(string name, out int code)
    {
        code = 0;
        if (name.Length == 0) return false;
        var first = CodePointAt(name, 0, out var firstLength);
        if (firstLength == name.Length) { code = first; return true; }
        // A dotted circle after a combining character only keeps it from combining with the backslash.
        if (name.Length == firstLength + 1 && name[firstLength] == '\u25cc') { code = first; return true; }
        if (name[0] is >= '0' and <= '7' && TryDigits(name, 0, 8, out code)) return IsScalar(code);
        if (name[0] == 'x' && name.Length > 1)
        {
            var start = name[1] == '+' ? 2 : 1;
            if (start < name.Length && TryDigits(name, start, 16, out code)) return IsScalar(code);
        }
        return ByName.TryGetValue(name, out code);
    }

    private static bool TryDigits(string text, int start, int radix, out int value)
    {
        value = 0;
        long acc = 0;
        for (var i = start; i < text.Length; i++)
        {
            var d = text[i] switch
            {
                >= '0' and <= '9' => text[i] - '0',
                >= 'a' and <= 'f' => text[i] - 'a' + 10,
                >= 'A' and <= 'F' => text[i] - 'A' + 10,
                _ => 99,
            };
            if (d >= radix) return false;
            acc = acc * radix + d;
            if (acc > 0x10FFFF) return false;
        }
        value = (int)acc;
        return true;
    }

    private static bool IsScalar(int code) => code is >= 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF);

    /// <summary>A code point at <paramref name="index"/>, treating a lone surrogate as itself.</summary>
    internal static int CodePointAt(string s, int index, out int length)
    {
        if (char.IsHighSurrogate(s[index]) && index + 1 < s.Length && char.IsLowSurrogate(s[index + 1]))
        {
            length = 2;
            return char.ConvertToUtf32(s[index], s[index + 1]);
        }
        length = 1;
        return s[index];
    }
}
