using System.Numerics;
using Vbmc.Data;
using Vbmc.Diagnostics;
using Vbmc.Evaluation;
using Vbmc.Evaluation.Records;
using Vbmc.Services;
using Vbmc.Services.Checks;

namespace Vbmc.Lowering;

/// <summary>A VM's GNU Shepherd service, lowered from the record its service gives shepherd-root-service-type.</summary>
/// <param name="Start">The start code (the gexp's template, its <c>#$</c> values in place).</param>
public sealed record ShepherdServicePlan(
    IReadOnlyList<string> Provision,
    IReadOnlyList<string> Requirement,
    string Documentation,
    bool Respawn,
    bool AutoStart,
    SchemeDatum Start,
    SchemeDatum Stop);

/// <summary>
/// The fold's Shepherd service of each VM: the <c>&lt;shepherd-service&gt;</c> the VM's service
/// contributes to shepherd-root, as plain data. Fields vbmc's Shepherd file cannot express are
/// <c>unsupported:</c> errors; a gexp that refers to the store (a package, a file) cannot run on
/// a host without one and is refused too.
/// </summary>
internal static class ShepherdLowering
{
    public const string TargetType = "shepherd-root";

    public static ShepherdServicePlan? ForVm(ServiceGraphView graph, BuildVm vm, string name, DiagnosticBag bag)
    {
        var services = FoldedRecords.ContributedBy(graph, TargetType, vm.Service)
            .OfType<Record>().Where(r => r.Type.Name == "<shepherd-service>").ToList();
        if (services.Count != 1)
        {
            bag.Error(DiagnosticIds.UnsupportedForCompile, vm.Place,
                $"unsupported: virtual build machine '{name}' gives shepherd-root-service-type {services.Count} Shepherd services; vbmc installs exactly one per VM",
                "keep virtual-build-machine-service-type's Shepherd extension as it is");
            return null;
        }
        var service = services[0];
        var ok = new UnsupportedFields($"the Shepherd service of virtual build machine '{name}'", InsteadByField,
                "vbmc's Shepherd file has no place for it")
            .Report(service, Defaults(service), Consumed, vm.Place, bag);
        if (FoldedRecords.Field(service, "documentation") is not string documentation
            || Symbols(FoldedRecords.Field(service, "provision")) is not { } provision || Symbols(FoldedRecords.Field(service, "requirement")) is not { } requirement
            || FoldedRecords.Field(service, "respawn?") is not bool respawn || FoldedRecords.Field(service, "auto-start?") is not bool autoStart)
            return null; // type errors, reported by the analysis
        if (!provision.Contains(name))
        {
            bag.Error(DiagnosticIds.UnsupportedForCompile, FoldedRecords.PlaceOf(service, "provision", vm.Place),
                $"unsupported: the Shepherd service of virtual build machine '{name}' does not provide '{name}'",
                "vbmc's units, machine files and `herd start NAME` name the VM's service by the VM's name");
            ok = false;
        }
        var start = Code(service, "start", name, vm.Place, bag);
        var stop = Code(service, "stop", name, vm.Place, bag);
        if (!ok || start is null || stop is null) return null;
        return new ShepherdServicePlan(provision, requirement, documentation, respawn, autoStart, start, stop);
    }

    /// <summary>
    /// Shepherd services the configuration's own services (its simple-services and service types,
    /// which Guix does not define) give shepherd-root: vbmc installs the VMs' only, and says so
    /// for each of these (Guix's own services are Guix System's and are not mentioned).
    /// </summary>
    public static void ReportOthers(ServiceGraphView graph, DiagnosticBag bag)
    {
        foreach (var (from, items) in FoldedRecords.OfConfigurationsOwnServices(graph, TargetType))
        {
            foreach (var service in items.OfType<Record>().Where(r => r.Type.Name == "<shepherd-service>"))
            {
                var provision = Symbols(FoldedRecords.Field(service, "provision")) is [var first, ..] ? first : "?";
                bag.Warning(DiagnosticIds.UnsupportedForCompile, from.Span,
                    $"unsupported: Shepherd service '{provision}' of service '{from.TypeName}' is not installed: vbmc compile installs the build VMs' services only",
                    "run it with the host's own service manager");
            }
        }
    }

