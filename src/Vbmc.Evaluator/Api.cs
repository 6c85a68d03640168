using Vbmc.Diagnostics;

namespace Vbmc.Evaluation;

/// <summary>Settings of one evaluation. Everything that may vary between runs is here (purity).</summary>
public sealed record EvaluationOptions
{
    /// <summary>The value of <c>%current-system</c> (CLI: --system).</summary>
    public string System { get; init; } = "x86_64-linux";

    /// <summary>Evaluation steps allowed before "evaluation exceeded N steps".</summary>
    public long StepBudget { get; init; } = 50_000_000;

    /// <summary>
    /// What macro expansion may make before "macro expansion made more than N syntax items": each
    /// expansion counts one, and each item of a list its template makes one more. The examples
    /// and the corpus expand at most a dozen macro uses; a macro that uses itself twice per
    /// expansion, or repeats its input, would otherwise fill the memory with its output (and its
    /// analyzed code) long before the step budget ends.
    /// </summary>
    public long ExpansionBudget { get; init; } = 1_000_000;

    /// <summary>Nested (non-tail) evaluation depth allowed before "nesting deeper than N".</summary>
    public int MaxDepth { get; init; } = 10_000;

    /// <summary>
    /// Folders searched for user modules, first to last, before vbmc's own modules (CLI: -L,
    /// --load-path, as <c>guix system -L</c>); absolute. The configuration may read files only
    /// below its own folder and these.
    /// </summary>
    public IReadOnlyList<string> LoadPath { get; init; } = [];

    /// <summary>
    /// What <c>getenv</c> and <c>gethostname</c> (HOSTNAME) answer (CLI: --env NAME=VALUE). A name
    /// not given here gets a documented value and a warning: check results never depend on the
    /// host vbmc runs on.
    /// </summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// A module vbmc cannot find (a channel's, without -L) is an error (CLI: --strict-modules).
    /// Without it, the names such a module may give are opaque values and the module gets one
    /// warning, so the rest of the file is still checked.
    /// </summary>
    public bool StrictModules { get; init; }
}

/// <summary>A file the evaluation read (a loaded, included or module file), with its sha256.</summary>
public sealed record ReadFile(string Path, string Sha256);

/// <summary>The top-level value of a file (the value of its last form) and every diagnostic.</summary>
public sealed record EvaluationResult(object? Value, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);

    /// <summary>What display/write/format #t printed (configurations never write to the console).</summary>
    public string Output { get; init; } = "";

    /// <summary>Every file read besides the configuration itself (load, include, user modules), in reading order.</summary>
    public IReadOnlyList<ReadFile> ReadFiles { get; init; } = [];
}
