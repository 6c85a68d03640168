using System.CommandLine;
using Vbmc.Host.Apply;

namespace Vbmc.Cli;

/// <summary>`vbmc generations [--root R]`: the installed generations, the current one marked with *.</summary>
public static class GenerationsCommand
{
    public static Command Create(CliEnvironment env)
    {
        var root = ApplyCommand.RootOption("The root folder vbmc apply installed under.");
        var command = new Command("generations", "List the generations vbmc apply installed (* marks the current one).") { root };
        command.SetAction(parse =>
        {
            if (!OperatingSystem.IsLinux()) return ApplyCommand.Finish([ApplyCommand.Unsupported("generations")], env);
            return ApplyCommand.Finish(Generations.List(ApplyCommand.Options(parse.GetValue(root)!, env)), env);
        });
        return command;
    }
}
