using Vbmc.Diagnostics;
using System.Collections.Immutable;
using Vbmc.Data;
using Vbmc.Syntax;
using static Vbmc.Evaluation.Stx;

namespace Vbmc.Evaluation;

/// <summary>
/// A <c>syntax-rules</c> macro. NOT HYGIENIC (language.md allows this): names a template
/// introduces are resolved where the macro is used, and template names may capture the user's
/// names. Pattern variables keep the spans of the user's text; other template parts get the span
/// of the macro use, so errors point at the use.
/// </summary>
public sealed class SyntaxRules : IMacro
{
    private readonly Symbol _ellipsis;
    private readonly HashSet<Symbol> _literals;
    private readonly List<(SyntaxNode Pattern, SyntaxNode Template)> _rules;
    private static readonly Symbol Underscore = Symbol.Intern("_");

    /// <summary>The module the macro was defined in: free names of its templates are looked up there.</summary>
    private readonly Module _module;

    /// <summary>
    /// Symbols a template introduced, with the module of their macro. The one part of hygiene vbmc
    /// keeps: a stdlib macro may expand to its module's private helpers, which the user's module
    /// does not see.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SyntaxNode, Module> IntroducedBy = new();

    public static Module? ModuleOf(SyntaxNode node) => IntroducedBy.TryGetValue(node, out var m) ? m : null;

    /// <summary>Marks a name a C#-expanded macro introduced as referring to <paramref name="module"/>'s binding.</summary>
    internal static void MarkIntroduced(SyntaxNode node, Module module) => IntroducedBy.AddOrUpdate(node, module);

    private SyntaxRules(Symbol ellipsis, HashSet<Symbol> literals, List<(SyntaxNode, SyntaxNode)> rules, Module module)
    {
        _module = module;
        _ellipsis = ellipsis;
        _literals = literals;
        _rules = rules;
    }

    public static SyntaxRules Parse(SyntaxNode spec, Scope? scope, Module module)
    {
        if (spec is not SyntaxList { Items.Length: >= 2 } l || !IsSym(l.Items[0], "syntax-rules"))
            throw new SchemeError("define-syntax: only syntax-rules transformers are supported", Vbmc.Diagnostics.DiagnosticIds.Unsupported) { Span = spec.Span };
        var index = 1;
        var ellipsis = Symbol.Intern("...");
        if (Sym(l.Items[1]) is { } custom) { ellipsis = custom; index = 2; }
        if (index >= l.Items.Length || l.Items[index] is not SyntaxList lits) throw Bad(spec, "syntax-rules: bad literals list");
        var literals = lits.Items.Select(x => Sym(x) ?? throw Bad(x, "syntax-rules: bad literal")).ToHashSet();
        var rules = new List<(SyntaxNode, SyntaxNode)>();
        foreach (var r in l.Items.Skip(index + 1))
        {
            if (r is not SyntaxList { Items.Length: 2 } rl || rl.Items[0] is not SyntaxList) throw Bad(r, "syntax-rules: bad rule");
            rules.Add((rl.Items[0], rl.Items[1]));
        }
        return new SyntaxRules(ellipsis, literals, rules, module);
    }

    /// <summary>
    /// The expansion of <paramref name="form"/>. <paramref name="isLocal"/> says whether a name is
    /// bound by a local variable where the form is used: such a name is not the macro's literal
    /// (they are not the same identifier, as syntax-rules' free-identifier=? decides), e.g. a
    /// parameter named <c>target</c> in <c>(mapped-device (target target))</c>.
    /// </summary>
    public SyntaxNode Expand(SyntaxList form, Func<Symbol, bool>? isLocal = null)
    {
        foreach (var (pattern, template) in _rules)
        {
            var b = new Dictionary<Symbol, object>();
            var p = (SyntaxList)pattern;
            // The keyword position is ignored.
            var patternRest = new SyntaxList(p.Items.IsEmpty ? p.Items : p.Items.RemoveAt(0), p.Tail, p.Span);
            var formRest = new SyntaxList(form.Items.RemoveAt(0), form.Tail, form.Span);
            if (!Match(patternRest, formRest, b, isLocal)) continue;
            try
            {
                return Instantiate(template, b, form.Span);
            }
            catch (SchemeError e) when (e.Span is null)
            {
                throw e.At(form.Span);
            }
        }
        throw Bad(form, $"Syntax error: source expression failed to match any pattern in form {Printing.Printer.Brief(form.ToDatum())}");
    }

    private bool IsEllipsis(SyntaxNode n) => Sym(n) == _ellipsis;

