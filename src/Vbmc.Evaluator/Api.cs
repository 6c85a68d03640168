using Vbmc.Diagnostics;

namespace Vbmc.Evaluation;

/// <summary>Settings of one evaluation. Everything that may vary between runs is here (purity).</summary>
public sealed record EvaluationOptions
{
    /// <summary>The value of <c>%current-system</c> (CLI: --system).</summary>
    public string System { get; init; } = "x86_64-linux";

    /// <summary>Evaluation steps allowed before "evaluation exceeded N steps".</summary>
    public long StepBudget { get; init; } = 50_000_000;

    /// <summary>Nested (non-tail) evaluation depth allowed before "nesting deeper than N".</summary>
    public int MaxDepth { get; init; } = 10_000;
}

/// <summary>The top-level value of a file (the value of its last form) and every diagnostic.</summary>
public sealed record EvaluationResult(object? Value, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);

    /// <summary>What display/write/format #t printed (configurations never write to the console).</summary>
    public string Output { get; init; } = "";
}
