using System.Text.RegularExpressions;

namespace Vbmc.Lowering;

/// <summary>What QEMU accepts, for values that become its arguments.</summary>
public static partial class QemuValues
{
    /// <summary>Whether -cpu can take it (see <see cref="Vbmc.Services.Checks.QemuCpuModelCheck"/>, which reports it at check).</summary>
    public static bool IsCpuModel(string cpu) => Vbmc.Services.Checks.QemuCpuModelCheck.IsCpuSyntax(cpu);

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
