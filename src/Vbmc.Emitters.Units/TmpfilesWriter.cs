using System.Text;

namespace Vbmc.Emitters.Units;

/// <summary>Writes a tmpfiles.d(5) file: <c>d</c> lines (create a folder with a mode and owners, never clean it).</summary>
public sealed class TmpfilesWriter
{
    private readonly StringBuilder text = new();

    /// <summary>A '#' comment line (free text: control characters become spaces).</summary>
    public TmpfilesWriter Comment(string line)
    {
        var content = SystemdQuoting.LineText(line, specifiers: false);
        text.Append(content.Length == 0 ? "#" : "# " + content).Append('\n');
        return this;
    }

    /// <summary>
    /// A folder made if missing, its mode and owners set; age "-" so that systemd-tmpfiles
    /// --clean never empties it.
    /// </summary>
    public TmpfilesWriter Directory(string path, int mode, string user, string group)
    {
        if (mode is < 0 or > 0b111_111_111_111) throw new ArgumentOutOfRangeException(nameof(mode));
        text.Append("d ")
            .Append(SystemdQuoting.EscapedWord(SystemdQuoting.AbsolutePath(path))).Append(' ')
            .Append(Convert.ToString(mode, 8).PadLeft(4, '0')).Append(' ')
            .Append(SystemdQuoting.AccountName(user)).Append(' ')
            .Append(SystemdQuoting.AccountName(group)).Append(" -\n");
        return this;
    }

    public override string ToString() => text.ToString();
}
