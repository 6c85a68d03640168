using System.Text.RegularExpressions;

namespace Vbmc.Lowering;

/// <summary>What QEMU accepts, for values that become its arguments.</summary>
public static partial class QemuValues
{
    /// <summary>Whether some QEMU starts a VM of <paramref name="system"/> with -cpu <paramref name="cpu"/> (<see cref="Vbmc.Services.Checks.QemuCpuModelCheck"/> reports it at the VM's field).</summary>
    public static bool IsCpuModel(string cpu, string system) => Vbmc.Services.Checks.QemuCpuModelCheck.IsKnownModel(cpu, system);

    /// <summary>The emulator of every guest vbmc builds (x86_64-linux).</summary>
    public const string X86_64 = "qemu-system-x86_64";
}
