using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Vbmc.Lowering;
using Vbmc.TestSupport;

namespace Vbmc.Image.Tests;

/// <summary>
/// The whole path a user takes, with the real CLI and tools: `vbmc compile` examples/boot-2014.scm,
/// `vbmc apply --root R`, boot the VM with the INSTALLED run-NAME.sh and the secrets drive apply
/// made (so the guest presents apply's host key and authorizes apply's offload key), then
/// `vbmc test --root R` against it; then `vbmc start`, `status`, `ssh` and `stop` on the same
/// installed VM (the script path: no service manager runs in R).
/// </summary>
public sealed class ApplyAndTestBootTests : IDisposable
{
    private const string ExamplePort = "11422";
    // As the Shepherd end-to-end test: a TCG boot on 2 cores shared with other work took 115 s to userspace.
    private static readonly TimeSpan BannerTimeout = TimeSpan.FromSeconds(240);

    private readonly string _folder = Directory.CreateTempSubdirectory("vbmc-apply-boot-").FullName;
    private readonly int _port = RunningGuest.FreePort();

    private string Root => Path.Combine(_folder, "root");

    /// <summary>A path of the installed host, under the test's root.</summary>
    private string Installed(string hostPath) => Path.Join(Root, hostPath);

    public void Dispose()
    {
        // A QEMU that `vbmc start` detached outlives a failed test: end it by its pid file.
        foreach (var pidFile in Directory.Exists(Root) ? Directory.EnumerateFiles(Root, "qemu.pid", SearchOption.AllDirectories) : [])
        {
            if (int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid) && File.Exists($"/proc/{pid}/comm")
                && File.ReadAllText($"/proc/{pid}/comm").StartsWith("qemu-system", StringComparison.Ordinal))
            {
                try
                {
                    System.Diagnostics.Process.GetProcessById(pid).Kill();
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException)
                {
                    // It ended meanwhile.
                }
            }
        }
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Vbmc_test_passes_every_check_against_the_VM_booted_from_what_apply_installed()
    {
        foreach (var (program, package) in new[] { ("qemu-system-x86_64", "qemu-system-x86"), ("qemu-img", "qemu-utils"),
                     ("mke2fs", "e2fsprogs"), ("mmdebstrap", "mmdebstrap"), ("systemd-sysusers", "systemd"),
                     ("ssh", "openssh-client"), ("ssh-keygen", "openssh-client") })
            HostTools.Require(program, package);

        // 1. compile the example, moved to a free port of the test's.
        var text = File.ReadAllText(Path.Combine(RepoPaths.Examples, BootFixture.Example));
        text.Split(ExamplePort).Length.Should().Be(2, "the example names its SSH host port once");
        var configuration = Path.Combine(_folder, BootFixture.Example);
        // With a persistent store disk: what the daemons received stays across starts (checked at 7).
        text.Split("(memory-size 1024)").Length.Should().Be(2);
        File.WriteAllText(configuration, text.Replace(ExamplePort, _port.ToString(CultureInfo.InvariantCulture))
            .Replace("(memory-size 1024)", "(memory-size 1024) (store-disk-size (* 2 (expt 2 30)))"));
        var vm = LoweredPlans.FromFile(configuration).Vms.Single().Name;
        var output = Path.Combine(_folder, "out");
        Vbmc(TimeSpan.FromMinutes(15), "compile", configuration, "-o", output).ShouldExit(0, "vbmc compile");

        // 2. apply it under the test's root: accounts, links into generation 1, keys and the secrets drive.
        Directory.CreateDirectory(Root);
        Vbmc(TimeSpan.FromMinutes(3), "apply", output, "--root", Root, "--no-start").ShouldExit(0, "vbmc apply");
        var secretsDrive = Installed(InstallLayout.SecretsDrive(vm));
        var hostPublicKey = Installed(InstallLayout.GuestHostPublicKey(vm));
        File.Exists(secretsDrive).Should().BeTrue("apply writes the secrets drive");
        var appliedHostKey = File.ReadAllText(hostPublicKey);
        var storeDisk = Installed(InstallLayout.StoreDisk(vm));
        File.Exists(storeDisk).Should().BeTrue("apply makes the store disk");
        File.GetUnixFileMode(storeDisk).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        ProcessRunner.Run(HostTools.Require("qemu-img", "qemu-utils"), ["info", "--output=json", storeDisk]).Stdout
            .Should().Contain("\"virtual-size\": 2147483648").And.Contain("\"format\": \"qcow2\"");

        // 3. the installed script (a link into the generation; its image, kernel and initrd are links beside it).
        var stateDirectory = Installed(InstallLayout.StateDirectory(vm));
        string[] drives = ["--secrets", secretsDrive, "--store-disk", storeDisk];
        var guest = RunningGuest.Start(stateDirectory, InstallLayout.ScriptFileName(vm), _folder, _port, drives);
        using var firstGuest = guest;
        guest.WaitForBanner(BannerTimeout).Should().BeTrue("sshd's banner should be readable within 240 s" + guest.Tail());

        // 4. vbmc test reads R/var/lib/vbmc/current/manifest.json and the keys under R. Its connect
        // timeout is raised from the default 10 s: the guest runs under TCG beside other tests.
        var passing = Vbmc(TimeSpan.FromMinutes(3), "test", "--root", Root, "--timeout", "60", "--format", "json");
        var checks = Checks(passing, guest);
        checks.Keys.Should().Equal(new[] { "reachable", "host-key", "login", "daemon", "clock", "load", "disk" }, Explain(passing, guest));
        // Load may only warn: a guest just booted under TCG shows a load above guix offload's
        // overload threshold for its first minutes (a warning counts as passed: exit 0).
        checks.Where(c => c.Value != "pass" && !(c.Key == "load" && c.Value == "warn"))
            .Should().BeEmpty("every check passes against the booted guest" + Explain(passing, guest));
        passing.ExitCode.Should().Be(0, Explain(passing, guest));
        // The round trip left one file in each daemon's store.
        var copied = System.Text.RegularExpressions.Regex.Matches(DaemonDetail(passing), @"(/\S+-vbmc-test-[0-9a-f]{16}) copied")
            .Select(m => m.Groups[1].Value).ToList();
        copied.Should().HaveCount(2, DaemonDetail(passing));

        // 5. a pinned key that is not the guest's: the host-key check fails and nothing after it runs.
        var otherKey = Path.Combine(_folder, "other_ed25519");
        ProcessRunner.Run(HostTools.Require("ssh-keygen", "openssh-client"), ["-q", "-t", "ed25519", "-N", "", "-C", "other", "-f", otherKey])
            .ExitCode.Should().Be(0);
        File.Copy(otherKey + ".pub", hostPublicKey, overwrite: true);
        var tampered = Vbmc(TimeSpan.FromMinutes(3), "test", "--root", Root, "--timeout", "60", "--format", "json");
        var tamperedChecks = Checks(tampered, guest);
        tamperedChecks["reachable"].Should().Be("pass", Explain(tampered, guest));
        tamperedChecks["host-key"].Should().Be("fail", Explain(tampered, guest));
        tamperedChecks.Where(c => c.Key is "login" or "daemon" or "clock" or "load" or "disk")
            .Should().OnlyContain(c => c.Value == "skip", "a wrong host key runs nothing on the machine" + Explain(tampered, guest));
        tampered.ExitCode.Should().Be(1, Explain(tampered, guest));
        File.WriteAllText(hostPublicKey, appliedHostKey);

        // 6. the offloading account asks for a power-off (the guest's vbmc-poweroff.path); QEMU then exits 0.
        var knownHosts = Path.Combine(_folder, "known_hosts");
        File.WriteAllText(knownHosts, $"[127.0.0.1]:{_port} {appliedHostKey}");
        ProcessResult Ssh(string command) => ProcessRunner.Run(HostTools.Require("ssh", "openssh-client"),
        [
            "-F", "/dev/null", "-p", _port.ToString(CultureInfo.InvariantCulture), "-i", Installed(InstallLayout.OffloadKey(vm)),
            "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "ConnectTimeout=60",
            "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + knownHosts,
            "-o", "GlobalKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
            $"{InstallLayout.GuestOffloadUser}@127.0.0.1", command,
        ], timeout: TimeSpan.FromMinutes(3));
        var poweroff = Ssh("touch /run/vbmc/control/poweroff");
        poweroff.ExitCode.Should().Be(0, poweroff.Stderr + guest.Tail());
        guest.WaitForExit(TimeSpan.FromSeconds(120)).Should().Be(0, "QEMU exits 0 after the guest powers off" + guest.Tail());
        File.ReadAllText(guest.SerialLog).Should().Contain("vbmc-store: formatting the store disk", "its first start formats the disk" + guest.Tail());

        // 7. started again from the same image (snapshot=on), now as a user does it: `vbmc start`
        // runs the installed script detached (no systemd or Shepherd manages this root) with the
        // pid file, secrets drive and store disk under the root. The guest finds the files of the
        // first start in its stores: they are on the store disk, with their database entries.
        var serialLog = Installed(InstallLayout.SerialLog(vm));
        string Console() => File.Exists(serialLog)
            ? $"\n--- {serialLog} (last 40 lines) ---\n" + string.Join('\n', File.ReadAllLines(serialLog).TakeLast(40)) : "";
        var start = Vbmc(TimeSpan.FromMinutes(2), "start", vm, "--root", Root);
        start.ShouldExit(0, "vbmc start" + Console());
        start.Stdout.Should().MatchRegex($@"^started {vm}: QEMU pid \d+, through its launch script");
        var pid = int.Parse(File.ReadAllText(Installed(InstallLayout.PidFile(vm))).Trim(), CultureInfo.InvariantCulture);
        File.ReadAllText($"/proc/{pid}/comm").Should().StartWith("qemu-system-x86", "the pid file names QEMU, which the script execs");
        Vbmc(TimeSpan.FromMinutes(1), "start", vm, "--root", Root).Stdout.Should().Be($"{vm} already runs (QEMU pid {pid})\n");

        // `vbmc status` reads the banner once the guest's sshd runs (QEMU's forward accepts connections before).
        ProcessResult status = null!;
        Network.WaitUntil(() => (status = Vbmc(TimeSpan.FromMinutes(1), "status", vm, "--root", Root)).Stdout.Contains("ssh banner:   SSH-2.0-"),
            BannerTimeout).Should().BeTrue("vbmc status shows the SSH banner within 240 s:\n" + status.Stdout + status.Stderr + Console());
        status.ExitCode.Should().Be(0);
        status.Stdout.Should().StartWith($"{vm}\n  runs through: its launch script")
            .And.Contain($"  state:        running, QEMU pid {pid}, up ")
            .And.Contain($"  ssh port:     127.0.0.1:{_port} -> guest port 22")
            // The last `vbmc test` was step 5's, with the wrong pinned key.
            .And.MatchRegex(@"  last test:    failed the host-key check at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ: ");

        // `vbmc ssh` logs in with the offload key and the pinned host key: the guest's clock is at its date.
        var date = Vbmc(TimeSpan.FromMinutes(3), "ssh", vm, "--root", Root, "--", "date", "-u", "+%Y-%m-%d");
        date.ShouldExit(0, "vbmc ssh -- date" + Console());
        date.Stdout.Should().Be("2014-06-01\n", "boot-2014's clock starts on 1 June 2014");
        var nixPath = copied.Single(p => p.StartsWith("/nix/store/", StringComparison.Ordinal));
        var kept = Vbmc(TimeSpan.FromMinutes(3), "ssh", vm, "--root", Root, "--",
            $"for p in {copied[0]} {copied[1]}; do test -e $p || echo missing $p; done; nix-store --check-validity {nixPath} && echo valid");
        kept.Stdout.Should().Be("valid\n", "the stores kept the first start's files: " + kept.Stderr + Console());
        File.ReadAllText(serialLog).Should().Contain("vbmc-store: the stores are on").And.NotContain("formatting the store disk");

        // `vbmc console`: the root shell on the guest's second serial port (the launch script's
        // console socket under the root), driven through pipes as a script drives it.
        using (var console = ConsoleClient.Start(["console", vm, "--root", Root]))
        {
            console.WaitFor($"root@{vm}:", TimeSpan.FromMinutes(2)).Should().BeTrue(
                "agetty logs root in after the Enter vbmc console sends:\n" + console.Output + console.Errors + Console());
            console.Send("echo console-$((6 * 7)) uid-$(id -u) $(tty)\n");
            console.WaitFor("console-42 uid-0 /dev/ttyS1", TimeSpan.FromMinutes(1)).Should().BeTrue(console.Output + console.Errors);
            console.Send("exit\n");
            console.CloseInput();
            console.WaitForExit(TimeSpan.FromSeconds(60)).Should().Be(0, "it ends once its input ended and the console is quiet:\n"
                + console.Output + console.Errors);
        }
        // As a script uses it (README): the input at once, from a pipe that then ends.
        using (var script = ConsoleClient.Start(["console", vm, "--root", Root]))
        {
            script.Send("echo piped-$((3 * 5))\n");
            script.CloseInput();
            script.WaitForExit(TimeSpan.FromMinutes(2)).Should().Be(0, script.Output + script.Errors);
            script.Output.Should().Contain("piped-15", "vbmc waits for the shell before sending what the pipe gave it");
        }
        // From a terminal: raw mode (the guest's shell echoes, not the host's terminal), and Ctrl+] leaves.
        using (var terminal = ConsoleClient.StartOnTerminal(["console", vm, "--root", Root]))
        {
            terminal.WaitFor($"connected to {vm}'s console", TimeSpan.FromMinutes(1)).Should().BeTrue(terminal.Output + terminal.Errors);
            terminal.WaitFor($"root@{vm}:", TimeSpan.FromMinutes(2)).Should().BeTrue(terminal.Output + terminal.Errors + Console());
            terminal.Send("echo terminal-$((2 * 3))\r");
            terminal.WaitFor("terminal-6", TimeSpan.FromMinutes(1)).Should().BeTrue(terminal.Output + terminal.Errors);
            terminal.Send("\u001d");
            terminal.WaitForExit(TimeSpan.FromSeconds(30)).Should().Be(0, "Ctrl+] leaves:\n" + terminal.Output + terminal.Errors);
            terminal.Output.Should().Contain($"left {vm}'s console");
        }
        var socketMode = File.GetUnixFileMode(Installed(InstallLayout.ConsoleSocket(vm)));
        (socketMode & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)).Should().Be(UnixFileMode.None,
            "only the socket's owner and root may connect: its client is root in the guest");

