using System.Runtime.InteropServices;

namespace Vbmc.Host.Operate;

/// <summary>
/// A terminal put in raw mode (cfmakeraw: no echo, no line editing, no signals from Ctrl+C) for as
/// long as the object lives, as `virsh console` and `screen` do, so that every key reaches the
/// guest's shell; disposing restores the settings it found. The termios structure is handled as
/// an opaque buffer (only libc reads its fields), larger than any Linux ABI's.
/// </summary>
internal sealed partial class RawTerminal : IDisposable
{
    private const int SetNow = 0; // TCSANOW
    private const int TermiosBufferSize = 256;
    private readonly int _fd;
    private readonly byte[] _saved = new byte[TermiosBufferSize];
    private bool _restored;

    [LibraryImport("libc", EntryPoint = "tcgetattr", SetLastError = true)]
    private static partial int GetAttributes(int fd, byte[] termios);

    [LibraryImport("libc", EntryPoint = "tcsetattr", SetLastError = true)]
    private static partial int SetAttributes(int fd, int actions, byte[] termios);

    [LibraryImport("libc", EntryPoint = "cfmakeraw")]
    private static partial void MakeRaw(byte[] termios);

    private RawTerminal(int fd) => _fd = fd;

    /// <summary>Puts <paramref name="fd"/> in raw mode; an IOException when its settings cannot be read or set.</summary>
    public static RawTerminal Enter(int fd)
    {
        var terminal = new RawTerminal(fd);
        if (GetAttributes(fd, terminal._saved) != 0)
            throw new IOException($"cannot read the terminal's settings: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        var raw = (byte[])terminal._saved.Clone();
        MakeRaw(raw);
        if (SetAttributes(fd, SetNow, raw) != 0)
            throw new IOException($"cannot put the terminal in raw mode: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        return terminal;
    }

    public void Dispose()
    {
        if (_restored) return;
        _restored = true;
        SetAttributes(_fd, SetNow, _saved);
    }
}
