using System.Globalization;

namespace Vbmc.Processes;

/// <summary>
/// The outcome of one run. <see cref="ExitCode"/> is -1 when the run was killed at its time limit
/// (<see cref="TimedOut"/>); the output is then what the program wrote before.
/// </summary>
/// <param name="Program">The program's file name, for messages.</param>
/// <param name="Stdout">Standard output, whole (empty when only the last lines were kept).</param>
/// <param name="Stderr">Standard error, whole (empty when only the last lines were kept).</param>
/// <param name="LastLines">
/// The last lines of both streams in the order they came, when the output was streamed or
/// <see cref="ProgramRequest.LastLinesOnly"/>; else empty.
/// </param>
public sealed record ProgramResult(string Program, int ExitCode, string Stdout, string Stderr, IReadOnlyList<string> LastLines,
    bool TimedOut, TimeSpan Timeout)
{
    public bool Succeeded => !TimedOut && ExitCode == 0;

    /// <summary>"exit 3", or "killed after 30 s" for a run that reached its time limit.</summary>
    public string Outcome => TimedOut ? $"killed after {Duration(Timeout)}" : $"exit {ExitCode}";

    /// <summary>The last lines of output, joined.</summary>
    public string Output => string.Join('\n', LastLines);

    /// <summary>
    /// What the program said, for a diagnostic: standard error, else standard output, else the last
    /// lines, trimmed; a run killed at its time limit says so first.
    /// </summary>
    public string Explanation
    {
        get
        {
            var said = (Stderr.Trim().Length > 0 ? Stderr : Stdout.Trim().Length > 0 ? Stdout : Output).Trim();
            if (!TimedOut) return said;
            var killed = $"{Program} did not finish within {Duration(Timeout)} and was killed";
            return said.Length == 0 ? killed : killed + "; it had said: " + said;
        }
    }

    /// <summary>A time limit in words: "500 ms", "30 s", "5 min", "2 h", "1 min 30 s".</summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.FromSeconds(1)) return ((int)span.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + " ms";
        var parts = new List<string>();
        if (span.Days * 24 + span.Hours > 0) parts.Add((span.Days * 24 + span.Hours).ToString(CultureInfo.InvariantCulture) + " h");
        if (span.Minutes > 0) parts.Add(span.Minutes.ToString(CultureInfo.InvariantCulture) + " min");
        if (span.Seconds > 0 || parts.Count == 0) parts.Add(span.Seconds.ToString(CultureInfo.InvariantCulture) + " s");
        return string.Join(' ', parts);
    }
}
