using Vbmc.Data;
using Vbmc.Diagnostics;
using Vbmc.Evaluation;
using Vbmc.Evaluation.Records;
using Vbmc.Services;

namespace Vbmc.Lowering;

/// <summary>How lowering reads folded values: one service's contributions to a target, and record fields.</summary>
internal static class FoldedRecords
{
    /// <summary>What <paramref name="from"/> gave the target service type (its extension's values, lists flattened), in order.</summary>
    public static IReadOnlyList<object> ContributedBy(ServiceGraphView graph, string targetType, ServiceNode from) =>
        graph.Fold.Targets.TryGetValue(targetType, out var target)
            ? [.. target.Contributions.Where(c => ReferenceEquals(c.From, from)).SelectMany(c => Lists.ToListOrNull(c.Value) ?? [c.Value])]
            : [];

    /// <summary>
    /// The services of the configuration's own (its simple-services and service types, which Guix
    /// 1.5.0 does not define; not the build VMs') with what each gave the target, in order.
    /// </summary>
    public static IEnumerable<(ServiceNode From, IReadOnlyList<object> Items)> OfConfigurationsOwnServices(ServiceGraphView graph, string targetType) =>
        graph.Fold.Targets.TryGetValue(targetType, out var target)
            ? target.Contributions
                .Where(c => c.From.TypeName != Vbmc.Services.Checks.BuildVm.ServiceTypeName && !GuixServiceTypeFacts.IsGuixServiceType(c.From.TypeName))
                .Select(c => (c.From, (IReadOnlyList<object>)(Lists.ToListOrNull(c.Value) ?? [c.Value])))
            : [];

    /// <summary>
    /// Where to report a problem about a field: its value where the user wrote it, else the record
    /// form, else <paramref name="fallback"/>; never a place in vbmc's standard library, which
    /// means nothing to the user.
    /// </summary>
    public static SourceSpan PlaceOf(Record record, string field, SourceSpan fallback) => PlaceOf(record, record.Type.IndexOf(field), fallback);

    public static SourceSpan PlaceOf(Record record, int index, SourceSpan fallback)
    {
        if (index >= 0 && record.ValueSpans[index] is { } span && !EvalContext.IsLibrary(span)) return span;
        return record.Span.HasPosition && !EvalContext.IsLibrary(record.Span) ? record.Span : fallback;
    }

    /// <summary>The field's value, or null when the record has no such field or computing it failed (the analysis reports that).</summary>
    public static object? Field(Record record, string field)
    {
        try
        {
            return record.Type.IndexOf(field) < 0 ? null : record.Get(field);
        }
        catch (Exception e) when (e is SchemeError or SilentError)
        {
            return null;
        }
    }
}
