using System.Collections.Concurrent;
using System.Diagnostics;
using Vbmc.Diagnostics;
using Vbmc.Diagnostics.Formatting;
using Vbmc.Evaluation;
using Vbmc.TestSupport;
using Xunit.Abstractions;

namespace Vbmc.Cli.Tests;

/// <summary>
/// Thousands of broken inputs through the library API (as the CLI calls it): each must end in a
/// value or in diagnostics that all have a location, within a small step budget, without any
/// exception escaping; the formatters must print every result.
/// </summary>
public class RobustnessTests(ITestOutputHelper output)
{
    private const int Seed = 20240601;
    private const int MutatedInputs = 10_000;
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    private static readonly EvaluationOptions SmallBudget = new() { StepBudget = 200_000, MaxDepth = 2_000 };

    public static IReadOnlyList<(string Name, string Text)> Corpus()
    {
        var files = new List<string>();
        // Folders of the repository: a missing one is an error (Directory.GetFiles throws), not a smaller corpus.
        foreach (var dir in new[] { RepoPaths.Acceptance, RepoPaths.Examples, RepoPaths.Stdlib })
            files.AddRange(Directory.GetFiles(dir, "*.scm", SearchOption.AllDirectories));
        // stdlib/generated holds data (Guix's API, 1,157 files), not programs: left out so that the
        // corpus stays configurations and modules.
        var generated = Path.Combine(RepoPaths.Stdlib, "generated") + Path.DirectorySeparatorChar;
        files.RemoveAll(f => f.StartsWith(generated, StringComparison.Ordinal));
        return files.Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllText(f))).ToList();
    }

    [Fact]
    public void Mutated_configurations_end_in_values_or_located_diagnostics()
    {
        var corpus = Corpus();
        corpus.Should().NotBeEmpty();
        var inputs = Enumerable.Range(0, MutatedInputs)
            .Select(i =>
            {
                var (name, text) = corpus[i % corpus.Count];
                return ($"{name}#seed{Seed + i}", Mutator.Mutate(text, Seed + i));
            })
            .Concat(Mutator.DeepNesting().Select((t, i) => ($"deep#{i}", t)))
            .ToList();

        var failures = RunAll(inputs);

        failures.Should().BeEmpty();
    }

    [Fact]
    public void The_unmutated_corpus_is_handled_too()
    {
        RunAll(Corpus().Select(c => (c.Name, c.Text)).ToList()).Should().BeEmpty();
    }

    private List<string> RunAll(IReadOnlyList<(string Name, string Text)> inputs)
    {
        var failures = new ConcurrentBag<string>();
        var running = new ConcurrentDictionary<string, byte>();
        var stopwatch = Stopwatch.StartNew();
        var work = Task.Run(() => Parallel.ForEach(inputs, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            input =>
            {
                running[input.Name] = 0;
                if (Check(input.Name, input.Text) is { } failure) failures.Add(failure);
                running.TryRemove(input.Name, out _);
            }));
        if (!work.Wait(Limit))
            failures.Add($"not finished after {Limit}: still running {string.Join(", ", running.Keys.Take(10))}");
        output.WriteLine($"{inputs.Count} inputs in {stopwatch.Elapsed.TotalSeconds:F1} s, {failures.Count} failures");
        return failures.Order(StringComparer.Ordinal).Take(30).ToList();
    }

    /// <summary>Null when the input was handled well, else what went wrong (with the input's name to reproduce it).</summary>
    private static string? Check(string name, string text)
    {
        const string file = "mutant.scm";
        EvaluationResult result;
        try
        {
            result = ConfigurationChecker.Check(text, file, SmallBudget);
        }
        catch (Exception e)
        {
            return $"{name}: exception escaped: {e.GetType().Name}: {e.Message}";
        }
        foreach (var d in result.Diagnostics)
        {
            if (string.IsNullOrEmpty(d.Id) || string.IsNullOrEmpty(d.Message))
                return $"{name}: diagnostic without id or message: {d}";
            // Usually in the input; an error inside a standard module may point there instead.
            if (string.IsNullOrEmpty(d.Span.File) || !d.Span.HasPosition || d.Span.StartColumn < 1)
                return $"{name}: diagnostic without a location: {d}";
        }
        try
        {
            var sources = SourceText.FromMap(new Dictionary<string, string> { [file] = text });
            new TextDiagnosticFormatter(sources).Format(result.Diagnostics);
            JsonDiagnosticFormatter.Format(result.Diagnostics);
            new SarifDiagnosticFormatter(new SarifOptions()).Format(result.Diagnostics);
            // Workflow commands: one line each, whatever the mutant's text put in the messages.
            var commands = GitHubDiagnosticFormatter.Format(result.Diagnostics).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            if (commands.Length != result.Diagnostics.Count || commands.Any(c => !c.StartsWith("::", StringComparison.Ordinal) || c.Contains('\r')))
                return $"{name}: {result.Diagnostics.Count} diagnostics gave {commands.Length} workflow command lines";
        }
        catch (Exception e)
        {
            return $"{name}: a formatter failed: {e.GetType().Name}: {e.Message}";
        }
        return null;
    }
}
