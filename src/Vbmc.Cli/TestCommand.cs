using System.CommandLine;
using Vbmc.Diagnostics;
using Vbmc.Evaluation;
using Vbmc.Host.Probe;

namespace Vbmc.Cli;

/// <summary>
/// `vbmc test [FILE] [--root R] [--timeout SECONDS] [--format text|json]`: check that every build
/// machine is usable for offloading, as `guix offload test` does, over the OpenSSH client with
/// the host key pinned. FILE is a configuration or machines file, a compile folder, or nothing
/// (the installed generation under R). Exit 0 only when every machine passes every required check.
/// </summary>
public static class TestCommand
{
    public const int DefaultTimeoutSeconds = 10;

    public static Command Create(CliEnvironment env)
    {
        var file = new Argument<string?>("FILE")
        {
            Description = "A configuration or machines file, or a compile folder; default: the installed generation (R/var/lib/vbmc/current).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var root = new Option<string>("--root")
        {
            Description = "The folder apply installed into: VMs' keys and the installed generation are read under it.",
            DefaultValueFactory = _ => "/",
            HelpName = "R",
        };
        var timeout = new Option<int>("--timeout")
        {
            Description = "Seconds allowed to connect and read each machine's SSH banner (ssh's ConnectTimeout).",
            DefaultValueFactory = _ => DefaultTimeoutSeconds,
            HelpName = "SECONDS",
        };
        var format = new Option<string>("--format")
        {
            Description = "Output format of the report.",
            DefaultValueFactory = _ => "text",
            HelpName = "text|json",
        };
        format.AcceptOnlyFromAmong("text", "json");

        var command = new Command("test", "Check that each build machine is reachable, pinned, usable and answers with its build daemon.")
        {
            file, root, timeout, format,
        };
        command.SetAction(parse => Run(parse.GetValue(file), parse.GetValue(root) ?? "/", parse.GetValue(timeout),
            parse.GetValue(format) == "json", env));
        return command;
    }

    public static int Run(string? file, string root, int timeoutSeconds, bool json, CliEnvironment env)
    {
        if (Usage(file, root, timeoutSeconds) is { } usage)
        {
            DiagnosticWriter.WriteToError([usage], env);
            return DiagnosticWriter.ExitCodeOf([usage]);
        }
        var input = ProbeInput.Load(file, root, new EvaluationOptions { System = CliEnvironment.HostSystem });
        if (input.Diagnostics.Count > 0) DiagnosticWriter.WriteToError(input.Diagnostics, env);
        if (input.HasErrors) return DiagnosticWriter.ExitCodeOf(input.Diagnostics);
        if (input.Targets.Count == 0)
        {
            env.Error.WriteLine($"{input.Source}: no build machine to test (a VM needs a port forwarded to its port 22)");
        }

        var options = new ProbeOptions(TimeSpan.FromSeconds(timeoutSeconds));
        var report = ProbeRunner.RunAsync(input.Source, input.Targets, options).GetAwaiter().GetResult();
        env.Out.Write(json ? ReportWriter.Json(report) : ReportWriter.Text(report));
        env.Out.Flush();
        // Installed VMs keep their last result for `vbmc status`; failing to keep it changes no verdict.
        foreach (var problem in LastTestRecord.WriteAll(root, report, DateTimeOffset.UtcNow))
            env.Error.WriteLine($"vbmc: note: {ReportWriter.Printable(problem)}");

        var failures = report.Machines.Where(m => !m.Passed).Select(m => Failure(m, input.Source)).ToList();
        if (failures.Count > 0) DiagnosticWriter.WriteToError(failures, env);
        return report.Passed ? ExitCodes.Ok : ExitCodes.ConfigurationErrors;
    }

    private static Diagnostic? Usage(string? file, string root, int timeoutSeconds)
    {
        if (file is not null && (InputFiles.UnknownOption(file) is { } unknown)) return unknown;
        if (timeoutSeconds is < 1 or > 3600)
        {
            return Diagnostic.Error(DiagnosticIds.UsageError, SourceSpan.FileOnly("vbmc"),
                $"--timeout {timeoutSeconds}: expected a number of seconds from 1 to 3600", "see 'vbmc test --help'");
        }
        if (!Directory.Exists(root))
            return Diagnostic.Error(DiagnosticIds.IoError, SourceSpan.FileOnly(root), $"--root {root}: no such folder");
        if (file is not null && !Directory.Exists(file) && InputFiles.Problem(file) is { } problem) return problem;
        if (Vbmc.Processes.HostProgram.Ssh.Locate() is null)
        {
            return Diagnostic.Error(DiagnosticIds.IoError, SourceSpan.FileOnly("ssh"),
                "the OpenSSH client 'ssh' is not installed", Vbmc.Processes.HostProgram.Ssh.InstallHint);
        }
        return null;
    }

    /// <summary>One diagnostic per machine that failed, at its VM's place in the configuration when known.</summary>
    private static Diagnostic Failure(MachineReport machine, string source)
    {
        var failed = machine.FirstFailure ?? machine.Checks.First(c => c.Status == CheckStatus.Skip);
        var vm = machine.Target.Vm is { } name ? $" (virtual build machine {name})" : "";
        return Diagnostic.Error(DiagnosticIds.MachineTestFailed, machine.Target.Place ?? SourceSpan.FileOnly(source),
            $"build machine {machine.Target.Display}{vm} failed the {failed.Id} check: {failed.Detail}");
    }
}
