using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Vbmc.Lowering;
using Vbmc.TestSupport;

namespace Vbmc.Emitters.Offload.Tests;

/// <summary>
/// A VM's nix/machines line names the VM's ssh alias (<c>ssh-ng://offload@vbmc-NAME</c>), which the
/// installed ssh_config (<see cref="SshConfigEmitter"/>) maps to 127.0.0.1 and the forwarded port.
/// Checked with the real OpenSSH client against a real sshd on a non-22 port, called as Nix calls
/// ssh (the URI's USER@HOST as it is, <c>-i</c> with the line's key, and a known_hosts file of the
/// line <c>HOST KEY</c> made from the line's base64 field), which every Nix from 2.8 on does.
/// </summary>
public sealed class NixSshFormsTests
{
    private const string Accepted = "is known and matches the ED25519 host key";
    private const string Refused = "Host key verification failed";

    [Fact]
    public void The_ssh_config_maps_each_VM_alias_to_its_forwarded_port_key_and_pinned_host_key()
    {
        var ssh = HostTools.Require("ssh", "openssh-client");
        using var folder = new TempFolder();
        var plan = LoweredPlans.FromFile(Path.Combine(RepoPaths.Examples, "two-vms.scm"));
        var config = folder.Write("ssh_config", SshConfigEmitter.Render(plan));
        foreach (var vm in plan.Vms)
        {
            var settings = Settings(ProcessRunner.Run(ssh, ["-G", "-F", config, $"vbmc-{vm.Name}"]));
            settings.Should().Contain(["hostname 127.0.0.1", $"port {vm.SshHostPort}", "user offload", $"hostkeyalias vbmc-{vm.Name}",
                $"identityfile /etc/vbmc/{vm.Name}/offload_ed25519", "identitiesonly yes", "stricthostkeychecking true",
                $"userknownhostsfile /etc/vbmc/{vm.Name}/known_hosts"]);
        }
        // Other hosts are left alone.
        Settings(ProcessRunner.Run(ssh, ["-G", "-F", config, "-p", "2222", "offload@127.0.0.1"]))
            .Should().NotContain(l => l.StartsWith("hostkeyalias", StringComparison.Ordinal));
    }

    [Fact]
    public void Real_ssh_reaches_the_VM_alias_on_its_port_and_accepts_only_the_pinned_host_key()
    {
        var ssh = HostTools.Require("ssh", "openssh-client");
        var sshd = HostTools.Require("sshd", "openssh-server");
        var keygen = HostTools.Require("ssh-keygen", "openssh-client");
        using var folder = new TempFolder();
        var hostKey = folder.Key(keygen, "host_key");
        var otherKey = folder.Key(keygen, "other_key");
        var clientKey = folder.Key(keygen, "client_key");
        var port = FreePort();

        var plan = new CompilePlan("t.scm", new string('d', 64), [PlanWithPort("vm1", port)],
        [
            new BuildMachinePlan
            {
                Vm = "vm1", Name = "127.0.0.1", Port = port, Systems = ["x86_64-linux"], User = "offload",
                PrivateKey = clientKey, HostKeyFile = "/etc/vbmc/vm1/ssh_host_ed25519_key.pub",
            },
        ]);
        var line = NixMachinesEmitter.Render(plan, new Dictionary<string, string> { ["vm1"] = File.ReadAllText(hostKey + ".pub") })
            .Split('\n').Single(l => l.StartsWith("ssh-ng://", StringComparison.Ordinal));
        var fields = line.Split(' ');
        fields[0].Should().Be("ssh-ng://offload@vbmc-vm1", "no port in the URI: Nix before 2.31 cannot read one");
        var destination = fields[0]["ssh-ng://".Length..];
        var host = destination[(destination.IndexOf('@') + 1)..];
        var pinned = Encoding.UTF8.GetString(Convert.FromBase64String(fields[7]));
        var config = folder.Write("ssh_config", SshConfigEmitter.Render(plan));

        using var server = SshServer.Start(sshd, folder, hostKey, port);

        var right = Connect(ssh, folder.Write("kh_right", $"{host} {pinned}\n"), fields[2], config, [destination]);
        var wrong = Connect(ssh, folder.Write("kh_wrong", $"{host} {File.ReadAllText(otherKey + ".pub").Trim()}\n"), fields[2], config, [destination]);

        right.Should().Contain($"Connecting to 127.0.0.1 [127.0.0.1] port {port}").And.Contain(Accepted).And.NotContain(Refused);
        wrong.Should().Contain(Refused, "a host key other than the pinned one is refused");
    }

