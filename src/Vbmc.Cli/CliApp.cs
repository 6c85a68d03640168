using System.CommandLine;
using System.CommandLine.Invocation;
using Vbmc.Diagnostics;

namespace Vbmc.Cli;

/// <summary>
/// The command line: a thin shell over the library (Vbmc.Evaluation) and the diagnostic
/// formatters. <see cref="Run"/> never throws.
/// </summary>
public static class CliApp
{
    public static RootCommand Build(CliEnvironment env)
    {
        var root = new RootCommand("vbmc: compiler for Guix-style configurations of virtual build machines.")
        {
            CheckCommand.Create(env, new EvaluationSettings()),
            EvalCommand.Create(env, new EvaluationSettings()),
            CompileCommand.Create(env, new EvaluationSettings()),
            ApplyCommand.Create(env),
            GenerationsCommand.Create(env),
            RollbackCommand.Create(env),
            TestCommand.Create(env),
            GcCommand.Create(env),
        };
        // The verbs on installed VMs exist where VMs are installed (apply runs on Linux only).
        if (OperatingSystem.IsLinux())
            foreach (var verb in VmCommands.Create(env)) root.Subcommands.Add(verb);
        // The generators read the finished tree, themselves included.
        root.Subcommands.Add(CompletionCommand.Create(env, () => root));
        root.Subcommands.Add(ManualCommand.Create(env, () => root));
        // The built-in --version prints the entry assembly's version, which is the test host's
        // when the CLI runs in-process: print vbmc's own.
        foreach (var version in root.Options.OfType<VersionOption>()) version.Action = new PrintVersion();
        return root;
    }

    private sealed class PrintVersion : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(DiagnosticWriter.Version);
            return ExitCodes.Ok;
        }
    }

    public static int Run(string[] args, CliEnvironment env)
    {
        try
        {
            var root = Build(env);
            // Bare `vbmc` and `vbmc help [COMMAND]` print the usage, as --help does.
            if (args is [] or ["help"]) args = ["--help"];
            else if (args is ["help", var topic]) args = [topic, "--help"];
            var parse = root.Parse(args);
            // Usage errors exit with 2 (System.CommandLine would use 1, which vbmc keeps for
            // configuration errors) and are diagnostics like every other problem.
            if (parse.Errors.Count > 0)
            {
                DiagnosticWriter.WriteToError(UsageErrors.Of(root, args, parse), env);
                return ExitCodes.UsageOrIo;
            }
            return parse.Invoke(new InvocationConfiguration
            {
                Output = env.Out,
                Error = env.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            DiagnosticWriter.WriteToError([DiagnosticWriter.Internal("vbmc", e)], env);
            return ExitCodes.UsageOrIo;
        }
    }
}
