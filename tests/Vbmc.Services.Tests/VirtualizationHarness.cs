using Vbmc.Diagnostics;
using Vbmc.Evaluation;

namespace Vbmc.Services.Tests;

/// <summary>Runs configuration text through the whole services stage, as <c>vbmc check</c> does.</summary>
internal static class VirtualizationHarness
{
    public const string Prelude = "(use-modules (gnu services) (gnu services virtualization) (srfi srfi-19))\n";

    public static string ConfigurationsFolder => Path.Combine(AppContext.BaseDirectory, "configurations", "virtualization");

    public static IReadOnlyList<Diagnostic> Check(string text, EvaluationOptions? options = null) =>
        ConfigurationAnalyzer.Check(text, "test.scm", options).Diagnostics;

    public static object? Eval(string text, EvaluationOptions? options = null)
    {
        var result = ConfigurationEvaluator.EvaluateText(text, "test.scm", options);
        result.Diagnostics.Where(d => d.Severity == Severity.Error).Should().BeEmpty();
        return result.Value;
    }

    /// <summary>Analyses <paramref name="text"/> and reads the graph on the evaluation thread (thunks need it).</summary>
    public static T Inspect<T>(string text, Func<ServiceGraphView, T> read, EvaluationOptions? options = null)
    {
        var found = false;
        T value = default!;
        var analysis = ConfigurationAnalyzer.Analyze(text, "test.scm", options, inspect: graph =>
        {
            value = read(graph);
            found = true;
        });
        analysis.Evaluation.Diagnostics.Where(d => d.Severity == Severity.Error).Should().BeEmpty();
        found.Should().BeTrue("the configuration holds services");
        return value;
    }

    /// <summary>What the build-vm service contributed to the target of that name, one list per service.</summary>
    public static IReadOnlyList<object> ContributionsTo(ServiceGraphView graph, string target) =>
        graph.Fold.Targets[target].Contributions.Where(c => c.From.TypeName == "build-vm").Select(c => c.Value).ToList();
}
