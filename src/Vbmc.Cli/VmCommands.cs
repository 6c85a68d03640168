using System.CommandLine;
using System.Runtime.InteropServices;
using Vbmc.Diagnostics;
using Vbmc.Host.Operate;
using Vbmc.Host.Probe;
using Vbmc.Processes;

namespace Vbmc.Cli;

/// <summary>
/// The verbs that operate the installed VMs: `vbmc start|stop|restart|status|logs|ssh|console
/// NAME [--root R]`. Each finds NAME in the installed generation under R and acts through what
/// runs it there: systemd on a live host, a running Shepherd, else the installed launch script
/// (see <see cref="ServiceManager"/>).
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public static class VmCommands
{
    public static IEnumerable<Command> Create(CliEnvironment env)
    {
        yield return Operation("start", "Start an installed VM (through systemd, Shepherd, or its launch script).", env, o => o.Start());
        yield return Operation("stop", "Stop an installed VM (QEMU ends; the guest is not asked to shut down).", env, o => o.Stop());
        yield return Operation("restart", "Stop an installed VM if it runs, then start it.", env, o => o.Restart());
        yield return Status(env);
        yield return Logs(env);
        yield return Ssh(env);
        yield return Console(env);
    }

    private static Argument<string> NameArgument() => new("NAME") { Description = "The VM's name (as in `vbmc status`)." };

    private static Option<string?> ShepherdSocketOption() => new("--shepherd-socket")
    {
        Description = $"The socket of the Shepherd that runs the VMs (default: R{ServiceManager.DefaultShepherdSocket} when it exists).",
        HelpName = "FILE",
    };

    private static Command Operation(string verb, string description, CliEnvironment env, Action<VmOperations> act)
    {
        var name = NameArgument();
        var root = ApplyCommand.RootOption("The root folder vbmc apply installed under (systemd is used only when it is /).");
        var socket = ShepherdSocketOption();
        var command = new Command(verb, description) { name, root, socket };
        command.SetAction(parse => WithVm(parse.GetValue(name)!, parse.GetValue(root)!, env, vm =>
        {
            act(new VmOperations(vm, ServiceManager.Detect(vm, parse.GetValue(socket)), env.Out));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Status(CliEnvironment env)
    {
        var name = new Argument<string?>("NAME") { Description = "The VM's name; default: every installed VM.", Arity = ArgumentArity.ZeroOrOne };
        var root = ApplyCommand.RootOption("The root folder vbmc apply installed under.");
        var socket = ShepherdSocketOption();
        var command = new Command("status", "Show how each installed VM runs: pid, uptime, forwarded port, SSH banner, last vbmc test result.")
        {
            name, root, socket,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(name) is { } one)
                return WithVm(one, parse.GetValue(root)!, env, vm => PrintStatus([vm], parse.GetValue(socket), env));
                var (vms, problem) = VmLocator.All(parse.GetValue(root)!);
            if (problem is not null) return ApplyCommand.Finish([problem], env);
            if (vms.Count == 0) env.Out.WriteLine("the installed generation has no VM");
            return PrintStatus(vms, parse.GetValue(socket), env);
        });
        return command;
    }

    private static int PrintStatus(IReadOnlyList<InstalledVm> vms, string? socket, CliEnvironment env)
    {
        foreach (var vm in vms)
        {
            foreach (var line in VmStatus.Of(vm, ServiceManager.Detect(vm, socket)).PrintableLines()) env.Out.WriteLine(line);
        }
        env.Out.Flush();
        return ExitCodes.Ok;
    }

    private static Command Logs(CliEnvironment env)
    {
        var name = NameArgument();
        var root = ApplyCommand.RootOption("The root folder vbmc apply installed under.");
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing what the VM's console writes, until interrupted." };
        var socket = ShepherdSocketOption();
        var command = new Command("logs", "Print the VM's serial console (the guest's journal) and QEMU's messages.") { name, root, follow, socket };
        command.SetAction(parse => WithVm(parse.GetValue(name)!, parse.GetValue(root)!, env, vm =>
        {
            var manager = ServiceManager.Detect(vm, parse.GetValue(socket));
            if (manager.Kind == ServiceManagerKind.Systemd)
            {
                // Under systemd the console goes to the journal (the unit has no log file).
                string[] arguments = ["--no-pager", "-u", Vbmc.Lowering.InstallLayout.SystemdUnitName(vm.Name), .. parse.GetValue(follow) ? ["-f"] : Array.Empty<string>()];
                ProgramExec.Replace(HostProgram.Journalctl, arguments);
            }
            if (!File.Exists(vm.SerialLog))
                throw new OperateException($"{vm.SerialLog} does not exist: {vm.Name} has not been started with Shepherd or vbmc start here");
            using var interrupted = new CancellationTokenSource();
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; interrupted.Cancel(); });
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; interrupted.Cancel(); });
            SerialLog.Print(vm.SerialLog, env.Out, parse.GetValue(follow), interrupted.Token);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Ssh(CliEnvironment env)
    {
        var name = NameArgument();
        var remote = new Argument<string[]>("COMMAND")
        {
            Description = "A command to run in the guest (after --); default: a login shell.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var root = ApplyCommand.RootOption("The root folder vbmc apply installed under (keys and known_hosts are read there).");
        var command = new Command("ssh", "Log in to a VM as the daemons do: the offload key, the pinned host key (vbmc ssh NAME -- COMMAND).")
        {
            name, remote, root,
        };
        command.SetAction(parse => WithVm(parse.GetValue(name)!, parse.GetValue(root)!, env, vm =>
        {
            var arguments = SshSession.Arguments(vm, parse.GetValue(remote) ?? []);
            ProgramExec.Replace(HostProgram.Ssh, arguments);
            return ExitCodes.UsageOrIo; // not reached: Replace returns only by throwing
        }));
        return command;
    }

    private static Command Console(CliEnvironment env)
    {
        var name = NameArgument();
        var root = ApplyCommand.RootOption("The root folder vbmc apply installed under.");
        var command = new Command("console", "Attach to a VM's root shell on its second serial port; Ctrl+] leaves. "
            + $"Input from a pipe is sent once the shell answers a probe; vbmc ends when the console is then quiet for {ConsoleSession.QuietEnd.TotalSeconds:0} s.")
        {
            name, root,
        };
        command.SetAction(parse => WithVm(parse.GetValue(name)!, parse.GetValue(root)!, env, vm =>
        {
            env.Out.Flush();
            // File descriptor 0 itself: .NET's console stream would edit and echo a terminal's
            // input a line at a time, and Ctrl+] would wait for Enter.
            using var input = new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(0, ownsHandle: false), FileAccess.Read, bufferSize: 0);
            using var output = System.Console.OpenStandardOutput();
            new ConsoleSession(vm, input, output, env.Error).Run();
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Finds the VM and runs <paramref name="act"/>; every failure is a diagnostic.</summary>
    private static int WithVm(string name, string root, CliEnvironment env, Func<InstalledVm, int> act)
    {
        if (name.StartsWith('-') && name.Length > 1)
            return ApplyCommand.Finish([Diagnostic.Error(DiagnosticIds.UsageError, SourceSpan.FileOnly("vbmc"), $"unknown option '{ReportWriter.Printable(name)}'")], env);
        if (!Directory.Exists(root))
            return ApplyCommand.Finish([Diagnostic.Error(DiagnosticIds.IoError, SourceSpan.FileOnly(root), $"--root {ReportWriter.Printable(root)}: no such folder")], env);
        var (vm, problem) = VmLocator.Find(root, name);
        if (vm is null) return ApplyCommand.Finish([problem!], env);
        try
        {
            var code = act(vm);
            env.Out.Flush();
            return code;
        }
        catch (OperateException e)
        {
            return ApplyCommand.Finish([Diagnostic.Error(DiagnosticIds.VmOperationFailed, SourceSpan.FileOnly(vm.Name), e.Message)], env);
        }
        catch (ProgramMissingException e)
        {
            return ApplyCommand.Finish([Diagnostic.Error(DiagnosticIds.IoError, SourceSpan.FileOnly(e.Program), e.Message, e.Hint)], env);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ApplyCommand.Finish([Diagnostic.Error(DiagnosticIds.VmOperationFailed, SourceSpan.FileOnly(vm.Name), e.Message)], env);
        }
    }
}
