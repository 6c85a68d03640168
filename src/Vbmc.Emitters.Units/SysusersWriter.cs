using System.Text;

namespace Vbmc.Emitters.Units;

/// <summary>
/// Writes a sysusers.d(5) file (systemd 252 syntax): <c>g</c>, <c>u</c> and <c>m</c> lines,
/// names checked, paths and the GECOS field quoted.
/// </summary>
public sealed class SysusersWriter
{
    private readonly StringBuilder text = new();

    /// <summary>A '#' comment line (free text: control characters become spaces).</summary>
    public SysusersWriter Comment(string line)
    {
        var content = SystemdQuoting.LineText(line, specifiers: false);
        text.Append(content.Length == 0 ? "#" : "# " + content).Append('\n');
        return this;
    }

    /// <summary>A system group with an automatically chosen GID; nothing happens when it exists.</summary>
    public SysusersWriter Group(string name) => Line("g", SystemdQuoting.AccountName(name), "-");

    /// <summary>A system user whose primary group is <paramref name="primaryGroup"/> (the "-:GROUP" ID form).</summary>
    public SysusersWriter User(string name, string primaryGroup, string comment, string home, string shell) =>
        Line("u", SystemdQuoting.AccountName(name), "-:" + SystemdQuoting.AccountName(primaryGroup),
            Gecos(comment), AccountPath(home), AccountPath(shell));

    /// <summary>Adds <paramref name="user"/> to <paramref name="group"/>'s members.</summary>
    public SysusersWriter Member(string user, string group) =>
        Line("m", SystemdQuoting.AccountName(user), SystemdQuoting.AccountName(group));

    /// <summary>
    /// The GECOS field. passwd cannot hold ':' (its field separator) or control characters (a
    /// newline ends the entry): each becomes a space, so that any comment can be written and the
    /// account is still made. An empty comment is "-" (none); a comment of only "-" therefore
    /// also means none, which sysusers offers no way around.
    /// </summary>
    public static string Gecos(string comment)
    {
        var cleaned = new string(comment.Select(c => c is ':' or < ' ' or '\x7f' ? ' ' : c).ToArray());
        if (cleaned.Length == 0) return "-";
        // Always quoted, as sysusers.d(5) asks for this field.
        var word = SystemdQuoting.EscapedWord(cleaned);
        return word.StartsWith('"') ? word : "\"" + word + "\"";
    }

    public override string ToString() => text.ToString();

    private static string AccountPath(string path)
    {
        SystemdQuoting.AbsolutePath(path);
        if (path.Contains(':')) throw new ArgumentException($"'{path}' has a ':', which passwd cannot hold", nameof(path));
        return SystemdQuoting.EscapedWord(path);
    }

    private SysusersWriter Line(params string[] fields)
    {
        text.Append(string.Join(' ', fields)).Append('\n');
        return this;
    }
}
