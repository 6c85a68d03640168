using Vbmc.Data;
using Vbmc.Diagnostics;
using Vbmc.Evaluation.Records;

namespace Vbmc.Services;

/// <summary>A Shepherd service the system gets, with the service (of the graph) that contributed it.</summary>
public sealed record ShepherdEntry(Record Service, ServiceNode From, IReadOnlyList<string> Provision, IReadOnlyList<string> Requirement)
{
    /// <summary>
    /// Where the user wrote it: the contributing service, or, for a service vbmc's library made
    /// (e.g. the swap service of a swap space), the record it was made from when the user wrote it.
    /// </summary>
    public SourceSpan Span =>
        Evaluation.EvalContext.IsLibrary(From.Span) && From.Value is Record { Span: var s } && s.HasPosition && !Evaluation.EvalContext.IsLibrary(s)
            ? s : From.Span;

    public string Name => Provision.Count > 0 ? Provision[0] : "?";
}

/// <summary>Reads the Shepherd services out of the folded <c>shepherd-root</c> target.</summary>
public static class ShepherdGraph
{
    public const string RootTypeName = "shepherd-root";

    /// <summary>The Shepherd service list of a folded shepherd-root value (a configuration or a list).</summary>
    public static object ServicesOf(object foldedValue) =>
        foldedValue is Record r && r.Type.IndexOf("services") >= 0 ? r.Get("services") : foldedValue;

    public static bool IsShepherdService(object? value) => value is Record { Type.Name: "<shepherd-service>" };

    /// <summary>Every Shepherd service, in the order the services contributed them.</summary>
    public static IReadOnlyList<ShepherdEntry> Entries(FoldResult fold)
    {
        if (!fold.Targets.TryGetValue(RootTypeName, out var target)) return [];
        var entries = new List<ShepherdEntry>();
        // Services the root was configured with directly come first (Guix appends extensions).
        foreach (var s in Items(ServicesOf(target.Node.Value))) Add(entries, s, target.Node);
        foreach (var (from, value) in target.Contributions)
            foreach (var s in Items(value)) Add(entries, s, from);
        return entries;
    }

    private static IEnumerable<object> Items(object value) =>
        value switch
        {
            Pair or Nil => Lists.ToListOrNull(value) ?? [],
            _ when IsShepherdService(value) => [value],
            _ => [],
        };

    private static void Add(List<ShepherdEntry> entries, object value, ServiceNode from)
    {
        if (value is not Record r || !IsShepherdService(r)) return;
        entries.Add(new ShepherdEntry(r, from, Symbols(r.Get("provision")), Symbols(r.Get("requirement"))));
    }

    private static List<string> Symbols(object value) =>
        (Lists.ToListOrNull(value) ?? []).Select(x => x is Symbol s ? s.Name : Printing.Printer.Display(x)).ToList();
}
