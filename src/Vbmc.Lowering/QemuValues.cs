namespace Vbmc.Lowering;

/// <summary>What QEMU runs, for values that become its arguments.</summary>
public static class QemuValues
{
    /// <summary>The emulator of every guest vbmc builds (x86_64-linux).</summary>
    public const string X86_64 = "qemu-system-x86_64";
}
