using System.CommandLine;
using Vbmc.Host.Apply;

namespace Vbmc.Cli;

/// <summary>`vbmc rollback [N] [--root R] [--no-start]`: switch back to generation N (default: the previous one).</summary>
public static class RollbackCommand
{
    public static Command Create(CliEnvironment env)
    {
        var number = new Argument<int?>("N")
        {
            Description = "The generation to switch to (default: the newest one older than the current).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var root = ApplyCommand.RootOption("The root folder vbmc apply installed under (systemd is touched only when it is /).");
        var noStart = new Option<bool>("--no-start") { Description = "On a live systemd host, reload units but start, restart or stop none." };
        var command = new Command("rollback", "Switch the installed files back to an earlier generation, atomically.") { number, root, noStart };
        command.SetAction(parse =>
        {
            if (!OperatingSystem.IsLinux()) return ApplyCommand.Finish([ApplyCommand.Unsupported("rollback")], env);
            var options = ApplyCommand.Options(parse.GetValue(root)!, env) with { NoStart = parse.GetValue(noStart) };
            return ApplyCommand.Finish(Generations.Rollback(parse.GetValue(number), options), env);
        });
        return command;
    }
}
