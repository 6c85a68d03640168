using Vbmc.Diagnostics;

namespace Vbmc.Host.Apply;

/// <summary>A failure of one step of apply or rollback, turned into a diagnostic by the caller.</summary>
public sealed class ApplyException(string id, string file, string message, string? hint = null) : Exception(message)
{
    public string Id { get; } = id;
    public string File { get; } = file;
    public string? Hint { get; } = hint;

    public Diagnostic ToDiagnostic(string? prefix = null) =>
        Diagnostic.Error(Id, SourceSpan.FileOnly(File), prefix is null ? Message : prefix + Message, Hint);
}
