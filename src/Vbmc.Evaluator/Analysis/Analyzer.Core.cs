using Vbmc.Data;
using Vbmc.Syntax;
using static Vbmc.Evaluation.Stx;

namespace Vbmc.Evaluation;

/// <summary>The primitive special forms: quote, if, define, set!, lambda, let family, begin...</summary>
public sealed partial class Analyzer
{
    private static void RegisterCoreForms()
    {
        Special("quote", (a, f, s, t) =>
        {
            Expect(f, 2, 2, "quote");
            return new ConstNode(f.Items[1].ToDatum(), f.Span);
        });
        Special("if", (a, f, s, t) =>
        {
            Expect(f, 3, 4, "if");
            return new IfNode(a.Analyze(f.Items[1], s, false), a.Analyze(f.Items[2], s, t),
                f.Items.Length == 4 ? a.Analyze(f.Items[3], s, t) : null, f.Span);
        });
        Special("begin", (a, f, s, t) =>
        {
            if (f.Items.Length == 1) return new ConstNode(Unspecified.Instance, f.Span);
            var nodes = f.Items.Skip(1).Select((x, i) => a.Analyze(x, s, t && i == f.Items.Length - 2)).ToArray();
            return nodes.Length == 1 ? nodes[0] : new SeqNode(nodes, f.Span);
        });
        SpecialForm define = (a, f, s, t) => a.AnalyzeDefine(f, s);
        Special("define", define);
        Special("define*", define);
        Special("define-public", define);
        Special("set!", (a, f, s, t) =>
        {
            Expect(f, 3, 3, "set!");
            var name = Sym(f.Items[1]) ?? throw Bad(f, "set!: bad syntax (expecting a variable name)");
            var value = a.Analyze(f.Items[2], s, false);
            var found = Scope.Resolve(s, name, out var depth, out var index);
            if (found is Scope) return new LocalSet(depth, index, value, f.Span);
            if (found is not null) throw Bad(f, $"set!: '{name.Name}' is syntax");
            return new GlobalSet(a.Module.Lookup(name), value, false, a.Module, f.Span);
        });
        Special("lambda", (a, f, s, t) => a.AnalyzeLambda(f, s, star: false, name: null));
        Special("lambda*", (a, f, s, t) => a.AnalyzeLambda(f, s, star: true, name: null));
        Special("λ", (a, f, s, t) => a.AnalyzeLambda(f, s, star: false, name: null));
        Special("let", (a, f, s, t) => a.AnalyzeLet(f, s, t));
        Special("letrec", (a, f, s, t) => a.AnalyzeLetrec(f, s, t));
        Special("letrec*", (a, f, s, t) => a.AnalyzeLetrec(f, s, t));
        Special("let*", (a, f, s, t) =>
        {
            Expect(f, 3, int.MaxValue, "let*");
            var bindings = BindingList(f, f.Items[1], "let*");
            if (bindings.Count <= 1) return a.AnalyzeLet(L(f.Span, [S("let", f.Span), .. f.Items.Skip(1)]), s, t);
            var inner = L(f.Span, [S("let*", f.Span), L(f.Items[1].Span, bindings.Skip(1)), .. f.Items.Skip(2)]);
            return a.AnalyzeLet(L(f.Span, S("let", f.Span), L(f.Items[1].Span, bindings[0]), inner), s, t);
        });
    }

    private static void Expect(SyntaxList f, int min, int max, string name)
    {
        if (f.Items.Length < min || f.Items.Length > max)
            throw Bad(f, $"Syntax error: bad {name} form: {Printing.Printer.Brief(f.ToDatum())}");
    }

    private static List<SyntaxNode> BindingList(SyntaxList form, SyntaxNode bindings, string name)
    {
        if (bindings is not SyntaxList { IsProper: true } l) throw Bad(form, $"Syntax error: bad {name} bindings");
        return [.. l.Items];
    }

