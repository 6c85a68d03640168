using System.Text.RegularExpressions;

namespace Vbmc.Lowering;

/// <summary>What QEMU accepts, for values that become its arguments.</summary>
public static partial class QemuValues
{
    /// <summary>Whether some QEMU starts a VM of <paramref name="system"/> with -cpu <paramref name="cpu"/> (<see cref="Vbmc.Services.Checks.QemuCpuModelCheck"/> reports it at the VM's field).</summary>
    public static bool IsCpuModel(string cpu, string system) => Vbmc.Services.Checks.QemuCpuModelCheck.IsKnownModel(cpu, system);

    /// <summary>qemu-system-ARCH for a Guix system type, or null when vbmc knows none.</summary>
    public static string? ProgramFor(string system) => system.Split('-', 2)[0] switch
    {
        "x86_64" => "qemu-system-x86_64",
        "i686" => "qemu-system-i386",
        "aarch64" => "qemu-system-aarch64",
        "armhf" => "qemu-system-arm",
        "riscv64" => "qemu-system-riscv64",
        "powerpc64le" => "qemu-system-ppc64",
        "mips64el" => "qemu-system-mips64el",
        _ => null,
    };
}
