namespace Vbmc.Emitters.Shell;

/// <summary>
/// A word of a generated script, already in shell syntax. Values enter only through
/// <see cref="Literal"/> (quoted); <see cref="Code"/> is for the emitter's own fixed syntax
/// (variable expansions, operators), never for data. Adjacent words concatenate with <c>+</c>,
/// e.g. <c>Code("\"$image\"") + Literal(",format=qcow2")</c> is one argument.
/// </summary>
public readonly record struct ShellWord(string Text)
{
    public static ShellWord Literal(string value) => new(ShellQuoting.Quote(value));

    public static ShellWord Code(string syntax) => new(syntax);

    /// <summary>A variable's value as one word (double-quoted: no splitting, no globbing).</summary>
    public static ShellWord Variable(string name) => new("\"${" + name + "}\"");

    public static ShellWord operator +(ShellWord a, ShellWord b) => new(a.Text + b.Text);

    public override string ToString() => Text;
}
