using System.Globalization;
using Vbmc.Processes;

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

    /// <summary>
    /// How long one ssh run may take: ConnectTimeout bounds the connection and the script itself
    /// takes milliseconds, so twice the timeout plus a margin bounds a server that accepts and then stalls.
    /// </summary>
    public TimeSpan RunLimit => Timeout * 2 + TimeSpan.FromSeconds(5);

    /// <summary>
    /// Runs the fixed remote script; -v so that the transcript says whether the host key matched
    /// and whether login worked. A run killed at <see cref="RunLimit"/> has <see cref="ProgramResult.TimedOut"/>.
    /// </summary>
    public Task<ProgramResult> RunScriptAsync(ProbeTarget target, string knownHostsFile, CancellationToken cancel)
    {
        var arguments = new List<string>(CommonArguments(target, knownHostsFile)) { "-v", "-T", "-n", "--", target.Host, RemoteScript.Command };
        return ProgramRunner.RunAsync(Request(arguments, RunLimit), cancel);
    }

    /// <summary>
    /// Starts `ssh -N -L LOCAL:REMOTE`: a Unix socket here that reaches the daemon socket there.
    /// The caller stops it; it is killed anyway a little after <see cref="RunLimit"/>.
    /// </summary>
    public StartedProgram StartForward(ProbeTarget target, string knownHostsFile, string localSocket, string remoteSocket)
    {
        var arguments = new List<string>(CommonArguments(target, knownHostsFile))
        {
            "-o", "ExitOnForwardFailure=yes",
            "-o", "StreamLocalBindMask=0177",
            "-N", "-T", "-n",
            "-L", localSocket + ":" + remoteSocket,
            "--", target.Host,
        };
        return ProgramRunner.Start(Request(arguments, RunLimit + TimeSpan.FromSeconds(5)));
    }

    // Messages in English whatever the user's locale, since the transcript is parsed.
    private ProgramRequest Request(IReadOnlyList<string> arguments, TimeSpan limit) =>
        new(Program, arguments, limit) { Locale = "C" };
}
