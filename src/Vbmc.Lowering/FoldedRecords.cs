using Vbmc.Data;
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
