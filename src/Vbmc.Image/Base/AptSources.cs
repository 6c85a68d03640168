namespace Vbmc.Image.Base;

/// <summary>One <c>deb</c> source of the host's apt configuration.</summary>
internal sealed record AptSource(string Uri, IReadOnlyList<string> Suites);

/// <summary>
/// The Debian mirror a debian-base without a 'mirror' uses: the one the building host's apt is
/// configured with (/etc/apt/sources.list and sources.list.d/*.list in one-line style,
/// sources.list.d/*.sources in deb822 style), so that an image builds behind the same mirror or
/// proxy as the host's own packages. Read when the image is built, never at evaluation.
/// </summary>
internal static class AptSources
{
    public const string FallbackMirror = "http://deb.debian.org/debian";

    /// <summary>
    /// The first source that carries <paramref name="suite"/>; else the first Debian archive (a URI
    /// ending in /debian, security archives left out); else deb.debian.org.
    /// </summary>
    public static string DefaultMirror(string suite, string aptFolder = "/etc/apt")
    {
        var sources = Read(aptFolder);
        return sources.FirstOrDefault(s => s.Suites.Contains(suite))?.Uri
            ?? sources.FirstOrDefault(s => s.Uri.TrimEnd('/').EndsWith("/debian", StringComparison.Ordinal))?.Uri
            ?? FallbackMirror;
    }

    /// <summary>The enabled binary (deb) sources with an http, https or file URI, in apt's file order.</summary>
    public static IReadOnlyList<AptSource> Read(string aptFolder)
    {
        var sources = new List<AptSource>();
        var list = Path.Combine(aptFolder, "sources.list");
        if (File.Exists(list)) sources.AddRange(OneLineStyle(SafeRead(list)));
        var folder = Path.Combine(aptFolder, "sources.list.d");
        if (Directory.Exists(folder))
        {
            // apt reads the folder in file-name order and ignores other extensions (.disabled, .save...).
            foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
            {
                if (file.EndsWith(".list", StringComparison.Ordinal)) sources.AddRange(OneLineStyle(SafeRead(file)));
                else if (file.EndsWith(".sources", StringComparison.Ordinal)) sources.AddRange(Deb822Style(SafeRead(file)));
            }
        }
        return sources.Where(s => IsUsableUri(s.Uri) && !s.Suites.All(IsSecuritySuite)).ToList();
    }

    private static string SafeRead(string file)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    /// <summary><c>deb [option=value ...] URI SUITE [COMPONENT...]</c>, one per line.</summary>
    internal static IEnumerable<AptSource> OneLineStyle(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Split('#')[0].Trim();
            if (!line.StartsWith("deb ", StringComparison.Ordinal) && !line.StartsWith("deb\t", StringComparison.Ordinal)) continue;
            var rest = line[3..].Trim();
            if (rest.StartsWith('['))
            {
                var end = rest.IndexOf(']');
                if (end < 0) continue;
                rest = rest[(end + 1)..].Trim();
            }
            var words = rest.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length >= 2) yield return new AptSource(words[0], [words[1]]);
        }
    }

    /// <summary>Stanzas of <c>Types:</c>, <c>URIs:</c>, <c>Suites:</c>, <c>Enabled:</c> separated by blank lines.</summary>
    internal static IEnumerable<AptSource> Deb822Style(string text)
    {
        var stanza = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var raw in text.Split('\n').Append(""))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith('#')) continue;
            if (line.Trim().Length == 0)
            {
                foreach (var source in FromStanza(stanza)) yield return source;
                stanza.Clear();
                last = null;
                continue;
            }
            if ((line.StartsWith(' ') || line.StartsWith('\t')) && last is not null)
            {
                stanza[last] += " " + line.Trim();
                continue;
            }
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            last = line[..colon].Trim();
            stanza[last] = line[(colon + 1)..].Trim();
        }
    }

    private static IEnumerable<AptSource> FromStanza(Dictionary<string, string> stanza)
    {
        string[] Words(string key) =>
            stanza.TryGetValue(key, out var value) ? value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries) : [];
        if (!Words("Types").Contains("deb")) yield break;
        if (Words("Enabled").FirstOrDefault() is { } enabled && enabled.Equals("no", StringComparison.OrdinalIgnoreCase)) yield break;
        var suites = Words("Suites");
        foreach (var uri in Words("URIs")) yield return new AptSource(uri, suites);
    }

    private static bool IsUsableUri(string uri) =>
        uri.StartsWith("http://", StringComparison.Ordinal) || uri.StartsWith("https://", StringComparison.Ordinal)
        || uri.StartsWith("file:/", StringComparison.Ordinal);

    private static bool IsSecuritySuite(string suite) => suite.EndsWith("-security", StringComparison.Ordinal) || suite.EndsWith("/updates", StringComparison.Ordinal);
}