    /// <summary>Read into the plan (start and stop: as code), or Guix's bookkeeping for its own Shepherd configuration.</summary>
    private static readonly IReadOnlySet<string> Consumed = new HashSet<string>(StringComparer.Ordinal)
    {
        "documentation", "provision", "requirement", "respawn?", "auto-start?", "start", "stop",
        // The modules Guix's generated configuration imports for the start and stop code; the
        // host's shepherd.scm has its own (the code vbmc accepts uses shepherd's procedures only).
        "modules",
    };

    private static readonly IReadOnlyDictionary<string, string> InsteadByField = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["one-shot?"] = "a VM runs until it is stopped: remove the field",
        ["transient?"] = "a VM's service stays registered when it stops: remove the field",
        ["actions"] = "vbmc's service has start and stop only: `vbmc test` checks the VM",
        ["respawn-limit"] = "shepherd's default respawn limit applies: remove the field",
        ["respawn-delay"] = "shepherd's default respawn delay applies: remove the field",
        ["free-form"] = "vbmc writes the service itself: remove the field",
    };

    /// <summary>A record of the same type with every field at its default (for the fields vbmc does not consume).</summary>
    private static Record Defaults(Record service)
    {
        var values = new object[service.Values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            try
            {
                values[i] = FieldDefaults.DefaultOf(service, i) ?? service.Values[i];
            }
            catch (Exception e) when (e is SchemeError or SilentError)
            {
                values[i] = service.Values[i];
            }
        }
        return new Record(service.Type, values, FieldPlaces.None, service.Span);
    }

    private static SchemeDatum? Code(Record service, string field, string vm, SourceSpan fallback, DiagnosticBag bag)
    {
        var at = FoldedRecords.PlaceOf(service, field, fallback);
        if (FoldedRecords.Field(service, field) is not Gexp gexp)
        {
            bag.Error(DiagnosticIds.UnsupportedForCompile, at,
                $"unsupported: the {field} of the Shepherd service of virtual build machine '{vm}' is not a G-expression",
                "write it as #~(...) code for the host's shepherd");
            return null;
        }
        string? problem = null;
        var datum = ToDatum(gexp.Template, ref problem);
        if (problem is not null)
        {
            bag.Error(DiagnosticIds.UnsupportedForCompile, at,
                $"unsupported: the {field} code of the Shepherd service of virtual build machine '{vm}' holds {problem}",
                "the host has no store: write host paths and plain values in the G-expression");
            return null;
        }
        return datum;
    }

    /// <summary>The template as data; <paramref name="problem"/> names the first value that is not plain data.</summary>
    private static SchemeDatum ToDatum(object value, ref string? problem)
    {
        switch (value)
        {
            case Ungexp u:
                return ToDatum(u.Value, ref problem);
            case string s:
                return new DatumString(s);
            case Symbol s:
                return new DatumSymbol(s.Name);
            case Keyword k:
                return new DatumKeyword(k.Name);
            case BigInteger i:
                return new DatumInteger(i);
            case bool b:
                return new DatumBoolean(b);
            case Nil:
                return new DatumList([]);
            case Pair p when Lists.ToListOrNull(p) is { } items:
            {
                var list = new List<SchemeDatum>(items.Count);
                foreach (var item in items) list.Add(ToDatum(item, ref problem));
                return new DatumList(list);
            }
            default:
                problem ??= Printing.Printer.Brief(value);
                return new DatumBoolean(false);
        }
    }

    private static List<string>? Symbols(object? value) =>
        value is not null && Lists.ToListOrNull(value) is { } items && items.All(i => i is Symbol) ? items.Cast<Symbol>().Select(s => s.Name).ToList() : null;

}
