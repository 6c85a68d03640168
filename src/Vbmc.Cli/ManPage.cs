using System.CommandLine;
using System.Text;
using System.Text.RegularExpressions;

namespace Vbmc.Cli;

/// <summary>
/// The manual page vbmc(1) in roff (man(7) macros), written from the command tree: every
/// command with its arguments and options as System.CommandLine holds them, so the page cannot
/// drift from the program. `vbmc manual` prints it; src/packaging/install.sh installs it. The
/// page carries the version, never the day it was made, so the same program gives the same bytes.
/// </summary>
public static partial class ManPage
{
    public static string Write(RootCommand root, string version)
    {
        var page = new StringBuilder();
        page.Append(".TH VBMC 1 \"\" \"vbmc ").Append(Escape(version)).Append("\" \"User Commands\"\n");
        // Left-aligned, no hyphenation: option names and paths must not be split.
        page.Append(".ad l\n.nh\n");
        page.Append(".SH NAME\nvbmc \\- ").Append(Escape(Summary(root))).Append('\n');

        page.Append(".SH SYNOPSIS\n");
        var commands = Walk(root, []).ToList();
        for (var i = 0; i < commands.Count; i++)
        {
            if (i > 0) page.Append(".br\n");
            page.Append(Synopsis(commands[i].Command, commands[i].Ancestors)).Append('\n');
        }
        foreach (var option in root.Options.Where(o => !o.Hidden && !o.Recursive))
            page.Append(".br\n\\fBvbmc\\fR ").Append(OptionTag(option)).Append('\n');

        page.Append(".SH DESCRIPTION\n").Append(Escape(DescriptionText)).Append('\n');

        page.Append(".SH COMMANDS\n");
        foreach (var (command, ancestors) in commands)
        {
            page.Append(".SS \"").Append(Escape(FullName(command, ancestors)).Replace("\"", "\"\"")).Append("\"\n");
            page.Append(Escape(command.Description ?? "")).Append('\n');
            foreach (var argument in command.Arguments.Where(a => !a.Hidden))
                page.Append(".TP\n\\fI").Append(Escape(CommandShape.ValueName(argument))).Append("\\fR\n")
                    .Append(Escape(Describe(argument.Description, CommandShape.ValueName(argument), CommandShape.Choices(argument)))).Append('\n');
            foreach (var option in CommandShape.Options(command, ancestors).Where(o => !o.Recursive))
                page.Append(".TP\n").Append(OptionTag(option)).Append('\n')
                    .Append(Escape(Describe(option.Description, CommandShape.ValueName(option), CommandShape.Choices(option)))).Append('\n');
        }

        page.Append(".SH OPTIONS\n");
        foreach (var option in root.Options.Where(o => !o.Hidden))
            page.Append(".TP\n").Append(OptionTag(option)).Append('\n').Append(Escape(option.Description ?? "")).Append('\n');

        page.Append(".SH EXIT STATUS\n");
        foreach (var (code, meaning) in ExitCodes.Meanings)
            page.Append(".TP\n.B ").Append(code).Append('\n').Append(Escape(meaning)).Append('\n');

        page.Append(".SH ENVIRONMENT\n");
        foreach (var (name, meaning) in EnvironmentVariables)
            page.Append(".TP\n.B ").Append(Escape(name)).Append('\n').Append(Escape(meaning)).Append('\n');

        page.Append(".SH SEE ALSO\n")
            .Append(".BR guix (1),\n.BR guix\\-daemon (8),\n.BR nix.conf (5),\n.BR qemu (1),\n.BR systemd\\-sysusers (8),\n.BR systemd\\-tmpfiles (8)\n");
        return page.ToString();
    }

    private const string DescriptionText =
        "vbmc checks Guix-style Scheme configurations of virtual build machines (QEMU virtual machines "
        + "whose clock starts at a chosen date and whose CPU model matches that date, used as offload "
        + "targets by guix-daemon or nix-daemon) with file:line:col diagnostics, compiles them into "
        + "guest disk images, launch scripts, systemd and Shepherd units, accounts and offload machine "
        + "files, installs those on a host as generations that roll back, and tests each build machine over SSH. "
        + "vbmc help [COMMAND] prints the usage of vbmc or of a command, as --help does.";

