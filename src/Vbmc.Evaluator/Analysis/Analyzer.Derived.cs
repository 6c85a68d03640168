using Vbmc.Data;
using Vbmc.Diagnostics;
using Vbmc.Syntax;
using static Vbmc.Evaluation.Stx;

namespace Vbmc.Evaluation;

/// <summary>Derived forms: cond, case, and/or, when/unless, do, delay, parameterize, values...</summary>
public sealed partial class Analyzer
{
    private static readonly Symbol ElseSym = Symbol.Intern("else");
    private static readonly Symbol ArrowSym = Symbol.Intern("=>");

    private static void RegisterDerivedForms()
    {
        Special("and", (a, f, s, t) => f.Items.Length == 1 ? new ConstNode(true, f.Span)
            : new AndNode(f.Items.Skip(1).Select((x, i) => a.Analyze(x, s, t && i == f.Items.Length - 2)).ToArray(), f.Span));
        Special("or", (a, f, s, t) => f.Items.Length == 1 ? new ConstNode(false, f.Span)
            : new OrNode(f.Items.Skip(1).Select((x, i) => a.Analyze(x, s, t && i == f.Items.Length - 2)).ToArray(), f.Span));
        Special("when", (a, f, s, t) =>
        {
            Expect(f, 3, int.MaxValue, "when");
            return new IfNode(a.Analyze(f.Items[1], s, false), a.Sequence(f, f.Items.Skip(2), s, t), null, f.Span);
        });
        Special("unless", (a, f, s, t) =>
        {
            Expect(f, 3, int.MaxValue, "unless");
            return new IfNode(a.Analyze(f.Items[1], s, false), new ConstNode(Unspecified.Instance, f.Span), a.Sequence(f, f.Items.Skip(2), s, t), f.Span);
        });
        Special("cond", (a, f, s, t) => a.AnalyzeCond(f, 1, s, t));
        Special("case", (a, f, s, t) => a.AnalyzeCase(f, s, t));
        Special("do", (a, f, s, t) =>
        {
            // (do ((var init step)...) (test res...) body...) as a named let.
            Expect(f, 3, int.MaxValue, "do");
            var specs = BindingList(f, f.Items[1], "do")
                .Select(b => b is SyntaxList { Items.Length: 2 or 3 } sl && Sym(sl.Items[0]) is not null ? sl : throw Bad(b, "do: bad variable clause"))
                .ToList();
            if (f.Items[2] is not SyntaxList { Items.Length: >= 1 } exit) throw Bad(f, "do: bad exit clause");
            var loop = S(" do-loop", f.Span);
            var steps = specs.Select(sp => sp.Items.Length == 3 ? sp.Items[2] : sp.Items[0]);
            var recur = L(f.Span, [loop, .. steps]);
            var body = L(f.Span, [S("begin", f.Span), .. f.Items.Skip(3), recur]);
            var result = exit.Items.Length > 1 ? L(f.Span, [S("begin", f.Span), .. exit.Items.Skip(1)]) : (SyntaxNode)L(f.Span, S("if", f.Span), A(false, f.Span), A(false, f.Span));
            var named = L(f.Span, S("let", f.Span), loop, L(f.Span, specs.Select(sp => (SyntaxNode)L(sp.Span, sp.Items[0], sp.Items[1]))),
                L(f.Span, S("if", f.Span), exit.Items[0], result, body));
            return a.Analyze(named, s, t);
        });
        Special("quasiquote", (a, f, s, t) =>
        {
            Expect(f, 2, 2, "quasiquote");
            return a.Quasi(f.Items[1], 1, s, gexp: false);
        });
        Special("gexp", (a, f, s, t) =>
        {
            Expect(f, 2, 2, "gexp");
            var template = a.Quasi(f.Items[1], 1, s, gexp: true);
            return new FuncNode(fr => new Gexp(Interpreter.EvalNonTail(template, fr)), f.Span);
        });
        Special("delay", (a, f, s, t) =>
        {
            Expect(f, 2, 2, "delay");
            var body = a.Analyze(f.Items[1], s, false);
            return new FuncNode(fr => new Promise(() => Interpreter.EvalNonTail(body, fr)), f.Span);
        });
        Special("delay-force", Specials["delay"]);
        Special("make-promise-lazy", Specials["delay"]);
        Special("parameterize", (a, f, s, t) =>
        {
            Expect(f, 3, int.MaxValue, "parameterize");
            var bindings = BindingList(f, f.Items[1], "parameterize").Select(b => b is SyntaxList { Items.Length: 2 } bl
                ? (P: a.Analyze(bl.Items[0], s, false), V: a.Analyze(bl.Items[1], s, false))
                : throw Bad(b, "parameterize: bad binding")).ToArray();
            var body = a.Sequence(f, f.Items.Skip(2), s, false);
            return new FuncNode(fr =>
            {
                var ctx = EvalContext.Current;
                var pushed = new List<(Parameter, object)>();
                foreach (var (pn, vn) in bindings)
                {
                    var p = Interpreter.EvalNonTail(pn, fr) as Parameter
                            ?? throw new SchemeError($"parameterize: not a parameter: {Printing.Printer.Brief(Interpreter.EvalNonTail(pn, fr))}", DiagnosticIds.WrongType);
                    var v = Interpreter.EvalNonTail(vn, fr);
                    if (p.Converter is not null) v = Interpreter.Apply(p.Converter, v);
                    pushed.Add((p, v));
                }
                var mark = ctx.ParameterBindings.Count;
                ctx.ParameterBindings.AddRange(pushed);
                try { return Interpreter.EvalNonTail(body, fr); }
                finally { ctx.ParameterBindings.RemoveRange(mark, ctx.ParameterBindings.Count - mark); }
            }, f.Span);
        });
        Special("receive", (a, f, s, t) =>
        {
            Expect(f, 4, int.MaxValue, "receive");
            var producer = L(f.Span, S("lambda", f.Span), L(f.Span), f.Items[2]);
            var consumer = L(f.Span, [S("lambda", f.Span), f.Items[1], .. f.Items.Skip(3)]);
            return a.Analyze(L(f.Span, S("call-with-values", f.Span), producer, consumer), s, t);
        });
        SpecialForm letValues = (a, f, s, t) =>
        {
            Expect(f, 3, int.MaxValue, "let-values");
            var bindings = BindingList(f, f.Items[1], "let-values");
            SyntaxNode body = L(f.Span, [S("let", f.Span), L(f.Span), .. f.Items.Skip(2)]);
            for (var i = bindings.Count - 1; i >= 0; i--)
            {
                if (bindings[i] is not SyntaxList { Items.Length: 2 } b) throw Bad(bindings[i], "let-values: bad binding");
                body = L(f.Span, S("receive", f.Span), b.Items[0], b.Items[1], body);
            }
            return a.Analyze(body, s, t);
        };
        Special("let-values", letValues);
        Special("let*-values", letValues);
        Special("define-values", (a, f, s, t) =>
        {
            Expect(f, 3, 3, "define-values");
            var names = new List<Symbol>();
            Symbol? rest = null;
            if (f.Items[1] is SyntaxList formals)
            {
                names.AddRange(formals.Items.Select(x => Sym(x) ?? throw Bad(x, "define-values: bad name")));
                if (formals.Tail is not null) rest = Sym(formals.Tail);
            }
            else rest = Sym(f.Items[1]);
            var value = a.Analyze(f.Items[2], s, false);
            var setters = names.Concat(rest is null ? [] : [rest]).Select(n => a.DefineNode(n, new SlotValueNode(f.Span), s, f)).ToArray();
            return new FuncNode(fr =>
            {
                var v = Interpreter.EvalNonTail(value, fr);
                var items = v is MultipleValues mv ? mv.Items : [v];
                if (items.Length < names.Count || (rest is null && items.Length != names.Count))
                    throw new SchemeError("define-values: wrong number of values", DiagnosticIds.WrongArgumentCount);
                for (var i = 0; i < setters.Length; i++)
                {
                    SlotValueNode.Pending = i < names.Count ? items[i] : Lists.FromEnumerable(items.Skip(names.Count));
                    setters[i].Eval(fr);
                }
                return Unspecified.Instance;
            }, f.Span);
        });
        Special("case-lambda", (a, f, s, t) =>
        {
            var clauses = f.Items.Skip(1).Select(c => c is SyntaxList { Items.Length: >= 2 } cl
                ? a.AnalyzeLambda(L(cl.Span, [S("lambda", cl.Span), .. cl.Items]), s, false, null)
                : throw Bad(c, "case-lambda: bad clause")).ToArray();
            return new FuncNode(fr => new CaseLambda(clauses.Select(c => (Closure)c.Eval(fr)).ToArray()), f.Span);
        });
        Special("define-syntax", (a, f, s, t) =>
        {
            a.DefineSyntax(f, s);
            return new ConstNode(Unspecified.Instance, f.Span);
        });
        SpecialForm letSyntax = (a, f, s, t) =>
        {
            Expect(f, 3, int.MaxValue, "let-syntax");
            var scope = new Scope(s, isFrame: false);
            foreach (var b in BindingList(f, f.Items[1], "let-syntax"))
            {
                if (b is not SyntaxList { Items.Length: 2 } bl || Sym(bl.Items[0]) is not { } name) throw Bad(b, "let-syntax: bad binding");
                scope.DefineMacro(name, SyntaxRules.Parse(bl.Items[1], scope, a.Module));
            }
            if (s is null)
            {
                // At top level the body's definitions are the module's (as in Guile).
                return a.Sequence(f, f.Items.Skip(2), scope, t);
            }
            return a.AnalyzeBody(f.Items.Skip(2).ToList(), scope, t, f.Span);
        };
        Special("let-syntax", letSyntax);
        Special("letrec-syntax", letSyntax);
        Special("define-syntax-rule", (a, f, s, t) =>
        {
            // (define-syntax-rule (name . pattern) template)
            Expect(f, 3, 3, "define-syntax-rule");
            if (f.Items[1] is not SyntaxList { Items.Length: >= 1 } head || Sym(head.Items[0]) is not { } name)
                throw Bad(f, "define-syntax-rule: expected (define-syntax-rule (name . pattern) template)");
            var pattern = L(head.Span, [S("_", head.Span), .. head.Items.Skip(1)], head.Tail);
            var rules = L(f.Span, S("syntax-rules", f.Span), L(f.Span), L(f.Span, pattern, f.Items[2]));
            a.DefineSyntax(L(f.Span, S("define-syntax", f.Span), head.Items[0], rules), s);
            return new ConstNode(Unspecified.Instance, f.Span);
        });
        SpecialForm cut = (a, f, s, t) =>
        {
            // SRFI-26: (cut f <> x <...>) is (lambda (a . rest) (apply f a x rest)); cute
            // evaluates the non-slot parts once, when the procedure is made.
            Expect(f, 2, int.MaxValue, "cut");
            var eager = IsSym(f.Items[0], "cute");
            var parameters = new List<SyntaxNode>();
            var call = new List<SyntaxNode>();
            var bindings = new List<SyntaxNode>();
            SyntaxNode? rest = null;
            for (var i = 1; i < f.Items.Length; i++)
            {
                var item = f.Items[i];
                if (IsSym(item, "<>"))
                {
                    var p = S($" cut-{parameters.Count}", item.Span);
                    parameters.Add(p);
                    call.Add(p);
                }
                else if (IsSym(item, "<...>") && i == f.Items.Length - 1) rest = S(" cut-rest", item.Span);
                else if (eager && item is SyntaxList)
                {
                    var v = S($" cute-{bindings.Count}", item.Span);
                    bindings.Add(L(item.Span, v, item));
                    call.Add(v);
                }
                else call.Add(item);
            }
            SyntaxNode body = rest is null ? L(f.Span, call) : L(f.Span, [S("apply", f.Span), .. call, rest]);
            SyntaxNode lambda = L(f.Span, S("lambda", f.Span), L(f.Span, parameters, rest), body);
            if (bindings.Count > 0) lambda = L(f.Span, S("let", f.Span), L(f.Span, bindings), lambda);
            return a.Analyze(lambda, s, t);
        };
        Special("cut", cut);
        Special("cute", cut);
        Special("assert", (a, f, s, t) =>
        {
            Expect(f, 2, 2, "assert");
            var test = a.Analyze(f.Items[1], s, false);
            var text = Printing.Printer.Brief(f.Items[1].ToDatum());
            return new FuncNode(fr => Interpreter.EvalNonTail(test, fr) is false
                ? throw new SchemeError($"Assertion failed: {text}", DiagnosticIds.UserError)
                : Unspecified.Instance, f.Span);
        });
    }

