namespace Vbmc.Emitters.Scheme;

/// <summary>
/// Scheme data to write into a generated file. Emitters build these typed values and
/// <see cref="SchemeWriter"/> turns them into text, so that every string goes through one quoting
/// routine (Guile's escapes) and no value is ever pasted into code as text.
/// </summary>
public abstract record SchemeValue
{
    public static SchemeValue Of(string value) => new SchemeString(value);
    public static SchemeValue Of(long value) => new SchemeInteger(value);
    public static SchemeValue Of(double value) => new SchemeReal(value);
    public static SchemeValue Of(bool value) => new SchemeBoolean(value);
    public static SchemeSymbol Symbol(string name) => new(name);

    /// <summary><c>(head item ...)</c>, laid out on one line when it fits.</summary>
    public static SchemeForm Form(string head, params SchemeValue[] items) => new([Symbol(head), .. items], FormLayout.Auto);

    /// <summary><c>(head</c> then one item per line: the shape of a record, e.g. <c>build-machine</c>.</summary>
    public static SchemeForm Block(string head, IEnumerable<SchemeValue> items) => new([Symbol(head), .. items], FormLayout.Vertical);

    /// <summary><c>(list "a" "b")</c>: a list of strings, built when the file is loaded.</summary>
    public static SchemeForm StringList(IEnumerable<string> items) => Form("list", [.. items.Select(Of)]);
}

public sealed record SchemeString(string Value) : SchemeValue;

public sealed record SchemeInteger(long Value) : SchemeValue;

/// <summary>An inexact real: always written so that Guile reads it back inexact (<c>1.0</c>, not <c>1</c>).</summary>
public sealed record SchemeReal(double Value) : SchemeValue;

public sealed record SchemeBoolean(bool Value) : SchemeValue;

/// <summary>A keyword, <c>#:name</c> (the name written as a symbol).</summary>
public sealed record SchemeKeyword(string Name) : SchemeValue;

/// <summary>
/// A symbol. Any name is allowed: <see cref="SchemeWriter.Symbol"/> writes a plain lower-case
/// name as it is and any other in Guile's <c>#{...}#</c> form with escapes, so that a symbol can
/// never smuggle syntax into the file.
/// </summary>
public sealed record SchemeSymbol : SchemeValue
{
    public SchemeSymbol(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
    }

    public string Name { get; }
}

/// <summary>A parenthesised form; <see cref="Layout"/> only changes line breaks, never meaning.</summary>
public sealed record SchemeForm(IReadOnlyList<SchemeValue> Items, FormLayout Layout) : SchemeValue;

public enum FormLayout
{
    /// <summary>One line when it fits in the width, else <see cref="Vertical"/>.</summary>
    Auto,

    /// <summary>The first item on the opening line, every other item on its own line, indented by one.</summary>
    Vertical,

    /// <summary>The first two items on the opening line, the rest indented by two (<c>lambda</c>, <c>define</c>).</summary>
    Body,
}