    /// <summary>The variables vbmc reads (documented here, where a user of the page looks).</summary>
    private static readonly (string Name, string Meaning)[] EnvironmentVariables =
    [
        ("VBMC_CACHE_DIR", "Where guest image builds keep their Debian base roots (default: $XDG_CACHE_HOME/vbmc, else ~/.cache/vbmc)."),
        ("XDG_CACHE_HOME", "The cache folder when VBMC_CACHE_DIR is unset."),
        ("NO_COLOR", "When set and not empty, diagnostics are never coloured (no-color.org); they are coloured only on a terminal anyway."),
        ("PATH", "Where the programs vbmc runs are found (mmdebstrap, mke2fs, qemu-img, ssh-keygen, ssh, systemd-sysusers, systemd-tmpfiles, systemctl)."),
        ("DOTNET_GCHeapHardLimit", "A heap limit for vbmc smaller than its own (768 MiB) is kept."),
    ];

    private static IEnumerable<(Command Command, IReadOnlyList<Command> Ancestors)> Walk(Command command, IReadOnlyList<Command> ancestors)
    {
        IReadOnlyList<Command> path = [.. ancestors, command];
        foreach (var sub in CommandShape.Subcommands(command))
        {
            yield return (sub, path);
            foreach (var deeper in Walk(sub, path)) yield return deeper;
        }
    }

    private static string FullName(Command command, IReadOnlyList<Command> ancestors) =>
        string.Join(' ', ancestors.Select(a => a is RootCommand ? "vbmc" : a.Name).Append(command.Name));

    private static string Synopsis(Command command, IReadOnlyList<Command> ancestors)
    {
        var line = new StringBuilder("\\fB").Append(Escape(FullName(command, ancestors))).Append("\\fR");
        foreach (var word in CommandShape.Usage(command, ancestors))
        {
            var text = word.Option is null ? $"\\fI{Escape(word.Value!)}\\fR"
                : word.Value is null ? $"\\fB{Escape(word.Option)}\\fR"
                : $"\\fB{Escape(word.Option)}\\fR \\fI{Escape(word.Value)}\\fR";
            if (word.Optional) text = $"[{text}]";
            if (word.Repeated) text += "...";
            line.Append(' ').Append(text);
        }
        return line.ToString();
    }

    private static string OptionTag(Option option)
    {
        var names = string.Join(", ", CommandShape.Names(option).Select(n => $"\\fB{Escape(n)}\\fR"));
        return CommandShape.TakesValue(option) ? $"{names} \\fI{Escape(CommandShape.ValueName(option))}\\fR" : names;
    }

    /// <summary>The description, with the fixed words of the value when its name does not show them (SHELL, not text|json).</summary>
    private static string Describe(string? description, string valueName, IReadOnlyList<string> choices) =>
        choices.Count == 0 || choices.All(valueName.Split('|').Contains) ? description ?? ""
        : $"{description} One of: {string.Join(", ", choices)}.";

    /// <summary>"vbmc: compiler for ... machines." as the NAME line's "compiler for ... machines".</summary>
    private static string Summary(RootCommand root)
    {
        var text = (root.Description ?? "").Trim();
        if (text.StartsWith("vbmc:", StringComparison.Ordinal)) text = text["vbmc:".Length..].Trim();
        return text.TrimEnd('.');
    }

    /// <summary>
    /// Text safe in roff: backslashes escaped, an option's dashes written as minus signs (so a
    /// copy from the page types a real hyphen-minus), no line that starts as a request.
    /// </summary>
    public static string Escape(string text)
    {
        var safe = OptionDash().Replace(text.Replace("\\", "\\e"), "\\-");
        return safe.StartsWith('.') || safe.StartsWith('\'') ? "\\&" + safe : safe;
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}])-")]
    private static partial Regex OptionDash();
}