        // `vbmc restart`: this QEMU ends, a new one boots the same image; the guest is reachable again.
        var restart = Vbmc(TimeSpan.FromMinutes(3), "restart", vm, "--root", Root);
        restart.ShouldExit(0, "vbmc restart" + Console());
        var restarted = Regex.Match(restart.Stdout,
            $@"^stopped {vm} \(QEMU pid {pid} ended after SIGTERM\)\nstarted {vm}: QEMU pid (\d+), through its launch script");
        restarted.Success.Should().BeTrue(restart.Stdout);
        pid = int.Parse(restarted.Groups[1].Value, CultureInfo.InvariantCulture);
        // `vbmc console` while the guest boots: its first Enter reaches a port nobody reads yet
        // (lost); the Enters it sends until a line comes back get the login once agetty runs.
        using (var early = ConsoleClient.Start(["console", vm, "--root", Root]))
        {
            early.Send("echo booted-$((4 * 4))\n");
            early.CloseInput();
            early.WaitForExit(TimeSpan.FromMinutes(4)).Should().Be(0, early.Output + early.Errors + Console());
            early.Output.Should().Contain("booted-16", "the shell ran the piped command once the guest had booted:\n" + early.Output + Console());
        }
        Network.WaitUntil(() => (status = Vbmc(TimeSpan.FromMinutes(1), "status", vm, "--root", Root)).Stdout.Contains("ssh banner:   SSH-2.0-"),
            BannerTimeout).Should().BeTrue("the restarted VM shows the SSH banner within 240 s:\n" + status.Stdout + status.Stderr + Console());
        status.Stdout.Should().Contain($"  state:        running, QEMU pid {pid}, up ");
        var dateAgain = Vbmc(TimeSpan.FromMinutes(3), "ssh", vm, "--root", Root, "--", "date", "-u", "+%Y-%m-%d");
        dateAgain.ShouldExit(0, "vbmc ssh -- date after the restart" + Console());
        dateAgain.Stdout.Should().Be("2014-06-01\n", "the restarted guest's clock starts at its date again");

