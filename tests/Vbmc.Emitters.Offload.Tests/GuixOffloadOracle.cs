using System.Diagnostics;
using System.Globalization;
using System.Text;
using Vbmc.TestSupport;

namespace Vbmc.Emitters.Offload.Tests;

/// <summary>The test classes that load machines.scm with the real Guix share one oracle (one session, one Guile per locale).</summary>
[CollectionDefinition(Name)]
public sealed class GuixOffloadOracleCollection : ICollectionFixture<GuixOffloadOracle>
{
    public const string Name = "Guix 1.5.0 offload oracle";
}

/// <summary>One load of machines.scm by Guix: the records it returned, or what went wrong.</summary>
public sealed record GuixLoad(
    IReadOnlyList<IReadOnlyDictionary<string, GuileValue>> Machines, string? Thrown, string Diagnostics)
{
    public bool Clean => Thrown is null && Diagnostics.Length == 0;
}

/// <summary>
/// GNU Guix 1.5.0 as the oracle for the machines.scm vbmc writes. In a session of the reference
/// root (tests/reference-root.sh), a Guile process runs guix-offload-oracle.scm: each request
/// installs the file as /etc/guix/machines.scm and calls guix offload's own
/// <c>build-machines</c> (<c>(guix scripts offload)</c>: <c>primitive-load</c> in Guix's user
/// module, the result matched as a list of <c>&lt;build-machine&gt;</c> records), then prints
/// every field of every record through Guix's accessors. Between loads the test sets the host
/// state in the root (<see cref="HostState"/>): VM pid files at /var/lib/vbmc/NAME/run/qemu.pid
/// and host keys at /etc/vbmc/NAME/ssh_host_ed25519_key.pub; the live pid is that of a
/// <c>sleep</c> started in the session. One Guile process serves every load of a locale.
/// </summary>
public sealed class GuixOffloadOracle : IDisposable
{
    private const string Folder = "/var/tmp/vbmc-oracle";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private readonly object _gate = new();
    private readonly ReferenceRootSession _session;
    private readonly Dictionary<string, Server> _servers = [];

    /// <summary>The pid of the session's live process (a sleep), which a running VM's pid file holds.</summary>
    public int LivePid { get; }

    public GuixOffloadOracle()
    {
        _session = ReferenceRoot.Enter();
        try
        {
            Directory.CreateDirectory(_session.HostPath(Folder));
            File.Copy(Path.Combine(AppContext.BaseDirectory, "guix-offload-oracle.scm"), _session.HostPath(Folder + "/oracle.scm"));
            var pidFile = _session.HostPath(Folder + "/live.pid");
            _session.Start($"echo $$ >{Folder}/live.pid.new && mv {Folder}/live.pid.new {Folder}/live.pid && exec sleep infinity",
                _session.HostPath(Folder + "/live.log"));
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (!File.Exists(pidFile) && DateTime.UtcNow < deadline) Thread.Sleep(20);
            if (!File.Exists(pidFile)) throw new InvalidOperationException("the live process (sleep) did not start in the reference root");
            LivePid = int.Parse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture);
        }
        catch
        {
            _session.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Loads <paramref name="machinesScm"/> once per host state, in order, and returns the
    /// records of each load. Anything but a clean load (an error, a warning such as "did not
    /// return a list of build machines") fails with Guix's message and the file.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<IReadOnlyDictionary<string, GuileValue>>> Load(
        string machinesScm, IReadOnlyList<HostState> states, bool cLocale = false)
    {
        var loads = LoadAsIs(machinesScm, states, cLocale);
        foreach (var load in loads)
        {
            if (!load.Clean)
                throw new InvalidOperationException(
                    $"Guix did not load the file cleanly:\n{load.Thrown}\n{load.Diagnostics}\n--- machines.scm ---\n{machinesScm}");
        }
        return [.. loads.Select(l => l.Machines)];
    }

    /// <summary>Loads <paramref name="machinesScm"/> once per host state and returns what Guix did, errors included.</summary>
    public IReadOnlyList<GuixLoad> LoadAsIs(string machinesScm, IReadOnlyList<HostState> states, bool cLocale = false)
    {
        lock (_gate)
        {
            var server = ServerFor(cLocale ? "C" : "C.UTF-8");
            File.WriteAllText(_session.HostPath("/etc/guix/machines.scm"), machinesScm, new UTF8Encoding(false));
            var loads = new List<GuixLoad>();
            foreach (var state in states)
            {
                state.ApplyTo(_session.HostPath, LivePid);
                loads.Add(server.Load());
            }
            return loads;
        }
    }

