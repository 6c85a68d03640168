using Vbmc.Diagnostics;

namespace Vbmc.Services;

/// <summary>
/// Guix's Shepherd graph checks, at the location of the service that contributed the Shepherd
/// service: a name provided twice, and a requirement nobody provides.
/// </summary>
public sealed class ShepherdChecks : IServiceCheck
{
    /// <summary>
    /// Names the base system provides even when the configuration's services do not model them:
    /// Shepherd's own <c>root</c>, and what Guix's essential and base services provide. A bare
    /// list of services runs on a host that has them; for an operating system, treating them as
    /// provided avoids false errors from services vbmc models as opaque. Providing one of them
    /// explicitly is fine (and then counts for the duplicate check like any other name).
    /// </summary>
    public static readonly IReadOnlySet<string> BaseSystemProvisions = new HashSet<string>(StringComparer.Ordinal)
    {
        "root", "shepherd", "user-processes", "user-file-systems", "file-systems", "root-file-system",
        "udev", "loopback", "networking", "syslogd", "guix-daemon", "nscd", "host-name", "urandom-seed",
        "term-tty1", "term-tty2", "term-tty3", "term-tty4", "term-tty5", "term-tty6", "console-font",
        "virtual-terminal", "sysctl", "log", "timer", "transient", "mcron", "ssh-daemon", "sshd",
    };

    public void Run(ServiceGraphView graph, DiagnosticBag diagnostics)
    {
        var entries = ShepherdGraph.Entries(graph.Fold);
        var providers = new Dictionary<string, ShepherdEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            foreach (var name in entry.Provision)
            {
                if (providers.TryGetValue(name, out var first))
                {
                    // At the one the user wrote when the other comes from the standard library
                    // (a service of %base-services that the configuration adds again).
                    var (at, other) = IsLibrary(entry.Span) && !IsLibrary(first.Span) ? (first, entry) : (entry, first);
                    diagnostics.Add(new Diagnostic(DiagnosticIds.ShepherdDuplicateProvision, Severity.Error, at.Span,
                        $"service '{name}' provided more than once", null,
                        [new RelatedLocation(other.Span, IsLibrary(other.Span)
                            ? $"'{name}' is also provided by a service of vbmc's standard library (e.g. %base-services)"
                            : $"'{name}' is first provided here")]));
                }
                else
                {
                    providers[name] = entry;
                }
            }
        }
        // Services whose type comes from Guix's data run Shepherd services vbmc does not know. A
        // requirement no modelled service provides may be theirs when it has the name of one of
        // them (Guix names most Shepherd services after the service type: 'cups', 'postgres' for
        // postgresql, 'dockerd' for docker): then it is only a warning.
        var unmodelled = graph.Services
            .Where(n => Evaluation.Guix.GuixModuleBuilder.GeneratedServiceTypes.TryGetValue(n.Type, out var info)
                        && info.Extends.Contains(ShepherdGraph.RootTypeName))
            .Select(n => n.TypeName).Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var entry in entries)
        {
            foreach (var requirement in entry.Requirement)
            {
                if (providers.ContainsKey(requirement)) continue;
                // udev comes from udev-service-type of %base-services (vbmc models it), not from
                // the essential services: when every service is known, its absence is real (Guix
                // rejects a system whose swap space or file system requires it, e.g. on the Hurd's
                // base services built for Linux).
                if (BaseSystemProvisions.Contains(requirement) && !(requirement == "udev" && graph.ServicesAreComplete)) continue;
                var message = $"service '{entry.Name}' requires '{requirement}', which is not provided by any service";
                var candidates = unmodelled.Where(n => MayProvide(n, requirement)).ToList();
                if (candidates.Count == 0)
                    diagnostics.Error(DiagnosticIds.ShepherdMissingRequirement, entry.Span, message);
                else
                    diagnostics.Add(Diagnostic.Warning(DiagnosticIds.ShepherdMissingRequirement, entry.Span,
                        message + " vbmc models",
                        $"vbmc does not know the Shepherd services of {string.Join(", ", candidates.Select(n => $"'{n}'"))} (from Guix's data), which may provide it"));
            }
        }
    }

    private static bool MayProvide(string serviceType, string requirement) =>
        serviceType == requirement
        || (Math.Min(serviceType.Length, requirement.Length) >= 4
            && (serviceType.StartsWith(requirement, StringComparison.Ordinal) || requirement.StartsWith(serviceType, StringComparison.Ordinal)));

    private static bool IsLibrary(SourceSpan span) => Evaluation.EvalContext.IsLibrary(span);
}