        // `vbmc stop`: SIGTERM to that QEMU, which ends; status then says stopped.
        var stop = Vbmc(TimeSpan.FromMinutes(1), "stop", vm, "--root", Root);
        stop.ShouldExit(0, "vbmc stop" + Console());
        stop.Stdout.Should().Be($"stopped {vm} (QEMU pid {pid} ended after SIGTERM)\n");
        // Ended: gone, or a zombie until whoever inherited it (it outlived the shell that started it) reaps it.
        (!File.Exists($"/proc/{pid}/stat") || File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ")).Should().BeTrue("QEMU has ended");
        File.ReadAllText(serialLog).Should().Contain("terminating on signal 15");
        var stopped = Vbmc(TimeSpan.FromMinutes(1), "status", vm, "--root", Root);
        stopped.Stdout.Should().Contain("  state:        stopped\n").And.Contain("  ssh banner:   not checked (stopped)\n");
        Vbmc(TimeSpan.FromMinutes(1), "stop", vm, "--root", Root).Stdout.Should().Be($"{vm} is not running\n");
    }

    /// <summary>The detail of the daemon check of the report's only machine.</summary>
    private static string DaemonDetail(ProcessResult result)
    {
        using var report = JsonDocument.Parse(result.Stdout);
        return report.RootElement.GetProperty("machines")[0].GetProperty("checks").EnumerateArray()
            .Single(c => c.GetProperty("id").GetString() == "daemon").GetProperty("detail").GetString()!;
    }