    private Node AnalyzeDefine(SyntaxList f, Scope? s)
    {
        Expect(f, 2, int.MaxValue, "define");
        var star = Sym(f.Items[0])!.Name == "define*";
        var target = f.Items[1];
        if (target is SyntaxList { Items.Length: > 0 } header)
        {
            // (define (name . formals) body...), curried when name is itself a list.
            var lambda = L(f.Span, [S(star ? "lambda*" : "lambda", f.Span), L(header.Span, header.Items.Skip(1), header.Tail), .. f.Items.Skip(2)]);
            if (header.Items[0] is SyntaxList)
                return AnalyzeDefine(L(f.Span, f.Items[0], header.Items[0], lambda), s);
            var name = Sym(header.Items[0]) ?? throw Bad(f, "define: bad syntax (expecting a name)");
            // The module's own cell exists before the body is analysed, so a recursive reference
            // to a name that is also a builtin (count, filter...) means this definition.
            if (s is null) Module.DefineCell(name);
            return DefineNode(name, AnalyzeLambda(lambda, s, star, name.Name), s, f);
        }
        var sym = Sym(target) ?? throw Bad(f, "define: bad syntax (expecting a name)");
        if (f.Items.Length > 3) throw Bad(f, "define: bad syntax (more than one value expression)");
        if (s is null) Module.DefineCell(sym);
        var value = f.Items.Length == 3 ? Analyze(f.Items[2], s, false) : new ConstNode(Unspecified.Instance, f.Span);
        return DefineNode(sym, value, s, f);
    }

    public LambdaNode AnalyzeLambda(SyntaxList f, Scope? s, bool star, string? name)
    {
        Expect(f, 3, int.MaxValue, "lambda");
        var info = new LambdaInfo { Name = name, Span = f.Span };
        var scope = new Scope(s);
        var formals = f.Items[1];
        if (Sym(formals) is { } restOnly)
        {
            info.HasRest = true;
            scope.Add(restOnly);
        }
        else if (formals is SyntaxList fl)
        {
            ParseFormals(fl, info, scope, star);
        }
        else throw Bad(f, "lambda: bad formals");
        info.ParameterNames = [.. scope.Names];
        info.Body = AnalyzeBody(f.Items.Skip(2).ToList(), scope, tail: true, f.Span);
        info.FrameSize = scope.Names.Count;
        return new LambdaNode(info);
    }

    private void ParseFormals(SyntaxList fl, LambdaInfo info, Scope scope, bool star)
    {
        var section = "required";
        var optionals = new List<Node?>();
        var keys = new List<Keyword>();
        var keyDefaults = new List<Node?>();
        var pendingDefaults = new List<(int Index, bool Key, SyntaxNode Expr)>();
        Symbol? rest = null;
        for (var i = 0; i < fl.Items.Length; i++)
        {
            var item = fl.Items[i];
            if (item is SyntaxAtom { Value: Keyword k })
            {
                if (!star) throw Bad(item, "lambda: keywords in formals need lambda* or define*");
                switch (k.Name)
                {
                    case "optional": section = "optional"; continue;
                    case "key": section = "key"; continue;
                    case "allow-other-keys": info.AllowOtherKeys = true; continue;
                    case "rest":
                        rest = i + 1 < fl.Items.Length ? Sym(fl.Items[++i]) : null;
                        if (rest is null) throw Bad(item, "lambda*: #:rest needs a name");
                        continue;
                    default: throw Bad(item, $"lambda*: unknown keyword {k} in formals");
                }
            }
            Symbol name;
            SyntaxNode? defaultExpr = null;
            if (Sym(item) is { } plain) name = plain;
            else if (item is SyntaxList { Items.Length: 2 } withDefault && section != "required" && Sym(withDefault.Items[0]) is { } dn)
            {
                name = dn;
                defaultExpr = withDefault.Items[1];
            }
            else throw Bad(item, "lambda: bad formal parameter");
            switch (section)
            {
                case "required":
                    if (optionals.Count > 0) throw Bad(item, "lambda*: required parameter after #:optional");
                    info.Required++;
                    scope.Names.Add(name);
                    break;
                case "optional":
                    optionals.Add(null);
                    if (defaultExpr is not null) pendingDefaults.Add((optionals.Count - 1, false, defaultExpr));
                    scope.Names.Add(name);
                    break;
                default:
                    keys.Add(Keyword.Intern(name.Name));
                    keyDefaults.Add(null);
                    if (defaultExpr is not null) pendingDefaults.Add((keys.Count - 1, true, defaultExpr));
                    break;
            }
        }
        if (fl.Tail is not null) rest = Sym(fl.Tail) ?? throw Bad(fl, "lambda: bad rest parameter");
        if (rest is not null) { info.HasRest = true; scope.Names.Add(rest); }
        foreach (var k in keys) scope.Names.Add(Symbol.Intern(k.Name));
        info.Keys = [.. keys];
        var opt = optionals.ToArray();
        var kd = keyDefaults.ToArray();
        // Defaults are analysed with every parameter in scope; they run in the callee's frame.
        foreach (var (index, key, expr) in pendingDefaults)
        {
            var node = Analyze(expr, scope, false);
            if (key) kd[index] = node; else opt[index] = node;
        }
        info.OptionalDefaults = opt;
        info.KeyDefaults = kd;
    }

