using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Vbmc.TestSupport;

namespace Vbmc.GuixDifferential.Tests;

/// <summary>A 1-based line and 0-based column (Guix's convention) in a file, by display name.</summary>
public sealed record GuixLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}

/// <summary>
/// What GNU Guix 1.5.0 said about one file (guix-verdict.scm): accept or reject, the kind of
/// value it judged, everything it printed, and the error's message and location parsed from that.
/// </summary>
public sealed partial record GuixVerdict(
    string Verdict,
    string ValueKind,
    string Output,
    int Milliseconds)
{
    public bool Accepts => Verdict == "accept";

    public bool Rejects => Verdict is "reject" or "crash";

    /// <summary>The first error Guix printed (without its location prefix and "error: "), or null when it accepted.</summary>
    public string? Message { get; init; }

    /// <summary>Where Guix placed that error in a compared file (null when it gave no location there).</summary>
    public GuixLocation? Location { get; init; }

    public string Describe() => Verdict switch
    {
        "accept" => "accept",
        _ => $"{Verdict}{(Location is null ? "" : " " + Location)}: {OneLine(Message ?? "")}",
    };

    private static string OneLine(string s)
    {
        var line = s.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        return line.Length > 160 ? line[..160] + "..." : line;
    }

    /// <summary>
    /// Reads Guix's output for a rejected file: the error block (the first line with "error:",
    /// or "missing closing parenthesis", or, for guix offload's ignored machines file, the
    /// warning; with an "In procedure" line before it and indented lines after it) and the
    /// first location in that block that falls in a compared file.
    /// <paramref name="displayName"/> maps a path inside the root to a display name (null: not a
    /// compared file, e.g. one of Guix's own modules).
    /// </summary>
    public static GuixVerdict Parse(string verdict, string valueKind, string output, int ms, Func<string, string?> displayName)
    {
        var result = new GuixVerdict(verdict, valueKind, output, ms);
        if (verdict == "accept") return result;
        var lines = output.Split('\n').Select(l => l.TrimEnd()).ToList();
        var index = lines.FindIndex(l => ErrorLine().IsMatch(l));
        if (index < 0) index = lines.FindIndex(l => l.Contains("did not return a list", StringComparison.Ordinal));
        if (index < 0) index = lines.FindLastIndex(l => l.Length > 0);
        if (index < 0) return result with { Message = verdict == "timeout" ? "no answer within the time limit" : "(no output)" };
        var first = index > 0 && InProcedureLine().IsMatch(lines[index - 1]) ? index - 1 : index;
        var last = index;
        while (last + 1 < lines.Count && lines[last + 1].StartsWith(' ')) last++;
        var block = lines.Skip(first).Take(last - first + 1).ToList();
        GuixLocation? location = null;
        foreach (Match m in LocationRegex().Matches(string.Join('\n', block)))
        {
            if (displayName(m.Groups["file"].Value) is { } name)
            {
                location = new GuixLocation(name, int.Parse(m.Groups["line"].Value), int.Parse(m.Groups["column"].Value));
                break;
            }
        }
        var message = new StringBuilder();
        var head = lines[index];
        var at = head.IndexOf("error: ", StringComparison.Ordinal);
        message.Append(at >= 0 ? head[(at + "error: ".Length)..] : StripLocation(head));
        foreach (var more in lines.Skip(index + 1).Take(last - index)) message.Append('\n').Append(more.Trim());
        var text = message.ToString();
        // Paths inside the root are shown by display name.
        text = LocationRegex().Replace(text, m => displayName(m.Groups["file"].Value) is { } n
            ? $"{n}:{m.Groups["line"].Value}:{m.Groups["column"].Value}" : m.Value);
        foreach (var prefix in new[] { CorpusEntry.InsideCorpus + "/", CorpusEntry.InsideTemplates + "/" })
            text = text.Replace(prefix, prefix.StartsWith(CorpusEntry.InsideCorpus) ? "tests/corpus/" : CorpusEntry.TemplatePrefix, StringComparison.Ordinal);
        return result with { Message = StripLocation(text.Trim()), Location = location };
    }

    private static string StripLocation(string s) => LeadingLocation().Replace(s, "");

    [GeneratedRegex(@"(^|: )error: |missing closing parenthesis")]
    private static partial Regex ErrorLine();

    [GeneratedRegex(@"^\S+:\d+:\d+: In procedure ")]
    private static partial Regex InProcedureLine();

    [GeneratedRegex(@"(?<file>/[^\s:'""]+):(?<line>\d+):(?<column>\d+)")]
    private static partial Regex LocationRegex();

    [GeneratedRegex(@"^\S+:\d+:\d+: ")]
    private static partial Regex LeadingLocation();
}

