using Vbmc.Data;

namespace Vbmc.Evaluation.Guix;

/// <summary>Where a name is defined: the module, the entry's kind, and whether it is only passed on.</summary>
public sealed record GuixDefinition(string[] Module, GuixEntryKind Kind, bool ReExport)
{
    public string ModuleName => "(" + string.Join(' ', Module) + ")";
}

/// <summary>A package as <c>specification->package</c> finds it: by package name.</summary>
public sealed record GuixPackageInfo(string Name, string Version, string[] Module, string Binding, bool Hidden, bool Superseded);

/// <summary>
/// Every public name of every Guix module, and every package by package name, built the first
/// time it is needed (an unbound name's hint, <c>specification->package</c> of an unknown
/// version...) by scanning the data files line by line: one entry per line, so the kind and the
/// name are the first two tokens and full parsing is not needed.
/// </summary>
public static class GuixNameIndex
{
    private sealed class Index
    {
        public readonly Dictionary<string, List<GuixDefinition>> Names = new(StringComparer.Ordinal);
        public readonly Dictionary<string, List<GuixPackageInfo>> Packages = new(StringComparer.Ordinal);
        public readonly HashSet<string> LoadErrors = new(StringComparer.Ordinal);
    }

    private static readonly Lazy<Index> IndexLazy = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Whether the index was built in this process (for tests of laziness).</summary>
    public static bool IsBuilt => IndexLazy.IsValueCreated;

    /// <summary>
    /// The modules that export <paramref name="name"/> as their own definition (re-exports last),
    /// leaving out modules Guix cannot load and names exported but never defined.
    /// </summary>
    public static IReadOnlyList<GuixDefinition> Definitions(string name) =>
        IndexLazy.Value.Names.TryGetValue(name, out var list) ? list : [];

    /// <summary>The packages whose <c>package-name</c> is <paramref name="name"/>.</summary>
    public static IReadOnlyList<GuixPackageInfo> PackagesNamed(string name) =>
        IndexLazy.Value.Packages.TryGetValue(name, out var list) ? list : [];

    /// <summary>Every package name (for did-you-mean on specifications).</summary>
    public static IEnumerable<string> PackageNames => IndexLazy.Value.Packages.Keys;

    private static Index Build()
    {
        var index = new Index();
        foreach (var resource in GuixData.ResourceNames)
        {
            var text = GuixData.ReadText(resource);
            var module = GuixData.PartsOf(resource);
            Scan(text, module, index);
        }
        foreach (var list in index.Names.Values)
            if (list.Count > 1) list.Sort((a, b) => a.ReExport.CompareTo(b.ReExport));
        return index;
    }

    private static void Scan(string text, string[] module, Index index)
    {
        var pos = 0;
        while (pos < text.Length)
        {
            var end = text.IndexOf('\n', pos);
            if (end < 0) end = text.Length;
            // An entry line: two spaces, then (KIND NAME ...
            if (end - pos > 4 && text[pos] == ' ' && text[pos + 1] == ' ' && text[pos + 2] == '(')
                ScanEntry(text, pos + 3, end, module, index);
            else if (text.AsSpan(pos, end - pos).Contains("#:load-error", StringComparison.Ordinal))
            {
                index.LoadErrors.Add(string.Join(' ', module));
                return;
            }
            pos = end + 1;
        }
    }

    private static void ScanEntry(string text, int start, int end, string[] module, Index index)
    {
        var space = text.IndexOf(' ', start, end - start);
        if (space < 0) return;
        var kind = text.AsSpan(start, space - start);
        GuixEntryKind k;
        switch (kind)
        {
            case "package": k = GuixEntryKind.Package; break;
            case "service-type": k = GuixEntryKind.ServiceType; break;
            case "record-type": k = GuixEntryKind.RecordType; break;
            case "record-constructor": k = GuixEntryKind.RecordConstructor; break;
            case "procedure": k = GuixEntryKind.Procedure; break;
            case "syntax": k = GuixEntryKind.Syntax; break;
            case "variable": k = GuixEntryKind.Variable; break;
            case "deprecated": k = GuixEntryKind.Deprecated; break;
            case "re-export": k = GuixEntryKind.ReExport; break;
            default: return;
        }
        var nameStart = space + 1;
        string name;
        if (text[nameStart] == '#')
        {
            if (GuixDataReader.ReadAt(text, nameStart) is not Symbol s) return;
            name = s.Name;
        }
        else
        {
            var nameEnd = nameStart;
            while (nameEnd < end && text[nameEnd] != ' ' && text[nameEnd] != ')') nameEnd++;
            name = text[nameStart..nameEnd];
        }
        var line = text.AsSpan(start, end - start);
        // Exported but never defined: Guix says "unbound variable" too, so it is no hint.
        if (k == GuixEntryKind.Variable && line.Contains("#:value-kind unbound", StringComparison.Ordinal)) return;
        if (!index.Names.TryGetValue(name, out var list)) index.Names[name] = list = [];
        list.Add(new GuixDefinition(module, k, k == GuixEntryKind.ReExport));
        if (k == GuixEntryKind.Package) AddPackage(text, start, end, module, name, index);
    }

    private static void AddPackage(string text, int start, int end, string[] module, string binding, Index index)
    {
        var line = text[start..end];
        var packageName = StringProperty(line, "#:name ") ?? binding;
        var version = StringProperty(line, "#:version ") ?? "";
        var info = new GuixPackageInfo(packageName, version, module, binding,
            line.Contains("#:hidden? #t", StringComparison.Ordinal), line.Contains("#:superseded-by ", StringComparison.Ordinal));
        if (!index.Packages.TryGetValue(packageName, out var list)) index.Packages[packageName] = list = [];
        list.Add(info);
    }

    private static string? StringProperty(string line, string key)
    {
        var i = line.IndexOf(key, StringComparison.Ordinal);
        if (i < 0 || i + key.Length >= line.Length || line[i + key.Length] != '"') return null;
        return GuixDataReader.ReadAt(line, i + key.Length) as string;
    }
}
