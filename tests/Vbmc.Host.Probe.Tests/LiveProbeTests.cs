using System.Diagnostics;
using System.Text.Json;
using Vbmc.TestSupport;
using Xunit.Abstractions;

namespace Vbmc.Host.Probe.Tests;

/// <summary>
/// `vbmc test` (the real program) against a real sshd on 127.0.0.1 and a real build daemon
/// (nix-daemon) behind it, through the real OpenSSH client.
/// </summary>
public sealed class LiveProbeTests(ITestOutputHelper output)
{
    private static string MachinesFile(TestFolder folder, params string[] records) =>
        folder.Write("machines.scm", "(use-modules (guix scripts offload))\n(list\n" + string.Join("\n", records) + ")\n");

    private static JsonElement Machine(ProcessResult run) => JsonDocument.Parse(run.Stdout).RootElement.GetProperty("machines").EnumerateArray().Single();

    private static string Status(JsonElement machine, string check) =>
        machine.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("id").GetString() == check).GetProperty("status").GetString()!;

    private static string Detail(JsonElement machine, string check) =>
        machine.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("id").GetString() == check).GetProperty("detail").GetString()!;

    [Fact]
    public void Every_check_passes_against_a_real_sshd_with_a_real_build_daemon_behind_it()
    {
        using var daemon = TestNixDaemon.Start();
        using var server = TestSshServer.Start();
        using var folder = new TestFolder();
        var file = MachinesFile(folder, server.MachineRecord(server.HostKey, daemon.Socket));

        var run = VbmcCli.Run(["test", file, "--format", "json"]);
        output.WriteLine(run.Stdout + run.Stderr);

        run.ExitCode.Should().Be(0, run.Stdout + run.Stderr);
        var json = JsonDocument.Parse(run.Stdout).RootElement;
        json.GetProperty("version").GetInt32().Should().Be(1);
        json.GetProperty("passed").GetBoolean().Should().BeTrue();
        var machine = Machine(run);
        machine.GetProperty("name").GetString().Should().Be("localhost");
        machine.GetProperty("port").GetInt32().Should().Be(server.Port);
        machine.GetProperty("vm").ValueKind.Should().Be(JsonValueKind.Null);
        foreach (var check in new[] { "reachable", "host-key", "login", "daemon", "clock" }) Status(machine, check).Should().Be("pass", check);
        Status(machine, "load").Should().BeOneOf("pass", "warn");
        Status(machine, "disk").Should().BeOneOf("pass", "warn");
        Detail(machine, "reachable").Should().StartWith("SSH-2.0-OpenSSH");
        Detail(machine, "daemon").Should().Contain("worker protocol 1.").And.Contain(daemon.Socket);
        // The probe is real: its one remote command went through sshd.
        File.ReadAllText(server.CommandLog).Should().Contain(RemoteScript.Marker);
        server.Log.Should().Contain("Accepted publickey for " + TestSshServer.User);
    }

    [Fact]
    public void A_wrong_pinned_host_key_fails_with_a_clear_message_and_nothing_runs_on_the_machine()
    {
        using var server = TestSshServer.Start();
        using var folder = new TestFolder();
        var otherKey = SshKeys.Generate(folder.File("other_host_key"), "not-the-server");
        var file = MachinesFile(folder, server.MachineRecord(otherKey, "/var/guix/daemon-socket/socket"));

        var run = VbmcCli.Run(["test", file]);
        output.WriteLine(run.Stdout + run.Stderr);

        run.ExitCode.Should().Be(1);
        run.Stdout.Should().Contain($"host key of localhost:{server.Port} does not match the pinned key ssh-ed25519 SHA256:");
        run.Stdout.Should().Contain("the server presented ED25519 SHA256:");
        run.Stdout.Should().MatchRegex(@"skip\s+login\s+not run: the host key was not verified");
        run.Stderr.Should().Contain("[VBM7004]");
        server.AnyCommandRan.Should().BeFalse("ssh must stop before authentication when the host key does not match");
        server.Log.Should().NotContain("Accepted publickey").And.Contain("[preauth]");
    }

    [Fact]
    public async Task A_closed_port_fails_quickly()
    {
        using var folder = new TestFolder();
        var clientKey = folder.File("client_key");
        var hostKey = SshKeys.Generate(folder.File("host_key"), "h");
        SshKeys.Generate(clientKey, "c");
        var port = SshKeys.FreePort();
        var file = MachinesFile(folder, $"""
            (build-machine (name "127.0.0.1") (port {port}) (systems (list "x86_64-linux")) (user "nobody")
                           (private-key "{clientKey}") (host-key "{hostKey}"))
            """);
        var input = ProbeInput.Load(file, "/", new Vbmc.Evaluation.EvaluationOptions());
        input.HasErrors.Should().BeFalse();

        var timeout = TimeSpan.FromSeconds(30);
        var clock = Stopwatch.StartNew();
        var report = await ProbeRunner.RunAsync(file, input.Targets, new ProbeOptions(timeout));
        clock.Stop();
        output.WriteLine($"closed port {port}: reported in {clock.ElapsedMilliseconds} ms (timeout {timeout.TotalSeconds} s)");

        var machine = report.Machines.Single();
        machine.Passed.Should().BeFalse();
        machine[CheckIds.Reachable]!.Status.Should().Be(CheckStatus.Fail);
        machine[CheckIds.Reachable]!.Detail.Should().Contain("connection refused");
        machine.Checks.Skip(1).Should().OnlyContain(c => c.Status == CheckStatus.Skip);
        clock.Elapsed.Should().BeLessThan(timeout, "a refused connection is known at once, not at the timeout");
    }

    [Fact]
    public void Entries_with_the_same_name_and_port_are_tested_once()
    {
        using var daemon = TestNixDaemon.Start();
        using var server = TestSshServer.Start();
        using var folder = new TestFolder();
        var file = MachinesFile(folder,
            server.MachineRecord(server.HostKey, daemon.Socket, "\"x86_64-linux\""),
            server.MachineRecord(server.HostKey, daemon.Socket, "\"i686-linux\""));

        var run = VbmcCli.Run(["test", file, "--format", "json"]);

        run.ExitCode.Should().Be(0, run.Stdout + run.Stderr);
        Machine(run).GetProperty("listed").GetInt32().Should().Be(2);
        File.ReadAllLines(server.CommandLog).Should().ContainSingle("the remote script runs once for the two entries");
    }

    [Fact]
    public void A_daemon_socket_with_no_daemon_fails_the_daemon_check_and_the_others_still_report()
    {
        using var server = TestSshServer.Start();
        using var folder = new TestFolder();
        var missing = folder.File("no-daemon/socket");
        var file = MachinesFile(folder, server.MachineRecord(server.HostKey, missing));

        var run = VbmcCli.Run(["test", file, "--format", "json"]);
        output.WriteLine(run.Stdout + run.Stderr);

        run.ExitCode.Should().Be(1);
        var machine = Machine(run);
        Status(machine, "login").Should().Be("pass");
        Status(machine, "daemon").Should().Be("fail");
        Detail(machine, "daemon").Should().Contain(missing).And.Contain("did not answer").And.Contain("open failed");
        Status(machine, "clock").Should().Be("pass");
        run.Stderr.Should().Contain("failed the daemon check");
    }

    [Fact]
    public void A_vm_whose_keys_were_never_made_is_not_logged_into()
    {
        // The installed generation's manifest names a VM forwarding the test server's port, but
        // apply never made its keys under the root: there is no key to pin, so no login.
        using var server = TestSshServer.Start();
        using var root = new TestFolder();
        var plan = LoweredPlans.FromText(
            $"(use-modules (gnu services virtualization))\n(list (service virtual-build-machine-service-type (virtual-build-machine (name 'keyless) (port-forwardings '(({server.Port} . 22))))))");
        var manifest = new Vbmc.Lowering.Manifest
        {
            Vbmc = "test", Source = new("c.scm", new string('0', 64)),
            Vms = plan.Vms.Select(Vbmc.Lowering.ManifestVm.From).ToList(), Artifacts = [],
        };
        root.Write("var/lib/vbmc/generations/1/manifest.json", manifest.ToJson());
        Directory.CreateSymbolicLink(root.File("var/lib/vbmc/current"), "generations/1");

        var run = VbmcCli.Run(["test", "--root", root.Path]);
        output.WriteLine(run.Stdout + run.Stderr);

        run.ExitCode.Should().Be(1);
        run.Stdout.Should().Contain($"127.0.0.1:{server.Port} (virtual build machine keyless, user offload)");
        run.Stdout.Should().Contain($"cannot read the pinned host key {root.Path}/etc/vbmc/keyless/ssh_host_ed25519_key.pub");
        server.AnyCommandRan.Should().BeFalse();
        server.Log.Should().NotContain("Accepted publickey");
    }

    [Fact]
    public void A_user_name_that_ssh_would_read_as_an_option_is_refused_without_running_ssh()
    {
        using var server = TestSshServer.Start();
        using var folder = new TestFolder();
        var pwned = folder.File("pwned");
        var file = MachinesFile(folder, server.MachineRecord(server.HostKey, "/var/guix/daemon-socket/socket")
            .Replace($"(user \"{TestSshServer.User}\")", $"(user \"-oProxyCommand=touch {pwned}\")", StringComparison.Ordinal));

        var run = VbmcCli.Run(["test", file]);

        run.ExitCode.Should().Be(1);
        run.Stdout.Should().Contain("unsupported: user name '-oProxyCommand=touch");
        File.Exists(pwned).Should().BeFalse();
        server.AnyCommandRan.Should().BeFalse();
    }
}
