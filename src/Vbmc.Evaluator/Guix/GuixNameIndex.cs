using System.Text;
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
/// Which Guix modules export a name, and which packages have a package name, over the data of
/// every module. A question is answered by searching the data files' bytes for the entry (one
/// entry per line: <c>  (KIND NAME ...</c>), a vectorised search over 2.6 MB, and the answer is
/// kept; nothing is read before the first question (an unbound name's hint, the version of
/// <c>specification->package</c>'s package), so configurations without one pay nothing.
/// </summary>
public static class GuixNameIndex
{
    private sealed record DataFile(string[] Module, byte[] Bytes);

    private static readonly Lazy<DataFile[]> Files = new(() =>
        [.. GuixData.ResourceNames.Select(r => new DataFile(GuixData.PartsOf(r), GuixData.ReadBytes(r)))],
        LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly object Gate = new();
    private static readonly Dictionary<string, IReadOnlyList<GuixDefinition>> DefinitionCache = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, IReadOnlyList<GuixPackageInfo>> PackageCache = new(StringComparer.Ordinal);

    /// <summary>Whether the data files were read for a question in this process (for tests of laziness).</summary>
    public static bool IsLoaded => Files.IsValueCreated;

    /// <summary>
    /// The modules that export <paramref name="name"/>: those that define it first, then those
    /// that only pass it on; leaving out modules Guix cannot load and names exported but never
    /// defined (Guix says "unbound variable" for those too).
    /// </summary>
    public static IReadOnlyList<GuixDefinition> Definitions(string name)
    {
        lock (Gate)
        {
            if (DefinitionCache.TryGetValue(name, out var known)) return known;
            var written = Encoding.UTF8.GetBytes(" " + Printing.Printer.Write(Symbol.Intern(name)));
            var found = new List<GuixDefinition>();
            foreach (var file in Files.Value)
                foreach (var line in EntryLines(file.Bytes, written))
                    if (DefinitionOf(line, written.Length, file.Module) is { } d) found.Add(d);
            IReadOnlyList<GuixDefinition> ordered = [.. found.OrderBy(d => d.ReExport)];
            DefinitionCache[name] = ordered;
            return ordered;
        }
    }

    /// <summary>The packages whose <c>package-name</c> is <paramref name="name"/>.</summary>
    public static IReadOnlyList<GuixPackageInfo> PackagesNamed(string name)
    {
        lock (Gate)
        {
            if (PackageCache.TryGetValue(name, out var known)) return known;
            var found = new List<GuixPackageInfo>();
            // Either the binding has the package's name (96%), or #:name says it.
            var byBinding = Encoding.UTF8.GetBytes(" " + Printing.Printer.Write(Symbol.Intern(name)));
            var byProperty = Encoding.UTF8.GetBytes("#:name " + Printing.Printer.Write(name));
            foreach (var file in Files.Value)
            {
                foreach (var line in EntryLines(file.Bytes, byBinding))
                    if (PackageOf(line, file.Module) is { } p && p.Name == name) found.Add(p);
                foreach (var line in EntryLines(file.Bytes, byProperty))
                    if (PackageOf(line, file.Module) is { } p && p.Name == name && !found.Contains(p)) found.Add(p);
            }
            PackageCache[name] = found;
            return found;
        }
    }

    /// <summary>The entry lines (from their KIND) of a file that contain <paramref name="pattern"/>.</summary>
    private static IEnumerable<(int Start, int Length, byte[] Bytes, int Hit)> EntryLines(byte[] bytes, byte[] pattern)
    {
        var from = 0;
        while (from < bytes.Length)
        {
            var i = bytes.AsSpan(from).IndexOf(pattern);
            if (i < 0) yield break;
            var hit = from + i;
            var lineStart = bytes.AsSpan(0, hit).LastIndexOf((byte)'\n') + 1;
            var lineLength = bytes.AsSpan(lineStart).IndexOf((byte)'\n');
            if (lineLength < 0) lineLength = bytes.Length - lineStart;
            from = lineStart + lineLength + 1;
            if (lineLength > 3 && bytes[lineStart] == ' ' && bytes[lineStart + 1] == ' ' && bytes[lineStart + 2] == '(')
                yield return (lineStart + 3, lineLength - 3, bytes, hit);
        }
    }

    private static GuixDefinition? DefinitionOf((int Start, int Length, byte[] Bytes, int Hit) line, int patternLength, string[] module)
    {
        var text = line.Bytes.AsSpan(line.Start, line.Length);
        var space = text.IndexOf((byte)' ');
        // The name must be the entry's second token: right after KIND, and followed by a delimiter.
        if (space < 0 || line.Start + space != line.Hit) return null;
        var after = space + patternLength;
        if (after < text.Length && text[after] != ' ' && text[after] != ')') return null;
        if (KindOf(text[..space]) is not { } kind) return null;
        if (kind == GuixEntryKind.Variable && text.IndexOf("#:value-kind unbound"u8) >= 0) return null;
        return new GuixDefinition(module, kind, kind == GuixEntryKind.ReExport);
    }

    private static GuixPackageInfo? PackageOf((int Start, int Length, byte[] Bytes, int Hit) line, string[] module)
    {
        var text = line.Bytes.AsSpan(line.Start, line.Length);
        if (!text.StartsWith("package "u8)) return null;
        if (GuixDataReader.ReadAt("(" + Encoding.UTF8.GetString(text), 0) is not List<object> datum
            || GuixEntry.FromDatum(datum) is not { } entry)
            return null;
        return new GuixPackageInfo(entry.String("name") ?? entry.Name, entry.String("version") ?? "", module, entry.Name,
            entry.Flag("hidden?"), entry.String("superseded-by") is not null);
    }

    private static GuixEntryKind? KindOf(ReadOnlySpan<byte> kind) =>
        kind switch
        {
            _ when kind.SequenceEqual("package"u8) => GuixEntryKind.Package,
            _ when kind.SequenceEqual("procedure"u8) => GuixEntryKind.Procedure,
            _ when kind.SequenceEqual("variable"u8) => GuixEntryKind.Variable,
            _ when kind.SequenceEqual("service-type"u8) => GuixEntryKind.ServiceType,
            _ when kind.SequenceEqual("record-constructor"u8) => GuixEntryKind.RecordConstructor,
            _ when kind.SequenceEqual("record-type"u8) => GuixEntryKind.RecordType,
            _ when kind.SequenceEqual("syntax"u8) => GuixEntryKind.Syntax,
            _ when kind.SequenceEqual("deprecated"u8) => GuixEntryKind.Deprecated,
            _ when kind.SequenceEqual("re-export"u8) => GuixEntryKind.ReExport,
            _ => null,
        };
}
