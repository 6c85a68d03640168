using System.Text;

namespace Vbmc.Emitters.Units;

/// <summary>
/// Writes a systemd unit file: comments, sections and settings, each value in the form its key
/// takes (see <see cref="SystemdQuoting"/>). Keys are plain words; nothing is written unquoted
/// unless it is plainly safe, so a hostile value can never add a line or a setting.
/// </summary>
public sealed class SystemdUnitWriter
{
    private readonly StringBuilder text = new();
    private bool inSection;

    /// <summary>A '#' comment line (free text: control characters become spaces).</summary>
    public SystemdUnitWriter Comment(string line)
    {
        var content = SystemdQuoting.LineText(line, specifiers: false);
        text.Append(content.Length == 0 ? "#" : "# " + content).Append('\n');
        return this;
    }

    public SystemdUnitWriter Section(string name)
    {
        if (name.Length == 0 || !name.All(char.IsAsciiLetter)) throw new ArgumentException($"bad section name '{name}'", nameof(name));
        if (text.Length > 0) text.Append('\n');
        text.Append('[').Append(name).Append("]\n");
        inSection = true;
        return this;
    }

    /// <summary>A setting whose value is free text to the end of the line (Description=) or a fixed word (yes, strict, 30s).</summary>
    public SystemdUnitWriter Text(string key, string value) => Line(key, SystemdQuoting.LineText(value));

    /// <summary>A setting that is present with an empty value, which resets a list (CapabilityBoundingSet=).</summary>
    public SystemdUnitWriter Empty(string key) => Line(key, "");

    /// <summary>A command line (ExecStart=): the program must be an absolute path; every word is quoted as needed.</summary>
    public SystemdUnitWriter Command(string key, IReadOnlyList<string> argv)
    {
        if (argv.Count == 0) throw new ArgumentException("a command needs a program", nameof(argv));
        // The first word must start with '/': systemd reads leading '-', '@', ':', '+', '!' of
        // the (unquoted) first word as flags, so a program path is always absolute here. systemd
        // also refuses a program path with quotes, backslashes or control characters ("Executable
        // name contains special characters"); arguments may hold anything.
        var program = SystemdQuoting.AbsolutePath(argv[0]);
        if (program.Any(c => c is '"' or '\'' or '\\' or < ' ' or '\x7f'))
            throw new ArgumentException($"systemd cannot run a program whose path has quotes, backslashes or control characters: '{program}'", nameof(argv));
        return Line(key, string.Join(' ', argv.Skip(1).Select(SystemdQuoting.CommandWord).Prepend(SystemdQuoting.ProgramWord(program))));
    }

    /// <summary>Absolute paths (ReadWritePaths=).</summary>
    public SystemdUnitWriter Paths(string key, IReadOnlyList<string> paths) =>
        Line(key, string.Join(' ', paths.Select(p => SystemdQuoting.EscapedWord(SystemdQuoting.AbsolutePath(p)))));

    /// <summary>User and group names (User=, Group=, SupplementaryGroups=).</summary>
    public SystemdUnitWriter Accounts(string key, IReadOnlyList<string> names) =>
        Line(key, string.Join(' ', names.Select(SystemdQuoting.AccountName)));

    /// <summary>Environment variables (Environment=), one quoted NAME=VALUE word each.</summary>
    public SystemdUnitWriter Environment(string key, IReadOnlyList<KeyValuePair<string, string>> variables) =>
        Line(key, string.Join(' ', variables.Select(v => SystemdQuoting.EnvironmentWord(v.Key, v.Value))));

    public override string ToString() => text.ToString();

    private SystemdUnitWriter Line(string key, string value)
    {
        if (!inSection) throw new InvalidOperationException("a setting must follow a section");
        if (key.Length == 0 || !key.All(char.IsAsciiLetterOrDigit)) throw new ArgumentException($"bad key '{key}'", nameof(key));
        text.Append(key).Append('=').Append(value).Append('\n');
        return this;
    }
}
