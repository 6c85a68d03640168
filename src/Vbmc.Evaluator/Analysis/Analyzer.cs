using System.Runtime.CompilerServices;
using Vbmc.Data;
using Vbmc.Diagnostics;
using Vbmc.Syntax;
using static Vbmc.Evaluation.Stx;

namespace Vbmc.Evaluation;

/// <summary>
/// Turns syntax into <see cref="Node"/> trees, once per form. Special forms are recognised by
/// name unless a local variable shadows them; macros (syntax-rules, record constructors) are
/// expanded here. Top-level forms are analysed one at a time right before they run, so a macro
/// or record type defined by one form is known to the next.
/// </summary>
public sealed partial class Analyzer(Module module)
{
    public Module Module { get; } = module;

    /// <summary>The index of the top-level form being analysed (set by <see cref="TopLevel"/>).</summary>
    internal int FormIndex { get; set; }

    /// <summary>
    /// References to names of <see cref="Module"/> that had no value when analysed, in order:
    /// after the last form, those still unbound are reported once each (see <see cref="TopLevel"/>),
    /// so that one run names every unbound name of a file, not only the first of each form.
    /// </summary>
    internal List<(Cell Cell, SourceSpan Span, int Form)> UnboundAtAnalysis { get; } = [];

    /// <summary>
    /// The module's cells the current top-level form defines, wherever the definitions stand
    /// (inside begin, an include, a macro's expansion): poisoned when the form fails.
    /// </summary>
    internal List<Cell> DefinedAtTopLevel { get; } = [];

    private delegate Node SpecialForm(Analyzer a, SyntaxList form, Scope? scope, bool tail);

    private static readonly Dictionary<string, SpecialForm> Specials = new(StringComparer.Ordinal);

    static Analyzer()
    {
        RegisterCoreForms();
        RegisterDerivedForms();
        RegisterMatchForms();
        RegisterModuleForms();
        RegisterRecordForms();
    }

    private static void Special(string name, SpecialForm f) => Specials[name] = f;

    /// <summary>Whether <paramref name="name"/> is one of the analyser's special forms (quote, define, use-modules...).</summary>
    public static bool IsSpecialForm(string name) => Specials.ContainsKey(name);

