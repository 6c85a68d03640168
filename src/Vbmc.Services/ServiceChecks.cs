using System.Reflection;

namespace Vbmc.Services;

/// <summary>
/// The registry of check passes: every public, non-abstract <see cref="IServiceCheck"/> class of
/// this assembly with a parameterless constructor, run in order of full type name (deterministic
/// diagnostics order).
/// </summary>
public static class ServiceChecks
{
    private static readonly Lazy<IReadOnlyList<Type>> Types = new(() =>
        typeof(ServiceChecks).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true }
                        && typeof(IServiceCheck).IsAssignableFrom(t)
                        && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList());

    public static IReadOnlyList<Type> All => Types.Value;

    /// <summary>Fresh instances (a pass may keep state for one run).</summary>
    public static IEnumerable<IServiceCheck> Create() => All.Select(t => (IServiceCheck)Activator.CreateInstance(t)!);
}
