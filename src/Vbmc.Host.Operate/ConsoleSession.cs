using System.Net.Sockets;

namespace Vbmc.Host.Operate;

/// <summary>
/// `vbmc console NAME`: the terminal joined to the VM's console socket, the guest's second serial
/// port, where a root shell waits (the guest's vbmc-console.service). From a terminal it runs in
/// raw mode until Ctrl+] (as `virsh console` and telnet). From a pipe or file, so that scripts can
/// use it, it waits for the shell (the console's first output, then <see cref="QuietEnd"/> of
/// quiet: the login and the prompt), sends all of its input, and ends once the console has been
/// quiet for <see cref="QuietEnd"/> again; input typed ahead of the login could be lost. It sends
/// one Enter first: the guest's agetty waits for one before it logs root in, and a shell already
/// there prints a fresh prompt. QEMU serves one client at a time.
/// </summary>
public sealed class ConsoleSession(InstalledVm vm, Stream input, Stream output, TextWriter notes)
{
    /// <summary>Ctrl+], the key that leaves the console (the shell keeps running).</summary>
    public const byte EscapeKey = 0x1d;
    public static readonly TimeSpan QuietEnd = TimeSpan.FromSeconds(2);
    /// <summary>How long input from a pipe waits for the console's first output before it is sent anyway.</summary>
    public static readonly TimeSpan FirstOutputLimit = TimeSpan.FromSeconds(60);
    /// <summary>How long a terminal user waits for the first byte before being told why it may not come.</summary>
    public static readonly TimeSpan SilenceNote = TimeSpan.FromSeconds(10);
    private const int StandardInput = 0;
    /// <summary>sun_path holds 108 bytes, one for the terminating NUL.</summary>
    public const int SocketPathLimit = 107;

    private readonly object _gate = new();
    private DateTime _lastOutput = DateTime.UtcNow;
    private volatile bool _anyOutput;

    /// <summary>Runs the session; throws an <see cref="OperateException"/> when the console cannot be reached.</summary>
    public void Run()
    {
        var fromTerminal = RawTerminal.IsTerminal(StandardInput);
        using var socket = Connect();
        using var stream = new NetworkStream(socket, ownsSocket: false);
        var closed = new ManualResetEventSlim();
        var reader = new Thread(() => CopyOutput(stream, closed)) { IsBackground = true, Name = "console output" };
        stream.Write("\r"u8);
        if (fromTerminal) RunFromTerminal(stream, reader, closed);
        else RunFromInput(stream, reader, closed);
    }

    private Socket Connect()
    {
        if (QemuProcess.Find(vm) is null)
            throw new OperateException($"{vm.Name} is not running (start it with 'vbmc start {vm.Name}')");
        var path = vm.ConsoleSocket;
        if (System.Text.Encoding.UTF8.GetByteCount(path) > SocketPathLimit)
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
                stream.Write(buffer, 0, escape < 0 ? read : escape);
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
        var firstOutputBy = DateTime.UtcNow + FirstOutputLimit;
        while (!closed.IsSet && DateTime.UtcNow < firstOutputBy && !(_anyOutput && QuietFor(QuietEnd))) Thread.Sleep(100);
        var buffer = new byte[4096];
        int read;
        try
        {
            while (!closed.IsSet && (read = input.Read(buffer)) > 0) stream.Write(buffer, 0, read);
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
                output.Write(buffer, 0, read);
                output.Flush();
                _anyOutput = true;
                MarkOutput();
            }
        }
        catch (IOException)
        {
            // QEMU closed the connection (the VM stopped), or vbmc closes it on leaving.
        }
        closed.Set();
    }

    private void MarkOutput()
    {
        lock (_gate) _lastOutput = DateTime.UtcNow;
    }
}
