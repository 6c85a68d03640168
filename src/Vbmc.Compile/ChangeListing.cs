namespace Vbmc.Compile;

/// <summary>
/// The dry run's listing: one line per path, sorted, "ACTION SIZE PATH" in aligned columns
/// (action create/replace/unchanged/remove; size in bytes, "-" when not known before the build,
/// e.g. images; for remove the current size).
/// </summary>
public static class ChangeListing
{
    public static string Format(OutputPlan plan)
    {
        var text = new System.Text.StringBuilder();
        foreach (var change in plan.Changes)
        {
            var size = change.Size?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-";
            text.Append($"{Name(change.Action),-9} {size,12}  {change.Path}\n");
        }
        return text.ToString();
    }

    /// <summary>"3 create, 1 replace, 5 unchanged" (kinds that occur, in that order; remove last).</summary>
    public static string Counts(OutputPlan plan) =>
        string.Join(", ", Enum.GetValues<ChangeAction>()
            .Select(a => (Action: a, Count: plan.Changes.Count(c => c.Action == a)))
            .Where(p => p.Count > 0)
            .Select(p => $"{p.Count} {Name(p.Action)}"));

    public static string Name(ChangeAction action) => action.ToString().ToLowerInvariant();
}
