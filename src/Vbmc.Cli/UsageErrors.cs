using System.CommandLine;
using System.Text.RegularExpressions;
using Vbmc.Diagnostics;

namespace Vbmc.Cli;

/// <summary>
/// System.CommandLine's parse errors as vbmc's diagnostics, said for a user: an unknown command is
/// one error with the closest command, an argument that is not a number names what was expected
/// (not a .NET type).
/// </summary>
internal static partial class UsageErrors
{
    public static IReadOnlyList<Diagnostic> Of(RootCommand root, string[] args, ParseResult parse)
    {
        var commands = root.Subcommands.Select(c => c.Name).ToList();
        if (args is [var first, ..] && !first.StartsWith('-') && !commands.Contains(first))
        {
            var close = Vbmc.Evaluation.Records.Spelling.Closest(first, commands);
            return [Error($"unknown command '{first}'", close is null
                ? $"the commands are {string.Join(", ", commands)}; see 'vbmc --help'"
                : $"did you mean 'vbmc {close}'?")];
        }
        var command = parse.CommandResult.Command;
        var help = command is RootCommand ? "see 'vbmc --help'" : $"see 'vbmc {command.Name} --help'";
        return parse.Errors.Select(e => Error(Plain(e.Message), help)).ToList();
    }

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (?<kind>command|option|argument) '(?<name>[^']*)' as expected type 'System\.(?<type>Int32|Int64|UInt32|Double)'\.?$")]
    private static partial Regex NotANumber();

    private static string Plain(string message)
    {
        if (NotANumber().Match(message) is not { Success: true } m) return message;
        var number = m.Groups["type"].Value == "Double" ? "a number" : "a whole number";
        var where = m.Groups["kind"].Value == "command" ? $"'vbmc {m.Groups["name"].Value}' takes one there" : $"{m.Groups["kind"].Value} '{m.Groups["name"].Value}' takes one";
        return $"'{m.Groups["value"].Value}' is not {number}: {where}";
    }

    private static Diagnostic Error(string message, string hint) =>
        Diagnostic.Error(DiagnosticIds.UsageError, SourceSpan.FileOnly("vbmc"), message, hint);
}
