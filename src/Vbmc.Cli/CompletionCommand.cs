using System.CommandLine;

namespace Vbmc.Cli;

/// <summary>
/// `vbmc completion bash|zsh|fish`: prints the shell's completion script, generated from the
/// command tree of this vbmc (src/packaging/install.sh installs one for each shell).
/// </summary>
public static class CompletionCommand
{
    public static readonly IReadOnlyList<string> Shells = ["bash", "zsh", "fish"];

    public static Command Create(CliEnvironment env, Func<RootCommand> tree)
    {
        var shell = new Argument<string>("SHELL") { Description = "The shell whose completion script to print." };
        shell.AcceptOnlyFromAmong([.. Shells]);
        var command = new Command("completion", "Print the completion script of a shell (bash, zsh or fish) for vbmc's commands and options.")
        {
            shell,
        };
        command.SetAction(parse =>
        {
            var words = CompletionWords.Of(tree());
            var version = DiagnosticWriter.Version;
            env.Out.Write(parse.GetValue(shell) switch
            {
                "zsh" => ZshCompletion.Write(words, version),
                "fish" => FishCompletion.Write(words, version),
                _ => BashCompletion.Write(words, version),
            });
            return ExitCodes.Ok;
        });
        return command;
    }
}
