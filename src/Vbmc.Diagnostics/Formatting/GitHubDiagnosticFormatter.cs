using System.Text;

namespace Vbmc.Diagnostics.Formatting;

/// <summary>
/// GitHub Actions workflow commands, one line per diagnostic, which the runner turns into
/// annotations on the pull request's files:
/// <c>::error file=F,line=L,col=C,endLine=L,endColumn=C,title=VBM3002 (extraneous-field-initializers)::message</c>.
/// Errors are <c>::error</c>, warnings <c>::warning</c>, notes <c>::notice</c>. The hint and the
/// related locations ("file:line:col: note: ...") follow the message on lines of their own, which
/// the annotation shows. Every value is escaped as <see cref="WorkflowCommandText"/> says.
/// </summary>
public static class GitHubDiagnosticFormatter
{
    public static string Format(IEnumerable<Diagnostic> diagnostics)
    {
        var sb = new StringBuilder();
        foreach (var d in DiagnosticOrder.Sort(diagnostics)) Append(sb, d);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, Diagnostic d)
    {
        sb.Append("::").Append(Command(d.Severity));
        var properties = Properties(d).Select(p => p.Name + "=" + WorkflowCommandText.EscapeProperty(p.Value));
        sb.Append(' ').AppendJoin(',', properties);
        sb.Append("::").Append(WorkflowCommandText.EscapeData(Message(d))).Append('\n');
    }

    private static string Command(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "notice",
    };

    /// <summary>
    /// file, line, col, endLine, endColumn, title, in that order. Lines and columns are 1-based as
    /// vbmc's; GitHub's endColumn is the last column of the annotation (vbmc's end is exclusive),
    /// and col and endColumn may only be given when the annotation is on one line (the runner drops
    /// them otherwise: IssueCommandExtension.ValidateLinesAndColumns), so a span over several
    /// lines gives line and endLine. The title comes last: the runner trims the end of the properties.
    /// </summary>
    private static IEnumerable<(string Name, string Value)> Properties(Diagnostic d)
    {
        var span = d.Span;
        if (span.File.Length > 0) yield return ("file", FileProperty(span.File));
        if (span.HasPosition)
        {
            yield return ("line", Number(span.StartLine));
            var oneLine = span.EndLine <= span.StartLine;
            if (oneLine && span.StartColumn >= 1)
            {
                yield return ("col", Number(span.StartColumn));
                if (span.EndLine == span.StartLine && span.EndColumn > span.StartColumn)
                    yield return ("endColumn", Number(span.EndColumn - 1));
            }
            else if (!oneLine)
            {
                yield return ("endLine", Number(span.EndLine));
            }
        }
        yield return ("title", $"{d.Id} ({DiagnosticIds.TitleOf(d.Id)})");
    }

    /// <summary>
    /// The file as given, except a name that starts with '=': the runner splits each property at
    /// its first '=' dropping empty parts (ActionCommand.TryParseV2), which would eat that '='.
    /// Such a file is written as its absolute path, which the runner itself makes relative to the
    /// workspace after parsing (IssueCommandExtension).
    /// </summary>
    private static string FileProperty(string file)
    {
        if (!file.StartsWith('=')) return file;
        try
        {
            return Path.GetFullPath(file);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return "./" + file;
        }
    }

    private static string Number(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The message, then "hint: ..." and each related location, each on its own line.</summary>
    private static string Message(Diagnostic d)
    {
        var lines = new List<string> { d.Message };
        if (!string.IsNullOrEmpty(d.Hint)) lines.Add("hint: " + d.Hint);
        foreach (var r in d.RelatedLocations) lines.Add($"{r.Span}: note: {r.Message}");
        return string.Join('\n', lines);
    }
}
