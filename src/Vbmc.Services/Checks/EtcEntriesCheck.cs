using Vbmc.Data;
using Vbmc.Diagnostics;

namespace Vbmc.Services.Checks;

/// <summary>
/// Guix refuses two <c>/etc</c> entries of the same name (its <c>files->etc-directory</c>: "duplicate
/// 'NAME' entry for /etc"), which it finds while folding. Reported at the service that gives the
/// second one, with the first as related location. Entries vbmc does not know (opaque values) are
/// left alone.
/// </summary>
public sealed class EtcEntriesCheck : IServiceCheck
{
    public void Run(ServiceGraphView graph, DiagnosticBag diagnostics)
    {
        if (!graph.Fold.Targets.TryGetValue("etc", out var etc)) return;
        var seen = new Dictionary<string, ServiceNode>(StringComparer.Ordinal);
        var sources = new List<(ServiceNode From, object Value)> { (etc.Node, etc.Node.Value) };
        sources.AddRange(etc.Contributions);
        foreach (var (from, value) in sources)
        {
            foreach (var entry in Lists.ToListOrNull(value) ?? [])
            {
                if (entry is not Pair { Car: string name }) continue;
                if (seen.TryGetValue(name, out var first))
                {
                    var at = EntrySpan(from, first);
                    diagnostics.Add(new Diagnostic(DiagnosticIds.DuplicateEtcEntry, Severity.Error, at,
                        $"duplicate '{name}' entry for /etc", "give each file of /etc once (Guix refuses the system)",
                        [new RelatedLocation(EntrySpan(first, from), $"'{name}' is first given here")]));
                }
                else seen[name] = from;
            }
        }
    }

    /// <summary>The service's place, or the other one's when this one is vbmc's library's.</summary>
    private static SourceSpan EntrySpan(ServiceNode service, ServiceNode other) =>
        Evaluation.EvalContext.IsLibrary(service.Span) && !Evaluation.EvalContext.IsLibrary(other.Span) ? other.Span : service.Span;
}
