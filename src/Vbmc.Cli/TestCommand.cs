using System.CommandLine;

namespace Vbmc.Cli;

/// <summary>`vbmc test` (being written).</summary>
public static class TestCommand
{
    public static Command Create(CliEnvironment env)
    {
        var command = new Command("test", "placeholder");
        command.SetAction(_ => ExitCodes.UsageOrIo);
        return command;
    }
}
