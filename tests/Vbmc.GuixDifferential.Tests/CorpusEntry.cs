using System.Text.RegularExpressions;
using Vbmc.TestSupport;

namespace Vbmc.GuixDifferential.Tests;

/// <summary>How the harness reads a file on Guix's side (guix-verdict.scm): see tests/corpus/README.md.</summary>
public enum GuixKind
{
    /// <summary>As <c>guix system</c> does, then by its value (operating-system, services, machines, channels).</summary>
    Auto,
    /// <summary>As <c>guix offload</c> reads /etc/guix/machines.scm.</summary>
    Machines,
    /// <summary>As <c>guix pull -C FILE</c> reads a channels file.</summary>
    Channels,
}

/// <summary>
/// A file vbmc must accept exactly when Guix does, but where vbmc is right to be stricter: Guix
/// accepts it and only fails later (when building, booting or connecting). vbmc must report an
/// error on <see cref="Line"/> (1-based) whose message or hint contains every word of
/// <see cref="Words"/>.
/// </summary>
public sealed record StricterExpectation(int Line, IReadOnlyList<string> Words, string Reason)
{
    public override string ToString() => $"line {Line}: {string.Join(' ', Words)} ({Reason})";
}

/// <summary>
/// One file the harness compares: a corpus file (tests/corpus, header lines
/// <c>;; guix-differential: ...</c>) or one of Guix's own example templates.
/// </summary>
public sealed partial record CorpusEntry(
    string Name,
    string HostPath,
    string InsidePath,
    GuixKind Kind,
    IReadOnlyList<string> LoadPath,
    IReadOnlyList<string> InsideLoadPath,
    StricterExpectation? Stricter,
    bool GuixRejects,
    bool IsTemplate)
{
    /// <summary>Where the harness copies the corpus inside the reference root.</summary>
    public const string InsideCorpus = "/var/tmp/vbmc-differential/corpus";

    /// <summary>Guix's example templates inside the reference root.</summary>
    public const string InsideTemplates = "/usr/share/guile/site/3.0/gnu/system/examples";

    /// <summary>The display-name prefix of Guix's templates (they are not in the repository).</summary>
    public const string TemplatePrefix = "guix-templates/";

    public static string CorpusFolder => Path.Combine(RepoPaths.Root, "tests", "corpus");

    /// <summary>
    /// Every corpus file: each <c>*.scm</c> below tests/corpus that is not inside a folder named
    /// <c>support</c> (files loaded, included or used as modules by the others), sorted by name.
    /// </summary>
    public static IReadOnlyList<CorpusEntry> LoadCorpus()
    {
        var root = CorpusFolder;
        return Directory.EnumerateFiles(root, "*.scm", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(rel => !rel.Split('/').SkipLast(1).Contains("support"))
            .Order(StringComparer.Ordinal)
            .Select(rel => Parse(rel, File.ReadAllText(Path.Combine(root, rel))))
            .ToList();
    }

    /// <summary>Guix's example templates, read from the reference root (never copied into the repository).</summary>
    public static IReadOnlyList<CorpusEntry> LoadTemplates(string referenceRoot)
    {
        var folder = Path.Join(referenceRoot, InsideTemplates);
        if (!Directory.Exists(folder))
            throw new InvalidOperationException($"the reference root has no Guix example templates in {InsideTemplates}");
        return Directory.EnumerateFiles(folder, "*.tmpl")
            .Select(Path.GetFileName).OfType<string>()
            .Order(StringComparer.Ordinal)
            .Select(name => new CorpusEntry(TemplatePrefix + name, Path.Combine(folder, name), InsideTemplates + "/" + name,
                GuixKind.Auto, [], [], null, GuixRejects: false, IsTemplate: true))
            .ToList();
    }

    /// <summary>Parses the header lines of the corpus file at RELATIVE (a path below tests/corpus).</summary>
    public static CorpusEntry Parse(string relative, string text)
    {
        var kind = GuixKind.Auto;
        var loadPath = new List<string>();
        StricterExpectation? stricter = null;
        var rejects = false;
        var folder = Path.GetDirectoryName(relative)?.Replace('\\', '/') ?? "";
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var m = HeaderRegex().Match(raw.TrimEnd('\r'));
            if (!m.Success) continue;
            var argument = m.Groups["argument"].Value.Trim();
            switch (m.Groups["keyword"].Value)
            {
                case "kind":
                    kind = argument switch
                    {
                        "machines" => GuixKind.Machines,
                        "channels" => GuixKind.Channels,
                        "system" or "auto" => GuixKind.Auto,
                        _ => throw Malformed(relative, lineNumber, raw),
                    };
                    break;
                case "load-path":
                    if (argument.Length == 0) throw Malformed(relative, lineNumber, raw);
                    loadPath.Add(Normalize(folder.Length == 0 ? argument : folder + "/" + argument));
                    break;
                case "guix-rejects":
                    rejects = true;
                    break;
                case "vbmc-stricter":
                case "vbmc-unsupported":
                    var s = StricterRegex().Match(argument);
                    if (!s.Success || stricter is not null) throw Malformed(relative, lineNumber, raw);
                    var words = s.Groups["words"].Value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                    // vbmc-unsupported: what Guix does and vbmc cannot; the error must say "unsupported:".
                    if (m.Groups["keyword"].Value == "vbmc-unsupported") words = ["unsupported:", .. words];
                    stricter = new StricterExpectation(int.Parse(s.Groups["line"].Value), words, s.Groups["reason"].Value.Trim());
                    break;
                default:
                    throw Malformed(relative, lineNumber, raw);
            }
        }
        if (stricter is not null && rejects)
            throw new FormatException($"tests/corpus/{relative}: a file cannot be both 'vbmc-stricter' and 'guix-rejects'");
        return new CorpusEntry("tests/corpus/" + relative, Path.Combine(CorpusFolder, relative), InsideCorpus + "/" + relative,
            kind, loadPath.Select(d => Path.Combine(CorpusFolder, d)).ToList(),
            loadPath.Select(d => InsideCorpus + "/" + d).ToList(), stricter, rejects, IsTemplate: false);
    }

    /// <summary>Resolves "." and ".." in a relative '/'-separated path.</summary>
    private static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".") continue;
            if (part == ".." && parts.Count > 0) parts.RemoveAt(parts.Count - 1);
            else parts.Add(part);
        }
        return string.Join('/', parts);
    }


    private static FormatException Malformed(string file, int line, string text) =>
        new($"tests/corpus/{file}:{line}: malformed header line (see tests/corpus/README.md): {text.Trim()}");

    [GeneratedRegex(@"^;;+\s*guix-differential:\s*(?<keyword>[a-z-]+)[ \t]*(?<argument>.*)$")]
    private static partial Regex HeaderRegex();

    [GeneratedRegex(@"^(?<line>\d+)\s+(?<words>.+?)\s+--\s+(?<reason>.+)$")]
    private static partial Regex StricterRegex();
}
