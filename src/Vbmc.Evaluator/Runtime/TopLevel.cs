using System.Collections.Immutable;
using Vbmc.Data;
using Vbmc.Diagnostics;
using Vbmc.Syntax;

namespace Vbmc.Evaluation;

/// <summary>
/// Runs the forms of a file or module one at a time: analyse, then evaluate. An error ends only
/// its own form; the next form still runs so one run reports every problem of a file. A name whose
/// definition failed is poisoned so later uses do not repeat the same root error. After the last
/// form, every name the file refers to that is still unbound and was not reported yet is reported
/// once, at its first use: an error when its form stopped on an error before reaching it (it
/// would have failed there), a warning when its form ran to the end (the use is in code that did
/// not run, as Guile's compiler warns "possibly unbound variable").
/// </summary>
public static class TopLevel
{
    public static object RunForms(ImmutableArray<SyntaxNode> forms, Module module, EvalContext ctx)
    {
        var analyzer = new Analyzer(module);
        object value = Unspecified.Instance;
        var failed = new bool[forms.Length];
        for (var i = 0; i < forms.Length; i++)
        {
            var form = forms[i];
            analyzer.FormIndex = i;
            analyzer.DefinedAtTopLevel.Clear();
            failed[i] = true;
            try
            {
                var node = analyzer.Analyze(form, null, false);
                value = Interpreter.EvalNonTail(node, null);
                failed[i] = false;
            }
            catch (SilentError)
            {
                Poison(form, module, analyzer);
                value = Unspecified.Instance;
            }
            catch (SchemeError e)
            {
                ctx.Report(new Diagnostic(e.Id, Severity.Error, e.Span ?? form.Span, e.Message, e.Hint));
                Poison(form, module, analyzer);
                value = Unspecified.Instance;
            }
            catch (OutOfMemoryException)
            {
                // Outside any builtin (the interpreter's own frames and pairs): the form's place.
                var e = EvalContext.OutOfMemory("In this form");
                ctx.Report(new Diagnostic(e.Id, Severity.Error, form.Span, e.Message, e.Hint));
                Poison(form, module, analyzer);
                value = Unspecified.Instance;
            }
            catch (Exception e)
            {
                ctx.Report(Diagnostic.Error(DiagnosticIds.RuntimeError, form.Span, "internal evaluator error: " + e.Message));
                Poison(form, module, analyzer);
                value = Unspecified.Instance;
            }
        }
        ReportRemainingUnbound(analyzer, failed, ctx);
        // The last form's place when it ran to its end (a failed one gives no value for its own reason).
        ctx.LastTopLevelSpan = forms.Length > 0 && !failed[^1] ? forms[^1].Span : null;
        return value;
    }

    private static void ReportRemainingUnbound(Analyzer analyzer, bool[] failed, EvalContext ctx)
    {
        var module = analyzer.Module;
        foreach (var (cell, span, form) in analyzer.UnboundAtAnalysis)
        {
            if (cell.Value is not null || !ctx.ReportedUnbound.Add((module, cell.Name))) continue;
            if (failed[form])
            {
                var error = module.UnboundError(cell.Name, span);
                ctx.Report(new Diagnostic(error.Id, Severity.Error, span, error.Message, error.Hint));
            }
            else
            {
                var hint = module.UnboundError(cell.Name, span).Hint;
                ctx.Report(Diagnostic.Warning(DiagnosticIds.UnboundVariable, span,
                    $"possibly unbound variable '{cell.Name.Name}': it is used in code that did not run", hint));
            }
        }
    }

    /// <summary>Marks the names a failed top-level form would have bound.</summary>
    private static void Poison(SyntaxNode form, Module module, Analyzer analyzer)
    {
        // Definitions the analysis saw (also inside begin, include and macro expansions)...
        foreach (var defined in analyzer.DefinedAtTopLevel)
            if (defined.Value is null) defined.Value = PoisonedValue.Instance;
        // ...and, when the analysis itself failed, the name the form's head says it defines.
        if (form is not SyntaxList { Items.Length: >= 2 } l || Stx.Head(l) is not { } head) return;
        if (head.Name is not ("define" or "define*" or "define-public" or "define-values")) return;
        var target = l.Items[1];
        while (target is SyntaxList { Items.Length: > 0 } t) target = t.Items[0];
        if (Stx.Sym(target) is { } name && module.DefineCell(name) is { Value: null } cell) cell.Value = PoisonedValue.Instance;
    }
}
