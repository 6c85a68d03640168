using System.Net.Sockets;
using System.Text;

namespace Vbmc.Host.Operate;

/// <summary>
/// `vbmc console NAME`: the terminal joined to the VM's console socket, the guest's second serial
/// port, where a root shell waits (the guest's vbmc-console.service: agetty waits for an Enter,
/// then logs root in). From a terminal it runs in raw mode until Ctrl+] (as `virsh console` and
/// telnet), sending an Enter at once and again every <see cref="NudgeInterval"/> until a line
/// comes back: an Enter that arrives before agetty runs (a VM still booting, or while systemd
/// restarts it) is lost. From a pipe or file, for scripts, it first makes sure a shell reads what
/// it sends: it types <see cref="ReadyProbe"/> every <see cref="NudgeInterval"/> until the
/// shell's answer comes back (text typed ahead of the login is lost, seen in CI), prints what
/// comes after that answer, sends its input, and ends once the console has been quiet for
/// <see cref="QuietEnd"/>. QEMU serves one client at a time.
/// </summary>
public sealed class ConsoleSession(InstalledVm vm, Stream input, Stream output, TextWriter notes)
{
    /// <summary>Ctrl+], the key that leaves the console (the shell keeps running).</summary>
    public const byte EscapeKey = 0x1d;
    public static readonly TimeSpan QuietEnd = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan NudgeInterval = TimeSpan.FromSeconds(3);
    /// <summary>How long vbmc waits for the shell: long enough for a VM still booting under TCG to start agetty.</summary>
    public static readonly TimeSpan ShellLimit = TimeSpan.FromMinutes(2);
    /// <summary>What a pipe's session types until the shell answers; the answer (<see cref="ReadyAnswer"/>) is computed, so the echo of the typed line never matches it.</summary>
    public const string ReadyProbe = "echo vbmc-console-ready-$((6 * 7))\r";
    private static readonly byte[] ReadyAnswer = "vbmc-console-ready-42"u8.ToArray();
    /// <summary>How long a terminal user waits for the first byte before being told why it may not come.</summary>
    public static readonly TimeSpan SilenceNote = TimeSpan.FromSeconds(10);
    private const int StandardInput = 0;
    /// <summary>sun_path holds 108 bytes, one for the terminating NUL.</summary>
    public const int SocketPathLimit = 107;

    /// <summary>Whether a Unix socket can have <paramref name="path"/> (QEMU refuses to start with a longer one).</summary>
    public static bool FitsSocketPath(string path) => Encoding.UTF8.GetByteCount(path) <= SocketPathLimit;

    private readonly object _gate = new();
    private readonly object _writeGate = new();
    private DateTime _lastOutput = DateTime.UtcNow;
    private volatile bool _anyOutput;
    /// <summary>A line end came back (terminal sessions): something answered the Enter.</summary>
    private volatile bool _answered;
    /// <summary>Pipe sessions: output is held back until the shell's answer to the probe has come.</summary>
    private volatile bool _shellReady;
    private readonly List<byte> _heldBack = [];

    /// <summary>Runs the session; throws an <see cref="OperateException"/> when the console cannot be reached.</summary>
    public void Run()
    {
        var fromTerminal = !Console.IsInputRedirected;
        _shellReady = fromTerminal;
        using var socket = Connect();
        using var stream = new NetworkStream(socket, ownsSocket: false);
        var closed = new ManualResetEventSlim();
        var reader = new Thread(() => CopyOutput(stream, closed)) { IsBackground = true, Name = "console output" };
        if (fromTerminal) RunFromTerminal(stream, reader, closed);
        else RunFromInput(stream, reader, closed);
    }

