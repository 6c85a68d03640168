using System.Numerics;
using Vbmc.Data;
using Vbmc.Diagnostics;
using Vbmc.Evaluation;
using Vbmc.Evaluation.Records;
using Vbmc.Services;
using Vbmc.Services.Checks;

namespace Vbmc.Lowering;

/// <summary>Offload machines for the machine files: the VMs' own, then those the configuration wrote.</summary>
internal static class BuildMachineLowering
{
    /// <summary>
    /// The host a VM's forwarded SSH port listens on. Not "localhost": hosts resolve it to ::1
    /// first, guile-ssh does not fall back to 127.0.0.1 (guix offload then fails with "Connection
    /// refused"), and Nix treats the name "localhost" as this machine.
    /// </summary>
    public const string VmHost = "127.0.0.1";

    /// <summary>
    /// The offload machine of a VM: the <c>build-machine</c> its service gives guix-service-type
    /// (from the fold), with what only vbmc knows added: the VM it is, where apply puts its host
    /// key, which machine files list it (by the daemons its guest runs) and Nix's mandatory
    /// features. Null when the VM gives none (no SSH forward: SshForwardCheck reports it).
    /// </summary>
    public static BuildMachinePlan? ForVm(ServiceGraphView graph, BuildVm vmRecord, VmPlan vm, DiagnosticBag bag)
    {
        var records = FoldedRecords.ContributedBy(graph, GuixTarget, vmRecord.Service)
            .OfType<Record>().SelectMany(r => Lists.ToListOrNull(FoldedRecords.Field(r, "build-machines") ?? Nil.Instance) ?? []).ToList();
        if (records.Count == 0) return null;
        if (records is not [Record record] || !IsBuildMachine(record))
        {
            bag.Error(DiagnosticIds.UnsupportedForCompile, vm.Place,
                $"unsupported: virtual build machine '{vm.Name}' gives guix-service-type {records.Count} build machines; vbmc lists exactly one per VM",
                "keep virtual-build-machine-service-type's guix-service-type extension as it is");
            return null;
        }
        if (FromRecord(record, bag, placeholderKey: true) is not { } machine) return null;
        // The entry logs in with the VM's offload key, as the guest's offload account: a clause
        // that changes one of them and not the other would list a machine nobody can log in to.
        if (machine.PrivateKey != vm.OffloadKey || machine.User != vm.Guest.Name)
        {
            var (field, written, expected) = machine.PrivateKey != vm.OffloadKey
                ? ("private-key", machine.PrivateKey, vm.OffloadKey) : ("user", machine.User, vm.Guest.Name);
            bag.Error(DiagnosticIds.UnsupportedForCompile, FoldedRecords.PlaceOf(record, field, vm.Place),
                $"the offload machine of virtual build machine '{vm.Name}' has {field} {Printing.Printer.Write(written)}, but the VM's is {Printing.Printer.Write(expected)}",
                field == "user" ? "the build machine's user must be the guest's offload account (the image's operating-system)"
                    : "the build machine's private-key must be the VM's offload-key secret (vbmc-secret-service-type)");
            return null;
        }
        return machine with
        {
            Vm = vm.Name,
            HostKey = null,
            HostKeyFile = vm.GuestHostPublicKey,
            MandatoryFeatures = vm.MandatoryFeatures,
            ForGuix = vm.ServesGuix,
            ForNix = vm.ServesNix,
            Place = vm.Place,
        };
    }

    private const string GuixTarget = "guix";

    /// <summary>The user of the build machine the VM's service gives guix-service-type, when it gives one.</summary>
    public static string? UserOf(ServiceGraphView graph, BuildVm vmRecord) =>
        FoldedRecords.ContributedBy(graph, GuixTarget, vmRecord.Service).OfType<Record>()
            .SelectMany(r => Lists.ToListOrNull(FoldedRecords.Field(r, "build-machines") ?? Nil.Instance) ?? [])
            .OfType<Record>().Where(IsBuildMachine).Select(r => FoldedRecords.Field(r, "user") as string).FirstOrDefault(u => u is not null);