    /// <summary>A VM plan of examples/two-vms.scm moved to another name and SSH port.</summary>
    private static VmPlan PlanWithPort(string name, int port)
    {
        var vm = LoweredPlans.FromFile(Path.Combine(RepoPaths.Examples, "two-vms.scm")).Vms[0];
        return vm with { Name = name, PortForwardings = [new PortForward(port, 22)] };
    }

    private static string Connect(string ssh, string knownHosts, string identity, string config, IEnumerable<string> destination) =>
        ProcessRunner.Run(ssh,
        [
            "-v", "-F", config, "-i", identity, "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
            "-o", "StrictHostKeyChecking=yes", "-o", $"UserKnownHostsFile={knownHosts}", "-o", "GlobalKnownHostsFile=/dev/null",
            "-o", "ConnectTimeout=30", .. destination, "true",
        ], timeout: TimeSpan.FromMinutes(1)).Stderr;

    private static string[] Settings(ProcessResult result) =>
        result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.ToLowerInvariant()).ToArray();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class TempFolder : IDisposable
    {
        private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("vbmc-offload-ssh-");

        public string Path => folder.FullName;

        public string Write(string name, string content)
        {
            var file = System.IO.Path.Combine(Path, name);
            File.WriteAllText(file, content);
            return file;
        }

        public string Key(string keygen, string name)
        {
            var file = System.IO.Path.Combine(Path, name);
            var result = ProcessRunner.Run(keygen, ["-q", "-t", "ed25519", "-N", "", "-C", name, "-f", file]);
            result.ExitCode.Should().Be(0, result.Stderr);
            return file;
        }

        public void Dispose() => folder.Delete(recursive: true);
    }

    /// <summary>sshd in the foreground on 127.0.0.1:PORT, stopped (killed) on dispose.</summary>
    private sealed class SshServer : IDisposable
    {
        private readonly Process process;
        private readonly StringBuilder log = new();

        private SshServer(Process process) => this.process = process;

        public static SshServer Start(string sshd, TempFolder folder, string hostKey, int port)
        {
            // sshd refuses to start without its privilege separation folder; Debian's package makes
            // it at boot (tmpfiles), which a container may not have done.
            Directory.CreateDirectory("/run/sshd");
            var config = folder.Write("sshd_config", $"""
                Port {port}
                ListenAddress 127.0.0.1
                HostKey {hostKey}
                PidFile none
                UsePAM no
                StrictModes no
                AuthorizedKeysFile none
                """);
            var psi = new ProcessStartInfo(sshd) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var a in new[] { "-D", "-e", "-f", config }) psi.ArgumentList.Add(a);
            var server = new SshServer(Process.Start(psi) ?? throw new InvalidOperationException("could not start sshd"));
            server.process.ErrorDataReceived += (_, e) => { lock (server.log) server.log.AppendLine(e.Data); };
            server.process.BeginErrorReadLine();
            server.WaitUntilListening(port);
            return server;
        }

        private void WaitUntilListening(int port)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (true)
            {
                if (process.HasExited)
                    throw new InvalidOperationException($"sshd exited ({process.ExitCode}): {Log()}");
                try
                {
                    using var client = new TcpClient();
                    client.Connect(IPAddress.Loopback, port);
                    return;
                }
                catch (SocketException) when (DateTime.UtcNow < deadline)
                {
                    Thread.Sleep(50);
                }
            }
        }

        private string Log()
        {
            lock (log) return log.ToString();
        }

        public void Dispose()
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit();
            process.Dispose();
        }
    }
}
