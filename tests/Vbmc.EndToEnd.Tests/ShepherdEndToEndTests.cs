using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Vbmc.EndToEnd.Tests.Support;
using Vbmc.Lowering;
using Vbmc.TestSupport;
using Xunit.Abstractions;

namespace Vbmc.EndToEnd.Tests;

/// <summary>
/// The Shepherd path a user takes, with the real programs: `vbmc compile` examples/boot-2014.scm
/// (image included), `vbmc apply --root` into a session of the reference root, then the root's
/// GNU Shepherd 1.0.9 (not PID 1, its own socket) loads the configuration README tells users to
/// write, `herd start` boots the VM (its sshd answers on the forwarded port), QEMU runs as the
/// VM's account, and `herd stop` ends it.
/// </summary>
[Collection(BootedVmCollection.Name)]
public sealed partial class ShepherdEndToEndTests(CompiledBootExample compiled, ITestOutputHelper output)
{
    private static readonly TimeSpan BannerTimeout = TimeSpan.FromSeconds(240);

    private int _port => compiled.Port;

    [Fact]
    public void Herd_start_boots_the_applied_VM_as_its_account_and_herd_stop_ends_QEMU()
    {
        foreach (var (program, package) in new[] { ("systemd-sysusers", "systemd"), ("systemd-tmpfiles", "systemd"), ("ssh-keygen", "openssh-client") })
            HostTools.Require(program, package);

        // 1. the example, compiled once for the collection (image included).
        var vm = compiled.Vm;
        var compileFolder = compiled.Folder;
        output.WriteLine($"vbmc compile (image included): {compiled.CompileTime.TotalSeconds:F1} s");
        var clock = Stopwatch.StartNew();

        // 2. apply it into a session of the reference root (in the session's mount namespace, so
        // that it sees the root as the processes started in it do).
        using var session = ReferenceRoot.Enter();
        Support.Vbmc.Run(TimeSpan.FromMinutes(3), session, "apply", compileFolder, "--root", session.Root, "--no-start").ShouldExit(0, "vbmc apply");
        var account = vm.Account.Name;
        var (uid, gid) = PasswdEntry(session, account);
        var kvm = GroupId(session, "kvm");

        // 3. shepherd's configuration is what README tells users to write, nothing else.
        var readmeLines = ReadmeShepherdConfiguration().Replace("NAME", vm.Name);
        readmeLines.Should().Contain($"(load \"/etc/vbmc/shepherd/{vm.Name}.scm\")");
        // The file's own header shows the same lines.
        var header = File.ReadAllLines(Path.Combine(compileFolder, InstallLayout.ShepherdPath(vm.Name)))
            .TakeWhile(l => l.StartsWith(";;", StringComparison.Ordinal)).Where(l => l.StartsWith(";;   ", StringComparison.Ordinal)).Select(l => l[5..]);
        (string.Join('\n', header) + "\n").Should().Be(readmeLines, "README and the generated file's header tell users the same");
        File.WriteAllText(session.HostPath("/etc/shepherd.scm"), readmeLines);
        using var shepherd = ShepherdDaemon.Start(session, "/etc/shepherd.scm");
        string Explain(string what, ProcessResult? herd = null) =>
            $"\n{what}" + (herd is null ? "" : $"\n--- herd (exit {herd.ExitCode}) ---\n{herd.Stdout}{herd.Stderr}")
            + shepherd.Diagnostics() + SerialTail(session, vm);

        var before = shepherd.Herd("status", vm.Name);
        before.ExitCode.Should().Be(0, Explain("the VM's service is registered", before));
        before.Stdout.Should().Contain("It is stopped", Explain("auto-start? is #f: nothing starts it", before))
            .And.NotContain("user-processes", "a Shepherd without user-processes (any but Guix System's) makes the VM require nothing");

        // 4. herd start boots it: sshd's banner on the forwarded port.
        clock.Restart();
        var start = shepherd.Herd("start", vm.Name);
        start.ExitCode.Should().Be(0, Explain("herd start", start));
        Network.WaitForBanner(_port, BannerTimeout).Should().BeTrue(Explain($"sshd's banner should be readable on 127.0.0.1:{_port} within {BannerTimeout.TotalSeconds} s"));
        output.WriteLine($"herd start to the SSH banner (TCG): {clock.Elapsed.TotalSeconds:F1} s");

        var status = shepherd.Herd("status", vm.Name);
        status.ExitCode.Should().Be(0, Explain("herd status", status));
        status.Stdout.Should().Contain("It is running since", Explain("the VM runs", status))
            .And.Contain($"Command: {vm.InstalledScript}")
            .And.Contain($"Log file: {vm.SerialLog}");
        var pid = int.Parse(MainPid().Match(status.Stdout).Groups[1].Value, CultureInfo.InvariantCulture);

        // The launch script execs QEMU: shepherd's main process is QEMU, run as the VM's account.
        File.ReadAllText($"/proc/{pid}/comm").Should().StartWith("qemu-system-x86", Explain($"process {pid} is QEMU"));
        var procStatus = ProcStatus(pid);
        procStatus["Uid"].Should().Equal(new[] { uid, uid, uid, uid }, Explain($"QEMU runs as {account} (uid {uid} in the root's /etc/passwd)"));
        procStatus["Gid"].Should().Equal(new[] { gid, gid, gid, gid }, Explain($"QEMU runs with the group {account} (gid {gid})"));
        procStatus["Groups"].Should().Equal(new[] { kvm }, Explain($"QEMU's supplementary group is kvm (gid {kvm} in the root's /etc/group)"));
        File.ReadAllText(session.HostPath(InstallLayout.StateDirectory(vm.Name) + "/run/qemu.pid")).Trim()
            .Should().Be(pid.ToString(CultureInfo.InvariantCulture), "QEMU writes its pid file (machines.scm reads it)");

        // 5. herd stop ends QEMU: the process is gone and the forwarded port closes.
        clock.Restart();
        var stop = shepherd.Herd("stop", vm.Name);
        stop.ExitCode.Should().Be(0, Explain("herd stop", stop));
        Network.WaitUntil(() => !Directory.Exists($"/proc/{pid}"), TimeSpan.FromSeconds(30)).Should().BeTrue(Explain($"QEMU (pid {pid}) ends"));
        output.WriteLine($"herd stop to QEMU gone: {clock.Elapsed.TotalSeconds:F1} s");
        Network.WaitUntil(() => !Network.Accepts(_port), TimeSpan.FromSeconds(10)).Should().BeTrue(Explain($"port {_port} closes with QEMU"));
        var after = shepherd.Herd("status", vm.Name);
        after.Stdout.Should().Contain("It is stopped", Explain("herd status after herd stop", after));
        File.ReadAllText(session.HostPath(vm.SerialLog)).Should().Contain("terminating on signal 15", "QEMU got SIGTERM");
    }

