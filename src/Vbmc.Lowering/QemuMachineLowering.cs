using System.Numerics;
using Vbmc.Data;
using Vbmc.Diagnostics;
using Vbmc.Evaluation.Dates;
using Vbmc.Evaluation.Records;
using Vbmc.Services;
using Vbmc.Services.Checks;

namespace Vbmc.Lowering;

/// <summary>The QEMU-level facts of a VM, bound from its folded <c>vbmc-qemu-machine</c> record.</summary>
public sealed record QemuMachine(
    IReadOnlyList<string> Systems,
    string Cpu,
    int CpuCount,
    long MemoryMiB,
    SrfiDate Date,
    IReadOnlyList<PortForward> PortForwardings,
    bool NetworkAccess,
    Record Image,
    long? StoreDiskBytes);

/// <summary>
/// What vbmc runs for a VM: the <c>vbmc-qemu-machine</c> its service gives
/// <c>vbmc-qemu-machine-service-type</c> (stdlib/gnu/services/virtualization.scm), one per VM.
/// The record's fields are untyped: a value that is also the VM's own field was checked where the
/// user wrote it (type checks, QemuCpuModelCheck) and is not reported again; any other value of
/// the wrong shape, or beyond QEMU's limits, is an error here.
/// </summary>
public static class QemuMachineLowering
{
    public const string TargetType = "vbmc-qemu-machines";
    public const string RecordTypeName = "<vbmc-qemu-machine>";

