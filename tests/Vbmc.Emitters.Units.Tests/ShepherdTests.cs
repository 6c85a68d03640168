using System.Globalization;
using System.Text;
using Vbmc.Emitters.Scheme;
using Vbmc.Lowering;
using Vbmc.TestSupport;

namespace Vbmc.Emitters.Units.Tests;

/// <summary>
/// The Shepherd file loaded by the real GNU Shepherd 1.0.9 of the reference root (one shepherd
/// for the class, not PID 1, its own socket), as a user loads it: the lines the file's header
/// shows go into the configuration, `herd load root` adds a VM later. What shepherd registered
/// is read back with `herd status`, `herd doc` and `herd eval`; what it runs is seen for real: a
/// stand-in launch script at the installed path (the real one boots QEMU: see
/// tests/Vbmc.EndToEnd.Tests/ShepherdEndToEndTests.cs) prints its pid and waits, and the test
/// reads its user, groups and environment in /proc and its output in the log file.
/// </summary>
public sealed class ShepherdTests(RealShepherd shepherd) : IClassFixture<RealShepherd>
{
    [Fact]
    public void A_shepherd_configured_as_the_header_says_registers_the_vm_and_herd_start_runs_its_script_as_its_account()
    {
        var vm = Plans.Default;
        // The configuration is the header's line and nothing else: a fresh shepherd has no
        // user-processes (only Guix System's has), and the VM then requires nothing.
        shepherd.Configuration.Should().Be("(load \"/etc/vbmc/shepherd/build-vm.scm\")\n");
        shepherd.InitialServices.Order().Should().Equal("build-vm", "root");

        var got = shepherd.Registered(vm);
        got["provision"].Should().Equal("build-vm");
        got["requirement"].Should().BeEmpty();
        got["respawn"].Should().Equal("yes");
        got["one-shot"].Should().Equal("no");
        got["documentation"].Single().Should().Contain("build-vm").And.Contain("2020-01-01T00:00:00");
        got["status"].Should().Equal("stopped");
        got["ever-running"].Should().Equal(new[] { "no" }, "auto-start? is #f: loading starts nothing" + shepherd.Daemon.Diagnostics());
        var doc = shepherd.Daemon.Herd("doc", "build-vm");
        doc.Stdout.Trim().Should().Be(got["documentation"].Single(), doc.Stderr);

        using var running = shepherd.Start(vm);
        running.Status.Stdout.Should().Contain("Command: /var/lib/vbmc/build-vm/run-build-vm.sh")
            .And.Contain("Log file: /var/log/vbmc/build-vm.log").And.NotContain("user-processes").And.Contain("Will be respawned");
        running.Query["command"].Should().Equal("/var/lib/vbmc/build-vm/run-build-vm.sh");
        running.Query["log-file"].Should().Equal("/var/log/vbmc/build-vm.log");
        running.ShouldRunAs("build-vm-build-vm", "build-vm-build-vm", "kvm");

        // TMPDIR=/tmp (QEMU's snapshot overlay), then shepherd's own environment without its TMPDIR.
        var shepherds = shepherd.Daemon.Query("(apply out \"environment\" (default-environment-variables))")["environment"].ToList();
        shepherds.Should().Contain(RealShepherd.ShepherdTmpdir).And.Contain("PATH=/usr/sbin:/usr/bin:/sbin:/bin");
        running.Environment().Should().Equal(["TMPDIR=/tmp", .. shepherds.Where(v => !v.StartsWith("TMPDIR=", StringComparison.Ordinal))]);

        // No pid file: shepherd's main process is the script it forked.
        running.Query["pid"].Should().Equal(running.Pid.ToString(CultureInfo.InvariantCulture));
        // herd stop: make-kill-destructor's default signal, SIGTERM.
        running.Stop().Should().Contain("stand-in stopped by SIGTERM");
    }

