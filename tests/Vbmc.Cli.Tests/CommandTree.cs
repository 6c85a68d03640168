using System.CommandLine;

namespace Vbmc.Cli.Tests;

/// <summary>vbmc's real command tree, walked by the tests that compare generated texts with it.</summary>
public static class CommandTree
{
    public static RootCommand Root => CliApp.Build(new CliEnvironment(TextWriter.Null, TextWriter.Null, false, Directory.GetCurrentDirectory()));

    /// <summary>Each visible command with the names of the options it accepts (its own and --help).</summary>
    public static IReadOnlyList<(Command Command, IReadOnlyList<Option> Options)> Commands()
    {
        var root = Root;
        return CommandShape.Subcommands(root).Select(c => (c, CommandShape.Options(c, [root]))).ToList();
    }
}
