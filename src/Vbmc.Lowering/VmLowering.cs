using System.Numerics;
using Vbmc.Data;
using Vbmc.Diagnostics;
using Vbmc.Evaluation.Dates;
using Vbmc.Evaluation.Records;
using Vbmc.Services.Checks;

namespace Vbmc.Lowering;

/// <summary>One <c>&lt;virtual-build-machine&gt;</c> record to a <see cref="VmPlan"/>.</summary>
public static class VmLowering
{
    /// <summary>
    /// The fields of &lt;virtual-build-machine&gt; this lowering reads (qemu: to refuse any but its
    /// default). A field added to the record and not listed here fails a test: it would be
    /// accepted and dropped without a word.
    /// </summary>
    public static readonly IReadOnlySet<string> ConsumedFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "name", "image", "qemu", "cpu", "cpu-count", "memory-size", "date", "port-forwardings", "systems",
        "auto-start?", "features", "mandatory-features", "network-access?", "substitute-urls", "store-disk-size",
    };

    internal static VmPlan? Lower(BuildVm vm, Vbmc.Services.ServiceGraphView graph, DiagnosticBag bag)
    {
        // Type errors of these fields are reported by the analysis; lowering stops quietly then.
        if (vm.Name is not { } name || !BuildVmNameCheck.IsValidName(name)) return null;
        if (vm.TryGet("auto-start?") is not bool autoStart
            || Strings(vm.TryGet("features")) is not { } features
            || Strings(vm.TryGet("mandatory-features")) is not { } mandatoryFeatures
            || Strings(vm.TryGet("substitute-urls")) is not { } substituteUrls)
            return null;
        // What QEMU runs: the vbmc-qemu-machine the VM's service gives vbmc-qemu-machine-service-type.
        if (QemuMachineLowering.ForVm(graph, vm, name, bag) is not { } machine) return null;
        var (systems, cpu, date, networkAccess, image) = (machine.Systems, machine.Cpu, machine.Date, machine.NetworkAccess, machine.Image);

        var ok = true;
        // The first system is the guest's own: its emulator, kernel and base. vbmc's guests are
        // Debian amd64 roots (or a root of the user's booted the same way) under qemu-system-x86_64;
        // another architecture would need its base and a -machine of its own (not built).
        var program = systems[0] == "x86_64-linux" ? QemuValues.X86_64 : null;
        if (program is null)
        {
            bag.Error(DiagnosticIds.UnsupportedForCompile, vm.PlaceOf("systems"),
                $"unsupported: virtual build machine '{name}' for {Printing.Printer.Write(systems[0])}: vbmc's guests are x86_64 (qemu-system-x86_64, Debian amd64 bases)",
                systems.Contains("x86_64-linux")
                    ? "list \"x86_64-linux\" first: the guest is x86_64 and builds the other systems it lists (such as \"i686-linux\")"
                    : "use (systems '(\"x86_64-linux\")), with \"i686-linux\" after it if the guest should build that too");
            ok = false;
        }
        foreach (var url in substituteUrls.Where(u => !IsPlainUrl(u)))
        {
            bag.Error(DiagnosticIds.NotExpressible, vm.PlaceOf("substitute-urls"),
                $"substitute URL {Printing.Printer.Brief(url)} of virtual build machine '{name}' has characters nix.conf and the guix-daemon unit cannot hold",
                "use a URL without white space, quotes, '#', '%', '$' or '\\'");
            ok = false;
        }
        if (substituteUrls.Count > 0 && !networkAccess)
            bag.Warning(DiagnosticIds.UnsupportedForCompile, vm.PlaceOf("substitute-urls"),
                $"virtual build machine '{name}' has substitute URLs but no network access: its daemons cannot reach them",
                "add (network-access? #t)");
        if (!HoldsDefault(vm, "qemu"))
        {
            bag.Error(DiagnosticIds.UnsupportedForCompile, vm.PlaceOf("qemu"),
                $"unsupported: field 'qemu' of virtual build machine '{name}': vbmc does not run a QEMU package of the configuration",
                $"the VM runs the host's {program ?? "qemu-system-*"}, found on PATH when it starts (Debian: apt install qemu-system-x86): remove this field");
            ok = false;
        }
        // The guest's account the VM's offload entry logs in as (no entry without an SSH forward:
        // then upstream's account, which nothing logs in to).
        var offloadUser = BuildMachineLowering.UserOf(graph, vm) ?? InstallLayout.GuestOffloadUser;
        var lowered = ImageLowering.Lower(vm, name, image, offloadUser, bag);
        // The account QEMU runs as: the one the VM's service gives account-service-type.
        var hostAccount = AccountLowering.ForVm(graph, vm, InstallLayout.AccountName(name), bag);
        // Its Shepherd service: the one the VM's service gives shepherd-root-service-type.
        var shepherd = ShepherdLowering.ForVm(graph, vm, name, bag);
        // Its keys: the vbmc-secret records the VM's service gives vbmc-secret-service-type.
        var secrets = SecretLowering.ForVm(graph, vm, name, InstallLayout.AccountName(name), bag);
        if (!ok || lowered is not var (imagePlan, guest) || hostAccount is null || shepherd is null || secrets is null) return null;

        var utcDate = date.ToDateTimeOffset().ToUniversalTime();
        imagePlan = imagePlan with { KernelCommandLine = imagePlan.KernelCommandLine + " " + ImagePlan.ClockArgument(utcDate) };
        return new VmPlan
        {
            Name = name,
            QemuProgram = program!,
            Cpu = cpu,
            CpuCount = machine.CpuCount,
            MemoryMiB = machine.MemoryMiB,
            Date = utcDate,
            RtcBase = date.ToQemuRtcBase(),
            PortForwardings = machine.PortForwardings,
            StoreDiskBytes = machine.StoreDiskBytes,
            Systems = systems,
            AutoStart = autoStart,
            Features = features,
            MandatoryFeatures = mandatoryFeatures,
            NetworkAccess = networkAccess,
            SubstituteUrls = substituteUrls,
            Image = imagePlan,
            Account = hostAccount,
            Shepherd = shepherd,
            Secrets = secrets,
            Place = vm.Place,
            Guest = guest,
        };
    }

    private static bool HoldsDefault(BuildVm vm, string field)
    {
        try
        {
            return FieldDefaults.HoldsDefault(vm.Record, field);
        }
        catch (Exception e) when (e is Vbmc.Evaluation.SchemeError or Vbmc.Evaluation.SilentError)
        {
            return true; // computing the default failed: that failure is not about this field
        }
    }

    private static bool IsPlainUrl(string url) =>
        url.Length > 0 && url.All(c => c > ' ' && c < 0x7f && c is not ('"' or '\'' or '#' or '%' or '$' or '\\' or ';'));

    /// <summary>A proper list of strings (well typed: the analysis reports other values), else null.</summary>
    private static List<string>? Strings(object? value) =>
        value is not null && Lists.ToListOrNull(value) is { } items && items.All(i => i is string) ? items.Cast<string>().ToList() : null;
}