    private void DefineSyntax(SyntaxList f, Scope? s)
    {
        Expect(f, 3, 3, "define-syntax");
        var name = Sym(f.Items[1]) ?? throw Bad(f, "define-syntax: bad name");
        var macro = SyntaxRules.Parse(f.Items[2], s, Module);
        if (s is null) Module.DefineCell(name).Value = macro;
        else s.DefineMacro(name, macro);
    }

    private Node Sequence(SyntaxList form, IEnumerable<SyntaxNode> forms, Scope? s, bool tail)
    {
        var list = forms.ToList();
        if (list.Count == 0) return new ConstNode(Unspecified.Instance, form.Span);
        var nodes = list.Select((x, i) => Analyze(x, s, tail && i == list.Count - 1)).ToArray();
        return nodes.Length == 1 ? nodes[0] : new SeqNode(nodes, form.Span);
    }

    private Node AnalyzeCond(SyntaxList f, int from, Scope? s, bool tail)
    {
        if (from >= f.Items.Length) return new ConstNode(Unspecified.Instance, f.Span);
        if (f.Items[from] is not SyntaxList { Items.Length: >= 1 } clause) throw Bad(f.Items[from], "cond: bad clause");
        if (Sym(clause.Items[0]) == ElseSym && Scope.Resolve(s, ElseSym, out _, out _) is null)
            return Sequence(clause, clause.Items.Skip(1), s, tail);
        var test = Analyze(clause.Items[0], s, false);
        var rest = AnalyzeCond(f, from + 1, s, tail);
        if (clause.Items.Length == 1)
            return new OrNode([test, rest], clause.Span);
        if (clause.Items.Length == 3 && Sym(clause.Items[1]) == ArrowSym)
        {
            var receiver = Analyze(clause.Items[2], s, false);
            return new FuncNode(fr =>
            {
                var v = Interpreter.EvalNonTail(test, fr);
                if (v is false) return rest.Eval(fr);
                var p = Interpreter.EvalNonTail(receiver, fr);
                return tail ? new TailCall(p, [v]) : Interpreter.Apply(p, v);
            }, clause.Span);
        }
        return new IfNode(test, Sequence(clause, clause.Items.Skip(1), s, tail), rest, clause.Span);
    }

