using System.Numerics;
using System.Reflection;
using Vbmc.Data;

namespace Vbmc.Evaluation.Guix;

/// <summary>The kinds of entries of a generated module file (stdlib/generated/README.md).</summary>
public enum GuixEntryKind
{
    Package,
    ServiceType,
    RecordType,
    RecordConstructor,
    Procedure,
    Syntax,
    Variable,
    Deprecated,
    ReExport,
}

/// <summary>One arity of a procedure: <c>#:required N [#:optional N] [#:rest? #t] [#:keywords (...)] [#:allow-other-keys? #t]</c>.</summary>
public sealed record GuixArity(int Required, int Optional, bool Rest, IReadOnlyList<Keyword> Keywords, bool AllowOtherKeys);

/// <summary>One entry: <c>(KIND NAME #:key value ...)</c>, its properties read as a property list.</summary>
public sealed class GuixEntry
{
    public required GuixEntryKind Kind { get; init; }
    public required string Name { get; init; }
    public required IReadOnlyDictionary<string, object> Properties { get; init; }

    public object? Get(string key) => Properties.TryGetValue(key, out var v) ? v : null;

    public string? String(string key) => Get(key) as string;

    public bool Flag(string key) => Get(key) is true;

    public string? SymbolName(string key) => Get(key) is Symbol s ? s.Name : null;

    /// <summary>A list of symbols (field names, service type names) as strings; empty when absent.</summary>
    public IReadOnlyList<string> Names(string key) =>
        Get(key) is List<object> l ? l.Select(x => x is Symbol s ? s.Name : x.ToString() ?? "").ToList() : [];

    /// <summary>A module name property such as <c>#:from (gnu services base)</c>.</summary>
    public string[]? Module(string key) =>
        Get(key) is List<object> l && l.All(x => x is Symbol) ? l.Select(x => ((Symbol)x).Name).ToArray() : null;

    /// <summary>The arities of a procedure entry (one, several for #:cases, none when unknown).</summary>
    public IReadOnlyList<GuixArity> Arities()
    {
        if (Flag("arity-unknown?")) return [];
        if (Get("cases") is List<object> cases)
            return cases.OfType<List<object>>().Select(c => ArityOf(PropertyList(c, 0))).ToList();
        return [ArityOf(Properties)];
    }

    private static GuixArity ArityOf(IReadOnlyDictionary<string, object> p) =>
        new(p.TryGetValue("required", out var r) && r is BigInteger ri ? (int)ri : 0,
            p.TryGetValue("optional", out var o) && o is BigInteger oi ? (int)oi : 0,
            p.TryGetValue("rest?", out var rest) && rest is true,
            p.TryGetValue("keywords", out var k) && k is List<object> kl ? kl.OfType<Keyword>().ToList() : [],
            p.TryGetValue("allow-other-keys?", out var a) && a is true);

    /// <summary>Reads <c>(KIND NAME #:k v ...)</c>; null for a kind this version of vbmc does not know.</summary>
    public static GuixEntry? FromDatum(List<object> datum)
    {
        if (datum.Count < 2 || datum[0] is not Symbol kindSymbol) return null;
        GuixEntryKind? kind = kindSymbol.Name switch
        {
            "package" => GuixEntryKind.Package,
            "service-type" => GuixEntryKind.ServiceType,
            "record-type" => GuixEntryKind.RecordType,
            "record-constructor" => GuixEntryKind.RecordConstructor,
            "procedure" => GuixEntryKind.Procedure,
            "syntax" => GuixEntryKind.Syntax,
            "variable" => GuixEntryKind.Variable,
            "deprecated" => GuixEntryKind.Deprecated,
            "re-export" => GuixEntryKind.ReExport,
            _ => null,
        };
        if (kind is null || datum[1] is not Symbol name) return null;
        return new GuixEntry { Kind = kind.Value, Name = name.Name, Properties = PropertyList(datum, 2) };
    }

    private static Dictionary<string, object> PropertyList(List<object> items, int start)
    {
        var props = new Dictionary<string, object>(StringComparer.Ordinal);
        for (var i = start; i + 1 < items.Count; i += 2)
            if (items[i] is Keyword k) props[k.Name] = items[i + 1];
        return props;
    }
}

