using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Antlr4.Runtime;
using Vbmc.Data;
using Vbmc.Diagnostics;
using Vbmc.Syntax;
using T = Vbmc.Reading.Generated.SchemeLexer;

namespace Vbmc.Reading;

/// <summary>
/// Walks the token stream once, without recursion, as Guile's reader would read it: classifies
/// every atom (its value also goes to <see cref="Values"/>, by token index, when asked), builds the
/// <see cref="SyntaxNode"/>s with an explicit stack (<see cref="Data"/>), and stops at the first
/// malformed input with a precise diagnostic. Checking the nesting depth here, before any
/// recursive code (the ANTLR parser, <see cref="SyntaxNode.ToDatum"/>) sees the data, is what
/// keeps 100,000 nested brackets from overflowing the stack. The tokens may come straight from
/// the lexer: none is kept past its use but the open brackets and prefixes on the stack.
/// </summary>
internal sealed class StructureChecker(IEnumerable<IToken> tokens, TextPositions positions, object?[]? values = null)
{
    private enum Kind { List, Vector, Prefix, Keyword, DatumComment }

    private enum Dot { None, NeedTail, NeedClose }

    private struct Frame(Kind kind, TokenPlace open, int itemsStart)
    {
        public readonly Kind Kind = kind;
        public readonly TokenPlace Open = open;
        public Dot Dot = Dot.None;
        /// <summary>Where this list's items start in <see cref="_items"/>.</summary>
        public readonly int ItemsStart = itemsStart;
        public SyntaxNode? Tail;
    }

    private readonly ImmutableArray<SyntaxNode>.Builder _data = ImmutableArray.CreateBuilder<SyntaxNode>();

    /// <summary>The data read, once <see cref="Check"/> returned no error.</summary>
    public ImmutableArray<SyntaxNode> Data => _data.ToImmutable();

    private readonly List<Frame> _stack = [];

    /// <summary>The items of every open list, innermost last: one list for all of them, so that
    /// a list being read costs no collection of its own.</summary>
    private readonly List<SyntaxNode> _items = [];

    /// <summary>When given: the value of each atom token (index = token index); null for other tokens.</summary>
    public object?[]? Values { get; } = values;

    public Diagnostic? Check()
    {
        var atoms = new AtomReader(positions);
        foreach (var token in tokens)
        {
            var error = Step(token, atoms);
            if (error is not null) return error;
        }
        return null;
    }

    private Diagnostic? Step(IToken token, AtomReader atoms)
    {
        switch (token.Type)
        {
            case TokenConstants.EOF:
                return AtEnd();
            case T.LPAREN or T.LBRACK or T.VECTOR_OPEN:
                return BeforeDatum(token) ?? Push(token.Type == T.VECTOR_OPEN ? Kind.Vector : Kind.List, token);
            case T.RPAREN or T.RBRACK:
                return Close(token);
            case T.DATUM_COMMENT:
                return Push(Kind.DatumComment, token);
            case T.KEYWORD_PREFIX:
                return BeforeDatum(token) ?? Push(Kind.Keyword, token);
            case T.QUOTE or T.QUASIQUOTE or T.UNQUOTE or T.UNQUOTE_SPLICING
                or T.SYNTAX or T.QUASISYNTAX or T.UNSYNTAX or T.UNSYNTAX_SPLICING
                or T.GEXP or T.UNGEXP or T.UNGEXP_SPLICING or T.UNGEXP_NATIVE or T.UNGEXP_NATIVE_SPLICING:
                return BeforeDatum(token) ?? Push(Kind.Prefix, token);
            case T.DOT:
                if (Top is { Kind: Kind.List or Kind.Vector } frame && frame.Dot == Dot.None)
                {
                    // Guile reads "(. x)" as x itself; "#(a . b)" is not a vector.
                    if (frame.Kind == Kind.Vector)
                        return Error(DiagnosticIds.BadDot, positions.SpanOf(token), "a vector cannot have a dotted tail");
                    SetTopDot(Dot.NeedTail);
                    return null;
                }
                // Anywhere else (top level, after a quote, as the tail itself) "." is the symbol `.`.
                return Atom(token, Symbol.Intern("."));
            case T.UNTERMINATED_STRING:
                return Error(DiagnosticIds.UnterminatedString, positions.SpanOf(token).Start(1), "unterminated string: no closing '\"'");
            case T.UNTERMINATED_BAR_SYMBOL:
                return Error(DiagnosticIds.UnterminatedString, positions.SpanOf(token).Start(1), "unterminated symbol: no closing '|'");
            case T.UNTERMINATED_EXTENDED_SYMBOL:
                return Error(DiagnosticIds.UnterminatedString, positions.SpanOf(token).Start(2), "unterminated symbol: no closing '}#'");
            case T.UNTERMINATED_BLOCK_COMMENT:
                return Error(DiagnosticIds.UnterminatedComment, positions.SpanOf(token).Start(2), "unterminated `#| ... |#' comment");
            case T.UNTERMINATED_HASH_BANG_COMMENT:
                return Error(DiagnosticIds.UnterminatedComment, positions.SpanOf(token).Start(2), "unterminated `#! ... !#' comment");
            case T.BAD_HASH:
                return token.Text.Length == 1
                    ? Error(DiagnosticIds.BadHashSyntax, positions.SpanOf(token), "unexpected end of input after #")
                    : Error(DiagnosticIds.BadHashSyntax, positions.SpanOf(token), $"unknown # object: \"{token.Text}\"");
            default:
                var result = atoms.Read(token);
                if (result.Error is not null) return result.Error;
                return Atom(token, result.Value!);
        }
    }

