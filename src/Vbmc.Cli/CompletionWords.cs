using System.CommandLine;

namespace Vbmc.Cli;

/// <summary>
/// The words the completion scripts offer, read from the command tree once for all three
/// shells: the top level (commands and the root's options) and, per command, its options and
/// what its operands and option values are.
/// </summary>
public sealed record CompletionWords(
    IReadOnlyList<(string Name, string Description)> Commands,
    IReadOnlyList<CompletedOption> RootOptions,
    IReadOnlyList<CompletedCommand> Each)
{
    public static CompletionWords Of(RootCommand root)
    {
        var rootOptions = root.Options.Where(o => !o.Hidden).Select(CompletedOption.Of).Where(o => o.Names.Count > 0).ToList();
        var commands = CommandShape.Subcommands(root).ToList();
        var each = commands.Select(c => new CompletedCommand(
            c.Name,
            CommandShape.Options(c, [root]).Select(CompletedOption.Of).Where(o => o.Names.Count > 0).ToList(),
            CommandShape.OperandKind(c),
            CommandShape.OperandChoices(c))).ToList();
        var words = new CompletionWords(commands.Select(c => (c.Name, c.Description ?? "")).ToList(), rootOptions, each);
        words.CheckPlain();
        return words;
    }

    /// <summary>
    /// Words go into shell code (case patterns, compgen -W, fish conditions) as quoted literals,
    /// and bash's compgen expands its word list again: only plain words are allowed there.
    /// </summary>
    private void CheckPlain()
    {
        var all = Commands.Select(c => c.Name)
            .Concat(RootOptions.SelectMany(o => o.Names.Concat(o.Choices)))
            .Concat(Each.SelectMany(c => c.Options.SelectMany(o => o.Names.Concat(o.Choices)).Concat(c.OperandChoices)));
        foreach (var word in all)
            if (word.Length == 0 || !word.All(ch => char.IsAsciiLetterOrDigit(ch) || "-_.+:=/@%,".Contains(ch)))
                throw new InvalidOperationException($"'{word}' cannot be offered by the completion scripts: only plain words can");
    }
}

/// <summary>An option as completion sees it: its names, what follows it, its fixed words and its description.</summary>
public sealed record CompletedOption(IReadOnlyList<string> Names, ValueKind Value, IReadOnlyList<string> Choices, string Description)
{
    public static CompletedOption Of(Option option) =>
        new(CommandShape.Names(option), CommandShape.KindOf(option), CommandShape.Choices(option), OneLine(option.Description));

    public static string OneLine(string? text) => (text ?? "").ReplaceLineEndings(" ");
}

/// <summary>A command as completion sees it.</summary>
public sealed record CompletedCommand(string Name, IReadOnlyList<CompletedOption> Options, ValueKind Operand, IReadOnlyList<string> OperandChoices);
