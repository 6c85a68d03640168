using System.CommandLine;
using System.CommandLine.Completions;

namespace Vbmc.Cli;

/// <summary>What a value of an option or argument is, for completion: a fixed word, a path, or free text.</summary>
public enum ValueKind
{
    /// <summary>A flag: no value.</summary>
    None,
    /// <summary>One of the words of <see cref="CommandShape.Choices(Option)"/>.</summary>
    Choice,
    File,
    Directory,
    /// <summary>Anything (a system type, NAME=VALUE, a number): nothing to offer.</summary>
    Text,
}

/// <summary>
/// The command tree as the man page and the shell completions read it: visible commands, the
/// options each accepts (its own and the recursive ones of its parents, such as --help), their
/// names, value names and fixed choices. Everything comes from System.CommandLine's objects, so
/// the generated texts follow the tree when a command or option changes.
/// </summary>
public static class CommandShape
{
    /// <summary>
    /// The help names vbmc gives path values (see the options' HelpName): a value named so is
    /// completed as a file or a folder. Other values without fixed choices are free text.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, ValueKind> PathHelpNames = new Dictionary<string, ValueKind>(StringComparer.Ordinal)
    {
        ["FILE"] = ValueKind.File,
        ["DIR"] = ValueKind.Directory,
        ["R"] = ValueKind.Directory,
    };

    public static IEnumerable<Command> Subcommands(Command command) => command.Subcommands.Where(c => !c.Hidden);

    /// <summary>The options <paramref name="command"/> accepts: its own, then the recursive ones of its ancestors.</summary>
    public static IReadOnlyList<Option> Options(Command command, IReadOnlyList<Command> ancestors)
    {
        var all = command.Options.Where(o => !o.Hidden).ToList();
        foreach (var parent in ancestors)
            all.AddRange(parent.Options.Where(o => o.Recursive && !o.Hidden && !all.Contains(o)));
        return all;
    }

    /// <summary>The option's names a shell user types (-x and --long; not /? or -?), short ones first.</summary>
    public static IReadOnlyList<string> Names(Option option) =>
        new[] { option.Name }.Concat(option.Aliases)
            .Where(IsPlainName)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(n => n.StartsWith("--", StringComparison.Ordinal) ? 1 : 0)
            .ThenBy(n => n, StringComparer.Ordinal)
            .ToList();

    private static bool IsPlainName(string name) =>
        name.Length >= 2 && name[0] == '-' && name.Skip(name.StartsWith("--", StringComparison.Ordinal) ? 2 : 1)
            .All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    public static bool TakesValue(Option option) => option.ValueType != typeof(bool) && option.Arity.MaximumNumberOfValues > 0;

    /// <summary>An option that may be given more than once (its values are collected).</summary>
    public static bool Repeatable(Option option) => TakesValue(option) && option.Arity.MaximumNumberOfValues > 1;

    /// <summary>The name of an option's value in usage lines (its HelpName, else VALUE).</summary>
    public static string ValueName(Option option) => option.HelpName ?? "VALUE";

    public static string ValueName(Argument argument) => argument.HelpName ?? argument.Name;

    /// <summary>The fixed words an option's value must be one of (AcceptOnlyFromAmong); empty for other values.</summary>
    public static IReadOnlyList<string> Choices(Option option) =>
        TakesValue(option) ? option.GetCompletions(CompletionContext.Empty).Select(c => c.Label).ToList() : [];

    public static IReadOnlyList<string> Choices(Argument argument) =>
        argument.GetCompletions(CompletionContext.Empty).Select(c => c.Label).ToList();

    public static ValueKind KindOf(Option option) =>
        !TakesValue(option) ? ValueKind.None : Kind(Choices(option), ValueName(option));

    public static ValueKind KindOf(Argument argument) => Kind(Choices(argument), ValueName(argument));

    private static ValueKind Kind(IReadOnlyList<string> choices, string valueName) =>
        choices.Count > 0 ? ValueKind.Choice : PathHelpNames.GetValueOrDefault(valueName, ValueKind.Text);

    /// <summary>
    /// The kind of the words a command takes that are not options: the kind of its first argument
    /// with a path or fixed words, else text.
    /// </summary>
    public static ValueKind OperandKind(Command command) =>
        command.Arguments.Where(a => !a.Hidden).Select(KindOf).FirstOrDefault(k => k != ValueKind.Text, ValueKind.Text);

    /// <summary>The fixed words of a command's arguments (e.g. the shells of `vbmc completion`).</summary>
    public static IReadOnlyList<string> OperandChoices(Command command) =>
        command.Arguments.Where(a => !a.Hidden).SelectMany(Choices).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The usage of a command: `vbmc compile FILE -o DIR [--no-image] ... [-L DIR]...`.</summary>
    public static IReadOnlyList<UsageWord> Usage(Command command, IReadOnlyList<Command> ancestors)
    {
        var words = new List<UsageWord>();
        foreach (var argument in command.Arguments.Where(a => !a.Hidden))
        {
            var name = ValueName(argument);
            var many = argument.Arity.MaximumNumberOfValues > 1;
            words.Add(new UsageWord(null, name, Optional: argument.Arity.MinimumNumberOfValues == 0, many));
        }
        foreach (var option in Options(command, ancestors).Where(o => !o.Recursive))
        {
            var name = option.Name;
            words.Add(new UsageWord(name, TakesValue(option) ? ValueName(option) : null, Optional: !option.Required, Repeatable(option)));
        }
        return words;
    }
}

/// <summary>One word of a usage line: an option (with its value's name) or an argument's name.</summary>
public sealed record UsageWord(string? Option, string? Value, bool Optional, bool Repeated);
