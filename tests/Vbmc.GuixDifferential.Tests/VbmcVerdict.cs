using System.Text.Json;
using Vbmc.TestSupport;

namespace Vbmc.GuixDifferential.Tests;

/// <summary>One diagnostic of <c>vbmc check --format json</c> (1-based lines and columns).</summary>
public sealed record VbmcDiagnostic(
    string Id, string Severity, string File, int Line, int Column, int EndLine, int EndColumn,
    string Message, string? Hint, IReadOnlyList<(string File, int Line)> Related)
{
    public bool IsError => Severity == "error";

    public string Text => Hint is null ? Message : Message + " " + Hint;

    public string Describe() => $"{Id} {File}:{Line}:{Column}: {OneLine(Message)}";

    private static string OneLine(string s)
    {
        var line = s.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        return line.Length > 160 ? line[..160] + "..." : line;
    }
}

/// <summary>What vbmc said about one file: its errors and warnings, in vbmc's order.</summary>
public sealed record VbmcVerdict(IReadOnlyList<VbmcDiagnostic> Diagnostics)
{
    public IReadOnlyList<VbmcDiagnostic> Errors => Diagnostics.Where(d => d.IsError).ToList();

    public bool Accepts => Errors.Count == 0;

    public string Describe() => Accepts
        ? "accept" + (Diagnostics.Count > 0 ? $" ({Diagnostics.Count} warning{(Diagnostics.Count == 1 ? "" : "s")})" : "")
        : $"reject ({Errors.Count} error{(Errors.Count == 1 ? "" : "s")}): {Errors[0].Describe()}";
}

/// <summary>
/// Runs the real vbmc program, <c>vbmc check --format json FILE...</c>: one process for all the
/// files, and one more for each set of <c>-L</c> folders that files need. vbmc sorts its
/// diagnostics by file, so a diagnostic in a file that is none of those given (a file one of them
/// loads or includes, or one of vbmc's own standard modules where an error surfaced) cannot be
/// told apart between the files of one process: such diagnostics are attributed by bisection,
/// running the first half of the files again (vbmc checks each file on its own, so the second
/// half holds the rest), which costs about one more run of the files per file concerned.
/// </summary>
public static class VbmcRunner
{
    public static IReadOnlyDictionary<string, VbmcVerdict> Run(IReadOnlyList<CorpusEntry> entries)
    {
        var results = new Dictionary<string, List<VbmcDiagnostic>>(StringComparer.Ordinal);
        foreach (var group in entries.GroupBy(e => string.Join('\n', e.LoadPath)))
        {
            var batch = group.ToList();
            var loadPath = batch[0].LoadPath;
            var run = Check(batch, loadPath);
            foreach (var (name, list) in run.Attributed) results[name] = list;
            Attribute(batch, loadPath, run.Unattributed, results);
        }
        return results.ToDictionary(kv => kv.Key, kv => new VbmcVerdict(kv.Value), StringComparer.Ordinal);
    }

    private sealed record RunResult(
        Dictionary<string, List<VbmcDiagnostic>> Attributed,
        List<(string Key, VbmcDiagnostic Diagnostic)> Unattributed);

    /// <summary>Gives each of <paramref name="unattributed"/> (the diagnostics in other files that BATCH's files caused) to its file.</summary>
    private static void Attribute(IReadOnlyList<CorpusEntry> batch, IReadOnlyList<string> loadPath,
        List<(string Key, VbmcDiagnostic Diagnostic)> unattributed, Dictionary<string, List<VbmcDiagnostic>> results)
    {
        if (unattributed.Count == 0) return;
        if (batch.Count == 1)
        {
            results[batch[0].Name].AddRange(unattributed.Select(u => u.Diagnostic));
            return;
        }
        var first = batch.Take(batch.Count / 2).ToList();
        var second = batch.Skip(batch.Count / 2).ToList();
        var inFirst = Check(first, loadPath).Unattributed;
        var rest = unattributed.ToList();
        foreach (var (key, _) in inFirst)
        {
            var i = rest.FindIndex(u => u.Key == key);
            if (i < 0) throw new InvalidOperationException($"vbmc checked these files differently on its own: {key}");
            rest.RemoveAt(i);
        }
        Attribute(first, loadPath, inFirst, results);
        Attribute(second, loadPath, rest, results);
    }

