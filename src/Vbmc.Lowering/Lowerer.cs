using System.Security.Cryptography;
using Vbmc.Diagnostics;
using Vbmc.Evaluation;
using Vbmc.Services;

namespace Vbmc.Lowering;

/// <summary>The outcome of lowering: every diagnostic (analysis and lowering), and the plan when there is no error.</summary>
public sealed record LoweringResult(IReadOnlyList<Diagnostic> Diagnostics, CompilePlan? Plan)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <summary>
/// Analysis (everything <c>vbmc check</c> does) and then lowering to a <see cref="CompilePlan"/>.
/// Lowering reads records on the evaluation thread (thunked fields run there) and turns them into
/// plain values; a value the targets cannot express is a diagnostic at the value.
/// </summary>
public static class Lowerer
{
    public static LoweringResult LowerFile(string path, EvaluationOptions? options = null)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new LoweringResult([Diagnostic.Error(DiagnosticIds.IoError, SourceSpan.FileOnly(path), $"cannot read {path}: {e.Message}")], null);
        }
        if (SourceDecoding.Decode(bytes, path, out var notUtf8) is not { } text) return new LoweringResult([notUtf8!], null);
        return Lower(text, path, Convert.ToHexStringLower(SHA256.HashData(bytes)), options);
    }

    public static LoweringResult Lower(string text, string fileName, string sourceSha256, EvaluationOptions? options = null)
    {
        var bag = new DiagnosticBag();
        CompilePlan? plan = null;
        var analysis = ConfigurationAnalyzer.Analyze(text, fileName, options, inspect: graph =>
        {
            try
            {
                plan = PlanBuilder.Build(graph, fileName, sourceSha256, bag);
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
                bag.Add(Diagnostic.Error(DiagnosticIds.InternalError, SourceSpan.FileOnly(fileName), $"internal error in lowering: {e.Message}"));
            }
        });
        // An internal failure of lowering after the analysis found errors is a consequence of
        // those errors (lowering reads the same wrong values): report only the errors.
        var analysisFailed = analysis.Evaluation.HasErrors;
        var all = analysis.Evaluation.Diagnostics
            .Concat(bag.Items.Where(d => !(analysisFailed && d.Id == DiagnosticIds.InternalError)))
            .ToList();
        var failed = all.Any(d => d.Severity == Severity.Error);
        if (plan is not null) plan = plan with { Inputs = analysis.Evaluation.ReadFiles };
        return new LoweringResult(all, failed ? null : plan);
    }
}