    [Fact]
    public void An_auto_start_vm_is_started_in_the_background_once_loaded()
    {
        var vm = Plans.AutoStart;
        var before = shepherd.Daemon.ServiceNames();
        shepherd.Load(vm);
        shepherd.Daemon.ServiceNames().Except(before).Should().Equal("auto");
        var got = shepherd.Registered(vm);
        got["provision"].Should().Equal("auto");

        using var running = shepherd.WaitRunning(vm, "auto-start? is #t: loading the file starts the VM, no herd start");
        running.Query["command"].Should().Equal("/var/lib/vbmc/auto/run-auto.sh");
        running.ShouldRunAs("build-vm-auto", "build-vm-auto", "kvm");
        running.Stop();
    }

    [Fact]
    public void Hostile_names_and_accounts_reach_shepherd_exactly()
    {
        const string Name = "a b\"c'd$e%f\\g`h;i#j}#|k\nl\tm é中😀";
        // Names /etc/passwd and /etc/group can hold (no ':' and no newline), so that shepherd
        // really switches to them; the VM's name carries the newline.
        const string User = "user \"x\" \\y";
        const string Group = "group 'z' #|w|# é";
        var vm = Plans.Renamed(Plans.Default, Name,
            Plans.Default.Account with { Name = User, Group = Group, SupplementaryGroups = ["kvm", "wé\"ird"] });
        ShepherdEmitter.Text(vm).Should().MatchRegex("^[\\x00-\\x7f]*$", "the file is ASCII whatever it holds");

        var before = shepherd.Daemon.ServiceNames();
        shepherd.Load(vm);
        shepherd.Daemon.ServiceNames().Except(before).Should().Equal(Name);
        var got = shepherd.Registered(vm);
        got["provision"].Should().Equal(Name);
        got["requirement"].Should().BeEmpty();
        got["documentation"].Single().Should().Contain(Name);

        using var running = shepherd.Start(vm);
        running.Query["command"].Should().Equal(vm.InstalledScript);
        running.Query["log-file"].Should().Equal(vm.SerialLog);
        running.ShouldRunAs(User, Group, "kvm", "wé\"ird");
        running.Stop();
    }

    [Fact]
    public void Where_a_service_provides_user_processes_as_on_Guix_System_the_vm_requires_it()
    {
        var register = shepherd.Daemon.Herd("eval", "root",
            "(unless (lookup-service 'user-processes) (register-services (list (service '(user-processes) #:start (const #t) #:stop (const #f)))))");
        register.ExitCode.Should().Be(0, register.Stdout + register.Stderr);
        var vm = Plans.Renamed(Plans.Default, "after-user-processes");
        shepherd.Load(vm);
        shepherd.Registered(vm)["requirement"].Should().Equal("user-processes");
        using (var running = shepherd.Start(vm))
        {
            running.Status.Stdout.Should().Contain("Requires: user-processes");
            running.Stop();
        }
        // The class's other tests share this shepherd, which has no user-processes.
        var unregister = shepherd.Daemon.Herd("eval", "root",
            "(unregister-services (list (lookup-service 'after-user-processes) (lookup-service 'user-processes)))");
        unregister.ExitCode.Should().Be(0, unregister.Stdout + unregister.Stderr);
    }

    /// <param name="r6rsHexEscapes">
    /// With Guile's reader option r6rs-hex-escapes (which a Shepherd configuration may enable),
    /// "\x01" would be an error: the writer's \u0001 reads the same either way.
    /// </param>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Guile_reads_back_every_string_and_symbol_the_scheme_writer_writes(bool r6rsHexEscapes)
    {
        string[] values = ["", "plain", "a b", "q\"uote", "back\\slash", "new\nline", "tab\tcr\r", "\x01\x7f", "\x00\x1b[0m", "é中😀",
            "}#", "#{x}#", "|bar|", "10", "1x", "-", ".", "...", "#t", "a;b", "'q", "`q", ",q", "(x)", "build-vm"];
        var program = new StringBuilder(r6rsHexEscapes ? "(read-enable 'r6rs-hex-escapes)\n" : "");
        program.Append("(define (codes s) (string-join (map (lambda (c) (number->string (char->integer c))) (string->list s)) \",\"))\n");
        foreach (var value in values)
        {
            program.Append("(display (codes ").Append(SchemeWriter.String(value)).Append("))(newline)\n");
            program.Append("(display (codes (symbol->string '").Append(SchemeWriter.Symbol(value)).Append(")))(newline)\n");
        }
        var result = Guile.Run(program.ToString());
        result.ExitCode.Should().Be(0, result.Stderr);
        var lines = result.Stdout.Split('\n')[..(values.Length * 2)].Select(Decode).ToList();
        lines.Should().Equal(values.SelectMany(v => new[] { v, v }));
    }