    private Node AnalyzeCase(SyntaxList f, Scope? s, bool tail)
    {
        Expect(f, 2, int.MaxValue, "case");
        var key = Analyze(f.Items[1], s, false);
        var clauses = new List<(object[]? Data, Node Body, bool Arrow)>();
        foreach (var c in f.Items.Skip(2))
        {
            if (c is not SyntaxList { Items.Length: >= 1 } cl) throw Bad(c, "case: bad clause");
            object[]? data = Sym(cl.Items[0]) == ElseSym ? null
                : cl.Items[0] is SyntaxList dl ? dl.Items.Select(d => d.ToDatum()).ToArray() : throw Bad(cl, "case: bad clause");
            var arrow = cl.Items.Length == 3 && Sym(cl.Items[1]) == ArrowSym;
            var body = arrow ? Analyze(cl.Items[2], s, false) : Sequence(cl, cl.Items.Skip(1), s, tail);
            clauses.Add((data, body, arrow));
        }
        return new FuncNode(fr =>
        {
            var k = Interpreter.EvalNonTail(key, fr);
            foreach (var (data, body, arrow) in clauses)
            {
                if (data is not null && !data.Any(d => Equality.Eqv(d, k))) continue;
                if (!arrow) return body.Eval(fr);
                var p = Interpreter.EvalNonTail(body, fr);
                return tail ? new TailCall(p, [k]) : Interpreter.Apply(p, k);
            }
            return Unspecified.Instance;
        }, f.Span);
    }

