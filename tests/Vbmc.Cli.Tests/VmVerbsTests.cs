using System.Diagnostics;
using System.Globalization;
using Vbmc.Host.Operate;
using Vbmc.Lowering;
using Vbmc.TestSupport;

namespace Vbmc.Cli.Tests;

/// <summary>
/// The verbs on installed VMs, run as the real program against a root that `vbmc apply --root`
/// made (a VM without an image: nothing here boots; the booted path, `vbmc start`, `status` with
/// the SSH banner, `ssh` and `stop`, is in Vbmc.Image.Tests' ApplyAndTestBootTests).
/// </summary>
public sealed class VmVerbsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vbmc-verbs-").FullName;
    private readonly int _port = Network.FreePort();
    private string Root => Path.Combine(_folder, "root");
    private string Cache => Path.Combine(_folder, "cache");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The real vbmc, with its image cache in the test's folder (gc cleans it).</summary>
    private ProcessResult Vbmc(params string[] arguments) =>
        VbmcCli.Run(arguments, environment: new Dictionary<string, string?> { ["VBMC_CACHE_DIR"] = Cache });

    /// <summary>Compiles (no image) and applies a one-VM configuration; <paramref name="memory"/> makes a new generation.</summary>
    private void CompileAndApply(int memory = 1024)
    {
        HostTools.Require("systemd-sysusers", "systemd");
        HostTools.Require("ssh-keygen", "openssh-client");
        var configuration = Path.Combine(_folder, "vm.scm");
        File.WriteAllText(configuration, $$"""
            (use-modules (gnu services virtualization))
            (list (service virtual-build-machine-service-type
                    (virtual-build-machine (name 'verbs) (memory-size {{memory}}) (port-forwardings '(({{_port}} . 22))))))
            """);
        var output = Path.Combine(_folder, "out");
        var compile = Vbmc("compile", "--no-image", "--quiet", configuration, "-o", output);
        compile.ExitCode.Should().Be(0, compile.Stdout + compile.Stderr);
        Directory.CreateDirectory(Root);
        var apply = Vbmc("apply", output, "--root", Root, "--no-start");
        apply.ExitCode.Should().Be(0, apply.Stdout + apply.Stderr);
    }

    [Fact]
    public void Status_shows_a_stopped_VM_and_the_last_vbmc_test_result()
    {
        CompileAndApply();
        var status = Vbmc("status", "--root", Root);
        status.ExitCode.Should().Be(0, status.Stderr);
        status.Stdout.Should().Be(
            "verbs\n"
            + $"  runs through: its launch script ({Root}/var/lib/vbmc/verbs/run-verbs.sh; no systemd or Shepherd manages it here)\n"
            + "  state:        stopped\n"
            + $"  ssh port:     127.0.0.1:{_port} -> guest port 22\n"
            + "  ssh banner:   not checked (stopped)\n"
            + "  last test:    never run (vbmc test records it)\n");

        // vbmc test keeps its result per installed VM, readable by all; status shows it.
        HostTools.Require("ssh", "openssh-client");
        var test = Vbmc("test", "--root", Root, "--timeout", "2");
        test.ExitCode.Should().Be(1, "nothing listens on the VM's port");
        var record = Path.Combine(Root, "var/lib/vbmc/verbs/last-test.json");
        File.GetUnixFileMode(record).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        Vbmc("status", "verbs", "--root", Root).Stdout.Should()
            .MatchRegex($@"  last test:    failed the reachable check at \d{{4}}-\d\d-\d\dT\d\d:\d\d:\d\dZ: 127\.0\.0\.1:{_port}: connection refused");
    }

    [Fact]
    public void A_pid_file_naming_another_program_is_not_taken_for_the_VM()
    {
        CompileAndApply();
        using var other = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        try
        {
            File.WriteAllText(Path.Combine(Root, "var/lib/vbmc/verbs/run/qemu.pid"), other.Id.ToString(CultureInfo.InvariantCulture) + "\n");
            Vbmc("status", "verbs", "--root", Root).Stdout.Should().Contain("  state:        stopped\n");
            var stop = Vbmc("stop", "verbs", "--root", Root);
            stop.ExitCode.Should().Be(0, stop.Stderr);
            stop.Stdout.Should().Be("verbs is not running\n");
            other.HasExited.Should().BeFalse("vbmc stop signals only the VM's own QEMU");
        }
        finally
        {
            other.Kill();
        }
    }

    [Fact]
    public void Start_without_an_image_fails_with_the_scripts_own_words_and_logs_prints_them_escaped()
    {
        HostTools.Require("setsid", "util-linux");
        CompileAndApply();
        var start = Vbmc("start", "verbs", "--root", Root);
        start.ExitCode.Should().Be(2, start.Stdout + start.Stderr);
        start.Stderr.Should().Contain("run-verbs.sh ended before QEMU wrote its pid file")
            .And.Contain("image not found").And.Contain("[VBM7005]");

        // The console log is the guest's text: a control character reaches the terminal escaped.
        var log = Path.Combine(Root, "var/log/vbmc/verbs.log");
        File.AppendAllText(log, "guest says \u001b]0;title\u0007 hello\n");
        var logs = Vbmc("logs", "verbs", "--root", Root);
        logs.ExitCode.Should().Be(0, logs.Stderr);
        logs.Stdout.Should().Contain("image not found").And.EndWith("guest says \\x1b]0;title\\x07 hello\n");
        logs.Stdout.Should().NotContain("\u001b");
    }

    [Fact]
    public void Logs_follow_prints_what_is_added_until_interrupted()
    {
        CompileAndApply();
        var log = Path.Combine(Root, "var/log/vbmc/verbs.log");
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        File.WriteAllText(log, "first line\n");
        var command = VbmcCli.CommandLine(["logs", "verbs", "-f", "--root", Root]);
        var start = new ProcessStartInfo(command[0]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in command.Skip(1)) start.ArgumentList.Add(argument);
        using var follow = Process.Start(start)!;
        var lines = new System.Collections.Concurrent.BlockingCollection<string>();
        follow.OutputDataReceived += (_, e) => { if (e.Data is not null) lines.Add(e.Data); };
        follow.BeginOutputReadLine();
        try
        {
            lines.TryTake(out var first, TimeSpan.FromSeconds(30)).Should().BeTrue();
            first.Should().Be("first line");
            File.AppendAllText(log, "added \u001b[31mred\n");
            lines.TryTake(out var added, TimeSpan.FromSeconds(30)).Should().BeTrue("logs -f prints what the console adds");
            added.Should().Be("added \\x1b[31mred");
            ProcessRunner.Run("kill", ["-INT", follow.Id.ToString(CultureInfo.InvariantCulture)]).ExitCode.Should().Be(0);
            follow.WaitForExit(30_000).Should().BeTrue("Ctrl+C ends logs -f");
            follow.ExitCode.Should().Be(0, follow.StandardError.ReadToEnd());
        }
        finally
        {
            if (!follow.HasExited) follow.Kill();
        }
    }

    [Fact]
    public void Names_are_checked_before_anything_is_read()
    {
        CompileAndApply();
        var hostile = Vbmc("status", "../x", "--root", Root);
        hostile.ExitCode.Should().Be(2);
        hostile.Stderr.Should().Contain("'../x' is not a VM name").And.Contain("[VBM9001]");
        var escaped = Vbmc("start", "a\u001b[2Jb", "--root", Root);
        escaped.ExitCode.Should().Be(2);
        escaped.Stderr.Should().Contain("'a\\x1b[2Jb' is not a VM name").And.NotContain("\u001b");
        var typo = Vbmc("ssh", "verb", "--root", Root, "--", "true");
        typo.ExitCode.Should().Be(2);
        typo.Stderr.Should().Contain("no VM named 'verb' is installed").And.Contain("did you mean 'verbs'?");
        var reserved = Vbmc("stop", "generations", "--root", Root);
        reserved.ExitCode.Should().Be(2);
        var console = Vbmc("console", "verbs", "--root", Root);
        console.ExitCode.Should().NotBe(0);
        console.Stderr.Should().Contain("verbs is not running (start it with 'vbmc start verbs')").And.Contain("[VBM7005]");
        var nothing = Vbmc("status", "--root", Path.Combine(_folder, "empty-root-" + Guid.NewGuid().ToString("N")));
        nothing.ExitCode.Should().Be(2);
    }

    [Fact]
    public void Gc_keeps_the_newest_generations_and_removes_leftovers_of_interrupted_work()
    {
        CompileAndApply(1024);
        CompileAndApply(1536);
        CompileAndApply(2048);
        var generations = Path.Combine(Root, "var/lib/vbmc/generations");
        // What an apply killed while staging generation 4 leaves.
        Directory.CreateDirectory(Path.Combine(generations, "4.partial"));
        File.WriteAllBytes(Path.Combine(generations, "4.partial", "generation.json"), new byte[5000]);
        // The image cache: a base whose mmdebstrap was killed (its lock is free), one being made
        // (the test holds its lock), the staging folder of a killed build and one a build holds
        // (its process lock, which the kernel drops when the build dies: ImageStaging).
        var key = new string('a', 64);
        var busyKey = new string('b', 64);
        var debian = Directory.CreateDirectory(Path.Combine(Cache, "debian")).FullName;
        var killedBase = Path.Combine(debian, $".{key}.{Guid.NewGuid():N}.tar");
        var busyBase = Path.Combine(debian, $".{busyKey}.{Guid.NewGuid():N}.tar");
        File.WriteAllBytes(killedBase, new byte[7000]);
        File.WriteAllBytes(busyBase, new byte[7000]);
        var finished = Path.Combine(debian, key + ".tar");
        File.WriteAllBytes(finished, new byte[100]);
        File.WriteAllText(Path.Combine(debian, key + ".txt"), "inputs\n");
        // A base no build used for 40 days (its list of inputs is marked at each use).
        var unusedKey = new string('c', 64);
        var unused = Path.Combine(debian, unusedKey + ".tar");
        File.WriteAllBytes(unused, new byte[11000]);
        File.WriteAllText(Path.Combine(debian, unusedKey + ".txt"), "inputs\n");
        File.SetLastWriteTimeUtc(Path.Combine(debian, unusedKey + ".txt"), DateTime.UtcNow.AddDays(-40));
        var oldStaging = Directory.CreateDirectory(Path.Combine(Cache, "staging", "verbs.old")).FullName;
        File.WriteAllBytes(Path.Combine(oldStaging, "file"), new byte[3000]);
        var newStaging = Directory.CreateDirectory(Path.Combine(Cache, "staging", "verbs.new")).FullName;
        File.WriteAllBytes(Path.Combine(newStaging, "file"), new byte[3000]);
        using var building = global::Vbmc.Processes.ProcessLock.TryAcquire("image-staging", newStaging)!;
        using var busy = new FileStream(Path.Combine(debian, busyKey + ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var dry = Vbmc("gc", "--keep", "2", "--root", Root, "--dry-run");
        dry.ExitCode.Should().Be(0, dry.Stderr);
        dry.Stdout.Should().MatchRegex(@"^would remove generation 1 \(\d+\.\d KiB\)\n")
            .And.Contain("would remove /var/lib/vbmc/generations/4.partial (left by an interrupted apply, 4.9 KiB)\n")
            .And.Contain("kept generations 2, 3 (current: 3)\n")
            .And.Contain($"would remove {killedBase} (a Debian base whose build was killed, 7000 bytes)\n")
            .And.Contain($"would remove {oldStaging} (the staging folder of an image build that was killed, 3000 bytes)\n")
            .And.Contain($"would remove {unused} (a Debian base no build used for 40 days, 11000 bytes)\n")
            .And.NotContain(busyBase).And.NotContain(newStaging).And.NotContain(finished)
            .And.MatchRegex(@"would free \d+\.\d KiB \(\d+ bytes\)\n$");
        Directory.Exists(Path.Combine(generations, "1")).Should().BeTrue("--dry-run removes nothing");
        File.Exists(killedBase).Should().BeTrue();

        var gc = Vbmc("gc", "--keep", "2", "--root", Root);
        gc.ExitCode.Should().Be(0, gc.Stderr);
        var freed = long.Parse(System.Text.RegularExpressions.Regex.Match(gc.Stdout, @"freed .* \((\d+) bytes\)\n$").Groups[1].Value, CultureInfo.InvariantCulture);
        freed.Should().Be(long.Parse(System.Text.RegularExpressions.Regex.Match(dry.Stdout, @"would free .* \((\d+) bytes\)\n$").Groups[1].Value, CultureInfo.InvariantCulture),
            "gc frees what --dry-run said");
        freed.Should().BeGreaterThan(5000 + 7000 + 3000 + 11000, "generation 1's own files count too");
        File.Exists(unused).Should().BeFalse();
        Directory.EnumerateFileSystemEntries(generations).Select(Path.GetFileName).Order().Should().Equal("2", "3");
        File.Exists(killedBase).Should().BeFalse();
        Directory.Exists(oldStaging).Should().BeFalse();
        File.Exists(busyBase).Should().BeTrue("its build still holds the lock");
        Directory.Exists(newStaging).Should().BeTrue();
        File.Exists(finished).Should().BeTrue("a base used within --cache-days (30) is kept");
        Vbmc("generations", "--root", Root).Stdout.Should().MatchRegex(@"^ +2  .*\n\* +3  ");

        var again = Vbmc("gc", "--keep", "1", "--root", Root);
        again.Stdout.Should().StartWith("removed generation 2 (").And.Contain("kept generation 3 (current: 3)");
        Vbmc("gc", "--keep", "0", "--root", Root).ExitCode.Should().Be(2);
        Vbmc("gc", "--cache-days", "0", "--root", Root).ExitCode.Should().Be(2);
    }

    [Fact]
    public void Systemd_is_chosen_only_on_a_live_host_with_the_unit_and_its_commands_name_the_prefixed_unit()
    {
        // systemd does not run as PID 1 where the tests run: the rule and the command lines are
        // checked here, not a live systemctl.
        ServiceManager.Choose(rootIsHost: true, systemdRuns: true, unitInstalled: true, shepherdSocket: "/s", shepherdFileInstalled: true)
            .Kind.Should().Be(ServiceManagerKind.Systemd, "systemd first, as apply activates units there");
        ServiceManager.Choose(rootIsHost: false, systemdRuns: true, unitInstalled: true, shepherdSocket: null, shepherdFileInstalled: true)
            .Kind.Should().Be(ServiceManagerKind.Script, "a --root folder is never the live host's systemd");
        ServiceManager.Choose(rootIsHost: true, systemdRuns: false, unitInstalled: true, shepherdSocket: "/s", shepherdFileInstalled: true)
            .Should().Be(new ServiceManager(ServiceManagerKind.Shepherd, "/s"));
        ServiceManager.Choose(rootIsHost: true, systemdRuns: false, unitInstalled: true, shepherdSocket: "/s", shepherdFileInstalled: false)
            .Kind.Should().Be(ServiceManagerKind.Script, "a Shepherd that was not given the VM's file does not run it");

        var vm = new InstalledVm(new ManifestVm("ssh", "build-vm-ssh", false, 11022, ["x86_64-linux"], "2020-01-01T00:00:00Z", "Skylake-Client", 1, 1024), "/");
        var systemd = new ServiceManager(ServiceManagerKind.Systemd);
        foreach (var verb in new[] { "start", "stop", "restart" })
        {
            var (program, arguments) = systemd.Command(verb, vm)!.Value;
            program.Name.Should().Be("systemctl");
            arguments.Should().Equal(verb, "vbmc-ssh.service"); // never the host's own ssh.service
        }
        var (herd, herdArguments) = new ServiceManager(ServiceManagerKind.Shepherd, "/run/shepherd/socket").Command("stop", vm)!.Value;
        herd.Name.Should().Be("herd");
        herdArguments.Should().Equal("-s", "/run/shepherd/socket", "stop", "ssh");
        new ServiceManager(ServiceManagerKind.Script).Command("start", vm).Should().BeNull();
        // How start sees a service the manager holds stopped (a start that failed at once).
        var isActive = systemd.StoppedQuery(vm)!.Value;
        isActive.Arguments.Should().Equal("is-active", "vbmc-ssh.service");
        isActive.SaysStopped("failed\n").Should().BeTrue();
        isActive.SaysStopped("inactive\n").Should().BeTrue();
        isActive.SaysStopped("activating\n").Should().BeFalse();
        isActive.SaysStopped("active\n").Should().BeFalse();
        new ServiceManager(ServiceManagerKind.Shepherd, "/s").StoppedQuery(vm)!.Value.Arguments.Should().Equal("-s", "/s", "status", "ssh");

        // And on this host: a --root is never systemd's, even when the folder systemd marks exists.
        var marker = Directory.CreateDirectory(Path.Combine(_folder, "run-systemd-system")).FullName;
        ServiceManager.Detect(vm with { Root = _folder }, null, marker).Kind.Should().Be(ServiceManagerKind.Script);
    }
}
