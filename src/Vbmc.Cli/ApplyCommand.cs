using System.CommandLine;

namespace Vbmc.Cli;

/// <summary>`vbmc apply` (being written).</summary>
public static class ApplyCommand
{
    public static Command Create(CliEnvironment env)
    {
        var command = new Command("apply", "placeholder");
        command.SetAction(_ => ExitCodes.UsageOrIo);
        return command;
    }
}
