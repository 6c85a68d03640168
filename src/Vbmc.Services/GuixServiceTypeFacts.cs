using Vbmc.Data;
using Vbmc.Reading;

namespace Vbmc.Services;

/// <summary>
/// Facts about Guix 1.5.0's service types from the generated API data (stdlib/generated: the
/// names of the service types each one extends), for checks that must know what a service vbmc
/// knows by name only would add in Guix. Read once, lazily, from the evaluator's resources.
/// </summary>
public static class GuixServiceTypeFacts
{
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlySet<string>>> Extends = new(Read);

    /// <summary>Whether Guix's service type named <paramref name="typeName"/> extends <paramref name="target"/> (a type name).</summary>
    public static bool GuixExtends(string typeName, string target) =>
        Extends.Value.TryGetValue(typeName, out var targets) && targets.Contains(target);

    private static IReadOnlyDictionary<string, IReadOnlySet<string>> Read()
    {
        var assembly = typeof(Vbmc.Evaluation.ModuleRegistry).Assembly;
        var facts = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("generated/gnu/services", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var read = SchemeReader.Read(reader.ReadToEnd(), resource);
            if (read.HasErrors || read.Data.Length == 0 || Lists.ToListOrNull(read.Data[0].ToDatum()) is not { } module) continue;
            foreach (var entry in module.Skip(2))
            {
                if (Lists.ToListOrNull(entry) is not { Count: >= 2 } items || items[0] is not Symbol { Name: "service-type" }) continue;
                string? name = null;
                var targets = new HashSet<string>(StringComparer.Ordinal);
                for (var i = 2; i + 1 < items.Count; i += 2)
                {
                    if (items[i] is not Keyword key) continue;
                    if (key.Name == "name" && items[i + 1] is Symbol n) name = n.Name;
                    if (key.Name == "extends") targets.UnionWith((Lists.ToListOrNull(items[i + 1]) ?? []).OfType<Symbol>().Select(s => s.Name));
                }
                if (name is not null) facts[name] = targets;
            }
        }
        return facts;
    }
}
