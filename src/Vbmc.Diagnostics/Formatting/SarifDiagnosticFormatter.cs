using System.Text;
using System.Text.Json;

namespace Vbmc.Diagnostics.Formatting;

/// <summary>
/// SARIF 2.1.0 (OASIS), the format code-review systems import: one run whose driver is vbmc,
/// with a rule for each diagnostic id that occurs (named by <see cref="DiagnosticIds.Titles"/>).
/// File URIs are relative to <see cref="SarifOptions.BaseDirectory"/> with uriBaseId
/// %SRCROOT% when the file lies under it, absolute file: URIs otherwise. Regions are 1-based
/// with an exclusive end column, as SARIF defines them; columns count UTF-16 code units
/// (run.columnKind). A diagnostic's hint follows its message (text and markdown) and is in the
/// result's property bag ("hint"). Rules carry the descriptors of <see cref="DiagnosticDescriptors"/>.
/// </summary>
public sealed class SarifDiagnosticFormatter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string SourceRoot = "%SRCROOT%";

    private readonly SarifOptions _options;

    public SarifDiagnosticFormatter(SarifOptions options) => _options = options;

    public string Format(IEnumerable<Diagnostic> diagnostics)
    {
        var sorted = DiagnosticOrder.Sort(diagnostics);
        var ruleIds = sorted.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal).ToList();
        var ruleIndex = ruleIds.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        var baseDir = _options.BaseDirectory is null ? null : Path.GetFullPath(_options.BaseDirectory);

        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, JsonDiagnosticFormatter.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("$schema", SchemaUri);
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();

            w.WriteStartObject("tool");
            w.WriteStartObject("driver");
            w.WriteString("name", "vbmc");
            w.WriteString("version", _options.ToolVersion);
            if (_options.InformationUri is not null) w.WriteString("informationUri", _options.InformationUri);
            w.WriteStartArray("rules");
            foreach (var id in ruleIds) WriteRule(w, DiagnosticDescriptors.Of(id));
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();

            if (baseDir is not null)
            {
                w.WriteStartObject("originalUriBaseIds");
                w.WriteStartObject(SourceRoot);
                w.WriteString("uri", DirectoryUri(baseDir));
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteStartArray("results");
            foreach (var d in sorted)
            {
                w.WriteStartObject();
                w.WriteString("ruleId", d.Id);
                w.WriteNumber("ruleIndex", ruleIndex[d.Id]);
                w.WriteString("level", Level(d.Severity));
                WriteResultMessage(w, d);
                w.WriteStartArray("locations");
                w.WriteStartObject();
                WritePhysicalLocation(w, d.Span, baseDir);
                w.WriteEndObject();
                w.WriteEndArray();
                if (d.RelatedLocations.Count > 0)
                {
                    w.WriteStartArray("relatedLocations");
                    var n = 0;
                    foreach (var r in d.RelatedLocations)
                    {
                        w.WriteStartObject();
                        w.WriteNumber("id", n++);
                        WritePhysicalLocation(w, r.Span, baseDir);
                        WriteMessage(w, r.Message);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                }
                if (d.Hint is not null)
                {
                    w.WriteStartObject("properties");
                    w.WriteString("hint", JsonText.Clean(d.Hint));
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteString("columnKind", "utf16CodeUnits");
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    /// <summary>
    /// A rule: what the id means (fullDescription), what to do (help, as text and as markdown,
    /// which GitHub shows as the alert's rule help), its default level and its stage as a tag.
    /// No helpUri: vbmc has no page per rule to point at.
    /// </summary>
    private static void WriteRule(Utf8JsonWriter w, DiagnosticDescriptor descriptor)
    {
        var category = DiagnosticCategory.Of(descriptor.Id);
        w.WriteStartObject();
        w.WriteString("id", descriptor.Id);
        w.WriteString("name", descriptor.Title);
        w.WriteStartObject("shortDescription");
        w.WriteString("text", descriptor.Title.Replace('-', ' '));
        w.WriteEndObject();
        w.WriteStartObject("fullDescription");
        w.WriteString("text", descriptor.Description);
        w.WriteEndObject();
        if (descriptor.Help.Length > 0)
        {
            w.WriteStartObject("help");
            w.WriteString("text", descriptor.Help);
            w.WriteString("markdown", HelpMarkdown(descriptor, category));
            w.WriteEndObject();
        }
        w.WriteStartObject("defaultConfiguration");
        w.WriteString("level", Level(descriptor.DefaultSeverity));
        w.WriteEndObject();
        w.WriteStartObject("properties");
        w.WriteStartArray("tags");
        w.WriteStringValue("vbmc");
        w.WriteStringValue(category);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static string HelpMarkdown(DiagnosticDescriptor descriptor, string category) =>
        MarkdownText.Escape(descriptor.Description) + "\n\n"
        + "**What to do:** " + MarkdownText.Escape(descriptor.Help) + "\n\n"
        + $"`{descriptor.Id}` (`{descriptor.Title}`), found while {MarkdownText.Escape(DiagnosticCategory.Stage(category))}; "
        + $"{Level(descriptor.DefaultSeverity)} by default.";

    /// <summary>
    /// The result's message, with the hint on a line of its own: GitHub shows a result's message
    /// text and nothing of its property bag, where the hint also stays ("hint") for programs.
    /// </summary>
    private static void WriteResultMessage(Utf8JsonWriter w, Diagnostic d)
    {
        if (string.IsNullOrEmpty(d.Hint))
        {
            WriteMessage(w, d.Message);
            return;
        }
        w.WriteStartObject("message");
        var message = d.Message.Length == 0 ? "(no message)" : d.Message;
        w.WriteString("text", JsonText.Clean(message + "\nhint: " + d.Hint));
        w.WriteString("markdown", MarkdownText.Escape(message) + "\n\n**hint:** " + MarkdownText.Escape(d.Hint));
        w.WriteEndObject();
    }

    private static void WriteMessage(Utf8JsonWriter w, string text)
    {
        w.WriteStartObject("message");
        // SARIF requires a non-empty message text.
        w.WriteString("text", text.Length == 0 ? "(no message)" : JsonText.Clean(text));
        w.WriteEndObject();
    }

    private static void WritePhysicalLocation(Utf8JsonWriter w, SourceSpan span, string? baseDir)
    {
        w.WriteStartObject("physicalLocation");
        w.WriteStartObject("artifactLocation");
        var (uri, relative) = ArtifactUri(span.File, baseDir);
        w.WriteString("uri", uri);
        if (relative) w.WriteString("uriBaseId", SourceRoot);
        w.WriteEndObject();
        if (span.HasPosition && span.StartColumn >= 1)
        {
            w.WriteStartObject("region");
            w.WriteNumber("startLine", span.StartLine);
            w.WriteNumber("startColumn", span.StartColumn);
            // SARIF's end is exclusive like ours; a degenerate or missing end is left out
            // (SARIF then takes the region to end on its start line).
            if (span.EndLine >= span.StartLine && span.EndColumn >= 1 &&
                (span.EndLine > span.StartLine || span.EndColumn >= span.StartColumn))
            {
                w.WriteNumber("endLine", span.EndLine);
                w.WriteNumber("endColumn", span.EndColumn);
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    /// <summary>The file's URI: relative to the base folder when inside it, else absolute.</summary>
    internal static (string Uri, bool Relative) ArtifactUri(string file, string? baseDir)
    {
        string full;
        try
        {
            full = Path.GetFullPath(file, baseDir ?? Directory.GetCurrentDirectory());
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return (EscapePath(file.Replace('\\', '/')), false);
        }
        if (baseDir is not null)
        {
            var relative = Path.GetRelativePath(baseDir, full);
            if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
                return (EscapePath(relative.Replace('\\', '/')), true);
        }
        return ("file://" + EscapePath(full.Replace('\\', '/')), false);
    }

    private static string DirectoryUri(string dir)
    {
        var path = dir.Replace('\\', '/');
        if (!path.EndsWith('/')) path += "/";
        return "file://" + EscapePath(path);
    }

    /// <summary>Percent-encodes each path segment (spaces, '#', '%', non-ASCII) and keeps the slashes.</summary>
    private static string EscapePath(string path) =>
        string.Join('/', path.Split('/').Select(segment => Uri.EscapeDataString(JsonText.Clean(segment))));
}

/// <summary>Settings of the SARIF output.</summary>
public sealed record SarifOptions
{
    /// <summary>vbmc's version, for tool.driver.version.</summary>
    public string ToolVersion { get; init; } = "0.0.0";

    /// <summary>Optional project address for tool.driver.informationUri (must be an absolute URI).</summary>
    public string? InformationUri { get; init; }

    /// <summary>
    /// The folder %SRCROOT% stands for (the CLI passes the working directory). Null: every
    /// artifact gets an absolute URI.
    /// </summary>
    public string? BaseDirectory { get; init; }
}
