namespace Vbmc.Diagnostics;

/// <summary>
/// A region of a source file. Lines and columns are 1-based (GNU coding standards, SARIF,
/// editors). The end is exclusive: (EndLine, EndColumn) is the position just after the last
/// character, as SARIF's endColumn is. Columns count UTF-16 code units of the line.
/// </summary>
public readonly record struct SourceSpan(string File, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    /// <summary>A span for diagnostics that have no better place (e.g. a missing file).</summary>
    public static SourceSpan FileOnly(string file) => new(file, 0, 0, 0, 0);

    public bool HasPosition => StartLine > 0;

    /// <summary>The span from the start of this one to the end of <paramref name="other"/>.</summary>
    public SourceSpan To(SourceSpan other) => this with { EndLine = other.EndLine, EndColumn = other.EndColumn };

    public override string ToString() =>
        HasPosition ? $"{File}:{StartLine}:{StartColumn}" : File;
}
