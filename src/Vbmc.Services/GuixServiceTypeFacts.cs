using Vbmc.Evaluation.Guix;

namespace Vbmc.Services;

/// <summary>
/// Facts about Guix 1.5.0's service types from the generated API data (<see cref="GuixData"/>):
/// which service types each one extends, for checks that must know what a service vbmc knows by
/// name only would add in Guix. Read once, lazily, from the service modules' data.
/// </summary>
public static class GuixServiceTypeFacts
{
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<string>>> Extends = new(Read);

    /// <summary>Whether Guix's service type named <paramref name="typeName"/> extends <paramref name="target"/> (a type name).</summary>
    public static bool GuixExtends(string typeName, string target) =>
        Extends.Value.TryGetValue(typeName, out var targets) && targets.Contains(target);

    /// <summary>Whether Guix 1.5.0 defines a service type of this name (in any module: (gnu system shadow)'s account-service-type too).</summary>
    public static bool IsGuixServiceType(string typeName) => Extends.Value.ContainsKey(typeName);

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> Read()
    {
        var facts = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        // Service types live in (gnu services ...) and (gnu system ...); the package modules, many
        // and large, define none.
        foreach (var resource in GuixData.ResourceNames.Where(n => n.StartsWith(GuixData.ResourcePrefix + "gnu/services/", StringComparison.Ordinal)
                                                                    || n.StartsWith(GuixData.ResourcePrefix + "gnu/system/", StringComparison.Ordinal)
                                                                    || n == GuixData.ResourcePrefix + "gnu/services.scm"
                                                                    || n == GuixData.ResourcePrefix + "gnu/system.scm"))
        {
            if (GuixData.Find(GuixData.PartsOf(resource)) is not { } module) continue;
            foreach (var entry in module.Entries.Where(e => e.Kind == GuixEntryKind.ServiceType))
                if (entry.SymbolName("name") is { } name) facts[name] = entry.Names("extends");
        }
        return facts;
    }
}
