namespace Vbmc.Diagnostics;

/// <summary>A location that helps explain a diagnostic ("first defined here").</summary>
public sealed record RelatedLocation(SourceSpan Span, string Message);

/// <summary>
/// One problem found by any stage, modelled on Roslyn's diagnostics: a stable id from
/// <see cref="DiagnosticIds"/>, a severity, a primary location, a message, optional related
/// locations and an optional hint ("did you mean ...").
/// </summary>
public sealed record Diagnostic(
    string Id,
    Severity Severity,
    SourceSpan Span,
    string Message,
    string? Hint = null,
    IReadOnlyList<RelatedLocation>? Related = null)
{
    public IReadOnlyList<RelatedLocation> RelatedLocations => Related ?? [];

    public static Diagnostic Error(string id, SourceSpan span, string message, string? hint = null) =>
        new(id, Severity.Error, span, message, hint);

    public static Diagnostic Warning(string id, SourceSpan span, string message, string? hint = null) =>
        new(id, Severity.Warning, span, message, hint);

    public static Diagnostic Note(string id, SourceSpan span, string message, string? hint = null) =>
        new(id, Severity.Note, span, message, hint);

    public override string ToString() =>
        $"{Span}: {Severity.ToString().ToLowerInvariant()}: {Message}";
}
