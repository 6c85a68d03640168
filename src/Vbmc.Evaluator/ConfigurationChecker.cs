using Vbmc.Data;
using Vbmc.Diagnostics;
using Vbmc.Evaluation.Records;

namespace Vbmc.Evaluation;

/// <summary>
/// <c>vbmc check</c>: evaluate, then force and type-check every thunked and delayed field of every
/// record reachable from the value (lists, vectors, pairs, records; shared and cyclic data are
/// visited once). Each failing field is one diagnostic; the walk continues past it.
/// </summary>
public static class ConfigurationChecker
{
    public static EvaluationResult CheckFile(string path, EvaluationOptions? options = null)
    {
        if (SourceDecoding.ReadFile(path, out var unreadable) is not { } text) return new EvaluationResult(null, [unreadable!]);
        return Check(text, path, options);
    }

    public static EvaluationResult Check(string text, string fileName, EvaluationOptions? options = null) =>
        ConfigurationEvaluator.Run(text, fileName, options, (value, ctx) => { if (value is not null) Walk(value, ctx); });

    /// <summary>Forces every field of every reachable record (call on an evaluation thread).</summary>
    public static void Walk(object root, EvalContext ctx)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<object>();
        // One buffer for the field values of every record (forcing a field never walks): a file
        // of 100,000 records would otherwise make as many arrays only to push their items.
        var fieldValues = Array.Empty<object?>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var value = pending.Pop();
            switch (value)
            {
                case Pair p:
                    if (!seen.Add(p)) break;
                    pending.Push(p.Cdr);
                    pending.Push(p.Car);
                    break;
                case object[] v:
                    if (!seen.Add(v)) break;
                    for (var i = v.Length - 1; i >= 0; i--) pending.Push(v[i]);
                    break;
                case Record r:
                    if (!seen.Add(r)) break;
                    // Declaration order, so diagnostics come in the order a reader expects.
                    var count = r.Type.Fields.Length;
                    if (fieldValues.Length < count) fieldValues = new object?[count];
                    for (var i = 0; i < count; i++) fieldValues[i] = ForceField(r, i, ctx);
                    for (var i = count - 1; i >= 0; i--)
                        if (fieldValues[i] is { } fieldValue) pending.Push(fieldValue);
                    break;
                case Promise pr:
                    if (!seen.Add(pr)) break;
                    if (pr.IsForced) pending.Push(pr.Force());
                    break;
                case MultipleValues mv:
                    foreach (var x in mv.Items) pending.Push(x);
                    break;
                case ISchemeContainer container:
                    if (!seen.Add(container)) break;
                    foreach (var x in container.Children.Reverse()) pending.Push(x);
                    break;
                case Gexp g:
                    pending.Push(g.Template);
                    break;
                case Ungexp u:
                    pending.Push(u.Value);
                    break;
            }
        }
    }

    private static object? ForceField(Record r, int index, EvalContext ctx)
    {
        try
        {
            return r.Get(index);
        }
        catch (SchemeError e)
        {
            if (e.Id == DiagnosticIds.ThunkCycle)
            {
                if (r.CycleReported) return null;
                r.CycleReported = true;
            }
            ctx.Report(new Diagnostic(e.Id, Severity.Error, e.Span ?? r.ValueSpans[index] ?? r.Span, e.Message, e.Hint));
        }
        catch (SilentError)
        {
        }
        catch (OutOfMemoryException)
        {
            var e = EvalContext.OutOfMemory("In this field's value");
            ctx.Report(new Diagnostic(e.Id, Severity.Error, r.ValueSpans[index] ?? r.Span, e.Message, e.Hint));
        }
        catch (Exception e)
        {
            ctx.Report(Diagnostic.Error(DiagnosticIds.RuntimeError, r.ValueSpans[index] ?? r.Span, "internal evaluator error: " + e.Message));
        }
        return null;
    }
}
