using System.Text.RegularExpressions;
using Vbmc.Data;
using Vbmc.Diagnostics;

namespace Vbmc.Services.Checks;

/// <summary>
/// A VM's <c>cpu</c> must be a model QEMU knows, or QEMU refuses to start (and a unit that restarts
/// it does so forever): for x86 systems, the model (before any ",feature" flags) is looked up in
/// the lists of <see cref="QemuCpuModels"/>. Unknown to every version: an error with the closest
/// model; known to newer versions only: a warning naming the versions that refuse it.
/// Other architectures have no list: only the form of their models is checked, as -cpu parses it.
/// The same pass checks cpu-count and memory-size against what QEMU accepts.
/// </summary>
public sealed partial class QemuCpuModelCheck : IServiceCheck
{
    // A model name, then ",feature" / ",+feature" / ",feature=value" items: what -cpu parses.
    [GeneratedRegex(@"^[A-Za-z0-9_.-]+(,[A-Za-z0-9_.+=-]+)*$")]
    private static partial Regex CpuModel();

    public static bool IsCpuSyntax(string cpu) => cpu.Length <= 256 && CpuModel().IsMatch(cpu);

    /// <summary>
    /// Whether some QEMU version starts a VM of <paramref name="system"/> with <paramref name="cpu"/>:
    /// -cpu's syntax, and for x86 a model of <see cref="QemuCpuModels"/>.
    /// </summary>
    public static bool IsKnownModel(string cpu, string system) =>
        IsCpuSyntax(cpu) && (!IsX86(system) || QemuCpuModels.X86.Any(v => v.Models.Contains(cpu.Split(',')[0])));

    /// <summary>The x86 model closest to <paramref name="cpu"/>'s, for a "did you mean".</summary>
    public static string? ClosestX86Model(string cpu) =>
        Vbmc.Evaluation.Records.Spelling.Closest(cpu.Split(',')[0], QemuCpuModels.X86.SelectMany(v => v.Models).Distinct(StringComparer.Ordinal));

    private static bool IsX86(string system) =>
        system.StartsWith("x86_64-", StringComparison.Ordinal) || system.StartsWith("i686-", StringComparison.Ordinal);

    /// <summary>The CPUs of QEMU's default x86 machine (pc, i440fx): more make it refuse to start.</summary>
    public const int MaxCpus = 255;

    /// <summary>Memory beyond what any host gives a VM: a typo (MiB taken for bytes...).</summary>
    public const long MaxMemoryMiB = 16L * 1024 * 1024;

    public void Run(ServiceGraphView graph, DiagnosticBag diagnostics)
    {
        foreach (var vm in BuildVm.All(graph))
        {
            Limits(vm, diagnostics);
            if (vm.TryGet("cpu") is not string cpu) continue;
            if (!IsCpuSyntax(cpu))
            {
                diagnostics.Error(DiagnosticIds.UnknownCpuModel, vm.PlaceOf("cpu"),
                    $"cpu {Printing.Printer.Brief(cpu)} of virtual build machine '{vm.DisplayName}' is not a QEMU CPU model: " +
                    "a model name and optional ',feature' flags of letters, digits and '_', '.', '-', '+', '='",
                    "see 'qemu-system-x86_64 -cpu help' for the models");
                continue;
            }
            if (vm.TryGet("systems") is not { } s || Lists.ToListOrNull(s) is not [string first, ..] || !IsX86(first)) continue;
            var model = cpu.Split(',')[0];
            var versions = QemuCpuModels.X86;
            var knowing = versions.Where(v => v.Models.Contains(model)).Select(v => v.Version).ToList();
            if (knowing.Count == versions.Count) continue;
            if (knowing.Count == 0)
            {
                var close = ClosestX86Model(model);
                diagnostics.Error(DiagnosticIds.UnknownCpuModel, vm.PlaceOf("cpu"),
                    $"cpu {Printing.Printer.Write(cpu)} of virtual build machine '{vm.DisplayName}' is not a QEMU x86 CPU model " +
                    $"(QEMU {string.Join(" and ", versions.Select(v => v.Version))} refuse it)",
                    close is null ? "see 'qemu-system-x86_64 -cpu help' for the models" : $"did you mean '{close}'?");
                continue;
            }
            var refusing = versions.Select(v => v.Version).Except(knowing).ToList();
            diagnostics.Warning(DiagnosticIds.UnknownCpuModel, vm.PlaceOf("cpu"),
                $"cpu model '{model}' of virtual build machine '{vm.DisplayName}' is known to QEMU {string.Join(" and ", knowing)} " +
                $"but not to QEMU {string.Join(" and ", refusing)}, which refuses to start with it (Debian 12 has QEMU 7.2)",
                "run the VM on a host with a newer QEMU, or choose an older model");
        }
    }

    private static void Limits(BuildVm vm, DiagnosticBag diagnostics)
    {
        if (vm.TryGet("cpu-count") is System.Numerics.BigInteger cpus && cpus > MaxCpus)
            diagnostics.Error(DiagnosticIds.QemuLimit, vm.PlaceOf("cpu-count"),
                $"cpu-count {cpus} of virtual build machine '{vm.DisplayName}' is more than the {MaxCpus} CPUs of QEMU's default machine: QEMU refuses to start",
                $"use at most {MaxCpus}");
        if (vm.TryGet("memory-size") is System.Numerics.BigInteger memory && memory > MaxMemoryMiB)
            diagnostics.Error(DiagnosticIds.QemuLimit, vm.PlaceOf("memory-size"),
                $"memory-size {memory} MiB of virtual build machine '{vm.DisplayName}' is more than 16 TiB",
                "memory-size is in MiB, e.g. (* 4 1024) for 4 GiB");
    }
}
