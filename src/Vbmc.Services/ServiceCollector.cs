using Vbmc.Data;
using Vbmc.Diagnostics;
using Vbmc.Evaluation.Records;

namespace Vbmc.Services;

/// <summary>
/// Finds the services a configuration declares: the <c>services</c> (and
/// <c>essential-services</c>) of an operating-system record, a list of services, or one service.
/// Anything else (a machines file, a plain value) has no services and is not folded.
/// </summary>
public static class ServiceCollector
{
    /// <param name="Complete">
    /// Whether every service is known: no opaque value was left out of the lists and the essential
    /// services are not opaque (an operating-system inheriting one vbmc knows by name only). Checks
    /// that conclude from a service's absence do so only then.
    /// </param>
    public sealed record Collected(IReadOnlyList<Record> UserServices, IReadOnlyList<Record> EssentialServices, SourceSpan? Anchor, bool Complete = true);

    public static Collected? Collect(object? value)
    {
        switch (value)
        {
            case Record os when os.Type.Name == "<operating-system>" && os.Type.IndexOf("services") >= 0:
                var userValue = os.Get("services");
                var user = ServicesIn(userValue) ?? [];
                // Guix: operating-system-services = user services + essential services.
                var essentialValue = os.Type.IndexOf("essential-services") >= 0 ? os.Get("essential-services") : Nil.Instance;
                var essential = ServicesIn(essentialValue) ?? [];
                var complete = !Vbmc.Evaluation.Guix.OpaqueValue.Involves(userValue) && !Vbmc.Evaluation.Guix.OpaqueValue.Involves(essentialValue);
                return new Collected(user, essential, os.Span, complete);
            case Record single when ServiceRecords.IsService(single):
                return new Collected([single], [], single.Span);
            case Pair list when ServicesIn(list) is { Count: > 0 } services:
                return new Collected(services, [], services[0].Span);
            default:
                return null;
        }
    }

    /// <summary>
    /// The list's services when it is a proper list of services only; else null. Opaque values
    /// (services Guix's procedures make that vbmc does not model, such as a deprecated
    /// procedure's result) are left out: vbmc cannot fold what it does not know.
    /// </summary>
    private static List<Record>? ServicesIn(object value)
    {
        if (value is Nil) return [];
        var items = Lists.ToListOrNull(value)?.Where(x => x is not Vbmc.Evaluation.Guix.OpaqueValue).ToList();
        if (items is null || !items.All(ServiceRecords.IsService)) return null;
        return items.Cast<Record>().ToList();
    }
}