    private Socket Connect()
    {
        if (QemuProcess.Find(vm) is null)
            throw new OperateException($"{vm.Name} is not running (start it with 'vbmc start {vm.Name}')");
        var path = vm.ConsoleSocket;
        if (!FitsSocketPath(path))
            throw new OperateException($"the console socket's path is longer than a socket's {SocketPathLimit} bytes: {path}");
        if (Posix.FileType(path) != Posix.SocketType)
            throw new OperateException($"{path} is not a socket: {vm.Name} runs without a console (its launch script is older than "
                + $"vbmc console, or was given --no-console-socket); 'vbmc restart {vm.Name}' starts it with one");
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(path));
            return socket;
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new OperateException($"cannot connect to {path}: {e.Message}");
        }
    }

    private void RunFromTerminal(NetworkStream stream, Thread reader, ManualResetEventSlim closed)
    {
        notes.Write($"connected to {vm.Name}'s console (a root shell on its second serial port); Ctrl+] leaves\r\n");
        notes.Flush();
        using var raw = RawTerminal.Enter(StandardInput);
        reader.Start();
        Send(stream, "\r"u8);
        new Thread(() => NudgeUntil(stream, closed, "\r"u8.ToArray(), () => _answered)) { IsBackground = true, Name = "console nudge" }.Start();
        var left = new ManualResetEventSlim();
        var keys = new Thread(() => CopyKeys(stream, left)) { IsBackground = true, Name = "console input" };
        keys.Start();
        var noted = false;
        while (!left.Wait(200) && !closed.IsSet)
        {
            if (!noted && !_anyOutput && DateTime.UtcNow - _lastOutput > SilenceNote)
            {
                noted = true;
                notes.Write($"(nothing from the console in {SilenceNote.TotalSeconds:0} s: the guest may still be booting, "
                    + "or another client is attached: QEMU serves one at a time)\r\n");
                notes.Flush();
            }
        }
        raw.Dispose();
        notes.WriteLine(closed.IsSet && !left.IsSet
            ? $"\n{vm.Name}'s console closed (QEMU ended)"
            : $"\nleft {vm.Name}'s console (its shell keeps running: 'exit' there logs out)");
    }

    /// <summary>Keys to the guest until Ctrl+] or the end of the terminal's input.</summary>
    private void CopyKeys(NetworkStream stream, ManualResetEventSlim left)
    {
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = input.Read(buffer)) > 0)
            {
                var escape = Array.IndexOf(buffer, EscapeKey, 0, read);
                Send(stream, buffer.AsSpan(0, escape < 0 ? read : escape));
                if (escape >= 0) break;
            }
        }
        catch (IOException)
        {
            // The console closed: the output side ends the session.
        }
        left.Set();
    }

    private void RunFromInput(NetworkStream stream, Thread reader, ManualResetEventSlim closed)
    {
        reader.Start();
        var probe = Encoding.ASCII.GetBytes(ReadyProbe);
        Send(stream, probe);
        new Thread(() => NudgeUntil(stream, closed, probe, () => _shellReady)) { IsBackground = true, Name = "console probe" }.Start();
        var deadline = DateTime.UtcNow + ShellLimit;
        while (!_shellReady)
        {
            if (closed.IsSet) throw new OperateException($"{vm.Name}'s console closed before its shell answered (QEMU ended)");
            if (DateTime.UtcNow > deadline)
                throw new OperateException($"{vm.Name}'s console shell did not answer within {ShellLimit.TotalSeconds:0} s "
                    + $"(the guest may not have booted: 'vbmc logs {vm.Name}'; or another client is attached)");
            Thread.Sleep(100);
        }
        var buffer = new byte[4096];
        int read;
        try
        {
            while (!closed.IsSet && (read = input.Read(buffer)) > 0) Send(stream, buffer.AsSpan(0, read));
        }
        catch (IOException) when (closed.IsSet)
        {
            return;
        }
        MarkOutput();
        while (!closed.Wait(200))
        {
            if (QuietFor(QuietEnd)) return;
        }
    }

    private void Send(NetworkStream stream, ReadOnlySpan<byte> bytes)
    {
        lock (_writeGate) stream.Write(bytes);
    }

    /// <summary>Sends <paramref name="bytes"/> every <see cref="NudgeInterval"/> until <paramref name="done"/>, for <see cref="ShellLimit"/> at most.</summary>
    private void NudgeUntil(NetworkStream stream, ManualResetEventSlim closed, byte[] bytes, Func<bool> done)
    {
        var deadline = DateTime.UtcNow + ShellLimit;
        try
        {
            while (!closed.Wait(NudgeInterval) && !done() && DateTime.UtcNow < deadline) Send(stream, bytes);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The session ended.
        }
    }

    private bool QuietFor(TimeSpan span)
    {
        lock (_gate) return DateTime.UtcNow - _lastOutput >= span;
    }

    private void CopyOutput(NetworkStream stream, ManualResetEventSlim closed)
    {
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                _anyOutput = true;
                if (!_answered && Array.IndexOf(buffer, (byte)'\n', 0, read) >= 0) _answered = true;
                if (_shellReady) Write(buffer.AsSpan(0, read));
                else HoldBack(buffer.AsSpan(0, read));
                MarkOutput();
            }
        }
        catch (IOException)
        {
            // QEMU closed the connection (the VM stopped), or vbmc closes it on leaving.
        }
        closed.Set();
    }

    /// <summary>Before the shell's answer (pipe sessions): keeps the output, and once the answer's line has ended prints what follows it.</summary>
    private void HoldBack(ReadOnlySpan<byte> bytes)
    {
        _heldBack.AddRange(bytes);
        var held = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_heldBack);
        var answer = held.IndexOf(ReadyAnswer);
        if (answer < 0)
        {
            // Only the tail can still hold the start of an answer.
            if (_heldBack.Count > 4096) _heldBack.RemoveRange(0, _heldBack.Count - ReadyAnswer.Length);
            return;
        }
        var lineEnd = held[answer..].IndexOf((byte)'\n');
        if (lineEnd < 0) return;
        var rest = held[(answer + lineEnd + 1)..].ToArray();
        _heldBack.Clear();
        _shellReady = true;
        Write(rest);
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        output.Write(bytes);
        output.Flush();
    }

    private void MarkOutput()
    {
        lock (_gate) _lastOutput = DateTime.UtcNow;
    }
}
