using System.Diagnostics;
using System.Text;
using Vbmc.TestSupport;

namespace Vbmc.Image.Tests;

/// <summary>
/// A VM started with its generated run-NAME.sh (TCG), its serial console in a log file. Dispose
/// kills QEMU if it still runs.
/// </summary>
internal sealed class RunningGuest : IDisposable
{
    private readonly Process _process;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly StringBuilder _output = new();

    public string SerialLog { get; }
    public int Port { get; }
    public TimeSpan Elapsed => _clock.Elapsed;

    private RunningGuest(Process process, string serialLog, int port)
    {
        _process = process;
        SerialLog = serialLog;
        Port = port;
        _process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Runs <c>sh run-NAME.sh --accel tcg --serial-log LOG --pidfile PID OPTIONS...</c> in the compile folder.</summary>
    public static RunningGuest Start(string compileFolder, string script, string workFolder, int port, params string[] options)
    {
        var serialLog = Path.Combine(workFolder, $"serial-{Guid.NewGuid():N}.log");
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workFolder,
        };
        string[] arguments = [Path.Combine(compileFolder, script), "--accel", "tcg", "--serial-log", serialLog,
            "--pidfile", Path.Combine(workFolder, $"qemu-{Guid.NewGuid():N}.pid"), .. options];
        foreach (var a in arguments) start.ArgumentList.Add(a);
        start.Environment["TMPDIR"] = workFolder; // QEMU's snapshot overlay
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + script);
        process.StandardInput.Close();
        return new RunningGuest(process, serialLog, port);
    }

    /// <summary>Waits for sshd's banner (see <see cref="Network.WaitForBanner"/>), while QEMU runs.</summary>
    public bool WaitForBanner(TimeSpan timeout) =>
        Network.WaitUntil(() => _process.HasExited || Network.ReadsBanner(Port), timeout) && !_process.HasExited;

    /// <summary>Waits for QEMU to exit; its exit code, or null if it still runs.</summary>
    public int? WaitForExit(TimeSpan timeout) => _process.WaitForExit(timeout) ? _process.ExitCode : null;

    /// <summary>The end of the serial console and of the script's own output, for failure messages.</summary>
    public string Tail()
    {
        var serial = File.Exists(SerialLog) ? File.ReadAllLines(SerialLog) : [];
        string script;
        lock (_output) script = _output.ToString();
        return $"\n--- serial console (last 60 lines) ---\n{string.Join('\n', serial.TakeLast(60))}\n--- run script output ---\n{script}";
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(30));
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    public static int FreePort() => Network.FreePort();
}
