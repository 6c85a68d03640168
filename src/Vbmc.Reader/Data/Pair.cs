namespace Vbmc.Data;

/// <summary>A mutable cons cell. Proper lists end in <see cref="Nil.Instance"/>.</summary>
public sealed class Pair(object car, object cdr)
{
    public object Car { get; set; } = car;
    public object Cdr { get; set; } = cdr;
}

/// <summary>The empty list, <c>'()</c>.</summary>
public sealed class Nil
{
    public static readonly Nil Instance = new();
    private Nil() { }
    public override string ToString() => "()";
}

/// <summary>The value of expressions whose value is unspecified (e.g. <c>(if #f #f)</c>).</summary>
public sealed class Unspecified
{
    public static readonly Unspecified Instance = new();
    private Unspecified() { }
    public override string ToString() => "#<unspecified>";
}

/// <summary>The end-of-file object.</summary>
public sealed class Eof
{
    public static readonly Eof Instance = new();
    private Eof() { }
    public override string ToString() => "#<eof>";
}

/// <summary>
/// A Scheme character, as a Unicode scalar value (so characters outside the BMP are one char).
/// </summary>
public readonly record struct SChar(int CodePoint)
{
    public override string ToString() => char.ConvertFromUtf32(CodePoint);
}

/// <summary>
/// Implemented by runtime values of later stages (records, procedures, dates, gexps) so the
/// printer can show them the way Guile would (<c>#&lt;...&gt;</c> forms and the like).
/// </summary>
public interface ISchemeWritable
{
    /// <param name="output">where to append the text</param>
    /// <param name="write">true for <c>write</c> (machine-readable), false for <c>display</c></param>
    /// <param name="printElement">prints a nested value with the same mode</param>
    void WriteTo(System.Text.StringBuilder output, bool write, Action<object> printElement);
}
