using System.CommandLine;

namespace Vbmc.Cli;

/// <summary>`vbmc rollback` (being written).</summary>
public static class RollbackCommand
{
    public static Command Create(CliEnvironment env)
    {
        var command = new Command("rollback", "placeholder");
        command.SetAction(_ => ExitCodes.UsageOrIo);
        return command;
    }
}
