using System.Globalization;
using System.Text;

namespace Vbmc.Emitters.Shell;

/// <summary>
/// The guest the launch script boots to find out whether KVM is usable (x86 emulators only).
/// <para>
/// Why a guest at all: on the machines this project runs on, <c>/dev/kvm</c> exists, opens, and
/// even runs a trivial boot sector correctly, yet runs guest code about a thousand times slower
/// than TCG (a Linux kernel prints nothing in minutes: measured). So the probe measures what
/// matters, speed: a BIOS boot sector that counts <see cref="LoopCount"/> down in a tight loop
/// and then writes 1 to QEMU's isa-debug-exit port, which makes QEMU exit with status
/// (1 &lt;&lt; 1) | 1 = 3. Under a working KVM this takes a few hundredths of a second, under
/// TCG about one second, under the slow KVM more than a minute; the script gives it
/// <see cref="TimeoutSeconds"/>.
/// </para>
/// The sector, in 16-bit real mode at 0x7c00 (assembled by hand; offsets in brackets):
/// <code>
/// [00] fa                  cli                  ; no interrupts: nothing else runs
/// [01] 66 b9 00 e1 f5 05   mov ecx, 100000000
/// [07] 66 49               dec ecx              ; the timed loop
/// [09] 75 fc               jnz [07]
/// [0b] b0 01               mov al, 1
/// [0d] e6 f4               out 0xf4, al         ; isa-debug-exit: QEMU exits with status 3
/// [0f] f4                  hlt                  ; not reached
/// [10] eb fd               jmp [0f]
/// [12] spaces up to byte 510, then 55 aa        ; the BIOS boot signature
/// </code>
/// </summary>
public static class KvmProbeGuest
{
    public const int LoopCount = 100_000_000;

    public const int TimeoutSeconds = 10;

    /// <summary>The isa-debug-exit status that says the guest ran to its end.</summary>
    public const int SuccessStatus = 3;

    public static readonly byte[] Code =
    [
        0xfa,
        0x66, 0xb9, 0x00, 0xe1, 0xf5, 0x05,
        0x66, 0x49,
        0x75, 0xfc,
        0xb0, 0x01,
        0xe6, 0xf4,
        0xf4,
        0xeb, 0xfd,
    ];

    /// <summary>The 512-byte boot sector: code, space padding, 0x55 0xaa.</summary>
    public static byte[] Sector()
    {
        var sector = new byte[512];
        Array.Fill(sector, (byte)' ');
        Code.CopyTo(sector, 0);
        sector[510] = 0x55;
        sector[511] = 0xaa;
        return sector;
    }

    /// <summary>
    /// A printf format that writes the sector: the code as octal escapes (POSIX printf), the
    /// padding as one space-padded empty string argument, then the signature.
    /// </summary>
    public static string PrintfFormat()
    {
        var format = new StringBuilder();
        foreach (var b in Code) format.Append('\\').Append(Convert.ToString(b, 8).PadLeft(3, '0'));
        format.Append('%').Append((510 - Code.Length).ToString(CultureInfo.InvariantCulture)).Append('s');
        format.Append("\\125\\252");
        return format.ToString();
    }

    /// <summary>Emulators the x86 boot sector runs on.</summary>
    public static bool Supports(string qemuProgram) => qemuProgram is "qemu-system-x86_64" or "qemu-system-i386";
}
