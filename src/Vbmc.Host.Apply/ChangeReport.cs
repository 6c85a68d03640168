namespace Vbmc.Host.Apply;

/// <summary>The differences between two generations, as apply and --dry-run print them.</summary>
internal static class ChangeReport
{
    /// <summary>"add PATH", "change PATH", "remove PATH" lines, sorted by path.</summary>
    public static IReadOnlyList<string> FileChanges(GenerationRecord? from, GenerationRecord to)
    {
        var before = Entries(from);
        var after = Entries(to);
        var lines = new List<(string Path, string Line)>();
        foreach (var (path, value) in after)
        {
            if (!before.TryGetValue(path, out var old)) lines.Add((path, $"add     {path}"));
            else if (old != value) lines.Add((path, $"change  {path}"));
        }
        foreach (var path in before.Keys.Where(p => !after.ContainsKey(p))) lines.Add((path, $"remove  {path}"));
        return lines.OrderBy(l => l.Path, StringComparer.Ordinal).Select(l => l.Line).ToList();
    }

    /// <summary>The VMs whose installed files differ between the two generations.</summary>
    public static ISet<string> ChangedVms(GenerationRecord? from, GenerationRecord to)
    {
        var before = (from?.Files ?? []).Where(f => f.Vm is not null).ToHashSet();
        var after = to.Files.Where(f => f.Vm is not null).ToHashSet();
        before.SymmetricExceptWith(after);
        return before.Select(f => f.Vm!).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>How each merged machine file is made, for the output ("say which").</summary>
    public static IEnumerable<string> Merges(GenerationRecord generation) => generation.Originals.Select(path =>
        path == HostPaths.GuixMachines
            ? $"merge   {path}: your file is kept as {path}{HostPaths.OriginalSuffix} and loaded first; vbmc's machines ({HostPaths.GuixMachinesOfVbmc}) are appended"
            : $"merge   {path}: your file is kept as {path}{HostPaths.OriginalSuffix}; its lines come first, then vbmc's");

    private static Dictionary<string, string> Entries(GenerationRecord? generation)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        if (generation is null) return entries;
        foreach (var f in generation.Files) entries[f.Path] = $"{f.Sha256} {f.Mode}";
        foreach (var l in generation.Links) entries[l.Path] = "-> " + l.Target;
        return entries;
    }
}
