using Vbmc.Diagnostics;

namespace Vbmc.Evaluation;

/// <summary>
/// An error raised while evaluating user code. The evaluator catches it at the nearest form with
/// a source span and turns it into a diagnostic (it never escapes the library API).
/// </summary>
public class SchemeError(string message, string id = DiagnosticIds.RuntimeError, string? hint = null) : Exception(message)
{
    public string Id { get; } = id;
    public string? Hint { get; } = hint;

    /// <summary>Where the error happened, when the thrower knows better than the catcher.</summary>
    public SourceSpan? Span { get; init; }

    /// <summary>This error placed at <paramref name="span"/> (keeps id and hint).</summary>
    public SchemeError At(SourceSpan span) => new(Message, Id, Hint) { Span = span };

    /// <summary>Guile's wording: "In procedure car: Wrong type argument in position 1 (expecting pair): 5".</summary>
    public static SchemeError WrongType(string procedure, int position, string expected, object value) =>
        new($"In procedure {procedure}: Wrong type argument in position {position} (expecting {expected}): {Vbmc.Printing.Printer.Brief(value)}",
            DiagnosticIds.WrongType);
}
