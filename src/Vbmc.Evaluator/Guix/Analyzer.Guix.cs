using Vbmc.Data;
using Vbmc.Diagnostics;
using Vbmc.Evaluation.Guix;
using Vbmc.Syntax;
using static Vbmc.Evaluation.Stx;

namespace Vbmc.Evaluation;

/// <summary>Uses of names built from Guix's generated data: macros known by name only, deprecated names.</summary>
public sealed partial class Analyzer
{
    /// <summary>
    /// <c>(NAME sub ...)</c> of a Guix macro vbmc knows by name only: the subforms that look like
    /// expressions are evaluated in order (so their errors are found), then the form's value is an
    /// opaque value. At top level, <c>(define-... NAME ...)</c> binds NAME to a macro of the same
    /// leniency, so that the file's later uses of what Guix's macro defines are not unbound.
    /// </summary>
    private Node AnalyzeGuixSyntax(GuixSyntax syntax, SyntaxList form, Scope? scope)
    {
        if (ConfigurationSyntax.Handles(syntax))
            return Analyze(CountExpansion(ConfigurationSyntax.Expand(syntax, form)), scope, false);
        if (scope is null && syntax.Name.StartsWith("define", StringComparison.Ordinal)
            && form.Items.Length > 1 && Sym(form.Items[1]) is { } defined && Module.ValueOf(defined) is null or GuixSyntax)
            Module.DefineCell(defined).Value = new GuixSyntax(Module.Name, defined.Name);
        var parts = new List<Node>();
        foreach (var sub in form.Items.Skip(1))
            if (LooksLikeExpression(sub, scope)) parts.Add(Analyze(sub, scope, false));
        parts.Add(new ConstNode(new OpaqueValue($"{syntax.Module} ({syntax.Name} ...)"), form.Span));
        return parts.Count == 1 ? parts[0] : new SeqNode([.. parts], form.Span);
    }

    /// <summary>A list whose head is a visible procedure, macro or (non-defining) special form.</summary>
    private bool LooksLikeExpression(SyntaxNode sub, Scope? scope)
    {
        if (sub is not SyntaxList { Items.Length: > 0, IsProper: true } l || Sym(l.Items[0]) is not { } head) return false;
        var found = Scope.Resolve(scope, head, out _, out _);
        if (found is not null) return found is IMacro;
        var value = GlobalModuleFor(l.Items[0], head).ValueOf(head);
        if (value is not null) return value is IMacro || (Interpreter.IsProcedure(value) && value is not OpaqueValue);
        return Specials.ContainsKey(head.Name) && !head.Name.StartsWith("define", StringComparison.Ordinal)
            && head.Name is not ("use-modules" or "export" or "re-export" or "re-export-modules" or "set!");
    }

    private static void WarnDeprecated(DeprecatedAlias alias, SyntaxNode at) =>
        EvalContext.Current.Report(Diagnostic.Warning(DiagnosticIds.DeprecatedName, at.Span, alias.Message));

    /// <summary>A deprecated name used as a variable: a warning, then its target's value.</summary>
    private Node DeprecatedReference(DeprecatedAlias alias, SyntaxNode node, Module module)
    {
        WarnDeprecated(alias, node);
        if (alias.Target is not { } target) return new ConstNode(new OpaqueValue(alias.Name), node.Span);
        switch (target.Value)
        {
            case GuixSyntax syntax:
                return new ConstNode(new OpaqueValue($"{syntax.Module} {syntax.Name}"), node.Span);
            case IMacro macro:
                throw Bad(node, SyntaxValueMessage(Sym(node)!, macro));
        }
        return new GlobalRef(target, module, node.Span);
    }

    /// <summary>A deprecated name at the head of a form: a warning, then the form as its target's.</summary>
    private Node AnalyzeDeprecatedCall(DeprecatedAlias alias, SyntaxList form, Scope? scope, bool tail)
    {
        WarnDeprecated(alias, form.Items[0]);
        if (alias.Target is not { } target)
            return AnalyzeGuixSyntax(new GuixSyntax("", alias.Name), form, scope);
        if (target.Value is IMacro macro) return ApplyMacro(macro, form, scope, tail);
        var args = new Node[form.Items.Length - 1];
        for (var i = 1; i < form.Items.Length; i++) args[i - 1] = Analyze(form.Items[i], scope, false);
        return new AppNode(new GlobalRef(target, Module, form.Items[0].Span), args, tail, form.Span);
    }
}