    private Frame? Top => _stack.Count == 0 ? null : _stack[^1];

    private void SetTopDot(Dot dot)
    {
        var frame = _stack[^1];
        frame.Dot = dot;
        _stack[^1] = frame;
    }

    private Diagnostic? Push(Kind kind, IToken open)
    {
        if (_stack.Count >= SchemeReader.MaxNesting)
            return Error(DiagnosticIds.NestingTooDeep, positions.SpanOf(open),
                $"nesting deeper than {SchemeReader.MaxNesting} levels");
        // Its place, not the token: the lexer fills the same token object again for the next token
        // (ReusedTokenFactory), and a copy of the token would be one more object per bracket.
        _stack.Add(new Frame(kind, TokenPlace.Of(open), _items.Count));
        return null;
    }

    /// <summary>Checks that a datum may start here: not after a dotted tail, and only a symbol after #:.</summary>
    private Diagnostic? BeforeDatum(IToken token, bool isSymbol = false)
    {
        if (Top is not { } top) return null;
        if (top.Dot == Dot.NeedClose)
            return Error(DiagnosticIds.BadDot, positions.SpanOf(token),
                "missing close paren: only one datum may follow '.' in a list");
        if (top.Kind == Kind.Keyword && !isSymbol)
            return Error(DiagnosticIds.BadHashSyntax, positions.SpanOf(top.Open, token),
                "keyword prefix #: not followed by a symbol");
        return null;
    }

    private Diagnostic? Atom(IToken token, object value)
    {
        if (Top is { Kind: Kind.Keyword } keyword && value is not Symbol)
            return Error(DiagnosticIds.BadHashSyntax, positions.SpanOf(keyword.Open, token),
                $"keyword prefix #: not followed by a symbol: {Printing.Printer.Write(value)}");
        var error = BeforeDatum(token, isSymbol: value is Symbol);
        if (error is not null) return error;
        if (Values is not null) Values[token.TokenIndex] = value;
        Completed(new SyntaxAtom(value, positions.SpanOf(token)));
        return null;
    }

