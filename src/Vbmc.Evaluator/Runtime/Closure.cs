using System.Text;
using Vbmc.Data;
using Vbmc.Diagnostics;

namespace Vbmc.Evaluation;

/// <summary>What the analyser learnt about a lambda / lambda*: parameter layout and body.</summary>
public sealed class LambdaInfo
{
    public string? Name;
    public SourceSpan Span;
    public Symbol[] ParameterNames = [];
    public int Required;
    /// <summary>#:optional parameters (slot after the required ones), with default expressions.</summary>
    public Node?[] OptionalDefaults = [];
    public bool HasRest;
    public Keyword[] Keys = [];
    public Node?[] KeyDefaults = [];
    public bool AllowOtherKeys;
    public int FrameSize;
    public Node Body = null!;

    public int RestSlot => Required + OptionalDefaults.Length;
    public int FirstKeySlot => RestSlot + (HasRest ? 1 : 0);
}

/// <summary>A procedure written in the language: a lambda and the frame it closes over.</summary>
public sealed class Closure(LambdaInfo info, Frame? frame) : Procedure
{
    public LambdaInfo Info { get; } = info;
    public Frame? Frame { get; } = frame;

    public override string? Name => Info.Name;

    public override void WriteTo(StringBuilder output, bool write, Action<object> printElement)
    {
        output.Append("#<procedure ");
        if (Info.Name is not null) output.Append(Info.Name).Append(' ');
        output.Append('(').Append(string.Join(' ', Info.ParameterNames.Take(Info.Required).Select(s => s.Name)));
        if (Info.HasRest && Info.OptionalDefaults.Length == 0 && Info.Keys.Length == 0)
            output.Append(Info.Required > 0 ? " . " : ". ").Append(Info.ParameterNames[Info.RestSlot].Name);
        output.Append(")>");
    }

    /// <summary>Builds the callee's frame from the arguments (evaluating lambda* defaults in it).</summary>
    public Frame Bind(object[] args)
    {
        var info = Info;
        var slots = new object[info.FrameSize];
        var n = args.Length;
        if (info.OptionalDefaults.Length == 0 && info.Keys.Length == 0)
        {
            if (n < info.Required || (!info.HasRest && n > info.Required)) throw ArityError();
            Array.Copy(args, slots, info.Required);
            if (info.HasRest)
            {
                object rest = Nil.Instance;
                for (var i = n - 1; i >= info.Required; i--) rest = new Pair(args[i], rest);
                slots[info.Required] = rest;
            }
            for (var i = info.ParameterNames.Length; i < slots.Length; i++) slots[i] = Unassigned.Instance;
            return new Frame(slots, Frame);
        }
        return BindStar(args, slots);
    }

    private Frame BindStar(object[] args, object[] slots)
    {
        var info = Info;
        var n = args.Length;
        if (n < info.Required) throw ArityError();
        for (var i = 0; i < slots.Length; i++) slots[i] = Unassigned.Instance;
        Array.Copy(args, slots, info.Required);
        var frame = new Frame(slots, Frame);
        var pos = info.Required;
        for (var i = 0; i < info.OptionalDefaults.Length; i++)
        {
            var slot = info.Required + i;
            if (pos < n && !(info.Keys.Length > 0 && args[pos] is Keyword))
                slots[slot] = args[pos++];
            else
                slots[slot] = info.OptionalDefaults[i] is { } d ? Interpreter.EvalNonTail(d, frame) : false;
        }
        if (info.HasRest)
        {
            object rest = Nil.Instance;
            for (var i = n - 1; i >= pos; i--) rest = new Pair(args[i], rest);
            slots[info.RestSlot] = rest;
        }
        else if (info.Keys.Length == 0 && pos < n) throw ArityError();
        if (info.Keys.Length > 0)
        {
            var given = new object?[info.Keys.Length];
            for (var i = pos; i < n; i++)
            {
                if (args[i] is not Keyword k)
                {
                    if (info.HasRest) continue;
                    throw new SchemeError($"In procedure {Info.Name ?? "#<procedure>"}: Invalid keyword: {Printing.Printer.Brief(args[i])}", DiagnosticIds.WrongArgumentCount);
                }
                var index = Array.IndexOf(info.Keys, k);
                if (i + 1 >= n)
                    throw new SchemeError($"In procedure {Info.Name ?? "#<procedure>"}: Keyword argument has no value: {Printing.Printer.Brief(k)}", DiagnosticIds.WrongArgumentCount);
                if (index < 0)
                {
                    if (!info.AllowOtherKeys && !info.HasRest)
                        throw new SchemeError($"In procedure {Info.Name ?? "#<procedure>"}: Unrecognized keyword: {Printing.Printer.Brief(k)}", DiagnosticIds.WrongArgumentCount);
                }
                else given[index] = args[i + 1];
                i++;
            }
            for (var i = 0; i < info.Keys.Length; i++)
            {
                var slot = info.FirstKeySlot + i;
                slots[slot] = given[i] ?? (info.KeyDefaults[i] is { } d ? Interpreter.EvalNonTail(d, frame) : false);
            }
        }
        return frame;
    }

    private SchemeError ArityError() =>
        new($"Wrong number of arguments to {Printing.Printer.Brief(this)}", DiagnosticIds.WrongArgumentCount);
}
