using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Vbmc.TestSupport;

/// <summary>
/// The real GNU Shepherd 1.0.9 of the reference root, run inside a session as a user runs a
/// second shepherd: not PID 1, with its own socket (<c>shepherd -I -s SOCKET -c CONFIG -l LOG</c>).
/// <see cref="Herd"/> talks to it with the real <c>herd</c>. Disposing stops it (<c>herd stop
/// root</c>, which stops its services first); the session kills whatever is left.
/// </summary>
public sealed partial class ShepherdDaemon : IDisposable
{
    /// <summary>The daemon's socket inside the root (not the system's default, /var/run/shepherd/socket).</summary>
    public const string Socket = "/run/vbmc-test-shepherd/socket";

    /// <summary>shepherd's own log inside the root (-l), readable from the host through the overlay.</summary>
    public const string LogFile = "/var/log/vbmc-test-shepherd.log";

    private readonly ReferenceRootSession _session;
    private readonly Process _process;
    private readonly string _output;
    private bool _disposed;

    /// <summary>The configuration file shepherd was started with (a path inside the root).</summary>
    public string Configuration { get; }

    private ShepherdDaemon(ReferenceRootSession session, string configuration, Process process, string output)
    {
        _session = session;
        Configuration = configuration;
        _process = process;
        _output = output;
    }

    /// <summary>
    /// Starts shepherd with <paramref name="configuration"/> (a path inside the root) and waits
    /// until <c>herd status</c> answers on its socket; <paramref name="environment"/> is added to
    /// the clean environment it runs with (PATH, LC_ALL=C.UTF-8, HOME, USER).
    /// </summary>
    public static ShepherdDaemon Start(ReferenceRootSession session, string configuration,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var output = Path.Combine(Path.GetTempPath(), $"vbmc-shepherd-{Guid.NewGuid():N}.out");
        var process = session.Start(
            // shepherd does not make the socket's folder.
            $"mkdir -p {ReferenceRootSession.Quote(Path.GetDirectoryName(Socket)!)} && exec shepherd -I -s {ReferenceRootSession.Quote(Socket)} -c {ReferenceRootSession.Quote(configuration)} -l {ReferenceRootSession.Quote(LogFile)}",
            output, environment: environment);
        var daemon = new ShepherdDaemon(session, configuration, process, output);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            if (process.HasExited)
            {
                var message = $"shepherd exited ({process.ExitCode}) before answering on {Socket}{daemon.Diagnostics()}";
                daemon.Dispose();
                throw new InvalidOperationException(message);
            }
            if (daemon.Herd("status", "root").ExitCode == 0) return daemon;
            if (DateTime.UtcNow > deadline)
            {
                var message = $"shepherd did not answer on {Socket} within 60 s{daemon.Diagnostics()}";
                daemon.Dispose();
                throw new TimeoutException(message);
            }
            Thread.Sleep(200);
        }
    }

    /// <summary>Runs <c>herd -s SOCKET ARGUMENT...</c> inside the root.</summary>
    public ProcessResult Herd(params string[] arguments) =>
        _session.Run("exec herd -s " + ReferenceRootSession.Quote(Socket) + " " + string.Join(' ', arguments.Select(ReferenceRootSession.Quote)),
            timeout: TimeSpan.FromMinutes(2));

    /// <summary>
    /// Evaluates <paramref name="expression"/> (ASCII Scheme) in shepherd with <c>herd eval root</c>,
    /// where <c>(out KEY STRING...)</c> prints one <c>KEY=codes</c> line per string; returns KEY →
    /// the strings, in order. Strings travel as code points, so nothing depends on escapes.
    /// </summary>
    public ILookup<string, string> Query(string expression)
    {
        var program = """
            (let* ((codes (lambda (s) (string-join (map (lambda (c) (number->string (char->integer c))) (string->list s)) ",")))
                   (out (lambda (key . strings)
                          (for-each (lambda (s) (display key) (display "=") (display (codes s)) (newline)) strings))))
            """ + "\n  " + expression + ")";
        var result = Herd("eval", "root", program);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"herd eval failed (exit {result.ExitCode}):\n{result.Stdout}\n{result.Stderr}{Diagnostics()}");
        return result.Stdout.Split('\n')
            .Select(line => QueryLine().Match(line))
            .Where(m => m.Success)
            .ToLookup(m => m.Groups[1].Value, m => Decode(m.Groups[2].Value));
    }

    /// <summary>The canonical names of every registered service.</summary>
    public IReadOnlyList<string> ServiceNames() =>
        Query("(for-each-service (lambda (s) (out \"service\" (symbol->string (service-canonical-name s)))))")["service"].ToList();

    /// <summary>A Scheme expression, ASCII only, that gives the symbol <paramref name="name"/> (whatever it holds).</summary>
    public static string SymbolExpression(string name) =>
        "(string->symbol (list->string (map integer->char '(" +
        string.Join(' ', name.EnumerateRunes().Select(r => r.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "))))";

    /// <summary>shepherd's log, its standard output and the status of every service, for failure messages.</summary>
    public string Diagnostics()
    {
        var log = File.Exists(_session.HostPath(LogFile)) ? File.ReadAllLines(_session.HostPath(LogFile)) : [];
        var output = File.Exists(_output) ? File.ReadAllText(_output) : "";
        var text = new StringBuilder();
        text.Append($"\n--- shepherd log {LogFile} (last 60 lines) ---\n").AppendJoin('\n', log.TakeLast(60));
        text.Append("\n--- shepherd's standard output ---\n").Append(output);
        if (!_process.HasExited)
        {
            try
            {
                var status = Herd("status");
                text.Append("\n--- herd status ---\n").Append(status.Stdout).Append(status.Stderr);
            }
            catch (TimeoutException e)
            {
                text.Append("\n--- herd status did not answer: ").Append(e.Message);
            }
        }
        return text.ToString();
    }

    private static string Decode(string codes) =>
        codes.Length == 0 ? "" : string.Concat(codes.Split(',').Select(c => char.ConvertFromUtf32(int.Parse(c, System.Globalization.CultureInfo.InvariantCulture))));

    [GeneratedRegex("^([a-z-]+)=([0-9,]*)$")]
    private static partial Regex QueryLine();

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        try
        {
            if (!_process.HasExited)
            {
                try { Herd("stop", "root"); } catch (TimeoutException) { }
                if (!_process.WaitForExit(TimeSpan.FromSeconds(20))) _process.Kill(entireProcessTree: true);
            }
        }
        finally
        {
            _process.Dispose();
            File.Delete(_output);
        }
    }
}