    /// <summary>A datum ended: it fills the prefixes waiting for it, or is one item of a list.</summary>
    private void Completed(SyntaxNode node)
    {
        while (_stack.Count > 0)
        {
            var top = _stack[^1];
            switch (top.Kind)
            {
                case Kind.Prefix:
                {
                    _stack.RemoveAt(_stack.Count - 1);
                    var prefixSpan = positions.SpanOf(top.Open);
                    var head = new SyntaxAtom(Symbol.Intern(SyntaxBuilder.HeadOf(top.Open.Type)), prefixSpan);
                    node = new SyntaxList([head, node], null, prefixSpan.To(node.Span));
                    continue;
                }
                case Kind.Keyword:
                    _stack.RemoveAt(_stack.Count - 1);
                    node = new SyntaxAtom(Keyword.Intern(((Symbol)((SyntaxAtom)node).Value).Name),
                        positions.SpanOf(top.Open).To(node.Span));
                    continue;
                case Kind.DatumComment:
                    // The commented-out datum is gone: whatever encloses the comment still waits.
                    _stack.RemoveAt(_stack.Count - 1);
                    return;
                default:
                    if (top.Dot == Dot.NeedTail)
                    {
                        top.Tail = node;
                        top.Dot = Dot.NeedClose;
                        _stack[^1] = top;
                    }
                    else
                    {
                        _items.Add(node);
                    }
                    return;
            }
        }
        _data.Add(node);
    }

    private Diagnostic? Close(IToken close)
    {
        var text = close.Type == T.RBRACK ? "]" : ")";
        if (Top is not { } top)
            return Error(DiagnosticIds.UnexpectedCloseParen, positions.SpanOf(close), $"unexpected \"{text}\"");
        if (top.Kind is Kind.Prefix or Kind.Keyword or Kind.DatumComment)
            return Error(DiagnosticIds.UnexpectedCloseParen, positions.SpanOf(close),
                $"unexpected \"{text}\": '{positions.TextOf(top.Open)}' must be followed by a datum");
        if (top.Dot == Dot.NeedTail)
            return Error(DiagnosticIds.BadDot, positions.SpanOf(close), $"unexpected \"{text}\": a datum must follow '.'");
        var expected = top.Open.Type == T.LBRACK ? T.RBRACK : T.RPAREN;
        if (close.Type != expected)
            return Diagnostic.Error(DiagnosticIds.MismatchedBracket, positions.SpanOf(close),
                $"mismatched close paren: {text}") with
            {
                Related = [new RelatedLocation(positions.SpanOf(top.Open), $"'{positions.TextOf(top.Open)}' opened here")],
            };
        _stack.RemoveAt(_stack.Count - 1);
        var span = positions.SpanOf(top.Open).To(positions.SpanOf(close));
        var count = _items.Count - top.ItemsStart;
        var items = ImmutableArray.Create(CollectionsMarshal.AsSpan(_items).Slice(top.ItemsStart, count));
        _items.RemoveRange(top.ItemsStart, count);
        SyntaxNode node;
        if (top.Kind == Kind.Vector) node = new SyntaxVector(items, span);
        // Guile reads "(. x)" as x itself.
        else if (count == 0 && top.Tail is not null) node = top.Tail;
        else node = new SyntaxList(items, top.Tail, span);
        Completed(node);
        return null;
    }

    private Diagnostic? AtEnd()
    {
        if (Top is not { } top) return null;
        if (top.Kind is Kind.List or Kind.Vector)
        {
            // Report the innermost unclosed bracket: that is where the missing ')' belongs.
            return Error(DiagnosticIds.UnterminatedList, positions.SpanOf(top.Open),
                top.Kind == Kind.Vector ? "unterminated vector: '#(' is never closed" : $"unterminated list: '{positions.TextOf(top.Open)}' is never closed");
        }
        var what = top.Kind switch
        {
            Kind.Keyword => "keyword",
            Kind.DatumComment => "#; comment",
            _ => "quoted expression",
        };
        return Error(DiagnosticIds.SyntaxError, positions.SpanOf(top.Open), $"unexpected end of input while reading {what} after '{positions.TextOf(top.Open)}'");
    }

    private static Diagnostic Error(string id, SourceSpan span, string message) => Diagnostic.Error(id, span, message);
}

internal static class SpanExtensions
{
    /// <summary>The first <paramref name="length"/> characters of a span that starts on one line.</summary>
    public static SourceSpan Start(this SourceSpan span, int length) =>
        span with { EndLine = span.StartLine, EndColumn = span.StartColumn + length };
}