/// <summary>The data of one Guix module: <c>(guix-module NAME ENTRY ...)</c> or <c>(guix-module NAME #:load-error "...")</c>.</summary>
public sealed class GuixModuleData
{
    public required string[] Parts { get; init; }
    /// <summary>The first line of the error Guix itself gives when loading the module, or null.</summary>
    public string? LoadError { get; init; }
    /// <summary>Modules whose whole public interface this one passes on, in Guile's lookup order.</summary>
    public required IReadOnlyList<string[]> ReExportedModules { get; init; }
    /// <summary>One entry per exported name, sorted by name.</summary>
    public required IReadOnlyList<GuixEntry> Entries { get; init; }
    public required IReadOnlyDictionary<string, GuixEntry> ByName { get; init; }

    public string DisplayName => "(" + string.Join(' ', Parts) + ")";
}

/// <summary>
/// Access to the embedded <c>generated/**.scm</c> resources: one module's data, read and cached
/// the first time it is asked for.
/// </summary>
public static class GuixData
{
    public const string ResourcePrefix = "generated/";

    private static readonly Assembly Self = typeof(GuixData).Assembly;
    private static readonly object Gate = new();
    private static readonly Dictionary<string, GuixModuleData?> Cache = new(StringComparer.Ordinal);
    private static readonly Lazy<string[]> ResourcesLazy = new(() =>
        [.. Self.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)]);

    /// <summary>Every generated resource name, sorted.</summary>
    public static IReadOnlyList<string> ResourceNames => ResourcesLazy.Value;

    public static string ResourceName(IReadOnlyList<string> parts) => ResourcePrefix + string.Join('/', parts) + ".scm";

    /// <summary>The module name of a resource name: generated/gnu/services/xorg.scm is (gnu services xorg).</summary>
    public static string[] PartsOf(string resource) =>
        resource[ResourcePrefix.Length..^".scm".Length].Split('/');

    public static bool Exists(IReadOnlyList<string> parts) => Self.GetManifestResourceInfo(ResourceName(parts)) is not null;

    /// <summary>How many modules were read so far (for tests of laziness).</summary>
    public static int ReadCount { get; private set; }

    /// <summary>The module's data, or null when Guix 1.5.0 has no such module.</summary>
    public static GuixModuleData? Find(IReadOnlyList<string> parts)
    {
        var resource = ResourceName(parts);
        lock (Gate)
        {
            if (Cache.TryGetValue(resource, out var cached)) return cached;
            var data = Exists(parts) ? Parse(ReadText(resource)) : null;
            if (data is not null) ReadCount++;
            Cache[resource] = data;
            return data;
        }
    }

    public static string ReadText(string resource)
    {
        using var stream = Self.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"missing resource {resource}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static byte[] ReadBytes(string resource)
    {
        using var stream = Self.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"missing resource {resource}");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    public static GuixModuleData Parse(string text)
    {
        if (GuixDataReader.ReadDatum(text) is not List<object> { Count: >= 2 } top || top[0] is not Symbol { Name: "guix-module" }
            || top[1] is not List<object> name)
            throw new FormatException("generated data: expected (guix-module NAME ...)");
        var parts = name.Select(x => ((Symbol)x).Name).ToArray();
        if (top.Count >= 4 && top[2] is Keyword { Name: "load-error" } && top[3] is string error)
            return new GuixModuleData { Parts = parts, LoadError = error, ReExportedModules = [], Entries = [], ByName = new Dictionary<string, GuixEntry>() };
        var reExported = new List<string[]>();
        var entries = new List<GuixEntry>();
        var byName = new Dictionary<string, GuixEntry>(StringComparer.Ordinal);
        foreach (var item in top.Skip(2))
        {
            if (item is not List<object> datum) continue;
            if (datum is [Symbol { Name: "re-export-module" }, List<object> module])
            {
                reExported.Add(module.Select(x => ((Symbol)x).Name).ToArray());
                continue;
            }
            if (GuixEntry.FromDatum(datum) is not { } entry) continue;
            entries.Add(entry);
            byName[entry.Name] = entry;
        }
        return new GuixModuleData { Parts = parts, ReExportedModules = reExported, Entries = entries, ByName = byName };
    }
}
