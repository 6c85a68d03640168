using System.Diagnostics;
using System.Text;
using Vbmc.TestSupport;

namespace Vbmc.Image.Tests;

/// <summary>
/// `vbmc console NAME` driven through pipes, as a script drives it: what it prints is collected
/// as it comes, lines are written to it one at a time, and closing its input lets it end.
/// </summary>
internal sealed class ConsoleClient : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errors = new();
    private readonly Thread _reader;

    private ConsoleClient(Process process)
    {
        _process = process;
        _reader = new Thread(() => Collect(process.StandardOutput.BaseStream, _output)) { IsBackground = true };
        _reader.Start();
        new Thread(() => Collect(process.StandardError.BaseStream, _errors)) { IsBackground = true }.Start();
    }

    /// <summary>`vbmc ARGUMENTS` with pipes for its standard input and output.</summary>
    public static ConsoleClient Start(IEnumerable<string> arguments) => StartCommand(VbmcCli.CommandLine(arguments));

    /// <summary>
    /// `vbmc ARGUMENTS` on a terminal of its own: util-linux's script(1) gives it a pseudo-terminal
    /// and relays the pipes to it, so vbmc sees a terminal as a user's shell gives it one.
    /// </summary>
    public static ConsoleClient StartOnTerminal(IEnumerable<string> arguments)
    {
        var command = string.Join(' ', VbmcCli.CommandLine(arguments).Select(a => "'" + a.Replace("'", "'\\''") + "'"));
        return StartCommand([HostTools.Require("script", "bsdutils"), "--quiet", "--return", "--command", command, "/dev/null"]);
    }

    private static ConsoleClient StartCommand(IReadOnlyList<string> command)
    {
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Skip(1)) start.ArgumentList.Add(argument);
        return new ConsoleClient(Process.Start(start) ?? throw new InvalidOperationException("vbmc did not start"));
    }

    public string Output { get { lock (_output) return _output.ToString(); } }
    public string Errors { get { lock (_errors) return _errors.ToString(); } }

    /// <summary>Waits until the output holds <paramref name="text"/>; false when the time runs out or vbmc ends first.</summary>
    public bool WaitFor(string text, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (Output.Contains(text, StringComparison.Ordinal)) return true;
            if (_process.HasExited) { _reader.Join(TimeSpan.FromSeconds(5)); return Output.Contains(text, StringComparison.Ordinal); }
            Thread.Sleep(200);
        }
        return false;
    }

    public void Send(string text)
    {
        _process.StandardInput.Write(text);
        _process.StandardInput.Flush();
    }

    public void CloseInput() => _process.StandardInput.Close();

    /// <summary>vbmc's exit code, or -1 when it still runs after <paramref name="limit"/>.</summary>
    public int WaitForExit(TimeSpan limit) => _process.WaitForExit(limit) ? _process.ExitCode : -1;

    private static void Collect(Stream stream, StringBuilder into)
    {
        var buffer = new byte[4096];
        var decoder = Encoding.UTF8.GetDecoder();
        var chars = new char[Encoding.UTF8.GetMaxCharCount(buffer.Length)];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            var count = decoder.GetChars(buffer, 0, read, chars, 0);
            lock (into) into.Append(chars, 0, count);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
