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
                    diagnostics.Add(new Diagnostic(DiagnosticIds.ShepherdDuplicateProvision, Severity.Error, entry.Span,
                        $"service '{name}' provided more than once", null,
                        [new RelatedLocation(first.Span, $"'{name}' is first provided here")]));
                }
                else
                {
                    providers[name] = entry;
                }
            }
        }
        foreach (var entry in entries)
        {
            foreach (var requirement in entry.Requirement)
            {
                if (providers.ContainsKey(requirement) || BaseSystemProvisions.Contains(requirement)) continue;
                diagnostics.Error(DiagnosticIds.ShepherdMissingRequirement, entry.Span,
                    $"service '{entry.Name}' requires '{requirement}', which is not provided by any service");
            }
        }
    }
}
