using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Text;

namespace Vbmc.Processes;

/// <summary>
/// A started program and the readers of its output: the one place vbmc makes a process. Registered
/// with <see cref="ChildRegistry"/> from its start until it is disposed.
/// </summary>
internal sealed class Child : IDisposable
{
    /// <summary>After a kill, how long the output may take to end (a grandchild that escaped the kill may hold it open).</summary>
    private static readonly TimeSpan DrainAfterKill = TimeSpan.FromSeconds(5);

    private readonly ProgramRequest _request;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Queue<string> _tail = new();
    private readonly object _gate = new();
    private ExceptionDispatchInfo? _callbackFailure;

    private Child(ProgramRequest request, Process process)
    {
        _request = request;
        Process = process;
        Program = Path.GetFileName(process.StartInfo.FileName);
    }

    public Process Process { get; }

    /// <summary>The program's file name, for messages.</summary>
    public string Program { get; }

    /// <summary>Completes when both output streams have ended.</summary>
    public Task Drained { get; private set; } = Task.CompletedTask;

    /// <summary>
    /// Starts the program: a <see cref="ProgramMissingException"/> when a bare name is found nowhere,
    /// a <see cref="System.ComponentModel.Win32Exception"/> when the file cannot be executed.
    /// </summary>
    public static Child Launch(ProgramRequest request)
    {
        var executable = request.Executable.Contains('/')
            ? request.Executable
            : ProgramSearch.Locate(request.Executable) ?? throw new ProgramMissingException(request.Executable, null);
        var start = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = request.WorkingDirectory ?? "",
        };
        foreach (var argument in request.Arguments) start.ArgumentList.Add(argument);
        foreach (var key in start.Environment.Keys.ToList())
        {
            if (request.RemovedVariablePrefixes.Any(prefix => key.StartsWith(prefix, StringComparison.Ordinal)))
                start.Environment.Remove(key);
        }
        if (request.Locale is { } locale)
        {
            // LANGUAGE outranks LC_ALL for gettext's translations in every locale but C.
            start.Environment.Remove("LANGUAGE");
            start.Environment["LC_ALL"] = locale;
        }
        foreach (var (key, value) in request.Environment ?? new Dictionary<string, string?>())
        {
            if (value is null) start.Environment.Remove(key);
            else start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch
        {
            process.Dispose();
            throw;
        }
        ChildRegistry.Add(process);
        var child = new Child(request, process);
        child.Drained = Task.WhenAll(child.Read(process.StandardOutput, child._stdout), child.Read(process.StandardError, child._stderr));
        _ = child.WriteInput();
        return child;
    }

    private async Task WriteInput()
    {
        var input = Process.StandardInput;
        try
        {
            if (_request.Input is { } text)
            {
                await input.WriteAsync(text).ConfigureAwait(false);
                await input.FlushAsync().ConfigureAwait(false);
            }
        }
        catch (IOException)
        {
            // The program ended or closed its standard input before reading it all.
        }
        finally
        {
            try
            {
                input.Close();
            }
            catch (IOException)
            {
                // Same: a broken pipe while flushing.
            }
        }
    }

    private async Task Read(StreamReader reader, StringBuilder whole)
    {
        await Task.Yield();
        try
        {
            await ReadAll(reader, whole).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ObjectDisposedException or IOException)
        {
            // Disposed before its output ended (a grandchild that escaped a kill holds the pipe):
            // what was read is the output.
        }
    }

    private async Task ReadAll(StreamReader reader, StringBuilder whole)
    {
        if (!_request.ByLine)
        {
            var buffer = new char[8192];
            int count;
            while ((count = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                lock (_gate) whole.Append(buffer, 0, count);
            }
            return;
        }
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            lock (_gate)
            {
                _tail.Enqueue(line);
                while (_tail.Count > Math.Max(0, _request.TailLines)) _tail.Dequeue();
                if (_callbackFailure is not null) continue;
                try
                {
                    _request.OnLine?.Invoke(line);
                }
                catch (Exception e)
                {
                    // Kept for the caller; the output is still read so that the program never blocks on it.
                    _callbackFailure = ExceptionDispatchInfo.Capture(e);
                }
            }
        }
    }

    public void KillTree() => ChildRegistry.KillTree(Process);

    /// <summary>Waits for the exit of a program that was just killed, and for its output within a few seconds.</summary>
    public async Task SettleAfterKillAsync()
    {
        await Process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            await Drained.WaitAsync(DrainAfterKill).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Whatever was read so far is the output.
        }
    }

    public ProgramResult Result(bool timedOut)
    {
        _callbackFailure?.Throw();
        lock (_gate)
        {
            var exit = timedOut ? -1 : Process.HasExited ? Process.ExitCode : -1;
            return new ProgramResult(Program, exit, _stdout.ToString(), _stderr.ToString(), _tail.ToList(), timedOut, _request.Timeout);
        }
    }

    public void Dispose()
    {
        KillTree();
        ChildRegistry.Remove(Process);
        Process.Dispose();
    }
}