    /// <summary>Builds a quasiquote (or gexp) template; unquotes at level 1 are evaluated.</summary>
    private Node Quasi(SyntaxNode template, int depth, Scope? s, bool gexp)
    {
        var unquote = gexp ? "ungexp" : "unquote";
        switch (template)
        {
            // #$output and (ungexp output "lib"): the derivation's own output, as Guix's gexp
            // macro treats the identifier 'output' (unless the file binds it locally).
            case SyntaxList { Items.Length: 2 or 3 } o when gexp && depth == 1 && Head(o) is { Name: "ungexp" }
                                                          && Sym(o.Items[1]) is { Name: "output" } outputName
                                                          && Scope.Resolve(s, outputName, out _, out _) is null:
            {
                var name = o.Items.Length == 3 ? Analyze(o.Items[2], s, false) : null;
                return new FuncNode(fr => new Ungexp(new GexpOutput(
                    name is null ? "out" : Interpreter.EvalNonTail(name, fr) as string
                        ?? throw new SchemeError("ungexp: an output name is a string", DiagnosticIds.WrongType) { Span = o.Items[2].Span }), false), o.Span);
            }
            // (ungexp package "lib"), (ungexp-native package "out"): a package's other output.
            case SyntaxList { Items.Length: 3 } po when gexp && depth == 1 && Head(po) is { } ph && ph.Name is "ungexp" or "ungexp-native":
            {
                var thing = Analyze(po.Items[1], s, false);
                var output = Analyze(po.Items[2], s, false);
                return new FuncNode(fr =>
                {
                    var value = Interpreter.EvalNonTail(thing, fr);
                    if (Interpreter.EvalNonTail(output, fr) is not string)
                        throw new SchemeError("ungexp: an output name is a string", DiagnosticIds.WrongType) { Span = po.Items[2].Span };
                    return new Ungexp(value, ph.Name == "ungexp-native");
                }, po.Span);
            }
            case SyntaxList { Items.Length: 2 } u when Head(u) is { } h && (h.Name == unquote || (gexp && h.Name == "ungexp-native")):
                if (depth == 1)
                {
                    var value = Analyze(u.Items[1], s, false);
                    if (!gexp) return value;
                    var native = h.Name == "ungexp-native";
                    return new FuncNode(fr => new Ungexp(Interpreter.EvalNonTail(value, fr), native), u.Span);
                }
                return ListOf(u.Span, [new ConstNode(h, u.Span), Quasi(u.Items[1], depth - 1, s, gexp)]);
            case SyntaxList { Items.Length: 2 } q when Head(q) is { } h2 && h2.Name == (gexp ? "gexp" : "quasiquote"):
                return ListOf(q.Span, [new ConstNode(h2, q.Span), Quasi(q.Items[1], depth + 1, s, gexp)]);
            case SyntaxList list:
            {
                var parts = new List<(Node Node, bool Splice)>();
                foreach (var item in list.Items)
                {
                    if (item is SyntaxList { Items.Length: 2 } sp && Head(sp) is { } sh
                        && (sh.Name == unquote + "-splicing" || (gexp && sh.Name == "ungexp-native-splicing")) && depth == 1)
                    {
                        var spliced = Analyze(sp.Items[1], s, false);
                        if (gexp)
                        {
                            var native = sh.Name.Contains("native");
                            parts.Add((new FuncNode(fr => Lists.FromEnumerable(
                                (Lists.ToListOrNull(Interpreter.EvalNonTail(spliced, fr)) ?? throw new SchemeError("ungexp-splicing: not a list", DiagnosticIds.WrongType))
                                .Select(x => (object)new Ungexp(x, native))), sp.Span), true));
                        }
                        else parts.Add((spliced, true));
                    }
                    else parts.Add((Quasi(item, depth, s, gexp), false));
                }
                var tailNode = list.Tail is null ? null : Quasi(list.Tail, depth, s, gexp);
                return new QuasiListNode([.. parts], tailNode, list.Span);
            }
            case SyntaxVector v:
            {
                var asList = Quasi(L(v.Span, v.Items), depth, s, gexp);
                return new FuncNode(fr => (Lists.ToListOrNull(Interpreter.EvalNonTail(asList, fr)) ?? []).ToArray(), v.Span);
            }
            default:
                return new ConstNode(template.ToDatum(), template.Span);
        }
    }