    private Node AnalyzeLet(SyntaxList f, Scope? s, bool tail)
    {
        Expect(f, 3, int.MaxValue, "let");
        if (Sym(f.Items[1]) is { } loopName)
        {
            // Named let: ((letrec ((name (lambda (vars) body))) name) inits...)
            Expect(f, 4, int.MaxValue, "let");
            var namedBindings = BindingList(f, f.Items[2], "let");
            var vars = namedBindings.Select(b => b is SyntaxList { Items.Length: >= 1 } bl ? bl.Items[0] : b).ToList();
            var inits = namedBindings.Select(b => b is SyntaxList { Items.Length: 2 } bl ? bl.Items[1] : throw Bad(b, "let: bad binding")).ToList();
            var lambda = L(f.Span, [S("lambda", f.Span), L(f.Items[2].Span, vars), .. f.Items.Skip(3)]);
            var letrec = L(f.Span, S("letrec", f.Span), L(f.Span, L(f.Span, f.Items[1], lambda)), f.Items[1]);
            return Analyze(L(f.Span, [letrec, .. inits]), s, tail);
        }
        var bindings = BindingList(f, f.Items[1], "let");
        var scope = new Scope(s);
        var initNodes = new Node[bindings.Count];
        for (var i = 0; i < bindings.Count; i++)
        {
            if (bindings[i] is not SyntaxList { Items.Length: 2 } b || Sym(b.Items[0]) is not { } name)
                throw Bad(bindings[i], "let: bad binding");
            initNodes[i] = Analyze(b.Items[1], s, false);
            scope.Names.Add(name);
        }
        var body = AnalyzeBody(f.Items.Skip(2).ToList(), scope, tail, f.Span);
        return new LetNode(initNodes, false, scope.Names.Count, body, f.Span);
    }

    private Node AnalyzeLetrec(SyntaxList f, Scope? s, bool tail)
    {
        Expect(f, 3, int.MaxValue, "letrec");
        var bindings = BindingList(f, f.Items[1], "letrec");
        var scope = new Scope(s);
        foreach (var b in bindings)
        {
            if (b is not SyntaxList { Items.Length: 2 } bl || Sym(bl.Items[0]) is not { } name) throw Bad(b, "letrec: bad binding");
            scope.Names.Add(name);
        }
        var inits = bindings.Select(b =>
        {
            var bl = (SyntaxList)b;
            var node = Analyze(bl.Items[1], scope, false);
            if (node is LambdaNode ln && ln.Info.Name is null) ln.Info.Name = Sym(bl.Items[0])!.Name;
            return node;
        }).ToArray();
        var body = AnalyzeBody(f.Items.Skip(2).ToList(), scope, tail, f.Span);
        return new LetNode(inits, true, scope.Names.Count, body, f.Span);
    }
}
