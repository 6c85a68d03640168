namespace Vbmc.Emitters.Shell;

/// <summary>POSIX sh quoting: every value that reaches a script goes through here.</summary>
public static class ShellQuoting
{
    /// <summary>
    /// The value as one POSIX sh word: inside single quotes nothing is special, so only the
    /// single quote itself needs care (close, an escaped quote, reopen: <c>'\''</c>). Quoted even
    /// when it looks safe, so that no value's safety depends on a check made elsewhere.
    /// </summary>
    /// <exception cref="ArgumentException">The value holds a NUL, which no shell word can carry.</exception>
    public static string Quote(string value)
    {
        if (value.Contains('\0'))
            throw new ArgumentException("a shell word cannot contain a NUL character", nameof(value));
        return "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
