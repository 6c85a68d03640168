using System.Diagnostics;
using System.Globalization;

namespace Vbmc.Host.Probe;

/// <summary>
/// The OpenSSH client's command lines for the probe. Every connection pins the host key: a
/// known_hosts file with only the expected key, StrictHostKeyChecking=yes, no global file.
/// Keys are files (-i), never values on the command line.
/// </summary>
/// <remarks>
/// <c>-F /dev/null</c>: the user's ssh_config is not read, although vbmc's architecture notes
/// that the OpenSSH client would honour it. guix offload takes the host, port, user, key and
/// host key from the machine file and reads no known_hosts (its sessions use
/// <c>#:knownhosts "/dev/null"</c>); a probe that honoured ~/.ssh/config could test another host
/// (a HostName alias), bypass the pinned key (ControlMaster reusing a connection made earlier)
/// or go through a ProxyJump that the daemon never uses, and so pass where offloading fails. The
/// machine file is the whole truth, so the probe uses nothing else.
/// </remarks>
public sealed class SshCommand(string program, TimeSpan timeout)
{
    public string Program { get; } = program;

    public TimeSpan Timeout { get; } = timeout;

    /// <summary>Options shared by the script run and the daemon forward.</summary>
    public IReadOnlyList<string> CommonArguments(ProbeTarget target, string knownHostsFile)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(Timeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        string[] options =
        [
            "BatchMode=yes",
            "StrictHostKeyChecking=yes",
            "UserKnownHostsFile=" + knownHostsFile,
            "GlobalKnownHostsFile=/dev/null",
            "HashKnownHosts=no",
            "UpdateHostKeys=no",
            "CheckHostIP=no",
            "ConnectTimeout=" + seconds,
            "ConnectionAttempts=1",
            "IdentitiesOnly=yes",
            "IdentityAgent=none",
            "PreferredAuthentications=publickey",
            "ControlMaster=no",
            "ControlPath=none",
            "ForwardAgent=no",
            "ForwardX11=no",
            "ServerAliveInterval=" + seconds,
            "ServerAliveCountMax=2",
        ];
        var arguments = new List<string> { "-F", "/dev/null" };
        foreach (var option in options) arguments.AddRange(["-o", option]);
        arguments.AddRange(["-p", target.Port.ToString(CultureInfo.InvariantCulture), "-i", target.PrivateKeyFile, "-l", target.User]);
        return arguments;
    }

    /// <summary>Runs the fixed remote script; -v so that the transcript says whether the host key matched and whether login worked.</summary>
    public Task<SshRun> RunScriptAsync(ProbeTarget target, string knownHostsFile, CancellationToken cancel)
    {
        var arguments = new List<string>(CommonArguments(target, knownHostsFile)) { "-v", "-T", "-n", "--", target.Host, RemoteScript.Command };
        return RunAsync(arguments, cancel);
    }

    /// <summary>Starts `ssh -N -L LOCAL:REMOTE`: a Unix socket here that reaches the daemon socket there.</summary>
    public Process StartForward(ProbeTarget target, string knownHostsFile, string localSocket, string remoteSocket)
    {
        var arguments = new List<string>(CommonArguments(target, knownHostsFile))
        {
            "-o", "ExitOnForwardFailure=yes",
            "-o", "StreamLocalBindMask=0177",
            "-N", "-T", "-n",
            "-L", localSocket + ":" + remoteSocket,
            "--", target.Host,
        };
        return Process.Start(StartInfo(arguments)) ?? throw new IOException("could not start " + Program);
    }

    private async Task<SshRun> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancel)
    {
        using var process = Process.Start(StartInfo(arguments)) ?? throw new IOException("could not start " + Program);
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        // ConnectTimeout bounds the connection; the script itself takes milliseconds. Twice the
        // timeout plus a margin bounds a server that accepts and then stalls.
        deadline.CancelAfter(Timeout * 2 + TimeSpan.FromSeconds(5));
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            Kill(process);
            await process.WaitForExitAsync(CancellationToken.None);
        }
        return new SshRun(timedOut ? -1 : process.ExitCode, await stdout, await stderr, timedOut);
    }

    private ProcessStartInfo StartInfo(IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo(Program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        // Messages in English whatever the user's locale, since the transcript is parsed.
        info.Environment["LC_ALL"] = "C";
        return info;
    }

    /// <summary>A program on PATH, or null.</summary>
    public static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => System.IO.Path.Join(dir, name))
            .FirstOrDefault(File.Exists);

    public static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited meanwhile.
        }
    }
}

/// <param name="ExitCode">ssh's exit code (255: ssh's own failure), -1 when it was killed at the deadline.</param>
public sealed record SshRun(int ExitCode, string Stdout, string Stderr, bool TimedOut);
