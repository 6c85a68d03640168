using System.Text.Json.Nodes;
using Vbmc.Diagnostics;
using Vbmc.Evaluation;

namespace Vbmc.Services;

/// <summary>What <see cref="ConfigurationAnalyzer.Analyze"/> found: the evaluation's result and the fold.</summary>
public sealed record AnalysisResult(EvaluationResult Evaluation, FoldResult Fold)
{
    /// <summary>
    /// The folded targets as JSON (computed on the evaluation thread, so thunks run in the
    /// evaluation's context): an object from target type name to its folded value; null when the
    /// configuration holds no service. See <see cref="FoldJson"/>.
    /// </summary>
    public JsonObject? ServicesJson { get; init; }

    /// <summary>
    /// The configuration's value as JSON (with <c>withJson</c>), written before
    /// <see cref="ServicesJson"/> by the same writer: a record of the fold that the value holds
    /// too is a <c>{"$ref": N}</c> to its place in the value.
    /// </summary>
    public JsonNode? ValueJson { get; init; }
}

/// <summary>
/// The whole of <c>vbmc check</c> as a library call: evaluation, record checks (every thunked
/// field forced and type-checked), service folding, Shepherd checks and every registered
/// <see cref="IServiceCheck"/>. Nothing escapes as an exception: every failure is a diagnostic.
/// </summary>
public static class ConfigurationAnalyzer
{
    public static EvaluationResult CheckFile(string path, EvaluationOptions? options = null) => AnalyzeFile(path, options).Evaluation;

    public static EvaluationResult Check(string text, string fileName, EvaluationOptions? options = null) =>
        Analyze(text, fileName, options).Evaluation;

    public static AnalysisResult AnalyzeFile(string path, EvaluationOptions? options = null, bool withJson = false)
    {
        if (SourceDecoding.ReadFile(path, out var unreadable) is not { } text) return new AnalysisResult(new EvaluationResult(null, [unreadable!]), ServiceFolder.Empty);
        return Analyze(text, path, options, withJson);
    }

    /// <param name="withJson">Also render the folded targets as JSON (for <c>vbmc eval --json</c>).</param>
    /// <param name="inspect">Runs last on the evaluation thread with the graph (tests, later stages).</param>
    public static AnalysisResult Analyze(string text, string fileName, EvaluationOptions? options = null, bool withJson = false,
        Action<ServiceGraphView>? inspect = null)
    {
        var fold = ServiceFolder.Empty;
        JsonObject? json = null;
        JsonNode? valueJson = null;
        var evaluation = ConfigurationEvaluator.EvaluateThen(text, fileName, options, (value, ctx) =>
        {
            if (value is null) return;
            ConfigurationChecker.Walk(value, ctx);
            var bag = new DiagnosticBag();
            var collected = Guard(fileName, bag, () => ServiceCollector.Collect(value));
            if (collected is not null)
                fold = Guard(fileName, bag, () => ServiceFolder.Fold(collected, bag, fileName)) ?? ServiceFolder.Empty;
            var graph = new ServiceGraphView(value, fold, ctx, fileName,
                collected is { Complete: true } && value is Vbmc.Evaluation.Records.Record { Type.Name: "<operating-system>" });
            foreach (var check in ServiceChecks.Create())
            {
                var own = new DiagnosticBag();
                Guard<object>(fileName, own, () => { check.Run(graph, own); return null; }, check.GetType().Name);
                bag.AddRange(own.Items);
            }
            if (withJson)
            {
                // Printing forces thunked fields, which runs user code: an error there is a
                // diagnostic of the file like any other.
                var writer = new ValueJson();
                valueJson = Guard(fileName, bag, () => writer.Write(value));
                if (collected is not null) json = FoldJson.ToJson(fold, writer);
            }
            foreach (var d in bag.Items) ctx.Report(d);
            inspect?.Invoke(graph);
        });
        return new AnalysisResult(evaluation, fold) { ServicesJson = json, ValueJson = valueJson };
    }

    /// <summary>Runs a step; a Scheme error or a bug becomes a diagnostic and the analysis goes on.</summary>
    private static T? Guard<T>(string fileName, DiagnosticBag bag, Func<T?> step, string? checkName = null) where T : class
    {
        try
        {
            return step();
        }
        catch (SchemeError e)
        {
            bag.Add(new Diagnostic(e.Id, Severity.Error, e.Span ?? SourceSpan.FileOnly(fileName), e.Message, e.Hint));
        }
        catch (SilentError)
        {
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var what = checkName is null ? "service analysis" : $"check {checkName}";
            bag.Add(Diagnostic.Error(DiagnosticIds.ServiceCheckFailed, SourceSpan.FileOnly(fileName), $"internal error in {what}: {e.Message}"));
        }
        return null;
    }
}
