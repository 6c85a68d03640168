using System.CommandLine;

namespace Vbmc.Cli;

/// <summary>`vbmc compile` (being written).</summary>
public static class CompileCommand
{
    public static Command Create(CliEnvironment env, Option<string> systemOption)
    {
        var command = new Command("compile", "placeholder") { systemOption };
        command.SetAction(_ => ExitCodes.UsageOrIo);
        return command;
    }
}
