using Vbmc.Data;
using Vbmc.Diagnostics;
using Vbmc.Syntax;
using static Vbmc.Evaluation.Stx;

namespace Vbmc.Evaluation;

/// <summary>
/// <c>match</c> from (ice-9 match): patterns are compiled to <see cref="Pattern"/> trees whose
/// variables are slots of the clause's frame; <c>?</c> predicates and <c>=</c> procedures are
/// expressions of the enclosing scope.
/// </summary>
public sealed partial class Analyzer
{
    private static void RegisterMatchForms()
    {
        Special("match", (a, f, s, t) =>
        {
            Expect(f, 2, int.MaxValue, "match");
            var subject = a.Analyze(f.Items[1], s, false);
            var clauses = f.Items.Skip(2).Select(c => a.MatchClause(c, s, t)).ToArray();
            return new FuncNode(fr =>
            {
                var v = Interpreter.EvalNonTail(subject, fr);
                foreach (var (pattern, size, body) in clauses)
                {
                    var slots = new object[size];
                    Array.Fill(slots, Unassigned.Instance);
                    if (pattern.Match(v, slots, fr)) return body.Eval(new Frame(slots, fr));
                }
                throw new SchemeError($"match: no matching pattern for {Printing.Printer.Brief(v)}", DiagnosticIds.RuntimeError);
            }, f.Span);
        });
        Special("match-lambda", (a, f, s, t) =>
        {
            var x = S(" match-x", f.Span);
            return a.Analyze(L(f.Span, S("lambda", f.Span), L(f.Span, x), L(f.Span, [S("match", f.Span), x, .. f.Items.Skip(1)])), s, t);
        });
        Special("match-lambda*", (a, f, s, t) =>
        {
            var x = S(" match-x", f.Span);
            return a.Analyze(L(f.Span, S("lambda", f.Span), x, L(f.Span, [S("match", f.Span), x, .. f.Items.Skip(1)])), s, t);
        });
        SpecialForm matchLet = (a, f, s, t) =>
        {
            // (match-let ((pat expr) ...) body ...) as nested matches (sequential binding).
            Expect(f, 3, int.MaxValue, "match-let");
            var bindings = BindingList(f, f.Items[1], "match-let");
            SyntaxNode body = L(f.Span, [S("let", f.Span), L(f.Span), .. f.Items.Skip(2)]);
            for (var i = bindings.Count - 1; i >= 0; i--)
            {
                if (bindings[i] is not SyntaxList { Items.Length: 2 } b) throw Bad(bindings[i], "match-let: bad binding");
                body = L(f.Span, S("match", f.Span), b.Items[1], L(b.Span, b.Items[0], body));
            }
            return a.Analyze(body, s, t);
        };
        Special("match-let", matchLet);
        Special("match-let*", matchLet);
    }

    private (Pattern, int, Node) MatchClause(SyntaxNode clause, Scope? s, bool tail)
    {
        if (clause is not SyntaxList { Items.Length: >= 2 } cl) throw Bad(clause, "match: bad clause");
        var scope = new Scope(s);
        var pattern = CompilePattern(cl.Items[0], scope, s);
        var body = AnalyzeBody(cl.Items.Skip(1).ToList(), scope, tail, cl.Span);
        return (pattern, scope.Names.Count, body);
    }

    private static readonly Symbol EllipsisSym = Symbol.Intern("...");
    private static readonly Symbol EllipsisSym2 = Symbol.Intern("___");

    private Pattern CompilePattern(SyntaxNode p, Scope scope, Scope? outer)
    {
        switch (p)
        {
            case SyntaxAtom { Value: Symbol s }:
                if (s.Name == "_") return new WildPattern();
                return new VarPattern(scope.Add(s));
            case SyntaxAtom atom:
                return new LiteralPattern(atom.Value);
            case SyntaxVector v:
                return new VectorPattern(CompilePattern(L(v.Span, v.Items), scope, outer));
            case SyntaxList { Items.Length: 0 }:
                return new LiteralPattern(Nil.Instance);
            case SyntaxList l when Head(l) is { } h && l.IsProper:
                switch (h.Name)
                {
                    case "quote" when l.Items.Length == 2:
                        return new LiteralPattern(l.Items[1].ToDatum());
                    case "?" when l.Items.Length >= 2:
                        return new PredicatePattern(Analyze(l.Items[1], outer, false),
                            l.Items.Skip(2).Select(x => CompilePattern(x, scope, outer)).ToArray());
                    case "=" when l.Items.Length == 3:
                        return new ApplyPattern(Analyze(l.Items[1], outer, false), CompilePattern(l.Items[2], scope, outer));
                    case "and":
                        return new AndPattern(l.Items.Skip(1).Select(x => CompilePattern(x, scope, outer)).ToArray());
                    case "or":
                        return new OrPattern(l.Items.Skip(1).Select(x => CompilePattern(x, scope, outer)).ToArray());
                    case "not" when l.Items.Length == 2:
                        return new NotPattern(CompilePattern(l.Items[1], scope, outer));
                    case "quasiquote":
                        throw new SchemeError("match: quasiquote patterns are not supported by vbmc", DiagnosticIds.Unsupported) { Span = l.Span };
                }
                break;
        }
        var list = (SyntaxList)p;
        var before = new List<Pattern>();
        Pattern? repeated = null;
        int[] repeatedSlots = [];
        var after = new List<Pattern>();
        for (var i = 0; i < list.Items.Length; i++)
        {
            var item = list.Items[i];
            if (i + 1 < list.Items.Length && Sym(list.Items[i + 1]) is { } e && (e == EllipsisSym || e == EllipsisSym2))
            {
                if (repeated is not null) throw Bad(list, "match: only one ellipsis per list pattern");
                var first = scope.Names.Count;
                repeated = CompilePattern(item, scope, outer);
                repeatedSlots = Enumerable.Range(first, scope.Names.Count - first).ToArray();
                i++;
                continue;
            }
            (repeated is null ? before : after).Add(CompilePattern(item, scope, outer));
        }
        var tailPattern = list.Tail is null ? null : CompilePattern(list.Tail, scope, outer);
        return new ListPattern([.. before], repeated, repeatedSlots, [.. after], tailPattern);
    }
}