    /// <summary>The Scheme block of README's Shepherd paragraph (the configuration users add).</summary>
    private static string ReadmeShepherdConfiguration()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "README.md"));
        var paragraph = Array.FindIndex(lines, l => l.StartsWith("- **Shepherd**", StringComparison.Ordinal));
        paragraph.Should().BeGreaterThan(0, "README has a Shepherd paragraph");
        var open = Array.FindIndex(lines, paragraph, l => l.Trim() == "```scheme");
        var close = Array.FindIndex(lines, open + 1, l => l.Trim() == "```");
        (open > paragraph && close > open).Should().BeTrue("the Shepherd paragraph shows the configuration in a ```scheme block");
        return string.Join('\n', lines[(open + 1)..close].Select(l => l.StartsWith("  ", StringComparison.Ordinal) ? l[2..] : l)) + "\n";
    }

    private static (string Uid, string Gid) PasswdEntry(ReferenceRootSession session, string account)
    {
        var fields = File.ReadAllLines(session.HostPath("/etc/passwd")).Select(l => l.Split(':')).SingleOrDefault(f => f[0] == account);
        fields.Should().NotBeNull($"apply adds {account} to the root's /etc/passwd");
        return (fields![2], fields[3]);
    }

    private static string GroupId(ReferenceRootSession session, string group)
    {
        var fields = File.ReadAllLines(session.HostPath("/etc/group")).Select(l => l.Split(':')).SingleOrDefault(f => f[0] == group);
        fields.Should().NotBeNull($"the root's /etc/group has {group} (apply adds it when missing)");
        return fields![2];
    }

    /// <summary>/proc/PID/status's Uid, Gid and Groups lines as lists of ids.</summary>
    private static Dictionary<string, string[]> ProcStatus(int pid) =>
        File.ReadAllLines($"/proc/{pid}/status").Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0] is "Uid" or "Gid" or "Groups")
            .ToDictionary(p => p[0], p => p[1].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static string SerialTail(ReferenceRootSession session, VmPlan vm)
    {
        var log = session.HostPath(vm.SerialLog);
        var lines = File.Exists(log) ? File.ReadAllLines(log).Where(l => l.Trim().Length > 20) : [];
        return $"\n--- serial console and QEMU's messages {vm.SerialLog} (last 60 lines) ---\n{string.Join('\n', lines.TakeLast(60))}";
    }

    [GeneratedRegex(@"Main PID: (\d+)")]
    private static partial Regex MainPid();
}
