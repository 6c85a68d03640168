using Vbmc.Processes;

namespace Vbmc.Host.Operate;

/// <summary>
/// Starting and stopping a VM with its installed launch script, where no service manager runs it.
/// The script is started in a session of its own (setsid), so that QEMU outlives vbmc and a
/// Ctrl+C in vbmc's terminal does not reach it; its output (the serial console and QEMU's
/// messages) goes to /var/log/vbmc/NAME.log, the file Shepherd logs it to. Every path is given
/// explicitly (pid file, console socket, secrets drive, store disk), so the same code works under a --root.
/// </summary>
public static class LaunchScript
{
    /// <summary>How long QEMU may take to write its pid file (the script first probes KVM: up to 10 s).</summary>
    public static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

    /// <summary>How long QEMU may take to end after SIGTERM (it ends at once: the guest is not asked to shut down).</summary>
    public static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(30);

    /// <summary>The launch script's arguments: every file the VM uses, under the root.</summary>
    public static IReadOnlyList<string> Arguments(InstalledVm vm)
    {
        var arguments = new List<string> { "--pidfile", vm.PidFile };
        // A socket's path holds 107 bytes: under a deep root the VM runs without the console.
        if (ConsoleSession.FitsSocketPath(vm.ConsoleSocket)) arguments.AddRange(["--console-socket", vm.ConsoleSocket]);
        else arguments.Add("--no-console-socket");
        if (File.Exists(vm.SecretsDrive)) arguments.AddRange(["--secrets", vm.SecretsDrive]);
        else arguments.Add("--no-secrets");
        if (File.Exists(vm.StoreDisk)) arguments.AddRange(["--store-disk", vm.StoreDisk]);
        else arguments.Add("--no-store-disk");
        return arguments;
    }

    /// <summary>
    /// Starts the script detached and waits for QEMU's pid file. Returns the running QEMU, or
    /// throws an <see cref="OperateException"/> with the log's last lines.
    /// </summary>
    public static QemuProcess Start(InstalledVm vm)
    {
        if (!File.Exists(vm.Script)) throw new OperateException($"the launch script {vm.Script} is not installed");
        Directory.CreateDirectory(Path.GetDirectoryName(vm.PidFile)!);
        Directory.CreateDirectory(Path.GetDirectoryName(vm.SerialLog)!);
        // A stale pid file (QEMU killed) would be taken for the new one.
        File.Delete(vm.PidFile);
        var shell = HostProgram.Shell.Require();
        var setsid = HostProgram.Setsid.Require();
        // The shell only redirects and starts a background job (the log and the command are its
        // positional parameters, never code) and says its pid. That job is no process group
        // leader, so setsid makes its session without forking, and the script execs QEMU: the pid
        // is QEMU's once it runs, and its end before that is the script's failure.
        var result = ProgramRunner.Run(HostProgram.Shell.Request(shell,
        [
            "-c", "log=$1; shift; \"$@\" </dev/null >\"$log\" 2>&1 & echo $!", "vbmc-start",
            vm.SerialLog, setsid, vm.Script, .. Arguments(vm),
        ]));
        if (result.ExitCode != 0 || !int.TryParse(result.Stdout.Trim(), out var launched))
            throw new OperateException($"sh could not start {vm.Script} (exit {result.ExitCode}): {result.Stderr.Trim()}{LogTail(vm)}");
        return WaitForQemu(vm, () =>
               {
                   if (!QemuProcess.IsAlive(launched) && QemuProcess.Find(vm) is null)
                       throw new OperateException($"{vm.Script} ended before QEMU wrote its pid file{LogTail(vm)}");
               })
               ?? throw new OperateException($"QEMU wrote no pid file {vm.PidFile} within {StartLimit.TotalSeconds:0} s of starting {vm.Script}{LogTail(vm)}");
    }

    /// <summary>
    /// The VM's QEMU once its pid file names it, polled until <see cref="StartLimit"/>; null when
    /// it never does. <paramref name="check"/> runs at each poll and may throw to stop early.
    /// </summary>
    public static QemuProcess? WaitForQemu(InstalledVm vm, Action check)
    {
        var deadline = DateTime.UtcNow + StartLimit;
        while (DateTime.UtcNow < deadline)
        {
            if (QemuProcess.Find(vm) is { } qemu) return qemu;
            check();
            Thread.Sleep(200);
        }
        return null;
    }

    /// <summary>SIGTERM to the VM's QEMU (checked to be it), then waits for its end.</summary>
    public static void Stop(InstalledVm vm, QemuProcess qemu)
    {
        if (!QemuProcess.IsQemuOf(qemu.Pid, vm)) return;
        if (!Posix.Signal(qemu.Pid, Posix.SigTerm)) return;
        var deadline = DateTime.UtcNow + StopLimit;
        while (DateTime.UtcNow < deadline)
        {
            if (!QemuProcess.IsAlive(qemu.Pid)) return;
            Thread.Sleep(100);
        }
        throw new OperateException($"QEMU (pid {qemu.Pid}) still runs {StopLimit.TotalSeconds:0} s after SIGTERM");
    }

    /// <summary>The last lines of the VM's log, for failure messages.</summary>
    public static string LogTail(InstalledVm vm, int lines = 15)
    {
        try
        {
            if (!File.Exists(vm.SerialLog)) return "";
            var tail = File.ReadLines(vm.SerialLog).TakeLast(lines).Select(Vbmc.Host.Probe.ReportWriter.Printable);
            return $"; last lines of {vm.SerialLog}:\n  " + string.Join("\n  ", tail);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}

/// <summary>An operation on a VM that failed; the message says what and why.</summary>
public sealed class OperateException(string message) : Exception(message);