/// <summary>A compiled match pattern; variables are slots of the clause frame.</summary>
public abstract class Pattern
{
    public abstract bool Match(object value, object[] slots, Frame? outer);
}

internal sealed class WildPattern : Pattern
{
    public override bool Match(object value, object[] slots, Frame? outer) => true;
}

internal sealed class VarPattern(int slot) : Pattern
{
    public override bool Match(object value, object[] slots, Frame? outer)
    {
        slots[slot] = value;
        return true;
    }
}

internal sealed class LiteralPattern(object datum) : Pattern
{
    public override bool Match(object value, object[] slots, Frame? outer) => Equality.IsEqual(datum, value);
}

internal sealed class PredicatePattern(Node predicate, Pattern[] then) : Pattern
{
    public override bool Match(object value, object[] slots, Frame? outer) =>
        Interpreter.Apply(Interpreter.EvalNonTail(predicate, outer), value) is not false
        && then.All(p => p.Match(value, slots, outer));
}

internal sealed class ApplyPattern(Node procedure, Pattern then) : Pattern
{
    public override bool Match(object value, object[] slots, Frame? outer) =>
        then.Match(Interpreter.Apply(Interpreter.EvalNonTail(procedure, outer), value), slots, outer);
}

internal sealed class AndPattern(Pattern[] parts) : Pattern
{
    public override bool Match(object value, object[] slots, Frame? outer) => parts.All(p => p.Match(value, slots, outer));
}

internal sealed class OrPattern(Pattern[] parts) : Pattern
{
    public override bool Match(object value, object[] slots, Frame? outer) => parts.Any(p => p.Match(value, slots, outer));
}

internal sealed class NotPattern(Pattern part) : Pattern
{
    public override bool Match(object value, object[] slots, Frame? outer) => !part.Match(value, (object[])slots.Clone(), outer);
}

internal sealed class VectorPattern(Pattern asList) : Pattern
{
    public override bool Match(object value, object[] slots, Frame? outer) =>
        value is object[] v && asList.Match(Lists.FromEnumerable(v), slots, outer);
}

/// <summary>(p1 p2 q ... r1 . tail): fixed parts, an optional repeated part and a tail.</summary>
internal sealed class ListPattern(Pattern[] before, Pattern? repeated, int[] repeatedSlots, Pattern[] after, Pattern? tail) : Pattern
{
    public override bool Match(object value, object[] slots, Frame? outer)
    {
        var x = value;
        foreach (var p in before)
        {
            if (x is not Pair pair || !p.Match(pair.Car, slots, outer)) return false;
            x = pair.Cdr;
        }
        if (repeated is null)
        {
            if (tail is not null) return tail.Match(x, slots, outer);
            return x is Nil;
        }
        var rest = new List<object>();
        for (; x is Pair q; x = q.Cdr) rest.Add(q.Car);
        if (tail is null && x is not Nil) return false;
        var count = rest.Count - after.Length;
        if (count < 0) return false;
        var collected = repeatedSlots.Select(_ => new List<object>()).ToArray();
        for (var i = 0; i < count; i++)
        {
            if (!repeated.Match(rest[i], slots, outer)) return false;
            for (var k = 0; k < repeatedSlots.Length; k++) collected[k].Add(slots[repeatedSlots[k]]);
        }
        for (var k = 0; k < repeatedSlots.Length; k++) slots[repeatedSlots[k]] = Lists.FromEnumerable(collected[k]);
        for (var i = 0; i < after.Length; i++) if (!after[i].Match(rest[count + i], slots, outer)) return false;
        return tail is null || tail.Match(x, slots, outer);
    }
}