    private static Node ListOf(SourceSpan span, Node[] items) => new QuasiListNode(items.Select(n => (n, false)).ToArray(), null, span);
}

/// <summary>Builds a list from quasiquoted parts, splicing the ones marked so.</summary>
public sealed class QuasiListNode((Node Node, bool Splice)[] parts, Node? tail, SourceSpan span) : Node(span)
{
    public override object Eval(Frame? frame)
    {
        var values = new object[parts.Length];
        for (var i = 0; i < parts.Length; i++) values[i] = Interpreter.EvalNonTail(parts[i].Node, frame);
        object result = tail is null ? Nil.Instance : Interpreter.EvalNonTail(tail, frame);
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            if (!parts[i].Splice) { result = new Pair(values[i], result); continue; }
            var items = Lists.ToListOrNull(values[i])
                        ?? throw new SchemeError($"In procedure append: Wrong type argument in position 1 (expecting list): {Printing.Printer.Brief(values[i])}", DiagnosticIds.WrongType) { Span = parts[i].Node.Span };
            if (result is Nil && i == parts.Length - 1) { result = values[i]; continue; }
            for (var j = items.Count - 1; j >= 0; j--) result = new Pair(items[j], result);
        }
        return result;
    }
}

/// <summary>Hands a value computed by the enclosing form to a definition node (define-values).</summary>
public sealed class SlotValueNode(SourceSpan span) : Node(span)
{
    [ThreadStatic] internal static object? Pending;
    public override object Eval(Frame? frame) => Pending!;
}

/// <summary>A procedure with several lambda clauses, chosen by argument count.</summary>
public sealed class CaseLambda(Closure[] clauses) : Procedure, IApplicable
{
    public override string? Name => clauses.FirstOrDefault()?.Name;

    public object Apply(object[] args)
    {
        foreach (var c in clauses)
        {
            var i = c.Info;
            if (args.Length >= i.Required && (i.HasRest || args.Length == i.Required)) return new TailCall(c, args);
        }
        throw new SchemeError($"Wrong number of arguments to {Printing.Printer.Brief(this)}", DiagnosticIds.WrongArgumentCount);
    }
}
