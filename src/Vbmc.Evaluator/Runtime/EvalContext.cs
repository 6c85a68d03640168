using System.Text;
using Vbmc.Diagnostics;

namespace Vbmc.Evaluation;

/// <summary>
/// Everything one evaluation owns: options, diagnostics, captured output, step and depth counters,
/// dynamic parameter bindings. It is thread-static because builtins have a plain
/// <c>Func&lt;object[], object&gt;</c> signature and evaluation runs on its own thread.
/// </summary>
public sealed class EvalContext
{
    [ThreadStatic] private static EvalContext? _current;

    public EvalContext(EvaluationOptions options, string baseDirectory)
    {
        Options = options;
        BaseDirectory = baseDirectory;
    }

    /// <summary>The active context; a default one when code runs outside any evaluation.</summary>
    public static EvalContext Current => _current ??= new EvalContext(new EvaluationOptions(), Environment.CurrentDirectory);

    public static bool HasCurrent => _current is not null;

    public EvaluationOptions Options { get; }
    public string BaseDirectory { get; }
    public DiagnosticBag Diagnostics { get; } = new();
    public StringBuilder Output { get; } = new();
    public long Steps;
    public long Expansions;
    public int Depth;

    /// <summary>One step of work (a call, an expansion, a comparison).</summary>
    public void Tick()
    {
        if (++Steps > Options.StepBudget) throw StepBudgetError();
    }

    /// <summary>
    /// Counts what a builtin is about to make (elements, characters, integer words) as steps,
    /// before it makes them: the step budget then bounds work, not only calls, and a request for
    /// more than is left fails at once, naming the procedure, instead of allocating first.
    /// </summary>
    public void ChargeAllocation(string procedure, long count, string unit)
    {
        if (count <= 0) return;
        var left = Options.StepBudget - Steps;
        if (count > left)
            throw new SchemeError(
                $"In procedure {procedure}: {count} {unit} are more than this evaluation may still make ({left} of its {Options.StepBudget} steps are left; each {Singular(unit)} counts as one)",
                DiagnosticIds.StepBudgetExceeded);
        Steps += count;
    }

    /// <summary>Counts what macro expansion makes (see <see cref="EvaluationOptions.ExpansionBudget"/>).</summary>
    public void ChargeExpansion(long items)
    {
        Expansions += items;
        if (Expansions > Options.ExpansionBudget)
            throw new SchemeError($"macro expansion made more than {Options.ExpansionBudget} syntax items", DiagnosticIds.StepBudgetExceeded,
                "look for a macro whose expansion uses itself more than once, or repeats its input, without end");
        Tick();
    }

    private static string Singular(string unit) => unit.EndsWith('s') ? unit[..^1] : unit;

    public SchemeError StepBudgetError() =>
        new($"evaluation exceeded {Options.StepBudget} steps", DiagnosticIds.StepBudgetExceeded);

    /// <summary>
    /// The error for an allocation the runtime refused (the process's heap limit, see
    /// <c>MemoryLimit</c> in the CLI): evaluation stops with a diagnostic, never an abort.
    /// </summary>
    public static SchemeError OutOfMemory(string where) =>
        new($"{where}: out of memory (the evaluation needed more than vbmc allows it)", DiagnosticIds.MemoryBudgetExceeded,
            "a configuration needs a few megabytes: look for a value that grows without bound");

    /// <summary>parameterize bindings, innermost last.</summary>
    internal readonly List<(Parameter Param, object Value)> ParameterBindings = [];

    /// <summary>Thunked fields being computed, for cycle detection (record, field index).</summary>
    internal readonly List<(object Record, int Field)> ThunkStack = [];

    /// <summary>Root errors already reported (avoid duplicates when one failure is seen twice).</summary>
    internal readonly HashSet<(string, SourceSpan)> Reported = [];

    /// <summary>Unbound names already reported when a module was missing (one error per name).</summary>
    internal readonly HashSet<(Module, Data.Symbol)> ReportedUnbound = [];

    /// <summary>Folders added by add-to-load-path, newest first (searched before <see cref="EvaluationOptions.LoadPath"/>).</summary>
    internal readonly List<string> AddedLoadPath = [];

    /// <summary>User modules loaded from the load path, by file: per evaluation, never shared.</summary>
    internal readonly Dictionary<string, Module> UserModules = new(StringComparer.Ordinal);

    /// <summary>Files read, in order (see <see cref="EvaluationResult.ReadFiles"/>).</summary>
    internal readonly List<ReadFile> ReadFiles = [];

    /// <summary>Warnings about host-dependent calls already given (one per call and argument).</summary>
    internal readonly HashSet<string> HostWarnings = new(StringComparer.Ordinal);

    /// <summary>
    /// The last top-level form run (the configuration's own last form once its file has run),
    /// or null when it failed.
    /// </summary>
    public SourceSpan? LastTopLevelSpan { get; internal set; }

    /// <summary>Where the builtin being called was called from (set just before the call), for its warnings.</summary>
    internal SourceSpan CallSpan;

    public void Report(Diagnostic d)
    {
        if (LibraryDiagnosticsAt is { } at && IsLibrary(d.Span)) d = d with { Span = at };
        if (Reported.Add((d.Message, d.Span))) Diagnostics.Add(d);
    }

    /// <summary>
    /// While set, a diagnostic reported at a place in vbmc's own modules is placed here instead:
    /// the service fold sets it to the service whose procedures run (what the user wrote).
    /// </summary>
    public SourceSpan? LibraryDiagnosticsAt { get; set; }

    /// <summary>Whether <paramref name="span"/> is in one of vbmc's embedded modules (stdlib/...).</summary>
    public static bool IsLibrary(SourceSpan span) => span.File?.StartsWith("stdlib/", StringComparison.Ordinal) == true;

    /// <summary>Makes this the current context of the calling thread until disposed.</summary>
    public IDisposable Activate()
    {
        var previous = _current;
        _current = this;
        return new Restore(previous);
    }

    private sealed class Restore(EvalContext? previous) : IDisposable
    {
        public void Dispose() => _current = previous;
    }
}
