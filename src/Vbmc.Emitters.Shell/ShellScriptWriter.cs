using System.Text;

namespace Vbmc.Emitters.Shell;

/// <summary>
/// Writes a POSIX sh script line by line with '\n' endings (the same bytes on every host).
/// Data reaches the script only as <see cref="ShellWord.Literal"/> words or as comment text.
/// </summary>
public sealed class ShellScriptWriter
{
    private readonly StringBuilder text = new();
    private string indent = "";

    /// <summary>A line of the emitter's own fixed code (never data).</summary>
    public ShellScriptWriter Code(string line)
    {
        text.Append(line.Length == 0 ? "" : indent + line).Append('\n');
        return this;
    }

    /// <summary>Several lines of fixed code, e.g. a function kept as a raw string constant.</summary>
    public ShellScriptWriter CodeBlock(string lines)
    {
        foreach (var line in lines.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n')) Code(line);
        return this;
    }

    /// <summary>One simple command from words, each already quoted or fixed syntax.</summary>
    public ShellScriptWriter Command(params ShellWord[] words) => Code(string.Join(' ', words.Select(w => w.Text)));

    /// <summary>
    /// A comment line. Control characters would end the comment and start code, so they are
    /// shown as '?' (comment text is for people; the values that matter are quoted in the code).
    /// </summary>
    public ShellScriptWriter Comment(string line)
    {
        var safe = new string(line.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return Code(safe.Length == 0 ? "#" : "# " + safe);
    }

    public ShellScriptWriter Blank() => Code("");

    /// <summary>Indents the lines written inside <paramref name="body"/> by two spaces.</summary>
    public ShellScriptWriter Indented(Action body)
    {
        var saved = indent;
        indent += "  ";
        try
        {
            body();
        }
        finally
        {
            indent = saved;
        }
        return this;
    }

    public override string ToString() => text.ToString();
}
