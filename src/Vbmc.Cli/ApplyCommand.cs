using System.CommandLine;
using Vbmc.Diagnostics;
using Vbmc.Host.Apply;

namespace Vbmc.Cli;

/// <summary>
/// `vbmc apply DIR [--root R] [--dry-run] [--no-start]`: installs a compile folder on the host (or
/// under R) as a new generation: accounts, folders, secrets, units, scripts, images and machine
/// files. The report goes to standard output, diagnostics to standard error.
/// </summary>
public static class ApplyCommand
{
    public static Command Create(CliEnvironment env)
    {
        var folder = new Argument<string>("DIR") { Description = "The folder `vbmc compile FILE -o DIR` wrote." };
        var root = RootOption();
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would change (files, accounts, folders, secrets, units) and change nothing." };
        var noStart = new Option<bool>("--no-start") { Description = "On a live systemd host, reload units but start, restart or stop none." };
        var command = new Command("apply", "Install a compiled folder on this host (or under --root) as a new generation.")
        {
            folder, root, dryRun, noStart,
        };
        command.SetAction(parse => Run(parse.GetValue(folder)!, parse.GetValue(root)!, parse.GetValue(dryRun), parse.GetValue(noStart), env));
        return command;
    }

    internal static Option<string> RootOption(string description = "Install under this folder instead of / (systemd is then never touched).") => new("--root")
    {
        Description = description,
        DefaultValueFactory = _ => "/",
        HelpName = "R",
    };

    public static int Run(string folder, string root, bool dryRun, bool noStart, CliEnvironment env)
    {
        if (UnknownOption(folder) is { } usage) return Finish([usage], env);
        if (!OperatingSystem.IsLinux()) return Finish([Unsupported("apply")], env);
        var options = Options(root, env) with { DryRun = dryRun, NoStart = noStart };
        return Finish(HostApplier.Apply(folder, options), env);
    }

    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    internal static ApplyOptions Options(string root, CliEnvironment env) => new()
    {
        Root = root,
        Out = env.Out,
        VbmcVersion = DiagnosticWriter.Version,
    };

    internal static int Finish(IReadOnlyList<Diagnostic> diagnostics, CliEnvironment env)
    {
        env.Out.Flush();
        DiagnosticWriter.WriteToError(diagnostics, env);
        return DiagnosticWriter.ExitCodeOf(diagnostics);
    }

    internal static Diagnostic Unsupported(string command) =>
        Diagnostic.Error(DiagnosticIds.UsageError, SourceSpan.FileOnly("vbmc"), $"unsupported: vbmc {command} runs on Linux hosts only");

    private static Diagnostic? UnknownOption(string argument) =>
        argument.StartsWith('-') && argument.Length > 1
            ? Diagnostic.Error(DiagnosticIds.UsageError, SourceSpan.FileOnly("vbmc"), $"unknown option '{argument}'", "see 'vbmc apply --help'")
            : null;
}
