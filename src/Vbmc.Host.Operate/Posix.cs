using System.Runtime.InteropServices;

namespace Vbmc.Host.Operate;

/// <summary>kill(2), sysconf(_SC_CLK_TCK) and a file's type: what operating a QEMU process needs that .NET does not offer.</summary>
internal static partial class Posix
{
    public const int SigTerm = 15;
    public const uint SocketType = 0xC000; // S_IFSOCK
    private const uint TypeMask = 0xF000;  // S_IFMT
    private const int ClockTicksName = 2;  // _SC_CLK_TCK (glibc, every Linux ABI)
    private const int NoSuchProcess = 3;   // ESRCH

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int KillNative(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "sysconf")]
    private static partial long SysconfNative(int name);

    [LibraryImport("libc", EntryPoint = "stat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int StatNative(string path, ref byte statBuffer);

    /// <summary>Sends <paramref name="signal"/>; false when the process is gone, an IOException when it may not be signalled.</summary>
    public static bool Signal(int pid, int signal)
    {
        if (KillNative(pid, signal) == 0) return true;
        var errno = Marshal.GetLastPInvokeError();
        if (errno == NoSuchProcess) return false;
        throw new IOException($"cannot signal process {pid}: {Marshal.GetPInvokeErrorMessage(errno)}");
    }

    /// <summary>Clock ticks per second, the unit of /proc/PID/stat's start time.</summary>
    public static long ClockTicksPerSecond =>
        SysconfNative(ClockTicksName) is > 0 and var ticks ? ticks : throw new IOException("sysconf(_SC_CLK_TCK) failed");

    /// <summary>st_mode's file type bits of <paramref name="path"/> (followed), or 0 when it cannot be read.</summary>
    public static uint FileType(string path)
    {
        // st_mode follows st_dev, st_ino and st_nlink (8 bytes) on x86_64; st_dev, st_ino on the generic 64-bit ABI.
        Span<byte> buffer = stackalloc byte[512];
        if (StatNative(path, ref MemoryMarshal.GetReference(buffer)) != 0) return 0;
        var modeAt = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 24 : 16;
        return MemoryMarshal.Read<uint>(buffer[modeAt..]) & TypeMask;
    }
}