    private static ProcessResult Vbmc(TimeSpan timeout, params string[] arguments) =>
        VbmcCli.Run(arguments, timeout: timeout);

    /// <summary>The status of each check of the report's only machine, in the report's order.</summary>
    private static Dictionary<string, string> Checks(ProcessResult result, RunningGuest guest)
    {
        JsonDocument report;
        try
        {
            report = JsonDocument.Parse(result.Stdout);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException("vbmc test --format json wrote no JSON: " + e.Message + Explain(result, guest), e);
        }
        using (report)
        {
            var machines = report.RootElement.GetProperty("machines");
            machines.GetArrayLength().Should().Be(1, "the installed generation has one build machine" + Explain(result, guest));
            var checks = new Dictionary<string, string>();
            foreach (var check in machines[0].GetProperty("checks").EnumerateArray())
                checks.Add(check.GetProperty("id").GetString()!, check.GetProperty("status").GetString()!);
            return checks;
        }
    }

    private static string Explain(ProcessResult result, RunningGuest guest) =>
        $"\n--- vbmc test (exit {result.ExitCode}) ---\n{result.Stdout}\n{result.Stderr}{guest.Tail()}";
}

internal static class ProcessResultAssertions
{
    public static void ShouldExit(this ProcessResult result, int code, string what) =>
        result.ExitCode.Should().Be(code, $"{what} failed:\n{result.Stdout}\n{result.Stderr}");
}