/// <summary>
/// Runs guix-verdict.scm (one Guile process for every file) inside a session of the reference
/// root, on the corpus (copied into the session's overlay) and on Guix's example templates.
/// </summary>
public static class GuixRunner
{
    private const string Inside = "/var/tmp/vbmc-differential";

    public static string Driver => Path.Combine(RepoPaths.Root, "tests", "Vbmc.GuixDifferential.Tests", "guix-verdict.scm");

    /// <summary>Per-file time limit, in seconds (the driver's SIGALRM).</summary>
    public const int SecondsPerFile = 60;

    /// <summary>
    /// The verdict for every entry, keyed by display name. The driver appends one result line per
    /// file as it goes; should Guile die on a file, that file gets the verdict "crash" (with what
    /// Guile printed) and a new process continues with the files after it.
    /// <paramref name="copyCorpus"/> copies the corpus into the session (the tests' own files for
    /// the harness's self-tests are already in place).
    /// </summary>
    public static IReadOnlyDictionary<string, GuixVerdict> Run(ReferenceRootSession session, IReadOnlyList<CorpusEntry> entries,
        bool copyCorpus = true, int secondsPerFile = SecondsPerFile)
    {
        Directory.CreateDirectory(session.HostPath(Inside));
        File.Copy(Driver, session.HostPath(Inside + "/guix-verdict.scm"), overwrite: true);
        if (copyCorpus) CopyFolder(CorpusEntry.CorpusFolder, session.HostPath(CorpusEntry.InsideCorpus));

        var results = new Dictionary<string, GuixVerdict>(StringComparer.Ordinal);
        var byInside = entries.ToDictionary(e => e.InsidePath, StringComparer.Ordinal);
        var pending = entries.ToList();
        var silentRounds = 0;
        for (var round = 0; pending.Count > 0; round++)
        {
            var requests = session.HostPath($"{Inside}/requests-{round}.scm");
            var answers = session.HostPath($"{Inside}/results-{round}.json");
            File.WriteAllLines(requests, pending.Select(Request));
            var run = session.Run(
                $"cd {Inside} && exec guile --no-auto-compile guix-verdict.scm requests-{round}.scm results-{round}.json {secondsPerFile}",
                timeout: TimeSpan.FromMinutes(10));
            var answered = File.Exists(answers) ? File.ReadAllLines(answers).Where(l => l.Length > 0).ToList() : [];
            foreach (var line in answered)
            {
                using var json = JsonDocument.Parse(line);
                var r = json.RootElement;
                var entry = byInside[r.GetProperty("file").GetString()!];
                results[entry.Name] = GuixVerdict.Parse(r.GetProperty("verdict").GetString()!, r.GetProperty("value").GetString()!,
                    r.GetProperty("output").GetString()!, r.GetProperty("ms").GetInt32(), DisplayName);
            }
            pending = pending.Where(e => !results.ContainsKey(e.Name)).ToList();
            if (pending.Count == 0) break;
            // Guile died (or exited) on the first file without an answer: that file crashed Guix.
            // Twice in a row with no answer at all is the driver's own failure, not a file's.
            silentRounds = answered.Count == 0 ? silentRounds + 1 : 0;
            if (silentRounds >= 2)
                throw new InvalidOperationException($"guix-verdict.scm answers nothing (exit {run.ExitCode}):\n{Tail(run.Stdout + run.Stderr, 4000)}");
            var crashed = pending[0];
            results[crashed.Name] = GuixVerdict.Parse("crash", "none",
                $"error: Guile exited with status {run.ExitCode} while reading this file:\n{Tail(run.Stdout + run.Stderr, 2000)}", 0,
                DisplayName);
            pending = pending.Skip(1).ToList();
        }
        return results;
    }

    /// <summary>A path inside the root (or a display name already) as a display name; null for other files.</summary>
    public static string? DisplayName(string path)
    {
        if (path.StartsWith(CorpusEntry.InsideCorpus + "/", StringComparison.Ordinal))
            return "tests/corpus/" + path[(CorpusEntry.InsideCorpus.Length + 1)..];
        if (path.StartsWith(CorpusEntry.InsideTemplates + "/", StringComparison.Ordinal))
            return CorpusEntry.TemplatePrefix + path[(CorpusEntry.InsideTemplates.Length + 1)..];
        return null;
    }

    private static string Request(CorpusEntry e)
    {
        var kind = e.Kind switch { GuixKind.Machines => "machines", GuixKind.Channels => "channels", _ => "auto" };
        return $"({Str(e.InsidePath)} {Str(kind)} ({string.Join(' ', e.InsideLoadPath.Select(Str))}))";
    }

    private static string Str(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static string Tail(string s, int n) => s.Length <= n ? s : s[^n..];

    public static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
    }
}