    private bool Match(SyntaxNode pattern, SyntaxNode input, Dictionary<Symbol, object> b, Func<Symbol, bool>? isLocal)
    {
        switch (pattern)
        {
            case SyntaxAtom { Value: Symbol s }:
                if (s == Underscore) return true;
                if (_literals.Contains(s))
                    return Sym(input) == s && !(isLocal is not null && ModuleOf(input) is null && isLocal(s));
                b[s] = input;
                return true;
            case SyntaxList pl:
            {
                List<SyntaxNode> items;
                SyntaxNode? tail;
                if (input is SyntaxList il) { items = [.. il.Items]; tail = il.Tail; }
                else return false;
                var ell = -1;
                for (var k = 1; k < pl.Items.Length; k++) if (IsEllipsis(pl.Items[k])) { ell = k; break; }
                if (ell < 0)
                {
                    if (pl.Tail is null && (items.Count != pl.Items.Length || tail is not null)) return false;
                    if (items.Count < pl.Items.Length) return false;
                    for (var i = 0; i < pl.Items.Length; i++) if (!Match(pl.Items[i], items[i], b, isLocal)) return false;
                    if (pl.Tail is null) return true;
                    var rest = new SyntaxList([.. items.Skip(pl.Items.Length)], tail, input.Span);
                    return Match(pl.Tail, rest.Items.IsEmpty && tail is not null ? tail : rest, b, isLocal);
                }
                var before = ell - 1;
                var after = pl.Items.Length - ell - 1;
                if (items.Count < before + after) return false;
                if (pl.Tail is null && tail is not null) return false;
                for (var i = 0; i < before; i++) if (!Match(pl.Items[i], items[i], b, isLocal)) return false;
                var repeated = pl.Items[ell - 1];
                var count = items.Count - before - after;
                var matches = new List<Dictionary<Symbol, object>>();
                for (var i = 0; i < count; i++)
                {
                    var inner = new Dictionary<Symbol, object>();
                    if (!Match(repeated, items[before + i], inner, isLocal)) return false;
                    matches.Add(inner);
                }
                foreach (var v in PatternVars(repeated)) b[v] = matches.Select(m => m.GetValueOrDefault(v)!).ToList();
                for (var i = 0; i < after; i++) if (!Match(pl.Items[ell + 1 + i], items[before + count + i], b, isLocal)) return false;
                if (pl.Tail is not null) return Match(pl.Tail, tail ?? L(input.Span), b, isLocal);
                return true;
            }
            case SyntaxVector pv:
                return input is SyntaxVector iv && Match(L(pv.Span, pv.Items), L(iv.Span, iv.Items), b, isLocal);
            default:
                return input is SyntaxAtom ia && Equality.IsEqual(((SyntaxAtom)pattern).Value, ia.Value);
        }
    }

    private IEnumerable<Symbol> PatternVars(SyntaxNode pattern)
    {
        switch (pattern)
        {
            case SyntaxAtom { Value: Symbol s } when s != Underscore && s != _ellipsis && !_literals.Contains(s):
                yield return s;
                break;
            case SyntaxList l:
                foreach (var i in l.Items) foreach (var v in PatternVars(i)) yield return v;
                if (l.Tail is not null) foreach (var v in PatternVars(l.Tail)) yield return v;
                break;
            case SyntaxVector vec:
                foreach (var i in vec.Items) foreach (var v in PatternVars(i)) yield return v;
                break;
        }
    }

    private SyntaxNode Instantiate(SyntaxNode template, Dictionary<Symbol, object> b, SourceSpan span)
    {
        switch (template)
        {
            case SyntaxAtom { Value: Symbol s }:
                if (b.TryGetValue(s, out var v))
                    return v as SyntaxNode ?? throw Bad(template, $"syntax-rules: '{s.Name}' is used without its ellipsis");
                var introduced = new SyntaxAtom(s, span);
                IntroducedBy.Add(introduced, _module);
                return introduced;
            case SyntaxList { Items.Length: 2 } esc when IsEllipsis(esc.Items[0]):
                return Instantiate(esc.Items[1], [], span);
            case SyntaxList l:
            {
                var items = new List<SyntaxNode>();
                for (var i = 0; i < l.Items.Length; i++)
                {
                    var item = l.Items[i];
                    var depth = 0;
                    while (i + 1 < l.Items.Length && IsEllipsis(l.Items[i + 1])) { depth++; i++; }
                    if (depth == 0) { items.Add(Instantiate(item, b, span)); continue; }
                    items.AddRange(InstantiateRepeated(item, b, span, depth));
                }
                var tail = l.Tail is null ? null : Instantiate(l.Tail, b, span);
                if (tail is SyntaxList tl)
                {
                    // (a . (b c)) is the list (a b c).
                    items.AddRange(tl.Items);
                    tail = tl.Tail;
                }
                // Pattern variables are shared, not copied, but each list the template makes is
                // new: a template that repeats its input (x ... x ...) doubles at each use.
                EvalContext.Current.ChargeExpansion(items.Count);
                return new SyntaxList([.. items], tail, span);
            }
            case SyntaxVector vec:
                return new SyntaxVector(((SyntaxList)Instantiate(L(vec.Span, vec.Items), b, span)).Items, span);
            default:
                return template;
        }
    }

    private IEnumerable<SyntaxNode> InstantiateRepeated(SyntaxNode item, Dictionary<Symbol, object> b, SourceSpan span, int depth)
    {
        var vars = PatternVars(item).Where(v => b.TryGetValue(v, out var x) && x is List<object>).Distinct().ToList();
        if (vars.Count == 0) throw Bad(item, "syntax-rules: no pattern variable before ellipsis in template");
        var count = vars.Max(v => ((List<object>)b[v]).Count);
        var results = new List<SyntaxNode>();
        for (var i = 0; i < count; i++)
        {
            var inner = new Dictionary<Symbol, object>(b);
            foreach (var v in vars)
            {
                var seq = (List<object>)b[v];
                if (i < seq.Count) inner[v] = seq[i];
            }
            if (depth > 1) results.AddRange(InstantiateRepeated(item, inner, span, depth - 1));
            else results.Add(Instantiate(item, inner, span));
        }
        return results;
    }
}
