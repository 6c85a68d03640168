using System.Numerics;
using System.Text;
using Vbmc.Data;
using Vbmc.Diagnostics;
using Vbmc.Printing;

namespace Vbmc.Evaluation;

/// <summary>
/// Procedures about procedures and control (apply, values, promises, parameters, error), output
/// (display, write, format: into the evaluation's captured buffer, never the console) and vectors.
/// </summary>
[BuiltinLibrary]
public static class ControlBuiltins
{
    private const int V = Builtin.Variadic;

    public static void Register(BuiltinTable t)
    {
        // apply hands its call back to the apply loop, so (apply f ...) in tail position is a tail call.
        t.Define("apply", 1, V, a =>
        {
            var f = Args.Proc(a[0], "apply", 1);
            if (a.Length == 1) return new TailCall(f, []);
            var last = Lists.ToListOrNull(a[^1]) ?? throw SchemeError.WrongType("apply", a.Length, "list", a[^1]);
            return new TailCall(f, [.. a.Skip(1).Take(a.Length - 2), .. last]);
        });
        t.Define("values", 0, V, a => a.Length == 1 ? a[0] : new MultipleValues(a));
        t.Define("call-with-values", 2, 2, a =>
        {
            var v = Interpreter.Apply(a[0]);
            return new TailCall(a[1], v is MultipleValues mv ? mv.Items : [v]);
        });
        t.Define("force", 1, 1, a => a[0] is Promise p ? p.Force() : a[0]);
        t.Define("make-promise", 1, 1, a => a[0] is Promise ? a[0] : new Promise(a[0]));
        t.Define("promise?", 1, 1, a => a[0] is Promise);
        t.Define("make-parameter", 1, 2, a =>
        {
            var converter = a.Length > 1 ? a[1] : null;
            var initial = converter is null ? a[0] : Interpreter.Apply(converter, a[0]);
            return new Parameter(null, () => initial, converter);
        });
        t.Define("dynamic-wind", 3, 3, a =>
        {
            Interpreter.Apply(a[0]);
            try { return Interpreter.Apply(a[1]); }
            finally { Interpreter.Apply(a[2]); }
        });
        t.Define("error", 0, V, a =>
        {
            var parts = new List<string>();
            if (a.Length > 0) parts.Add(a[0] is string s ? s : Printer.ForMessage(a[0]));
            parts.AddRange(a.Skip(1).Select(Printer.ForMessage));
            throw new SchemeError(string.Join(' ', parts), DiagnosticIds.UserError);
        });
        t.Define("and=>", 2, 2, a => a[0] is false ? false : new TailCall(a[1], [a[0]]));
        t.Define("const", 1, 1, a => { var v = a[0]; return new Builtin("const", 0, V, _ => v); });
        t.Define("identity", 1, 1, a => a[0]);
        t.Define("negate", 1, 1, a => { var f = a[0]; return new Builtin("negate", 0, V, x => Interpreter.Apply(f, x) is false); });
        t.Define("compose", 0, V, a =>
        {
            var fs = a;
            return new Builtin("compose", 0, V, x =>
            {
                if (fs.Length == 0) return x.Length == 1 ? x[0] : new MultipleValues(x);
                var v = Interpreter.Apply(fs[^1], x);
                for (var i = fs.Length - 2; i >= 0; i--) v = Interpreter.Apply(fs[i], v is MultipleValues mv ? mv.Items : [v]);
                return v;
            });
        });
        t.Define("procedure-name", 1, 1, a => a[0] is Procedure { Name: { } n } ? Symbol.Intern(n) : false);
        t.Define("sort", 2, 2, a => Sort(a[0], a[1], "sort"));
        t.Define("sort!", 2, 2, a => Sort(a[0], a[1], "sort!"));
        t.Define("stable-sort", 2, 2, a => Sort(a[0], a[1], "stable-sort"));
        t.Define("list-sort", 2, 2, a => Sort(a[1], a[0], "list-sort"));
        t.Define("display", 1, 2, a => Output(Printed("display", a[0], write: false)));
        t.Define("write", 1, 2, a => Output(Printed("write", a[0], write: true)));
        t.Define("newline", 0, 1, a => Output("\n"));
        t.Define("write-char", 1, 2, a => Output(Args.Char(a[0], "write-char", 1).ToString()));
        t.Define("pk", 0, V, a => { Output(";;; (" + string.Join(' ', a.Select(x => Printed("pk", x, write: true))) + ")\n"); return a.Length > 0 ? a[^1] : Unspecified.Instance; });
        t.Define("object->string", 1, 1, a => Printed("object->string", a[0], write: true));
        t.Define("format", 1, V, a => Format(a));
        t.Define("simple-format", 1, V, a => Format(a));
        t.Define("with-output-to-string", 1, 1, a =>
        {
            var output = EvalContext.Current.Output;
            var mark = output.Length;
            Interpreter.Apply(a[0]);
            var text = output.ToString(mark, output.Length - mark);
            output.Length = mark;
            return text;
        });
        // Vectors
        t.Define("vector", 0, V, a => (object[])a.Clone());
        t.Define("make-vector", 1, 2, a => Enumerable.Repeat(a.Length > 1 ? a[1] : false, Args.Count(a[0], "make-vector", 1, "elements")).ToArray());
        t.Define("vector-length", 1, 1, a => (BigInteger)Args.Vec(a[0], "vector-length", 1).Length);
        t.Define("vector-ref", 2, 2, a =>
        {
            var v = Args.Vec(a[0], "vector-ref", 1);
            var i = Args.Index(a[1], "vector-ref", 2);
            return i < v.Length ? v[i] : throw new SchemeError($"In procedure vector-ref: Argument 2 out of range: {i}");
        });
        t.Define("vector-set!", 3, 3, a =>
        {
            var v = Args.Vec(a[0], "vector-set!", 1);
            var i = Args.Index(a[1], "vector-set!", 2);
            if (i >= v.Length) throw new SchemeError($"In procedure vector-set!: Argument 2 out of range: {i}");
            v[i] = a[2];
            return Unspecified.Instance;
        });
        t.Define("vector->list", 1, 1, a => Lists.FromEnumerable(Args.Vec(a[0], "vector->list", 1)));
        t.Define("list->vector", 1, 1, a => Args.List(a[0], "list->vector", 1).ToArray());
        t.Define("vector-fill!", 2, 2, a => { Array.Fill(Args.Vec(a[0], "vector-fill!", 1), a[1]); return Unspecified.Instance; });
        t.Define("vector-copy", 1, 1, a => (object[])Args.Vec(a[0], "vector-copy", 1).Clone());
        t.Define("vector-append", 0, V, a =>
        {
            var parts = a.Select((v, i) => Args.Vec(v, "vector-append", i + 1)).ToArray();
            Args.Made("vector-append", parts.Sum(x => (long)x.Length), "elements");
            return parts.SelectMany(x => x).ToArray();
        });
    }

