using System.Numerics;
using Vbmc.Data;
using Vbmc.Diagnostics;
using Vbmc.Evaluation;
using Vbmc.Evaluation.Records;
using Vbmc.Services;

namespace Vbmc.Lowering;

/// <summary>Offload machines for the machine files: the VMs' own, then those the configuration wrote.</summary>
internal static class BuildMachineLowering
{
    public static BuildMachinePlan ForVm(VmPlan vm) => new()
    {
        Vm = vm.Name,
        Name = "localhost",
        Port = vm.SshHostPort ?? 22,
        Systems = vm.Systems,
        User = vm.Guest.Name,
        PrivateKey = vm.OffloadKey,
        HostKey = null,
        HostKeyFile = vm.GuestHostPublicKey,
        ParallelBuilds = vm.CpuCount,
    };

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
            if (record.Get("host-key") is string key && key.Contains(" vbmc-placeholder:", StringComparison.Ordinal)) continue; // a VM's own
            if (FromRecord(record, bag) is { } plan) yield return plan;
        }
    }

    private static bool IsBuildMachine(object value) => value is Record { Type.Name: "<build-machine>" };

    private static BuildMachinePlan? FromRecord(Record r, DiagnosticBag bag)
    {
        if (r.Get("systems") is not { } systemsValue || Lists.ToListOrNull(systemsValue) is not { } systems) return null;
        var overload = r.Get("overload-threshold");
        return new BuildMachinePlan
        {
            Name = (string)r.Get("name"),
            Port = (int)(BigInteger)r.Get("port"),
            Systems = systems.OfType<string>().ToList(),
            User = (string)r.Get("user"),
            PrivateKey = (string)r.Get("private-key"),
            HostKey = (string)r.Get("host-key"),
            Compression = (string)r.Get("compression"),
            CompressionLevel = (int)(BigInteger)r.Get("compression-level"),
            DaemonSocket = (string)r.Get("daemon-socket"),
            OverloadThreshold = overload is false ? null : ToDouble(overload),
            ParallelBuilds = (int)BigInteger.Min((BigInteger)r.Get("parallel-builds"), int.MaxValue),
            Speed = ToDouble(r.Get("speed")),
            Features = (Lists.ToListOrNull(r.Get("features")) ?? []).OfType<string>().ToList(),
        };
    }

    private static double ToDouble(object number) => number switch
    {
        double d => d,
        BigInteger b => (double)b,
        Rational q => q.ToDouble(),
        _ => 0,
    };
}
