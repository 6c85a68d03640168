using Vbmc.Evaluation;
using Vbmc.Processes;

namespace Vbmc.Host.Probe;

/// <summary>
/// Runs the checks of one machine in order, each only when the ones it needs passed:
/// reachable → host key → login → daemon, clock, load, disk. The host key and login are judged
/// from one ssh run of the remote script: with a wrong key ssh stops before authenticating, so
/// nothing runs on the machine.
/// </summary>
public sealed class MachineProber(ProbeOptions options)
{
    private readonly SshCommand ssh = new(options.SshProgram, options.Timeout);

    public async Task<MachineReport> ProbeAsync(ProbeTarget target, CancellationToken cancel = default)
    {
        var checks = new List<CheckResult>();

        MachineReport Stop(string why)
        {
            foreach (var id in CheckIds.All.Skip(checks.Count)) checks.Add(CheckResult.Skip(id, why));
            return new MachineReport(target, checks);
        }

        var reachable = SshValues.HostProblem(target) is { } badHost
            ? CheckResult.Fail(CheckIds.Reachable, $"unsupported: {badHost}; not contacted")
            : await BannerProbe.RunAsync(target.Host, target.Port, options.Timeout, cancel);
        checks.Add(reachable);
        if (reachable.Status != CheckStatus.Pass) return Stop($"{target.Display} is not reachable");

        if (SshValues.Problem(target) is { } unsafeValue)
        {
            checks.Add(CheckResult.Fail(CheckIds.HostKey, $"unsupported: {unsafeValue}; ssh is not run with it"));
            return Stop("the machine entry cannot be given to ssh");
        }
        if (target.HostKey is null)
        {
            checks.Add(CheckResult.Fail(CheckIds.HostKey, target.HostKeyProblem ?? "no host key to pin"));
            return Stop("without a pinned host key vbmc logs in nowhere");
        }
        if (!OpenSshPublicKey.TryParse(target.HostKey, out var pinned, out var keyProblem))
        {
            checks.Add(CheckResult.Fail(CheckIds.HostKey, $"the pinned host key of {target.Display} is unusable: {keyProblem}"));
            return Stop("without a pinned host key vbmc logs in nowhere");
        }

        using var folder = new ProbeFolder();
        var knownHosts = folder.WriteKnownHosts(target.Host, target.Port, pinned);
        ProgramResult run;
        try
        {
            run = await ssh.RunScriptAsync(target, knownHosts, cancel);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or ProgramMissingException)
        {
            checks.Add(CheckResult.Fail(CheckIds.HostKey, $"cannot run the OpenSSH client '{options.SshProgram}': {e.Message} ({HostProgram.Ssh.InstallHint})"));
            return Stop("ssh could not be run");
        }
        var transcript = SshTranscript.Parse(run.Stderr);

        checks.Add(HostKeyCheck(target, pinned, run, transcript));
        if (checks[^1].Status != CheckStatus.Pass) return Stop("the host key was not verified, so vbmc did not log in");

        var facts = RemoteScript.Parse(run.Stdout);
        checks.Add(LoginCheck(target, run, transcript, facts));
        if (checks[^1].Status != CheckStatus.Pass) return Stop("login failed");

        checks.Add(await DaemonProbe.RunAsync(ssh, target, folder, knownHosts, cancel));
        checks.Add(FactChecks.Clock(facts, target.VmDate, options.Now()));
        checks.Add(FactChecks.Load(facts, target.OverloadThreshold, target.ParallelBuilds));
        checks.Add(FactChecks.Disk(facts));
        return new MachineReport(target, checks);
    }

    private static CheckResult HostKeyCheck(ProbeTarget target, OpenSshPublicKey pinned, ProgramResult run, SshTranscript transcript)
    {
        var pinnedText = $"{pinned.Type} {pinned.Fingerprint}";
        if (transcript.HostKeyMatched)
            return CheckResult.Pass(CheckIds.HostKey, $"matches the pinned key {pinnedText}", CheckResult.Value("fingerprint", pinned.Fingerprint));
        if (transcript.HostKeyRejected)
        {
            var presented = transcript.PresentedFingerprint is { } f ? $"; the server presented {transcript.PresentedKeyType} {f}" : "";
            return CheckResult.Fail(CheckIds.HostKey,
                $"host key of {target.Display} does not match the pinned key {pinnedText}{presented}. ssh stopped before logging in: nothing ran on the machine",
                CheckResult.Value("fingerprint", pinned.Fingerprint), CheckResult.Value("presented", transcript.PresentedFingerprint ?? ""));
        }
        return CheckResult.Fail(CheckIds.HostKey, run.TimedOut
            ? $"ssh did not get through the key exchange with {target.Display} in time"
            : $"ssh failed before the host key was verified: {transcript.Tail()}");
    }

    private static CheckResult LoginCheck(ProbeTarget target, ProgramResult run, SshTranscript transcript, RemoteFacts facts)
    {
        if (!transcript.Authenticated)
        {
            return CheckResult.Fail(CheckIds.Login,
                $"cannot log in as {target.User} with {target.PrivateKeyFile}: {transcript.AuthenticationError ?? transcript.Tail()}");
        }
        if (!facts.Answered)
        {
            return CheckResult.Fail(CheckIds.Login, run.TimedOut
                ? $"logged in as {target.User}, but the command did not finish in time"
                : $"logged in as {target.User}, but the command did not run (exit {run.ExitCode}): {FirstLine(run.Stdout) ?? transcript.Tail()}");
        }
        return CheckResult.Pass(CheckIds.Login, $"as {target.User} with {target.PrivateKeyFile}",
            CheckResult.Value("user", target.User), CheckResult.Value("privateKey", target.PrivateKeyFile));
    }

    private static string? FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
}

/// <param name="Timeout">Connect and banner timeout; ssh's ConnectTimeout.</param>
/// <param name="SshProgram">The OpenSSH client.</param>
public sealed record ProbeOptions(TimeSpan Timeout, string SshProgram = "ssh", int Parallelism = 8)
{
    /// <summary>This host's clock, for the clock check of machines that are not VMs.</summary>
    public Func<DateTimeOffset> Now { get; init; } = () => DateTimeOffset.UtcNow;
}
