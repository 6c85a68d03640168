namespace Vbmc.Processes;

/// <summary>
/// One run of a program: its path (or a bare name, looked up with <see cref="ProgramSearch"/>),
/// its arguments (given to the program as they are: never through a shell) and its time limit,
/// which every run has. The environment is vbmc's with a fixed locale (<see cref="Locale"/>),
/// without LANGUAGE (which would translate messages that vbmc reads), plus <see cref="Environment"/>.
/// </summary>
public sealed record ProgramRequest
{
    public ProgramRequest(string executable, IEnumerable<string> arguments, TimeSpan timeout)
    {
        ArgumentException.ThrowIfNullOrEmpty(executable);
        ArgumentNullException.ThrowIfNull(arguments);
        CheckTimeout(timeout);
        Executable = executable;
        Arguments = arguments.ToList();
        Timeout = timeout;
    }

    /// <summary>The program's path, or a bare name.</summary>
    public string Executable { get; init; }

    public IReadOnlyList<string> Arguments { get; init; }

    /// <summary>How long the run may take (a started program: how long it may live); the program and its children are then killed.</summary>
    public TimeSpan Timeout
    {
        get;
        init
        {
            CheckTimeout(value);
            field = value;
        }
    }

    /// <summary>The working folder; null: vbmc's own.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>LC_ALL for the program (C.UTF-8: messages in English, UTF-8 text). Null leaves the caller's locale.</summary>
    public string? Locale { get; init; } = "C.UTF-8";

    /// <summary>Variables to set (a null value removes the variable), after <see cref="Locale"/>.</summary>
    public IReadOnlyDictionary<string, string?>? Environment { get; init; }

    /// <summary>Variables removed from the program's environment when their name starts with one of these.</summary>
    public IReadOnlyList<string> RemovedVariablePrefixes { get; init; } = [];

    /// <summary>Text written to the program's standard input, which is then closed; null: closed at once.</summary>
    public string? Input { get; init; }

    /// <summary>
    /// Streams the output: each line of standard output and error, as it comes, goes to this
    /// callback (one line at a time, never two at once), and the result keeps only the last
    /// <see cref="TailLines"/> lines. Null: the whole of both streams is kept.
    /// </summary>
    public Action<string>? OnLine { get; init; }

    /// <summary>
    /// Keeps only the last <see cref="TailLines"/> lines of output, as when it is streamed, for a
    /// program that may print a line per file (cp, tar) when only the end of it matters.
    /// </summary>
    public bool LastLinesOnly { get; init; }

    /// <summary>Read line by line, keeping only the last lines.</summary>
    internal bool ByLine => OnLine is not null || LastLinesOnly;

    /// <summary>Lines kept in <see cref="ProgramResult.LastLines"/> when the output is streamed.</summary>
    public int TailLines { get; init; } = 15;

    internal static void CheckTimeout(TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero || timeout == System.Threading.Timeout.InfiniteTimeSpan || timeout.TotalMilliseconds > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "every run of a program needs a time limit, positive and finite");
    }

    /// <summary>The command as a person would type it, for messages.</summary>
    public override string ToString() => string.Join(' ', new[] { Executable }.Concat(Arguments));
}