    /// <summary>
    /// Build machines written in the configuration: the configuration's own list when it is a
    /// machines file, else every one that reaches guix-service-type from a service other than a VM.
    /// </summary>
    public static IEnumerable<BuildMachinePlan> Written(ServiceGraphView graph, DiagnosticBag bag)
    {
        IEnumerable<(object Machine, SourceSpan At)> candidates;
        if (graph.Configuration is { } value && Lists.ToListOrNull(value) is { Count: > 0 } list && list.All(IsBuildMachine))
        {
            candidates = list.Select(m => (m, ((Record)m).Span));
        }
        else if (graph.Fold.Targets.TryGetValue("guix", out var guix) && guix.Node.FoldedValue is Record configuration
                 && configuration.Type.IndexOf("build-machines") >= 0)
        {
            candidates = (Lists.ToListOrNull(configuration.Get("build-machines")) ?? [])
                .Select(m => (m, m is Record r ? r.Span : guix.Node.Span));
        }
        else
        {
            yield break;
        }
        foreach (var (machine, at) in candidates)
        {
            if (machine is Gexp)
            {
                bag.Warning(DiagnosticIds.UnsupportedForCompile, at,
                    "unsupported: an offload machine given as code (a gexp) is left out of machines.scm and nix/machines",
                    "write it as a build-machine record");
                continue;
            }
            if (machine is not Record record || !IsBuildMachine(record)) continue; // reported by the analysis
            if (record.Get("host-key") is string key && IsPlaceholder(key)) continue; // a VM's own
            if (FromRecord(record, bag) is { } plan) yield return plan;
        }
    }

    private static bool IsBuildMachine(object value) => value is Record { Type.Name: "<build-machine>" };

    private static bool IsPlaceholder(string hostKey) => hostKey.Contains(" vbmc-placeholder:", StringComparison.Ordinal);

    private static BuildMachinePlan? FromRecord(Record r, DiagnosticBag bag, bool placeholderKey = false)
    {
        // A field of the wrong type is an error of the analysis already (then no plan is made):
        // lower only well-typed records, without repeating that error.
        if (r.Get("systems") is not { } systemsValue || StringsOf(systemsValue) is not { } systems
            || r.Get("name") is not string name || r.Get("port") is not BigInteger port
            || r.Get("user") is not string user || r.Get("private-key") is not string privateKey
            || r.Get("host-key") is not string hostKey || r.Get("compression") is not string compression
            || r.Get("compression-level") is not BigInteger level || r.Get("daemon-socket") is not string socket
            || r.Get("parallel-builds") is not BigInteger parallel || r.Get("speed") is not { } speed
            || r.Get("features") is not { } features)
            return null;
        var overload = r.Get("overload-threshold");
        return new BuildMachinePlan
        {
            Name = name,
            Port = (int)BigInteger.Clamp(port, 0, 65535),
            Systems = systems,
            User = user,
            PrivateKey = privateKey,
            HostKey = placeholderKey && IsPlaceholder(hostKey) ? null : hostKey,
            Compression = compression,
            CompressionLevel = (int)BigInteger.Clamp(level, 0, 9),
            DaemonSocket = socket,
            OverloadThreshold = overload is false ? null : ToDouble(overload),
            ParallelBuilds = (int)BigInteger.Clamp(parallel, 1, int.MaxValue),
            Speed = ToDouble(speed),
            Features = StringsOf(features) ?? [],
            Place = r.Span,
        };
    }

    /// <summary>
    /// The strings of a proper list, in order (other elements left out), read straight from its
    /// pairs into an array of their number; null when <paramref name="list"/> is not a proper list.
    /// Every machine of a file has two such lists: no copy of the list and no LINQ on the way.
    /// </summary>
    private static string[]? StringsOf(object list)
    {
        if (!Lists.IsProperList(list)) return null;
        var count = 0;
        for (var x = list; x is Pair p; x = p.Cdr)
            if (p.Car is string) count++;
        if (count == 0) return [];
        var strings = new string[count];
        var i = 0;
        for (var x = list; x is Pair p; x = p.Cdr)
            if (p.Car is string text) strings[i++] = text;
        return strings;
    }

    private static double ToDouble(object number) => number switch
    {
        double d => d,
        BigInteger b => (double)b,
        Rational q => q.ToDouble(),
        _ => 0,
    };
}
