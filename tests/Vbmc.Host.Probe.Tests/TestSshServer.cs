using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Vbmc.TestSupport;

namespace Vbmc.Host.Probe.Tests;

/// <summary>
/// A real OpenSSH server on 127.0.0.1 and a free port, with its own host key, one authorized
/// client key and the current user as the login. Every command a client runs goes through a
/// ForceCommand wrapper that appends the command to <see cref="CommandLog"/> and then runs it as
/// sshd would, so tests can tell whether anything ran. Killed on dispose.
/// </summary>
public sealed class TestSshServer : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder log = new();

    public TestFolder Folder { get; }
    public int Port { get; }
    public string HostKey { get; }
    public string ClientKey { get; }
    public string CommandLog => Folder.File("commands-run.log");
    public static string User => Environment.UserName;

    private TestSshServer(TestFolder folder, int port, string hostKey, string clientKey, Process process)
    {
        (Folder, Port, HostKey, ClientKey, this.process) = (folder, port, hostKey, clientKey, process);
    }

    /// <summary>What sshd logged (LogLevel VERBOSE): connections, accepted keys.</summary>
    public string Log
    {
        get
        {
            lock (log) return log.ToString();
        }
    }

    public bool AnyCommandRan => File.Exists(CommandLog) && File.ReadAllText(CommandLog).Length > 0;

    public static TestSshServer Start()
    {
        var sshd = HostTools.Require("/usr/sbin/sshd", "openssh-server");
        var folder = new TestFolder();
        try
        {
            var hostKey = SshKeys.Generate(folder.File("host_key"), "vbmc-test-host");
            var clientPublic = SshKeys.Generate(folder.File("client_key"), "vbmc-test-client");
            folder.Write("authorized_keys", clientPublic + "\n");
            var wrapper = folder.Write("record-command.sh",
                "#!/bin/sh\n" +
                $"printf '%s\\n' \"$SSH_ORIGINAL_COMMAND\" >> '{folder.File("commands-run.log")}'\n" +
                "exec /bin/sh -c \"$SSH_ORIGINAL_COMMAND\"\n");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            // sshd refuses to start without its privilege separation folder; Debian's init makes
            // it at boot, which a CI container never ran.
            if (Environment.UserName == "root") Directory.CreateDirectory("/run/sshd");
            var port = SshKeys.FreePort();
            var config = folder.Write("sshd_config", string.Join("\n",
                $"Port {port}",
                "ListenAddress 127.0.0.1",
                $"HostKey {folder.File("host_key")}",
                $"AuthorizedKeysFile {folder.File("authorized_keys")}",
                $"PidFile {folder.File("sshd.pid")}",
                "StrictModes no",
                "UsePAM no",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PermitRootLogin prohibit-password",
                "AllowStreamLocalForwarding yes",
                "PrintMotd no",
                $"ForceCommand {wrapper}",
                "LogLevel VERBOSE",
                ""));
            var info = new ProcessStartInfo(sshd)
            {
                UseShellExecute = false,
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                RedirectStandardInput = true,
            };
            foreach (var a in new[] { "-D", "-e", "-f", config }) info.ArgumentList.Add(a);
            var process = Process.Start(info) ?? throw new InvalidOperationException("sshd did not start");
            var server = new TestSshServer(folder, port, hostKey, folder.File("client_key"), process);
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is null) return;
                lock (server.log) server.log.AppendLine(e.Data);
            };
            process.BeginErrorReadLine();
            server.WaitUntilReady();
            return server;
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    /// <summary>Waits until the server sends its banner (it listens right after start; bounded at 10 s).</summary>
    private void WaitUntilReady()
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited) throw new InvalidOperationException("sshd exited: " + Log);
            try
            {
                using var client = new TcpClient("127.0.0.1", Port);
                var buffer = new byte[4];
                client.GetStream().ReadTimeout = 2000;
                if (client.GetStream().Read(buffer) > 0) return;
            }
            catch (Exception e) when (e is SocketException or IOException)
            {
            }
            Thread.Sleep(50);
        }
        throw new TimeoutException("sshd did not answer within 10 s: " + Log);
    }

    /// <summary>A machines file entry for this server; the host key and daemon socket as given.</summary>
    public string MachineRecord(string hostKey, string daemonSocket, string systems = "\"x86_64-linux\"") =>
        $"""
         (build-machine
          (name "localhost")
          (port {Port})
          (systems (list {systems}))
          (user "{User}")
          (private-key "{ClientKey}")
          (host-key "{hostKey}")
          (daemon-socket "{daemonSocket}"))
         """;

    public void Dispose()
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
        }
        process.Dispose();
        Folder.Dispose();
    }
}