    public Node Analyze(SyntaxNode node, Scope? scope, bool tail)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
            throw new SchemeError("nesting deeper than the evaluator supports", DiagnosticIds.EvaluationTooDeep) { Span = node.Span };
        switch (node)
        {
            case SyntaxAtom { Value: Symbol s }:
                return AnalyzeReference(s, node, scope);
            case SyntaxAtom atom:
                return new ConstNode(atom.Value, node.Span);
            case SyntaxVector v:
                return new ConstNode(v.ToDatum(), node.Span);
            case SyntaxList { Items.Length: 0 }:
                throw Bad(node, "Syntax error: empty combination ()");
            case SyntaxList list:
                return AnalyzeList(list, scope, tail);
            default:
                throw Bad(node, "unknown syntax");
        }
    }

    private Node AnalyzeReference(Symbol s, SyntaxNode node, Scope? scope)
    {
        var found = Scope.Resolve(scope, s, out var depth, out var index);
        if (found is Scope) return new LocalRef(s, depth, index, node.Span);
        var module = GlobalModuleFor(node, s);
        if (found is null)
        {
            switch (module.ValueOf(s))
            {
                case Guix.DeprecatedAlias alias:
                    return DeprecatedReference(alias, node, module);
                case Guix.GuixSyntax syntax:
                    // An identifier macro such as %default-xorg-modules: a value vbmc does not know.
                    return new ConstNode(new Guix.OpaqueValue($"{syntax.Module} {syntax.Name}"), node.Span);
            }
        }
        if ((found ?? module.ValueOf(s)) is ThisRecordSyntax) throw OutsideRecord(node, s);
        if (found is not null || IsSyntaxValue(module.ValueOf(s)))
            throw Bad(node, SyntaxValueMessage(s, found ?? module.ValueOf(s)!));
        var cell = module.Lookup(s);
        if (cell.Value is null && ReferenceEquals(module, Module) && module.UnknownImportOf(s) is null)
            UnboundAtAnalysis.Add((cell, node.Span, FormIndex));
        return new GlobalRef(cell, module, node.Span);
    }

    /// <summary>
    /// The module a free name is looked up in: the macro's module for a name its template
    /// introduced (when that module has it), else the module being analysed.
    /// </summary>
    private Module GlobalModuleFor(SyntaxNode atom, Symbol s)
    {
        if (SyntaxRules.ModuleOf(atom) is { } m && !ReferenceEquals(m, Module) && m.ValueOf(s) is not null) return m;
        return Module;
    }

    private static bool IsSyntaxValue(object? v) => v is IMacro;

    private static string SyntaxValueMessage(Symbol s, object macro) => $"Syntax error: '{s.Name}' is syntax and cannot be used as a value";

    /// <summary>
    /// this-record (or a record type's own name for it) where no thunked field's value binds it:
    /// Guix refuses it when it expands the file ("cannot be used outside of a record instantiation").
    /// </summary>
    private static SchemeError OutsideRecord(SyntaxNode node, Symbol s) =>
        new($"'{s.Name}' cannot be used outside of a record instantiation", DiagnosticIds.ThisRecordOutside)
        {
            Span = node.Span,
        };

    private Node AnalyzeList(SyntaxList list, Scope? scope, bool tail)
    {
        if (!list.IsProper) throw Bad(list, "Syntax error: a dotted list is not an expression");
        if (Sym(list.Items[0]) is { } head)
        {
            var found = Scope.Resolve(scope, head, out _, out _);
            if (found is null)
            {
                var global = GlobalModuleFor(list.Items[0], head).ValueOf(head);
                if (global is IMacro gm) return ApplyMacro(gm, list, scope, tail);
                if (Specials.TryGetValue(head.Name, out var special) && !IsUserDefined(head))
                    return special(this, list, scope, tail);
                // A name of a module vbmc cannot find (a channel's) may be a macro: its form is
                // checked as leniently as a Guix macro vbmc knows by name only.
                if (global is null && Module.UnknownImportOf(head) is { } unknown && ReferenceEquals(GlobalModuleFor(list.Items[0], head), Module))
                    return AnalyzeGuixSyntax(new Guix.GuixSyntax(unknown.Module, head.Name), list, scope);
            }
            else if (found is IMacro lm) return ApplyMacro(lm, list, scope, tail);
        }
        var before = UnboundAtAnalysis.Count;
        var function = Analyze(list.Items[0], scope, false);
        var unboundOperator = UnboundAtAnalysis.Count > before && function is GlobalRef;
        var args = new Node[list.Items.Length - 1];
        for (var i = 1; i < list.Items.Length; i++) args[i - 1] = Analyze(list.Items[i], scope, false);
        // An operator that is unbound may be a macro of a module the file lacks (a record
        // constructor such as (hurd-vm-configuration (disk-size ...))): its arguments may not
        // be expressions, so their names are not reported as unbound on their own.
        if (unboundOperator) UnboundAtAnalysis.RemoveRange(before + 1, UnboundAtAnalysis.Count - before - 1);
        return new AppNode(function, args, tail, list.Span);
    }

    /// <summary>A special form's name that a module defined as a procedure is that procedure.</summary>
    private bool IsUserDefined(Symbol head) =>
        Module.Table.TryGetValue(head, out var c) && c.Value is Procedure;

    private Node ApplyMacro(IMacro macro, SyntaxList form, Scope? scope, bool tail) =>
        macro switch
        {
            SyntaxRules rules => Analyze(CountExpansion(rules.Expand(form, IsLocalIn(scope))), scope, tail),
            Records.RecordConstructorSyntax ctor => AnalyzeRecordConstruction(ctor, form, scope),
            ThisRecordSyntax => throw OutsideRecord(form, Sym(form.Items[0])!),
            Guix.GuixSyntax syntax => AnalyzeGuixSyntax(syntax, form, scope),
            Guix.DeprecatedAlias alias => AnalyzeDeprecatedCall(alias, form, scope, tail),
            _ => throw Bad(form, "unsupported macro"),
        };

    /// <summary>Whether a name is a local variable of <paramref name="scope"/> (null: none is).</summary>
    private static Func<Symbol, bool>? IsLocalIn(Scope? scope) =>
        scope is null ? null : name => Scope.Resolve(scope, name, out _, out _) is Scope;

    private static SyntaxNode CountExpansion(SyntaxNode expansion)
    {
        try
        {
            EvalContext.Current.ChargeExpansion(1);
        }
        catch (SchemeError e)
        {
            throw e.At(expansion.Span);
        }
        return expansion;
    }

    /// <summary>Expands macro uses at the head of a form (to find definitions in bodies).</summary>
    private SyntaxNode ExpandHead(SyntaxNode form, Scope? scope)
    {
        for (var guard = 0; guard < 10_000; guard++)
        {
            if (form is not SyntaxList { Items.Length: > 0 } l || Sym(l.Items[0]) is not { } head) return form;
            var found = Scope.Resolve(scope, head, out _, out _);
            var macro = found as SyntaxRules ?? (found is null ? GlobalModuleFor(l.Items[0], head).ValueOf(head) as SyntaxRules : null);
            if (macro is null) return form;
            form = CountExpansion(macro.Expand(l, IsLocalIn(scope)));
        }
        return form;
    }

    // ---- bodies -------------------------------------------------------------------------

    /// <summary>
    /// A body (lambda, let, ...): internal definitions get slots in <paramref name="scope"/>
    /// (found first, so mutually recursive internal procedures see each other).
    /// </summary>
    public Node AnalyzeBody(IReadOnlyList<SyntaxNode> forms, Scope scope, bool tail, SourceSpan span)
    {
        var expanded = new List<SyntaxNode>(forms.Count);
        void Collect(SyntaxNode f)
        {
            f = ExpandHead(f, scope);
            if (Head(f) is { Name: "begin" } && Scope.Resolve(scope, Symbol.Intern("begin"), out _, out _) is null)
            {
                foreach (var g in ((SyntaxList)f).Items.Skip(1)) Collect(g);
                return;
            }
            if (Head(f) is { Name: "define-syntax" } && f is SyntaxList ds)
            {
                DefineSyntax(ds, scope);
                return;
            }
            expanded.Add(f);
        }
        // By index, and the names added without an iterator: a record's thunked field is a body of
        // its own, so this runs once per such field of every record of a file.
        for (var i = 0; i < forms.Count; i++) Collect(forms[i]);
        var frame = scope.FrameScope;
        foreach (var f in expanded) AddDefinedNames(f, frame);
        if (expanded.Count == 0) return new ConstNode(Unspecified.Instance, span);
        if (expanded.Count == 1) return Analyze(expanded[0], scope, tail);
        var nodes = new Node[expanded.Count];
        for (var i = 0; i < nodes.Length; i++) nodes[i] = Analyze(expanded[i], scope, tail && i == nodes.Length - 1);
        return nodes.Length == 1 ? nodes[0] : new SeqNode(nodes, span);
    }

    /// <summary>Gives the names a body form defines their slots in <paramref name="frame"/>.</summary>
    private static void AddDefinedNames(SyntaxNode form, Scope frame)
    {
        if (form is not SyntaxList { Items.Length: >= 2 } l || Head(form) is not { } h) return;
        switch (h.Name)
        {
            case "define" or "define*" or "define-public":
                var target = l.Items[1];
                while (target is SyntaxList { Items.Length: > 0 } t) target = t.Items[0];
                if (Sym(target) is { } s) frame.Add(s);
                break;
            case "define-values":
                if (l.Items[1] is SyntaxList formals)
                {
                    foreach (var f in formals.Items) if (Sym(f) is { } s1) frame.Add(s1);
                    if (formals.Tail is { } tail && Sym(tail) is { } s2) frame.Add(s2);
                }
                else if (Sym(l.Items[1]) is { } s3) frame.Add(s3);
                break;
            case "define-record-type*" or "define-record-type":
                foreach (var s4 in RecordDefinedNames(l)) frame.Add(s4);
                break;
        }
    }

    /// <summary>Assigns a definition's value: a module variable at top level, else a body slot.</summary>
    private Node DefineNode(Symbol name, Node value, Scope? scope, SyntaxNode at)
    {
        if (value is LambdaNode ln && ln.Info.Name is null) ln.Info.Name = name.Name;
        if (scope is null)
        {
            var cell = Module.DefineCell(name);
            DefinedAtTopLevel.Add(cell);
            return new GlobalSet(cell, value, true, Module, at.Span);
        }
        var found = Scope.Resolve(scope, name, out var depth, out var index);
        if (found is not Scope) throw Bad(at, $"definition of '{name.Name}' in expression context, where definitions are not allowed");
        return new LocalSet(depth, index, value, at.Span);
    }
}

/// <summary>Syntax bound to a name: syntax-rules macros, record constructors, this-record identifiers.</summary>
public interface IMacro;

/// <summary>The <c>this-id</c> of a record type, only meaningful inside a thunked field's value.</summary>
public sealed class ThisRecordSyntax : IMacro;