    [Fact]
    public void Emit_gives_the_file_at_its_layout_path()
    {
        var artifact = ShepherdEmitter.Emit(Plans.Default);
        artifact.RelativePath.Should().Be(InstallLayout.ShepherdPath("build-vm"));
        artifact.Kind.Should().Be(ArtifactKind.ShepherdService);
    }

    private static string Decode(string codes) =>
        codes.Length == 0 ? "" : string.Concat(codes.Split(',').Select(c => char.ConvertFromUtf32(int.Parse(c, CultureInfo.InvariantCulture))));
}

/// <summary>
/// One session of the reference root with one real shepherd, configured with the lines the
/// header of the default VM's Shepherd file shows (the file installed where apply installs it).
/// Each VM gets its accounts in the root's /etc/passwd and /etc/group, its log folder and a
/// stand-in launch script at its installed path.
/// </summary>
public sealed class RealShepherd : IDisposable
{
    /// <summary>shepherd's own TMPDIR, which the service must replace with /tmp.</summary>
    public const string ShepherdTmpdir = "TMPDIR=/var/tmp";

    private const string StandIn = """
        #!/bin/sh
        # Stand-in for vbmc's launch script (tests/Vbmc.Emitters.Units.Tests/ShepherdTests.cs).
        echo "stand-in started: pid $$"
        trap 'echo "stand-in stopped by SIGTERM"; exit 0' TERM
        sleep 600 &
        wait
        """;

    private readonly Dictionary<string, int> _groups = new(StringComparer.Ordinal);
    private readonly HashSet<string> _users = new(StringComparer.Ordinal);
    private int _nextId = 3001;

    public ReferenceRootSession Session { get; }
    public ShepherdDaemon Daemon { get; }

    /// <summary>The text of /etc/shepherd.scm.</summary>
    public string Configuration { get; }

    /// <summary>The services registered once shepherd had loaded its configuration.</summary>
    public IReadOnlyList<string> InitialServices { get; }

    public RealShepherd()
    {
        Session = ReferenceRoot.Enter();
        try
        {
            var vm = Plans.Default;
            Install(vm);
            Configuration = string.Join('\n', HeaderConfiguration(ShepherdEmitter.Text(vm))) + "\n";
            File.WriteAllText(Session.HostPath("/etc/shepherd.scm"), Configuration);
            Daemon = ShepherdDaemon.Start(Session, "/etc/shepherd.scm", new Dictionary<string, string> { ["TMPDIR"] = "/var/tmp" });
            InitialServices = Daemon.ServiceNames();
        }
        catch
        {
            Session.Dispose();
            throw;
        }
    }

    /// <summary>The indented lines of the file's header: what to add to the Shepherd configuration.</summary>
    public static IReadOnlyList<string> HeaderConfiguration(string shepherdFile) =>
        shepherdFile.Split('\n').TakeWhile(l => l.StartsWith(";;", StringComparison.Ordinal))
            .Where(l => l.StartsWith(";;   ", StringComparison.Ordinal)).Select(l => l[5..]).ToList();

    /// <summary>Installs the VM's file, accounts, log folder and stand-in script, and loads the file with `herd load root` as an added configuration line.</summary>
    public void Load(VmPlan vm)
    {
        Install(vm);
        var load = HeaderConfiguration(ShepherdEmitter.Text(vm)).Last();
        load.Should().StartWith("(load ");
        var config = $"/etc/shepherd-{Guid.NewGuid():N}.scm";
        File.WriteAllText(Session.HostPath(config), load + "\n");
        var result = Daemon.Herd("load", "root", config);
        result.ExitCode.Should().Be(0, $"herd load root {config}:\n{result.Stdout}{result.Stderr}{Daemon.Diagnostics()}");
    }

