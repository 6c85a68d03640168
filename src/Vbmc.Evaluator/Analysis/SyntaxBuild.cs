using System.Collections.Immutable;
using Vbmc.Data;
using Vbmc.Diagnostics;
using Vbmc.Syntax;

namespace Vbmc.Evaluation;

/// <summary>Helpers to take syntax apart and to build rewritten forms (derived syntax).</summary>
internal static class Stx
{
    public static Symbol? Sym(SyntaxNode n) => n is SyntaxAtom { Value: Symbol s } ? s : null;

    public static bool IsSym(SyntaxNode n, string name) => n is SyntaxAtom { Value: Symbol s } && s.Name == name;

    public static Symbol? Head(SyntaxNode n) => n is SyntaxList { Items.Length: > 0 } l ? Sym(l.Items[0]) : null;

    public static SyntaxAtom A(object value, SourceSpan span) => new(value, span);

    public static SyntaxAtom S(string name, SourceSpan span) => new(Symbol.Intern(name), span);

    public static SyntaxList L(SourceSpan span, params SyntaxNode[] items) => new(ImmutableArray.Create(items), null, span);

    public static SyntaxList L(SourceSpan span, IEnumerable<SyntaxNode> items, SyntaxNode? tail = null) =>
        new(items.ToImmutableArray(), tail, span);

    public static SchemeError Bad(SyntaxNode form, string message) =>
        new(message, DiagnosticIds.BadSyntax) { Span = form.Span };

    /// <summary>Turns a runtime datum back into syntax (for macros and quoted data in templates).</summary>
    public static SyntaxNode FromDatum(object datum, SourceSpan span)
    {
        switch (datum)
        {
            case Pair p:
                var items = new List<SyntaxNode>();
                object x = p;
                while (x is Pair q) { items.Add(FromDatum(q.Car, span)); x = q.Cdr; }
                return L(span, items, x is Nil ? null : FromDatum(x, span));
            case Nil:
                return L(span);
            case object[] v:
                return new SyntaxVector(v.Select(e => FromDatum(e, span)).ToImmutableArray(), span);
            default:
                return A(datum, span);
        }
    }
}