    private Server ServerFor(string locale)
    {
        if (!_servers.TryGetValue(locale, out var server))
        {
            server = new Server(_session.Spawn($"exec guile --no-auto-compile {Folder}/oracle.scm",
                environment: new Dictionary<string, string> { ["LC_ALL"] = locale, ["GUILE_AUTO_COMPILE"] = "0" }));
            var expectedEncoding = locale == "C" ? "ANSI_X3.4-1968" : "UTF-8";
            if (server.GuixVersion != "1.5.0" || server.PortEncoding != expectedEncoding)
                throw new InvalidOperationException(
                    $"the oracle runs Guix {server.GuixVersion} with port encoding {server.PortEncoding}; expected Guix 1.5.0 and {expectedEncoding}");
            _servers.Add(locale, server);
        }
        return server;
    }

    public void Dispose()
    {
        foreach (var server in _servers.Values) server.Dispose();
        _session.Dispose();
    }

    /// <summary>One Guile process running guix-offload-oracle.scm.</summary>
    private sealed class Server : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _stderr = new();

        public string GuixVersion { get; }
        public string PortEncoding { get; }

        public Server(Process process)
        {
            _process = process;
            _process.ErrorDataReceived += (_, e) => { lock (_stderr) _stderr.AppendLine(e.Data); };
            _process.BeginErrorReadLine();
            var ready = ReadLine().Split('\t');
            if (ready.Length != 4 || ready[0] != "READY")
                throw Failure("the oracle did not start: " + string.Join('\t', ready));
            GuixVersion = ready[2];
            PortEncoding = ready[3];
        }

        public GuixLoad Load()
        {
            _process.StandardInput.Write("load\n");
            _process.StandardInput.Flush();
            if (ReadLine() != "BEGIN") throw Failure("the oracle's answer does not start with BEGIN");
            var machines = new List<IReadOnlyDictionary<string, GuileValue>>();
            Dictionary<string, GuileValue>? machine = null;
            string? thrown = null;
            var diagnostics = "";
            for (var line = ReadLine(); line != "END"; line = ReadLine())
            {
                var parts = line.Split('\t');
                switch (parts[0])
                {
                    case "machine": machine = []; machines.Add(machine); break;
                    case "thrown": thrown = FromHex(parts[1]); break;
                    case "diagnostic": diagnostics = FromHex(parts[1]); break;
                    default:
                        if (machine is null || parts.Length != 3 || !machine.TryAdd(parts[0], Decode(parts[1], parts[2])))
                            throw Failure("the oracle wrote an unexpected line: " + line);
                        break;
                }
            }
            return new GuixLoad(machines, thrown, diagnostics);
        }

        private string ReadLine()
        {
            var read = _process.StandardOutput.ReadLineAsync();
            if (!read.Wait(Timeout)) throw Failure("the oracle did not answer in time");
            return read.Result ?? throw Failure("the oracle exited");
        }

        private InvalidOperationException Failure(string what)
        {
            Thread.Sleep(100); // let the last lines of standard error arrive
            lock (_stderr) return new InvalidOperationException($"{what}; Guile's standard error:\n{_stderr}");
        }

        public void Dispose()
        {
            try
            {
                _process.StandardInput.Close();
                if (!_process.WaitForExit(5000)) _process.Kill();
            }
            catch (InvalidOperationException) { }
            _process.Dispose();
        }

        private static GuileValue Decode(string kind, string payload) => kind switch
        {
            "s" => new GuileValue.Text(FromHex(payload)),
            "l" => new GuileValue.TextList(payload.Length == 0 ? [] : payload.Split(',').Select(FromHex).ToList()),
            "i" => new GuileValue.Integer(long.Parse(payload, CultureInfo.InvariantCulture)),
            "r" => new GuileValue.Real(ParseReal(payload)),
            "b" => new GuileValue.Boolean(payload == "t"),
            _ => new GuileValue.Other(FromHex(payload)),
        };

        private static double ParseReal(string text) => text switch
        {
            "+inf.0" => double.PositiveInfinity,
            "-inf.0" => double.NegativeInfinity,
            "+nan.0" => double.NaN,
            _ => double.Parse(text, CultureInfo.InvariantCulture),
        };

        private static string FromHex(string hex) => Encoding.UTF8.GetString(Convert.FromHexString(hex));
    }
}