    /// <summary>What shepherd registered for the VM, read with `herd eval`.</summary>
    public ILookup<string, string> Registered(VmPlan vm) => Daemon.Query($$"""
        (let ((s (lookup-service {{ShepherdDaemon.SymbolExpression(vm.Name)}})))
          (apply out "provision" (map symbol->string (service-provision s)))
          (apply out "requirement" (map symbol->string (service-requirement s)))
          (out "documentation" (service-documentation s))
          (out "respawn" (if (respawn-service? s) "yes" "no"))
          (out "one-shot" (if (one-shot-service? s) "yes" "no"))
          (out "status" (symbol->string (service-status s)))
          (out "ever-running" (if (assq 'running (service-status-changes s)) "yes" "no"))
          (let ((value (service-running-value s)))
            (when (process? value)
              (apply out "command" (process-command value))
              (out "pid" (number->string (process-id value)))))
          (apply out "log-file" (service-log-files s)))
        """);

    /// <summary>`herd start NAME`, then waits for the stand-in's first line in the log file.</summary>
    public RunningService Start(VmPlan vm)
    {
        var start = Herd(vm, "start");
        start.ExitCode.Should().Be(0, $"herd start:\n{start.Stdout}{start.Stderr}{Daemon.Diagnostics()}");
        return WaitRunning(vm, "herd start");
    }

    /// <summary>
    /// `herd start|stop NAME`. herd cannot name a service whose name holds a backslash: it sends
    /// the name to shepherd with Guile's `write`, which writes the symbol a\b as #{a\b}#, and
    /// `read` takes that for "ab" (Guile 3.0.8 and 3.0.11). Real VM names cannot hold one
    /// (BuildVmNameCheck: [a-z_][a-z0-9_-]*); for the test's hostile name, `herd eval` calls
    /// start-service or stop-service on the symbol.
    /// </summary>
    public ProcessResult Herd(VmPlan vm, string action) =>
        vm.Name.Contains('\\', StringComparison.Ordinal)
            ? Daemon.Herd("eval", "root", $"({action}-service (lookup-service {ShepherdDaemon.SymbolExpression(vm.Name)}))")
            : Daemon.Herd(action, vm.Name);

    /// <summary>Waits until the service runs and its stand-in script has written its pid to the log file.</summary>
    public RunningService WaitRunning(VmPlan vm, string because)
    {
        var log = Session.HostPath(vm.SerialLog);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var line = File.Exists(log) ? File.ReadAllLines(log).FirstOrDefault(l => l.Contains("stand-in started: pid ", StringComparison.Ordinal)) : null;
            if (line is not null)
            {
                var pid = int.Parse(line[(line.IndexOf("pid ", StringComparison.Ordinal) + 4)..], CultureInfo.InvariantCulture);
                var status = Daemon.Herd("status", vm.Name);
                return new RunningService(this, vm, pid, Registered(vm), status);
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{because}: the service's script did not write to {vm.SerialLog} within 30 s{Daemon.Diagnostics()}");
            Thread.Sleep(200);
        }
    }