    /// <summary>
    /// A value printed for the program (display, object->string, format): its characters count
    /// against the step budget, and printing stops at what is left of it, so a value that shares
    /// its parts (printed whole at every use) cannot print for hours.
    /// </summary>
    private static string Printed(string proc, object value, bool write)
    {
        var ctx = EvalContext.Current;
        var left = Math.Max(0, ctx.Options.StepBudget - ctx.Steps);
        var text = Printer.Print(value, write, left, out var complete);
        if (!complete)
            throw new SchemeError($"In procedure {proc}: the printed value is longer than the {left} characters this evaluation may still make", DiagnosticIds.StepBudgetExceeded);
        Args.Made(proc, text.Length, "characters");
        return text;
    }

    private static object Output(string text)
    {
        Args.Made("display", text.Length, "characters");
        EvalContext.Current.Output.Append(text);
        return Unspecified.Instance;
    }

    private static object Sort(object seq, object less, string proc)
    {
        var items = seq is object[] v ? [.. v] : Args.List(seq, proc, 1);
        // A stable merge sort, as Guile's: the comparator's own errors reach the user as they are.
        var result = MergeSort(items, less);
        return seq is object[] ? result.ToArray() : Lists.FromEnumerable(result);
    }

    private static List<object> MergeSort(List<object> items, object less)
    {
        if (items.Count <= 1) return items;
        var left = MergeSort(items[..(items.Count / 2)], less);
        var right = MergeSort(items[(items.Count / 2)..], less);
        var merged = new List<object>(items.Count);
        int i = 0, j = 0;
        while (i < left.Count && j < right.Count)
            merged.Add(Interpreter.Apply(less, right[j], left[i]) is not false ? right[j++] : left[i++]);
        merged.AddRange(left.Skip(i));
        merged.AddRange(right.Skip(j));
        return merged;
    }

    /// <summary>Guile's format with ~a ~s ~d ~b ~o ~x ~% ~~ (destination #f: a string; #t: the output).</summary>
    private static object Format(object[] a)
    {
        string template;
        var argIndex = 1;
        object destination = false;
        if (a[0] is string s0) { template = s0; destination = false; }
        else
        {
            destination = a[0];
            template = a.Length > 1 ? Args.Str(a[1], "format", 2) : throw new SchemeError("In procedure format: missing format string");
            argIndex = 2;
        }
        var sb = new StringBuilder();
        object Next()
        {
            if (argIndex >= a.Length) throw new SchemeError("In procedure format: too few arguments for the format string");
            return a[argIndex++];
        }
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c != '~' || i + 1 >= template.Length) { sb.Append(c); continue; }
            var d = char.ToLowerInvariant(template[++i]);
            switch (d)
            {
                case 'a': sb.Append(Printed("format", Next(), write: false)); break;
                case 's': sb.Append(Printed("format", Next(), write: true)); break;
                case 'd': sb.Append(Numbers.ToString(Numbers.Check(Next(), "format", argIndex), 10)); break;
                case 'b': sb.Append(Numbers.ToString(Numbers.Check(Next(), "format", argIndex), 2)); break;
                case 'o': sb.Append(Numbers.ToString(Numbers.Check(Next(), "format", argIndex), 8)); break;
                case 'x': sb.Append(Numbers.ToString(Numbers.Check(Next(), "format", argIndex), 16)); break;
                case '%' or 'n': sb.Append('\n'); break;
                case '~': sb.Append('~'); break;
                default: throw new SchemeError($"In procedure format: unsupported format directive ~{template[i]}", DiagnosticIds.Unsupported);
            }
        }
        var text = sb.ToString();
        if (destination is false) return text;
        EvalContext.Current.Output.Append(text);
        return Unspecified.Instance;
    }
}