    private static RunResult Check(IReadOnlyList<CorpusEntry> batch, IReadOnlyList<string> loadPath)
    {
        // --strict-modules: vbmc sees the modules Guix sees (a module neither finds is an error for
        // both); vbmc's default, opaque names with a warning, is tested in Vbmc.Evaluator.Tests.
        var arguments = new List<string> { "check", "--format", "json", "--strict-modules" };
        foreach (var dir in loadPath) arguments.AddRange(["-L", Path.GetRelativePath(RepoPaths.Root, dir)]);
        arguments.AddRange(batch.Select(Argument));
        var run = VbmcCli.Run(arguments, workingDirectory: RepoPaths.Root, environment: new Dictionary<string, string?> { ["NO_COLOR"] = "1" });
        var attributed = batch.ToDictionary(e => e.Name, _ => new List<VbmcDiagnostic>(), StringComparer.Ordinal);
        var unattributed = new List<(string, VbmcDiagnostic)>();

        if (run.Stdout.TrimStart().StartsWith('{'))
        {
            var byPath = batch.ToDictionary(e => Path.GetFullPath(e.HostPath), e => e.Name, StringComparer.Ordinal);
            using var json = JsonDocument.Parse(run.Stdout);
            foreach (var d in json.RootElement.GetProperty("diagnostics").EnumerateArray())
            {
                var file = d.GetProperty("file").GetString() ?? "";
                var full = file.Length == 0 ? "" : Path.GetFullPath(file, RepoPaths.Root);
                var diagnostic = Read(d, f => DisplayName(f.Length == 0 ? "" : Path.GetFullPath(f, RepoPaths.Root), batch));
                if (byPath.TryGetValue(full, out var name)) attributed[name].Add(diagnostic);
                else unattributed.Add((d.GetRawText(), diagnostic));
            }
            return new RunResult(attributed, unattributed);
        }
        // No JSON: the command line itself was refused (exit 2), e.g. an option vbmc does not have.
        // Every file of the batch is then rejected with that usage error.
        var message = (run.Stderr + run.Stdout).Trim();
        var usage = new VbmcDiagnostic("usage", "error", "vbmc", 0, 0, 0, 0,
            $"vbmc {string.Join(' ', arguments.Take(4 + 2 * loadPath.Count))} ... exited {run.ExitCode}: {message}", null, []);
        foreach (var e in batch) attributed[e.Name].Add(usage);
        return new RunResult(attributed, unattributed);
    }

    private static string Argument(CorpusEntry e) =>
        e.IsTemplate ? e.HostPath : Path.GetRelativePath(RepoPaths.Root, e.HostPath);

    /// <summary>A host path as a display name: a compared file's name, a repository path, or the path itself.</summary>
    private static string DisplayName(string full, IReadOnlyList<CorpusEntry> batch)
    {
        if (full.Length == 0) return "";
        var entry = batch.FirstOrDefault(e => Path.GetFullPath(e.HostPath) == full);
        if (entry is not null) return entry.Name;
        var relative = Path.GetRelativePath(RepoPaths.Root, full);
        return relative.StartsWith("..", StringComparison.Ordinal) ? full : relative.Replace('\\', '/');
    }

    private static VbmcDiagnostic Read(JsonElement d, Func<string, string> displayName)
    {
        var related = new List<(string, int)>();
        if (d.TryGetProperty("related", out var rel) && rel.ValueKind == JsonValueKind.Array)
            foreach (var r in rel.EnumerateArray())
                related.Add((displayName(r.GetProperty("file").GetString() ?? ""), r.GetProperty("line").GetInt32()));
        return new VbmcDiagnostic(
            d.GetProperty("id").GetString() ?? "",
            d.GetProperty("severity").GetString() ?? "",
            displayName(d.GetProperty("file").GetString() ?? ""),
            d.GetProperty("line").GetInt32(),
            d.GetProperty("column").GetInt32(),
            d.GetProperty("endLine").GetInt32(),
            d.GetProperty("endColumn").GetInt32(),
            d.GetProperty("message").GetString() ?? "",
            d.TryGetProperty("hint", out var h) && h.ValueKind == JsonValueKind.String ? h.GetString() : null,
            related);
    }
}