    private void Install(VmPlan vm)
    {
        var file = Session.HostPath("/etc/vbmc/" + InstallLayout.ShepherdPath(vm.Name));
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, ShepherdEmitter.Text(vm));
        var script = Session.HostPath(vm.InstalledScript);
        Directory.CreateDirectory(Path.GetDirectoryName(script)!);
        File.WriteAllText(script, StandIn + "\n");
        File.SetUnixFileMode(script, (UnixFileMode)0b111_101_101);
        Directory.CreateDirectory(Path.GetDirectoryName(Session.HostPath(vm.SerialLog))!);
        foreach (var group in vm.Account.SupplementaryGroups.Prepend(vm.Account.Group)) GroupId(group);
        if (_users.Add(vm.Account.Name))
        {
            var id = _nextId++;
            File.AppendAllText(Session.HostPath("/etc/passwd"), $"{vm.Account.Name}:x:{id}:{GroupId(vm.Account.Group)}::/var/empty:/usr/sbin/nologin\n");
        }
    }

    /// <summary>The gid of a group of the root's /etc/group, added when missing.</summary>
    public int GroupId(string group)
    {
        if (_groups.TryGetValue(group, out var gid)) return gid;
        var existing = File.ReadAllLines(Session.HostPath("/etc/group")).Select(l => l.Split(':')).FirstOrDefault(f => f[0] == group);
        if (existing is not null) gid = int.Parse(existing[2], CultureInfo.InvariantCulture);
        else
        {
            gid = _nextId++;
            File.AppendAllText(Session.HostPath("/etc/group"), $"{group}:x:{gid}:\n");
        }
        return _groups[group] = gid;
    }

    /// <summary>The uid of a user of the root's /etc/passwd.</summary>
    public int UserId(string user) =>
        int.Parse(File.ReadAllLines(Session.HostPath("/etc/passwd")).Select(l => l.Split(':')).Single(f => f[0] == user)[2], CultureInfo.InvariantCulture);

    public void Dispose()
    {
        Daemon.Dispose();
        Session.Dispose();
    }
}

/// <summary>A started service: its stand-in's pid, what `herd eval` and `herd status` said then.</summary>
public sealed class RunningService(RealShepherd shepherd, VmPlan vm, int pid, ILookup<string, string> query, ProcessResult status) : IDisposable
{
    private bool _stopped;

    public int Pid => pid;
    public ILookup<string, string> Query => query;
    public ProcessResult Status => status;

    /// <summary>The process's user, group and supplementary groups (/proc/PID/status) are these, by the root's ids.</summary>
    public void ShouldRunAs(string user, string group, params string[] supplementary)
    {
        var fields = File.ReadAllLines($"/proc/{pid}/status").Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0] is "Uid" or "Gid" or "Groups")
            .ToDictionary(p => p[0], p => p[1].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToList());
        var uid = shepherd.UserId(user);
        var gid = shepherd.GroupId(group);
        fields["Uid"].Should().Equal(new[] { uid, uid, uid, uid }, $"the script runs as {user}");
        fields["Gid"].Should().Equal(new[] { gid, gid, gid, gid }, $"the script runs with the group {group}");
        fields["Groups"].Order().Should().Equal(supplementary.Select(shepherd.GroupId).Order(), "the supplementary groups are exactly the file's");
    }

    /// <summary>The environment the script was started with (/proc/PID/environ).</summary>
    public IReadOnlyList<string> Environment() =>
        File.ReadAllText($"/proc/{pid}/environ").Split('\0', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>`herd stop NAME`; waits until the process is gone and returns the log file.</summary>
    public string Stop()
    {
        _stopped = true;
        var stop = shepherd.Herd(vm, "stop");
        stop.ExitCode.Should().Be(0, $"herd stop:\n{stop.Stdout}{stop.Stderr}{shepherd.Daemon.Diagnostics()}");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (Directory.Exists($"/proc/{pid}") && DateTime.UtcNow < deadline) Thread.Sleep(100);
        Directory.Exists($"/proc/{pid}").Should().BeFalse("herd stop ends the script" + shepherd.Daemon.Diagnostics());
        var log = shepherd.Session.HostPath(vm.SerialLog);
        // shepherd's logger writes the last line after the process ended.
        while (!File.ReadAllText(log).Contains("stand-in stopped", StringComparison.Ordinal) && DateTime.UtcNow < deadline) Thread.Sleep(100);
        shepherd.Registered(vm)["status"].Should().Equal("stopped");
        return File.ReadAllText(log);
    }

    public void Dispose()
    {
        if (!_stopped) shepherd.Herd(vm, "stop");
    }
}
