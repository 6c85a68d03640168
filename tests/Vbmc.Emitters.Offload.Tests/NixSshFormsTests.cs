using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Vbmc.Lowering;
using Vbmc.TestSupport;

namespace Vbmc.Emitters.Offload.Tests;

/// <summary>
/// The port and host key of a nix/machines line work with the real OpenSSH client against a real
/// sshd on a non-22 port, called the two ways Nix calls ssh: Nix 2.31 and later
/// (<c>ssh -p PORT USER@HOST</c>, known_hosts line <c>HOST KEY</c>) and older Nix with vbmc's
/// ssh_config lines (<c>ssh USER@HOST:PORT</c>, known_hosts line <c>HOST:PORT KEY</c>). The
/// known_hosts line is made from the line's base64 field, as Nix makes it.
/// </summary>
public sealed class NixSshFormsTests
{
    private const string Accepted = "is known and matches the ED25519 host key";
    private const string Refused = "Host key verification failed";

    [Fact]
    public void The_legacy_ssh_config_maps_host_port_names_and_leaves_the_new_form_alone()
    {
        var ssh = HostTools.Require("ssh", "openssh-client");
        using var folder = new TempFolder();
        var config = folder.Write("ssh_config", NixLegacySshConfig.Render(LoweredPlans.FromFile(Path.Combine(RepoPaths.Examples, "two-vms.scm"))));

        var legacy = Settings(ProcessRunner.Run(ssh, ["-G", "-F", config, "offload@127.0.0.1:12022"]));
        var current = Settings(ProcessRunner.Run(ssh, ["-G", "-F", config, "-p", "12022", "offload@127.0.0.1"]));

        legacy.Should().Contain(["hostname 127.0.0.1", "port 12022", "hostkeyalias 127.0.0.1:12022", "user offload"]);
        current.Should().Contain(["hostname 127.0.0.1", "port 12022", "user offload"]);
        current.Should().NotContain(s => s.StartsWith("hostkeyalias", StringComparison.Ordinal));
    }

    [Fact]
    public void Real_ssh_accepts_the_pinned_host_key_on_a_non_22_port_in_both_nix_forms()
    {
        var ssh = HostTools.Require("ssh", "openssh-client");
        var sshd = HostTools.Require("sshd", "openssh-server");
        var keygen = HostTools.Require("ssh-keygen", "openssh-client");
        using var folder = new TempFolder();
        var hostKey = folder.Key(keygen, "host_key");
        var otherKey = folder.Key(keygen, "other_key");
        var clientKey = folder.Key(keygen, "client_key");
        var port = FreePort();

        // A VM entry, its host key given the way apply gives it.
        var plan = new CompilePlan("t.scm", new string('d', 64), [],
        [
            new BuildMachinePlan
            {
                Vm = "vm1", Name = "localhost", Port = port, Systems = ["x86_64-linux"], User = "offload",
                PrivateKey = clientKey, HostKeyFile = "/etc/vbmc/vm1/ssh_host_ed25519_key.pub",
            },
        ]);
        var line = NixMachinesEmitter.Render(plan, new Dictionary<string, string> { ["vm1"] = File.ReadAllText(hostKey + ".pub") })
            .Split('\n').Single(l => l.StartsWith("ssh-ng://", StringComparison.Ordinal));
        var fields = line.Split(' ');
        var authority = fields[0]["ssh-ng://".Length..];                 // offload@127.0.0.1:PORT
        var (user, hostAndPort) = (authority[..authority.IndexOf('@')], authority[(authority.IndexOf('@') + 1)..]);
        var host = hostAndPort[..hostAndPort.LastIndexOf(':')];
        hostAndPort.Should().Be($"127.0.0.1:{port}");
        var pinned = Encoding.UTF8.GetString(Convert.FromBase64String(fields[7]));
        var legacyConfig = folder.Write("legacy_ssh_config", NixLegacySshConfig.Render(plan));

        using var server = SshServer.Start(sshd, folder, hostKey, port);

        // Nix 2.31 and later.
        var current = Connect(ssh, folder.Write("kh_current", $"{host} {pinned}\n"), clientKey, "/dev/null", ["-p", port.ToString(), $"{user}@{host}"]);
        // Nix before 2.31, with vbmc's ssh_config lines.
        var legacy = Connect(ssh, folder.Write("kh_legacy", $"{hostAndPort} {pinned}\n"), clientKey, legacyConfig, [$"{user}@{hostAndPort}"]);
        // Control: another key pinned is refused, so the two above prove the key matched.
        var wrong = Connect(ssh, folder.Write("kh_wrong", $"{host} {File.ReadAllText(otherKey + ".pub").Trim()}\n"), clientKey, "/dev/null", ["-p", port.ToString(), $"{user}@{host}"]);

        current.Should().Contain(Accepted).And.NotContain(Refused);
        legacy.Should().Contain(Accepted).And.NotContain(Refused);
        wrong.Should().Contain(Refused);
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
