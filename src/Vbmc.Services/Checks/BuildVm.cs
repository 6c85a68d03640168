using System.Numerics;
using Vbmc.Data;
using Vbmc.Diagnostics;
using Vbmc.Evaluation;
using Vbmc.Evaluation.Records;

namespace Vbmc.Services.Checks;

/// <summary>
/// One virtual build machine of the configuration: a service of
/// <c>virtual-build-machine-service-type</c> and its <c>&lt;virtual-build-machine&gt;</c> record,
/// with safe access to the fields and the place to report a problem about each.
/// </summary>
public sealed class BuildVm
{
    /// <summary>The name of <c>virtual-build-machine-service-type</c> (upstream's).</summary>
    public const string ServiceTypeName = "build-vm";

    public const string RecordTypeName = "<virtual-build-machine>";

    private BuildVm(ServiceNode service, Record record)
    {
        Service = service;
        Record = record;
    }

    public ServiceNode Service { get; }

    public Record Record { get; }

    /// <summary>The VMs of the graph, in service-list order (values that are not VM records are skipped).</summary>
    public static IReadOnlyList<BuildVm> All(ServiceGraphView graph) =>
        graph.ServicesOfType(ServiceTypeName)
             .Where(s => s.Value is Record { Type.Name: RecordTypeName })
             .Select(s => new BuildVm(s, (Record)s.Value))
             .ToList();

    /// <summary>The VM's name as written in messages ("build-vm"), or null when it is not a symbol.</summary>
    public string? Name => TryGet("name") is Symbol s ? s.Name : null;

    public string DisplayName => Name ?? Printing.Printer.Write(TryGet("name") ?? "?");

    /// <summary>The field's value, or null when computing it failed (that failure is reported elsewhere).</summary>
    public object? TryGet(string field)
    {
        try
        {
            return Record.Type.IndexOf(field) < 0 ? null : Record.Get(field);
        }
        catch (SchemeError)
        {
            return null;
        }
        catch (SilentError)
        {
            return null;
        }
    }

    /// <summary>Where the field's value was written, or null when it is the default.</summary>
    public SourceSpan? WrittenSpan(string field)
    {
        var i = Record.Type.IndexOf(field);
        return i < 0 ? null : Record.ValueSpans[i];
    }

    /// <summary>
    /// Where to report a problem about the field: its value when written, else the record form
    /// when the user wrote one, else the <c>(service ...)</c> form (a default VM's record form
    /// is in the standard library, which means nothing to the user).
    /// </summary>
    public SourceSpan PlaceOf(string field) => WrittenSpan(field) ?? Place;

    /// <summary>The VM's own place: its record form in the user's file, else its service form.</summary>
    public SourceSpan Place => Record.Span.File == Service.Span.File ? Record.Span : Service.Span;

    /// <summary>(host port, guest port) pairs of integers; malformed entries (a type error already) are skipped.</summary>
    public IReadOnlyList<(BigInteger Host, BigInteger Guest)> PortForwardings()
    {
        var items = TryGet("port-forwardings") is { } value ? Lists.ToListOrNull(value) : null;
        if (items is null) return [];
        return items.OfType<Pair>()
                    .Where(p => p.Car is BigInteger && p.Cdr is BigInteger)
                    .Select(p => ((BigInteger)p.Car, (BigInteger)p.Cdr))
                    .ToList();
    }

    /// <summary>True when the port-forwardings value is a proper list (so "no SSH forward" is meaningful).</summary>
    public bool HasPortForwardingList => TryGet("port-forwardings") is { } value && Lists.IsProperList(value);

    /// <summary>
    /// The build daemons the VM's guest runs (<see cref="GuestDaemons"/>), read from its image's
    /// <c>base</c>: a debian-base's packages, a root-base's <c>daemons</c>; null when the image is
    /// not an image record (a type error, reported elsewhere).
    /// </summary>
    public IReadOnlyList<string>? Daemons()
    {
        if (TryGet("image") is not Record image) return null;
        var imageBase = SafeField(image, "base");
        switch (imageBase)
        {
            case Record { Type.Name: "<debian-base>" } debian:
                return GuestDaemons.OfDebianPackages(
                    (SafeField(debian, "packages") is { } p ? Lists.ToListOrNull(p) ?? [] : []).OfType<string>());
            case Record { Type.Name: "<root-base>" } root:
                return (SafeField(root, "daemons") is { } d ? Lists.ToListOrNull(d) ?? [] : [])
                    .OfType<Symbol>().Select(s => s.Name).ToList();
            default:
                return null;
        }
    }

    /// <summary>Where the image's base is written, when the user wrote the image; else the VM's place for 'image'.</summary>
    public SourceSpan ImageBasePlace()
    {
        if (TryGet("image") is Record image && image.Type.IndexOf("base") is var i and >= 0 && image.ValueSpans[i] is { } written)
            return written;
        return PlaceOf("image");
    }

    private static object? SafeField(Record record, string field)
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

    public RelatedLocation Related(string field, string message) => new(PlaceOf(field), message);
}
