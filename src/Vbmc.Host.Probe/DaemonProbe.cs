using System.Net.Sockets;
using Vbmc.Processes;

namespace Vbmc.Host.Probe;

/// <summary>
/// Check 4, the build daemons answer: for each daemon socket of the machine (a VM's guest may run
/// guix-daemon and nix-daemon), an OpenSSH streamlocal forward from a socket in the probe's
/// private folder to it (what guix offload reaches over its SSH session), then the worker
/// protocol's greeting through it (<see cref="DaemonHandshake"/>) and a path copied into its store
/// and back (<see cref="StoreRoundTrip"/>). Passes when every one does both.
/// </summary>
public static class DaemonProbe
{
    public static async Task<CheckResult> RunAsync(SshCommand ssh, ProbeTarget target, ProbeFolder folder, string knownHostsFile,
        CancellationToken cancel)
    {
        var results = new List<CheckResult>();
        for (var i = 0; i < target.DaemonSockets.Count; i++)
        {
            var result = await RunOneAsync(ssh, target, target.DaemonSockets[i], folder.File($"daemon-{i}.sock"), knownHostsFile, cancel);
            if (result.Status != CheckStatus.Pass) return result;
            results.Add(result);
        }
        if (results.Count == 0) return CheckResult.Fail(CheckIds.Daemon, "the machine has no build daemon socket to test");
        return CheckResult.Pass(CheckIds.Daemon, string.Join("; ", results.Select(r => r.Detail)),
            [.. results.SelectMany(r => r.MeasuredValues)]);
    }

    private static async Task<CheckResult> RunOneAsync(SshCommand ssh, ProbeTarget target, string daemonSocket, string local,
        string knownHostsFile, CancellationToken cancel)
    {
        if (SshValues.SocketProblem(daemonSocket) is { } problem)
            return CheckResult.Fail(CheckIds.Daemon, $"unsupported: daemon socket {problem}");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        deadline.CancelAfter(ssh.RunLimit);
        StartedProgram started;
        try
        {
            started = ssh.StartForward(target, knownHostsFile, local, daemonSocket);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or ProgramMissingException)
        {
            return CheckResult.Fail(CheckIds.Daemon, $"cannot run the OpenSSH client '{ssh.Program}': {e.Message}");
        }
        await using var forward = started;
        try
        {
            if (!await WaitForSocketAsync(forward, local, deadline.Token))
            {
                var ended = await forward.ResultAsync();
                return CheckResult.Fail(CheckIds.Daemon,
                    $"ssh could not forward {daemonSocket}: {SshTranscript.Parse(ended.Stderr).Tail()}");
            }
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(local), deadline.Token);
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            var result = await DaemonHandshake.RunAsync(stream, deadline.Token);
            if (result.Ok)
            {
                // What offloading does with every build: a path sent to the store and read back.
                var copy = await StoreRoundTrip.RunAsync(stream, result, deadline.Token);
                if (!copy.Ok)
                    return CheckResult.Fail(CheckIds.Daemon, $"{daemonSocket} answered (worker protocol {result.Protocol}) but a path did not go there and back: {copy.Problem}",
                        CheckResult.Value("socket", daemonSocket), CheckResult.Value("protocol", result.Protocol!));
                return CheckResult.Pass(CheckIds.Daemon, $"{daemonSocket} answered: worker protocol {result.Protocol}, store opened, {copy.Path} copied there and back",
                    CheckResult.Value("socket", daemonSocket), CheckResult.Value("protocol", result.Protocol!), CheckResult.Value("copied", copy.Path!));
            }
            forward.Kill();
            var stopped = await forward.ResultAsync();
            // When sshd cannot open the remote socket, ssh closes the local connection and says why.
            var said = SshTranscript.Parse(stopped.Stderr).Errors.LastOrDefault(e => e.Contains("open failed", StringComparison.Ordinal));
            return CheckResult.Fail(CheckIds.Daemon, said is null
                ? $"{daemonSocket}: {result.Problem}"
                : $"{daemonSocket} did not answer: the SSH server could not connect to it ({said}); is the build daemon running there?");
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            return CheckResult.Fail(CheckIds.Daemon, $"{daemonSocket} did not finish the daemon's greeting within {ssh.RunLimit.TotalSeconds:0} s");
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            return CheckResult.Fail(CheckIds.Daemon, $"{daemonSocket}: {e.Message}");
        }
        // Disposing the forward kills ssh.
    }

    /// <summary>True once ssh has made the local socket (it does after logging in); false when ssh exits first.</summary>
    private static async Task<bool> WaitForSocketAsync(StartedProgram forward, string local, CancellationToken cancel)
    {
        while (true)
        {
            if (File.Exists(local)) return true;
            if (forward.HasExited) return false;
            await Task.Delay(25, cancel);
        }
    }
}
