namespace Vbmc.Diagnostics.Formatting;

/// <summary>
/// Gives formatters the text of a source file so they can quote the offending line.
/// Returns null when the text is not available (deleted file, standard input, ...): formatters
/// then print the diagnostic without a source excerpt rather than failing.
/// </summary>
public delegate string? SourceTextProvider(string file);

/// <summary>Source text providers for the usual cases.</summary>
public static class SourceText
{
    /// <summary>Never provides text: for formats that do not quote sources, and for tests.</summary>
    public static SourceTextProvider None { get; } = _ => null;

    /// <summary>
    /// Reads files from disk once each. Read failures yield null: a diagnostic about an unreadable
    /// file must still be printable.
    /// </summary>
    public static SourceTextProvider FromFiles()
    {
        var cache = new Dictionary<string, string?>(StringComparer.Ordinal);
        return file =>
        {
            lock (cache)
            {
                if (cache.TryGetValue(file, out var text)) return text;
                try
                {
                    text = File.Exists(file) ? File.ReadAllText(file) : null;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
                {
                    text = null;
                }
                cache[file] = text;
                return text;
            }
        };
    }

    /// <summary>Provides texts held in memory (in-process checks of strings, tests).</summary>
    public static SourceTextProvider FromMap(IReadOnlyDictionary<string, string> texts) =>
        file => texts.TryGetValue(file, out var t) ? t : null;

    /// <summary>Line <paramref name="line"/> (1-based) of <paramref name="text"/> without its line ending, or null.</summary>
    public static string? Line(string text, int line)
    {
        if (line < 1) return null;
        var start = 0;
        for (var current = 1; current < line; current++)
        {
            var newline = text.IndexOf('\n', start);
            if (newline < 0) return null;
            start = newline + 1;
        }
        var end = text.IndexOf('\n', start);
        if (end < 0) end = text.Length;
        if (end > start && text[end - 1] == '\r') end--;
        return text[start..end];
    }
}
