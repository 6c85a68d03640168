using System.Collections.Immutable;
using Antlr4.Runtime;
using Vbmc.Data;
using Vbmc.Syntax;
using P = Vbmc.Reading.Generated.SchemeParser;

namespace Vbmc.Reading;

/// <summary>
/// Turns the parse tree of well-formed input into <see cref="SyntaxNode"/>s. Atom values were
/// computed by <see cref="StructureChecker"/> (by token index); a DOT token without a value is
/// the dot of a dotted list. Recursion follows the nesting, which the checker bounded.
/// </summary>
internal sealed class SyntaxBuilder(object?[] values, TextPositions positions)
{
    public ImmutableArray<SyntaxNode> Build(P.FileContext file)
    {
        var result = ImmutableArray.CreateBuilder<SyntaxNode>();
        foreach (var item in file.item())
            if (item.datum() is { } datum)
                result.Add(Datum(datum));
        return result.ToImmutable();
    }

    private SyntaxNode Datum(P.DatumContext context) => context switch
    {
        P.SimpleContext simple => Atom((IToken)simple.atom().Start),
        P.ListContext list => List(list),
        P.VectorContext vector => Vector(vector),
        P.AbbreviationContext abbreviation => Abbreviation(abbreviation),
        P.KeywordContext keyword => Keyword(keyword),
        _ => throw new InvalidOperationException("unknown datum form " + context.GetType().Name),
    };

    private SyntaxAtom Atom(IToken token) =>
        new(values[token.TokenIndex] ?? throw new InvalidOperationException("atom without a value"), positions.SpanOf(token));

    private SyntaxNode List(P.ListContext context)
    {
        var items = ImmutableArray.CreateBuilder<SyntaxNode>();
        SyntaxNode? tail = null;
        var afterDot = false;
        foreach (var item in context.item())
        {
            if (item.datum() is not { } datum) continue;
            if (!afterDot && datum is P.SimpleContext simple && simple.atom().DOT() is { } dot
                && values[dot.Symbol.TokenIndex] is null)
            {
                afterDot = true;
                continue;
            }
            if (afterDot) tail = Datum(datum);
            else items.Add(Datum(datum));
        }
        // Guile reads "(. x)" as x itself.
        if (items.Count == 0 && tail is not null) return tail;
        return new SyntaxList(items.ToImmutable(), tail, positions.SpanOf(context.Start, context.Stop));
    }

    private SyntaxVector Vector(P.VectorContext context)
    {
        var items = ImmutableArray.CreateBuilder<SyntaxNode>();
        foreach (var item in context.item())
            if (item.datum() is { } datum)
                items.Add(Datum(datum));
        return new SyntaxVector(items.ToImmutable(), positions.SpanOf(context.Start, context.Stop));
    }

    private SyntaxList Abbreviation(P.AbbreviationContext context)
    {
        var prefix = context.prefix().Start;
        var head = new SyntaxAtom(Symbol.Intern(HeadOf(prefix.Type)), positions.SpanOf(prefix));
        var body = Datum(context.datum());
        return new SyntaxList([head, body], null, positions.SpanOf(prefix).To(body.Span));
    }

    private SyntaxAtom Keyword(P.KeywordContext context)
    {
        var body = Datum(context.datum());
        var name = ((Symbol)((SyntaxAtom)body).Value).Name;
        return new SyntaxAtom(Data.Keyword.Intern(name), positions.SpanOf(context.Start).To(body.Span));
    }

    /// <summary>The symbol an abbreviation stands for (Guix's gexp reader extension for #~ #$ #+).</summary>
    internal static string HeadOf(int prefixType) => prefixType switch
    {
        P.QUOTE => "quote",
        P.QUASIQUOTE => "quasiquote",
        P.UNQUOTE => "unquote",
        P.UNQUOTE_SPLICING => "unquote-splicing",
        P.SYNTAX => "syntax",
        P.QUASISYNTAX => "quasisyntax",
        P.UNSYNTAX => "unsyntax",
        P.UNSYNTAX_SPLICING => "unsyntax-splicing",
        P.GEXP => "gexp",
        P.UNGEXP => "ungexp",
        P.UNGEXP_SPLICING => "ungexp-splicing",
        P.UNGEXP_NATIVE => "ungexp-native",
        P.UNGEXP_NATIVE_SPLICING => "ungexp-native-splicing",
        _ => throw new InvalidOperationException("not a prefix token: " + prefixType),
    };
}
