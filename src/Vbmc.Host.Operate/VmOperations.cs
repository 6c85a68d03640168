using Vbmc.Processes;

namespace Vbmc.Host.Operate;

/// <summary>
/// start, stop and restart of an installed VM, through what runs it (<see cref="ServiceManager"/>).
/// Each writes what it did to <paramref name="output"/> and throws an <see cref="OperateException"/>
/// when it fails.
/// </summary>
public sealed class VmOperations(InstalledVm vm, ServiceManager manager, TextWriter output)
{
    public void Start()
    {
        if (manager.Kind != ServiceManagerKind.Script)
        {
            RunManager("start");
            // The manager says "started" once it has spawned the script; the VM runs when QEMU does.
            var started = LaunchScript.WaitForQemu(vm, StoppedAgain())
                ?? throw new OperateException($"{manager.Describe(vm)} started the service, but QEMU wrote no pid file {vm.PidFile} "
                    + $"within {LaunchScript.StartLimit.TotalSeconds:0} s{Where()}");
            output.WriteLine($"started {vm.Name}: QEMU pid {started.Pid}, through {manager.Describe(vm)}");
            return;
        }
        if (QemuProcess.Find(vm) is { } running)
        {
            output.WriteLine($"{vm.Name} already runs (QEMU pid {running.Pid})");
            return;
        }
        var qemu = LaunchScript.Start(vm);
        output.WriteLine($"started {vm.Name}: QEMU pid {qemu.Pid}, through {manager.Describe(vm)}; console log {vm.SerialLog}");
    }

    public void Stop()
    {
        if (manager.Kind != ServiceManagerKind.Script)
        {
            RunManager("stop");
            output.WriteLine($"stopped {vm.Name} through {manager.Describe(vm)}");
            return;
        }
        if (QemuProcess.Find(vm) is not { } qemu)
        {
            output.WriteLine($"{vm.Name} is not running");
            return;
        }
        LaunchScript.Stop(vm, qemu);
        output.WriteLine($"stopped {vm.Name} (QEMU pid {qemu.Pid} ended after SIGTERM)");
    }

    public void Restart()
    {
        if (manager.Kind != ServiceManagerKind.Script)
        {
            RunManager("restart");
            var restarted = LaunchScript.WaitForQemu(vm, StoppedAgain())
                ?? throw new OperateException($"{manager.Describe(vm)} restarted the service, but QEMU wrote no pid file {vm.PidFile} "
                    + $"within {LaunchScript.StartLimit.TotalSeconds:0} s{Where()}");
            output.WriteLine($"restarted {vm.Name}: QEMU pid {restarted.Pid}, through {manager.Describe(vm)}");
            return;
        }
        Stop();
        Start();
    }

    /// <summary>
    /// A check for <see cref="LaunchScript.WaitForQemu"/>: fails early when the manager holds the
    /// service stopped three polls in a row (a script that failed at once, e.g. a missing image),
    /// rather than waiting the whole start limit. Three, so that a service being respawned is not
    /// taken for a failed one.
    /// </summary>
    private Action StoppedAgain()
    {
        var query = manager.StoppedQuery(vm)!.Value;
        var path = query.Program.Locate();
        var stoppedAnswers = 0;
        var lastPoll = DateTime.MinValue;
        return () =>
        {
            if (path is null || DateTime.UtcNow - lastPoll < TimeSpan.FromSeconds(1)) return;
            lastPoll = DateTime.UtcNow;
            var answer = ProgramRunner.Run(query.Program.Request(path, query.Arguments) with { Timeout = TimeSpan.FromSeconds(30) });
            stoppedAnswers = query.SaysStopped(answer.Stdout) ? stoppedAnswers + 1 : 0;
            if (stoppedAnswers >= 3 && QemuProcess.Find(vm) is null)
                throw new OperateException($"{manager.Describe(vm)} started the service, but it stopped before QEMU wrote its pid file {vm.PidFile}{Where()}");
        };
    }

    /// <summary>Where the VM's console and QEMU's messages are, for failure messages.</summary>
    private string Where() => manager.Kind == ServiceManagerKind.Systemd
        ? $"; see journalctl -u {Vbmc.Lowering.InstallLayout.SystemdUnitName(vm.Name)}"
        : LaunchScript.LogTail(vm);

    private void RunManager(string verb)
    {
        var (program, arguments) = manager.Command(verb, vm)!.Value;
        var path = program.Locate() ?? throw new OperateException($"{program.NotInstalled} ({program.InstallHint})");
        var result = ProgramRunner.Run(program.Request(path, arguments));
        if (result.TimedOut)
            throw new OperateException($"{program.Name} {string.Join(' ', arguments)} did not finish within {program.Timeout.TotalMinutes:0} min");
        if (result.ExitCode != 0)
        {
            var said = (result.Stderr + result.Stdout).Trim();
            throw new OperateException($"{program.Name} {string.Join(' ', arguments)} failed (exit {result.ExitCode})"
                + (said.Length == 0 ? "" : ": " + Vbmc.Host.Probe.ReportWriter.Printable(said.ReplaceLineEndings(" / "))));
        }
    }
}
