using System.Collections.Immutable;
using Vbmc.Data;
using Vbmc.Diagnostics;

namespace Vbmc.Syntax;

/// <summary>
/// A datum as read, with the source span of its text. The evaluator analyses these (so every
/// error can point at its source); <see cref="ToDatum"/> strips the spans for <c>quote</c>.
/// </summary>
public abstract class SyntaxNode(SourceSpan span)
{
    public SourceSpan Span { get; } = span;

    /// <summary>The plain runtime value of this datum (pairs, vectors, symbols, numbers...).</summary>
    public abstract object ToDatum();
}

/// <summary>
/// A self-contained datum: symbol, keyword, number (BigInteger, Rational, double), string,
/// character (<see cref="SChar"/>), boolean.
/// </summary>
public sealed class SyntaxAtom(object value, SourceSpan span) : SyntaxNode(span)
{
    public object Value { get; } = value;

    public override object ToDatum() => Value;

    public override string ToString() => $"{Value}@{Span}";
}

/// <summary>
/// A list <c>( ... )</c> or <c>[ ... ]</c>, possibly dotted (<see cref="Tail"/> not null).
/// Abbreviations (<c>'x</c>, <c>`x</c>, <c>,x</c>, <c>,@x</c>, <c>#~x</c>, <c>#$x</c>, <c>#$@x</c>,
/// <c>#+x</c>, <c>#+@x</c>) are read as two-element lists whose head is the symbol
/// (<c>quote</c>, <c>quasiquote</c>, <c>unquote</c>, <c>unquote-splicing</c>, <c>gexp</c>,
/// <c>ungexp</c>, <c>ungexp-splicing</c>, <c>ungexp-native</c>, <c>ungexp-native-splicing</c>)
/// with the span of the abbreviation's prefix.
/// </summary>
public sealed class SyntaxList(ImmutableArray<SyntaxNode> items, SyntaxNode? tail, SourceSpan span)
    : SyntaxNode(span)
{
    public ImmutableArray<SyntaxNode> Items { get; } = items;

    /// <summary>The datum after the dot in <c>(a b . c)</c>; null for a proper list.</summary>
    public SyntaxNode? Tail { get; } = tail;

    public bool IsProper => Tail is null;

    public override object ToDatum()
    {
        object result = Tail?.ToDatum() ?? Nil.Instance;
        for (var i = Items.Length - 1; i >= 0; i--)
            result = new Pair(Items[i].ToDatum(), result);
        return result;
    }
}

/// <summary>A vector <c>#( ... )</c>.</summary>
public sealed class SyntaxVector(ImmutableArray<SyntaxNode> items, SourceSpan span) : SyntaxNode(span)
{
    public ImmutableArray<SyntaxNode> Items { get; } = items;

    public override object ToDatum() => Items.Select(i => i.ToDatum()).ToArray();
}
