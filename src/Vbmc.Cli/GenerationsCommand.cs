using System.CommandLine;

namespace Vbmc.Cli;

/// <summary>`vbmc generations` (being written).</summary>
public static class GenerationsCommand
{
    public static Command Create(CliEnvironment env)
    {
        var command = new Command("generations", "placeholder");
        command.SetAction(_ => ExitCodes.UsageOrIo);
        return command;
    }
}
