using System.Runtime.InteropServices;

namespace Vbmc.Processes;

/// <summary>
/// The process's file mode creation mask. vbmc sets 022 before it writes anything, whatever its
/// caller's umask: under umask 000 its folders would otherwise be 0777 and its files 0666 (anyone
/// could replace a unit or script that root runs), and under 077 the folders guix offload reads as
/// an unprivileged account would be closed to it. Files that must be private get their own mode.
/// The mask is the process's: the programs vbmc runs inherit it too.
/// </summary>
public static partial class CreationMask
{
    public const uint Standard = 0b000_010_010; // 022

    [LibraryImport("libc", EntryPoint = "umask")]
    private static partial uint SetMask(uint mask);

    /// <summary>Sets <see cref="Standard"/>; returns the mask that was in effect.</summary>
    public static uint UseStandard() => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() ? SetMask(Standard) : Standard;
}
