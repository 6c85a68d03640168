using System.CommandLine;

namespace Vbmc.Cli;

/// <summary>
/// `vbmc manual`: prints the manual page vbmc(1) in roff, generated from the command tree
/// (`vbmc manual | man -l -` shows it; src/packaging/install.sh installs it).
/// </summary>
public static class ManualCommand
{
    public static Command Create(CliEnvironment env, Func<RootCommand> tree)
    {
        var command = new Command("manual", "Print the manual page vbmc(1) in roff (view it with: vbmc manual | man -l -).");
        command.SetAction(_ =>
        {
            env.Out.Write(ManPage.Write(tree(), DiagnosticWriter.Version));
            return ExitCodes.Ok;
        });
        return command;
    }
}
