using Vbmc.Data;
using Vbmc.Diagnostics;

namespace Vbmc.Evaluation;

/// <summary>
/// An analysed expression: the evaluator turns each <c>SyntaxNode</c> into a tree of these once,
/// then runs it. Every node keeps its form's span so errors point at the source.
/// Nodes analysed in tail position may return a <see cref="TailCall"/>.
/// </summary>
public abstract class Node(SourceSpan span)
{
    public SourceSpan Span { get; } = span;
    public abstract object Eval(Frame? frame);

    /// <summary>Adds this node's span to an error that has none yet (innermost form wins).</summary>
    protected SchemeError Locate(SchemeError e) => e.At(Span);
}

public sealed class ConstNode(object value, SourceSpan span) : Node(span)
{
    public readonly object Value = value;
    public override object Eval(Frame? frame) => Value;
}

public sealed class LocalRef(Symbol name, int depth, int index, SourceSpan span) : Node(span)
{
    public override object Eval(Frame? frame)
    {
        for (var d = depth; d > 0; d--) frame = frame!.Parent;
        var v = frame!.Slots[index];
        if (v is Unassigned) throw new SchemeError($"Unbound variable: {name.Name}", DiagnosticIds.UnboundVariable) { Span = Span };
        return v;
    }
}

public sealed class LocalSet(int depth, int index, Node value, SourceSpan span) : Node(span)
{
    public override object Eval(Frame? frame)
    {
        var v = Interpreter.EvalNonTail(value, frame);
        for (var d = depth; d > 0; d--) frame = frame!.Parent;
        frame!.Slots[index] = v;
        return Unspecified.Instance;
    }
}

public sealed class GlobalRef(Cell cell, Module module, SourceSpan span) : Node(span)
{
    public override object Eval(Frame? frame)
    {
        var v = cell.Value;
        if (v is null)
        {
            // A name a module vbmc cannot find may give (a channel's): a value vbmc does not know.
            if (module.UnknownImportOf(cell.Name) is { } unknown) return Guix.OpaqueValue.FromUnknownModule(cell.Name, unknown);
            // With a module missing, its names would fail at every use: report each name once.
            var first = EvalContext.Current.ReportedUnbound.Add((module, cell.Name));
            if (module.MissingModules.Count > 0 && !first) throw new SilentError();
            throw module.UnboundError(cell.Name, Span);
        }
        if (v is PoisonedValue) throw new SilentError();
        return v;
    }
}

public sealed class GlobalSet(Cell cell, Node value, bool define, Module module, SourceSpan span) : Node(span)
{
    public override object Eval(Frame? frame)
    {
        if (!define && cell.Value is null) throw module.UnboundError(cell.Name, Span);
        if (!define && !ReferenceEquals(cell.Owner, module))
            throw new SchemeError($"set!: cannot assign '{cell.Name.Name}', which is defined in {cell.Owner?.Name ?? "another module"}; define it in this file first",
                DiagnosticIds.Unsupported) { Span = Span };
        var v = Interpreter.EvalNonTail(value, frame);
        if (define && v is Closure { Info.Name: null } c) c.Info.Name = cell.Name.Name;
        cell.Value = v;
        return Unspecified.Instance;
    }
}

public sealed class IfNode(Node test, Node then, Node? otherwise, SourceSpan span) : Node(span)
{
    public override object Eval(Frame? frame) =>
        Interpreter.EvalNonTail(test, frame) is false
            ? otherwise?.Eval(frame) ?? Unspecified.Instance
            : then.Eval(frame);
}

public sealed class SeqNode(Node[] body, SourceSpan span) : Node(span)
{
    public override object Eval(Frame? frame)
    {
        for (var i = 0; i < body.Length - 1; i++) Interpreter.EvalNonTail(body[i], frame);
        return body[^1].Eval(frame);
    }
}

public sealed class LambdaNode(LambdaInfo info) : Node(info.Span)
{
    public LambdaInfo Info { get; } = info;
    public override object Eval(Frame? frame) => new Closure(Info, frame);
}

/// <summary>A procedure call. In tail position it hands the call back to the apply loop.</summary>
public sealed class AppNode(Node function, Node[] args, bool tail, SourceSpan span) : Node(span)
{
    public override object Eval(Frame? frame)
    {
        try
        {
            var f = Interpreter.EvalNonTail(function, frame);
            var values = new object[args.Length];
            for (var i = 0; i < args.Length; i++) values[i] = Interpreter.EvalNonTail(args[i], frame);
            if (f is Builtin b)
            {
                EvalContext.Current.CallSpan = Span;
                return Interpreter.CallBuiltinDirect(b, values, tail);
            }
            return tail ? new TailCall(f, values) : Interpreter.Apply(f, values);
        }
        catch (SchemeError e) when (e.Span is null)
        {
            throw Locate(e);
        }
    }
}

/// <summary>Creates a new frame (let, letrec, bodies with internal definitions) and runs a body in it.</summary>
public sealed class LetNode(Node[] inits, bool recursive, int frameSize, Node body, SourceSpan span) : Node(span)
{
    public override object Eval(Frame? frame)
    {
        var slots = new object[frameSize];
        if (recursive)
        {
            Array.Fill(slots, Unassigned.Instance);
            var inner = new Frame(slots, frame);
            for (var i = 0; i < inits.Length; i++) slots[i] = Interpreter.EvalNonTail(inits[i], inner);
            return body.Eval(inner);
        }
        for (var i = 0; i < inits.Length; i++) slots[i] = Interpreter.EvalNonTail(inits[i], frame);
        for (var i = inits.Length; i < frameSize; i++) slots[i] = Unassigned.Instance;
        return body.Eval(new Frame(slots, frame));
    }
}

public sealed class AndNode(Node[] parts, SourceSpan span) : Node(span)
{
    public override object Eval(Frame? frame)
    {
        object result = true;
        for (var i = 0; i < parts.Length; i++)
        {
            result = i == parts.Length - 1 ? parts[i].Eval(frame) : Interpreter.EvalNonTail(parts[i], frame);
            if (result is false) return false;
        }
        return result;
    }
}

public sealed class OrNode(Node[] parts, SourceSpan span) : Node(span)
{
    public override object Eval(Frame? frame)
    {
        for (var i = 0; i < parts.Length; i++)
        {
            if (i == parts.Length - 1) return parts[i].Eval(frame);
            var v = Interpreter.EvalNonTail(parts[i], frame);
            if (v is not false) return v;
        }
        return false;
    }
}

/// <summary>Any other form, as a C# function (used by rarer special forms).</summary>
public sealed class FuncNode(Func<Frame?, object> run, SourceSpan span) : Node(span)
{
    public override object Eval(Frame? frame)
    {
        try
        {
            return run(frame);
        }
        catch (SchemeError e) when (e.Span is null)
        {
            throw Locate(e);
        }
    }
}
