using Vbmc.Data;
using Vbmc.Diagnostics;
using Vbmc.Evaluation;
using Vbmc.Evaluation.Records;

namespace Vbmc.Services.Checks;

/// <summary>
/// What Guix checks when it instantiates a system's accounts: every account's primary group and
/// supplementary groups are declared among the groups (the operating system's and the services'),
/// with Guix's wording; each problem is placed at the account's record. Only for an
/// operating-system, which declares groups (a bare list of services has none).
/// </summary>
public sealed class AccountGroupsCheck : IServiceCheck
{
    public void Run(ServiceGraphView graph, DiagnosticBag diagnostics)
    {
        // An operating system declares its groups (Guix's default: %base-groups); a bare list of
        // services has none to check against.
        if (graph.Configuration is not Record { Type.Name: "<operating-system>" }) return;
        if (!graph.Fold.Targets.TryGetValue("account", out var accounts)) return;
        var items = Lists.ToListOrNull(accounts.Value) ?? [];
        // Accounts or groups vbmc does not know (an operating-system inheriting one of Guix's that
        // vbmc knows by name only): which groups exist is unknown.
        if (items.Any(Evaluation.Guix.OpaqueValue.Involves)
            || graph.Configuration is Record os && (Evaluation.Guix.OpaqueValue.Involves(Field(os, "groups"))
                                                    || Evaluation.Guix.OpaqueValue.Involves(Field(os, "essential-services"))))
            return;
        var groups = items.OfType<Record>().Where(r => r.Type.Name == "<user-group>")
            .Select(g => Field(g, "name")).OfType<string>().ToHashSet(StringComparer.Ordinal);
        // A service vbmc knows by name only (no extensions modelled) whose Guix type extends the
        // accounts (cups adds lpadmin, docker docker...): an undeclared supplementary group may be
        // one it adds, and only primary groups are checked.
        var opaque = graph.Services.FirstOrDefault(IsOpaque);
        foreach (var user in items.OfType<Record>().Where(r => r.Type.Name == "<user-account>"))
        {
            if (Field(user, "name") is not string name) continue;
            var at = user.Span.HasPosition ? user.Span : accounts.Node.Span;
            var primary = Field(user, "group");
            if (primary is string or System.Numerics.BigInteger && !(primary is string p && groups.Contains(p)))
                diagnostics.Error(DiagnosticIds.UndeclaredGroup, Place(user, "group", at),
                    $"primary group '{Printing.Printer.Display(primary)}' of user '{name}' is undeclared",
                    "declare it in the operating-system's groups (e.g. (cons (user-group (name \"...\")) %base-groups))");
            if (opaque is not null) continue;
            foreach (var group in Lists.ToListOrNull(Field(user, "supplementary-groups") ?? Nil.Instance) ?? [])
            {
                if (group is string g && !groups.Contains(g))
                    diagnostics.Error(DiagnosticIds.UndeclaredGroup, Place(user, "supplementary-groups", at),
                        $"supplementary group '{g}' of user '{name}' is undeclared",
                        "declare it in the operating-system's groups (e.g. (cons (user-group (name \"...\")) %base-groups))");
            }
        }
    }

    private static bool IsOpaque(ServiceNode service) =>
        service.Type.Type.IndexOf("extensions") >= 0 && Field(service.Type, "extensions") is Nil
        && GuixServiceTypeFacts.GuixExtends(service.TypeName, "account");

    private static SourceSpan Place(Record record, string field, SourceSpan fallback)
    {
        var i = record.Type.IndexOf(field);
        return i >= 0 && record.ValueSpans[i] is { } span && span.File == fallback.File ? span : fallback;
    }

    private static object? Field(Record record, string field)
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
