namespace Vbmc.Diagnostics;

/// <summary>
/// Keeps diagnostic text readable whatever a configuration computes: a message quoting a
/// 30-megabyte string (<c>(error (make-string ...))</c>) is cut, saying how much was left out.
/// </summary>
public static class DiagnosticText
{
    /// <summary>Characters of a message, hint or related message kept.</summary>
    public const int MaxMessageLength = 1000;

    public static Diagnostic Bounded(Diagnostic d)
    {
        if (d.Message.Length <= MaxMessageLength && (d.Hint?.Length ?? 0) <= MaxMessageLength &&
            d.RelatedLocations.All(r => r.Message.Length <= MaxMessageLength))
            return d;
        return d with
        {
            Message = Elide(d.Message),
            Hint = d.Hint is null ? null : Elide(d.Hint),
            Related = d.Related?.Select(r => r with { Message = Elide(r.Message) }).ToList(),
        };
    }

    /// <summary><paramref name="text"/> cut to <paramref name="max"/> characters, with the count of those left out.</summary>
    public static string Elide(string text, int max = MaxMessageLength)
    {
        if (text.Length <= max) return text;
        var keep = max;
        // Never cut a surrogate pair in two.
        if (char.IsHighSurrogate(text[keep - 1])) keep--;
        return $"{text[..keep]}... ({text.Length - keep} more characters)";
    }
}