    /// <summary>The record's fields, all read below (a test compares them with the stdlib's record).</summary>
    public static readonly IReadOnlySet<string> ConsumedFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "name", "systems", "cpu", "cpu-count", "memory-size", "date", "port-forwardings", "network-access?", "image",
        "store-disk-size",
    };

    /// <summary>The store disk's bounds: room for a few builds' closures, and no more than vbmc makes a disk (64 TiB).</summary>
    public const long MinStoreDisk = 256L << 20, MaxStoreDisk = 64L << 40;

    internal static QemuMachine? ForVm(ServiceGraphView graph, BuildVm vm, string name, DiagnosticBag bag)
    {
        var machines = FoldedRecords.ContributedBy(graph, TargetType, vm.Service).OfType<Record>()
            .Where(r => r.Type.Name == RecordTypeName).ToList();
        if (machines is not [var machine])
        {
            bag.Error(DiagnosticIds.UnsupportedForCompile, vm.Place,
                $"unsupported: virtual build machine '{name}' gives vbmc-qemu-machine-service-type {machines.Count} QEMU machines; vbmc runs exactly one per VM",
                "keep virtual-build-machine-service-type's vbmc-qemu-machine-service-type extension");
            return null;
        }
        var ok = true;
        // Reports a bad value unless the VM's own field holds it (reported where the user wrote it).
        void Bad(string field, object? value, string expected)
        {
            ok = false;
            if (SameAsVms(vm, field, value)) return;
            bag.Error(DiagnosticIds.UnsupportedForCompile, FoldedRecords.PlaceOf(machine, field, vm.Place),
                $"the QEMU machine of virtual build machine '{name}' has {field} {Brief(value)}, not {expected}",
                "a service that gives vbmc-qemu-machine-service-type must give values QEMU accepts");
        }

        if (FoldedRecords.Field(machine, "name") is not Symbol { Name: var of } || of != name)
            Bad("name", FoldedRecords.Field(machine, "name"), $"the VM's name '{name}'");
        var systemsValue = FoldedRecords.Field(machine, "systems");
        var systems = Lists.ToListOrNull(systemsValue ?? Nil.Instance) is { Count: > 0 } list && list.All(s => s is string)
            ? list.Cast<string>().ToList() : null;
        if (systems is null) Bad("systems", systemsValue, "a list of system types");
        var cpu = FoldedRecords.Field(machine, "cpu") as string;
        if (cpu is null || (systems is not null && !Vbmc.Services.Checks.QemuCpuModelCheck.IsKnownModel(cpu, systems[0])))
            Bad("cpu", FoldedRecords.Field(machine, "cpu"),
                cpu is not null && QemuCpuModelCheck.ClosestX86Model(cpu) is { } close ? $"a CPU model of QEMU (did you mean '{close}'?)" : "a CPU model of QEMU");
        var cpuCount = FoldedRecords.Field(machine, "cpu-count") as BigInteger?;
        if (cpuCount is not { } cpus || cpus < 1 || cpus > QemuCpuModelCheck.MaxCpus)
            Bad("cpu-count", FoldedRecords.Field(machine, "cpu-count"), $"a CPU count from 1 to {QemuCpuModelCheck.MaxCpus}");
        var memory = FoldedRecords.Field(machine, "memory-size") as BigInteger?;
        if (memory is not { } mib || mib < 1 || mib > QemuCpuModelCheck.MaxMemoryMiB)
            Bad("memory-size", FoldedRecords.Field(machine, "memory-size"), $"a size in MiB from 1 to {QemuCpuModelCheck.MaxMemoryMiB}");
        var date = FoldedRecords.Field(machine, "date") as SrfiDate;
        if (date is null) Bad("date", FoldedRecords.Field(machine, "date"), "an SRFI-19 date");
        var forwards = Forwards(FoldedRecords.Field(machine, "port-forwardings"));
        if (forwards is null) Bad("port-forwardings", FoldedRecords.Field(machine, "port-forwardings"), "a list of (host port . guest port) pairs");
        if (FoldedRecords.Field(machine, "network-access?") is not bool networkAccess)
        {
            Bad("network-access?", FoldedRecords.Field(machine, "network-access?"), "#t or #f");
            networkAccess = false;
        }
        var image = FoldedRecords.Field(machine, "image") as Record;
        if (image is null) Bad("image", FoldedRecords.Field(machine, "image"), "an image record");
        long? storeDisk = null;
        switch (FoldedRecords.Field(machine, "store-disk-size"))
        {
            case false:
                break;
            case BigInteger bytes when bytes >= MinStoreDisk && bytes <= MaxStoreDisk:
                storeDisk = (long)bytes;
                break;
            case BigInteger bytes:
                // Well typed, so the VM's type check let it through: say it here, at the user's value.
                ok = false;
                bag.Error(DiagnosticIds.UnsupportedForCompile, vm.PlaceOf("store-disk-size"),
                    $"store-disk-size {bytes} of virtual build machine '{name}' is outside what vbmc makes (256 MiB to 64 TiB)",
                    "the size is in bytes, e.g. (* 50 (expt 2 30)) for 50 GiB");
                break;
            case var other:
                Bad("store-disk-size", other, "#f or a size in bytes");
                break;
        }
        if (!ok) return null;
        return new QemuMachine(systems!, cpu!, (int)cpuCount!.Value, (long)memory!.Value, date!, forwards!, networkAccess, image!, storeDisk);
    }

    /// <summary>Port pairs within 1..65535, or null when the value is anything else.</summary>
    private static List<PortForward>? Forwards(object? value)
    {
        if (Lists.ToListOrNull(value ?? Nil.Instance) is not { } items) return null;
        var forwards = new List<PortForward>();
        foreach (var item in items)
        {
            if (item is not Pair { Car: BigInteger host, Cdr: BigInteger guest } || !IsPort(host) || !IsPort(guest)) return null;
            forwards.Add(new PortForward((int)host, (int)guest));
        }
        return forwards;
    }

    private static bool IsPort(BigInteger port) => port >= 1 && port <= 65535;

    private static bool SameAsVms(BuildVm vm, string field, object? value)
    {
        if (vm.Record.Type.IndexOf(field) < 0) return false;
        var own = vm.TryGet(field);
        if (own is null || value is null) return own is null; // computing the VM's field failed: reported there
        try
        {
            return ReferenceEquals(own, value) || Vbmc.Evaluation.Equality.IsEqual(own, value);
        }
        catch (Vbmc.Evaluation.SchemeError)
        {
            return false;
        }
    }

    private static string Brief(object? value) => value is null ? "that could not be computed" : Printing.Printer.Brief(value);
}
