using Vbmc.Diagnostics;
using Vbmc.Reading;

namespace Vbmc.Evaluation;

/// <summary>
/// Entry points: evaluate a configuration file or text. Evaluation runs on a dedicated thread with
/// a large stack, so the depth limit (a diagnostic) is always reached before the real stack ends;
/// nothing escapes as an exception.
/// </summary>
public static class ConfigurationEvaluator
{
    /// <summary>Stack of the evaluation thread: far more than MaxDepth levels need.</summary>
    public const int StackSize = 256 * 1024 * 1024;

    public static EvaluationResult EvaluateFile(string path, EvaluationOptions? options = null)
    {
        if (SourceDecoding.ReadFile(path, out var unreadable) is not { } text) return new EvaluationResult(null, [unreadable!]);
        return EvaluateText(text, path, options);
    }

    public static EvaluationResult EvaluateText(string text, string fileName, EvaluationOptions? options = null) =>
        Run(text, fileName, options, null);

    /// <summary>
    /// Public entry for later stages (services): evaluates, then runs <paramref name="after"/> with
    /// the top-level value on the evaluation thread, inside the evaluation's context, so thunks it
    /// forces see the same options and everything it reports lands in the same result. A
    /// <see cref="SchemeError"/> thrown by <paramref name="after"/> becomes a diagnostic.
    /// </summary>
    public static EvaluationResult EvaluateThen(string text, string fileName, EvaluationOptions? options, Action<object?, EvalContext> after) =>
        Run(text, fileName, options, after);

    /// <summary>
    /// Reads and evaluates, then runs <paramref name="after"/> (the checker's walk) on the same
    /// thread and context, so forced thunks see the same options and report into the same bag.
    /// </summary>
    internal static EvaluationResult Run(string text, string fileName, EvaluationOptions? options, Action<object?, EvalContext>? after)
    {
        options ??= new EvaluationOptions();
        EvaluationResult? result = null;
        var thread = new Thread(() => result = RunOnThisThread(text, fileName, options, after), StackSize)
        {
            Name = "vbmc-eval",
            IsBackground = true,
        };
        thread.Start();
        thread.Join();
        return result ?? new EvaluationResult(null, [Diagnostic.Error(DiagnosticIds.RuntimeError, SourceSpan.FileOnly(fileName), "internal evaluator error: no result")]);
    }

    private static EvaluationResult RunOnThisThread(string text, string fileName, EvaluationOptions options, Action<object?, EvalContext>? after)
    {
        var baseDir = Path.GetDirectoryName(Path.GetFullPath(string.IsNullOrEmpty(fileName) ? "config.scm" : fileName)) ?? Environment.CurrentDirectory;
        var ctx = new EvalContext(options, baseDir);
        object? value = null;
        using (ctx.Activate())
        {
            try
            {
                var read = SchemeReader.Read(text, fileName);
                foreach (var d in read.Diagnostics) ctx.Report(d);
                if (!read.HasErrors)
                {
                    var module = ModuleRegistry.NewUserModule();
                    value = TopLevel.RunForms(read.Data, module, ctx);
                    after?.Invoke(value, ctx);
                }
            }
            catch (SchemeError e)
            {
                ctx.Report(new Diagnostic(e.Id, Severity.Error, e.Span ?? SourceSpan.FileOnly(fileName), e.Message, e.Hint));
            }
            catch (SilentError)
            {
            }
            catch (OutOfMemoryException)
            {
                var e = EvalContext.OutOfMemory("While evaluating");
                ctx.Report(new Diagnostic(e.Id, Severity.Error, SourceSpan.FileOnly(fileName), e.Message, e.Hint));
            }
            catch (Exception e)
            {
                ctx.Report(Diagnostic.Error(DiagnosticIds.RuntimeError, SourceSpan.FileOnly(fileName), "internal evaluator error: " + e.Message));
            }
        }
        return new EvaluationResult(value, ctx.Diagnostics.Items.ToList()) { Output = ctx.Output.ToString(), ReadFiles = ctx.ReadFiles.ToList() };
    }
}
