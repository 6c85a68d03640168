using System.Numerics;
using Vbmc.Data;

namespace Vbmc.Evaluation;

/// <summary>SRFI-1 list procedures (the stdlib module (srfi srfi-1) re-exports them).</summary>
[BuiltinLibrary]
public static class Srfi1Builtins
{
    private const int V = Builtin.Variadic;

    private static object Call(object f, params object[] args) => Interpreter.Apply(f, args);

    public static void Register(BuiltinTable t)
    {
        t.Define("fold", 3, V, a =>
        {
            var f = Args.Proc(a[0], "fold", 1);
            var acc = a[1];
            var lists = a.Skip(2).Select((l, i) => Args.List(l, "fold", i + 3)).ToList();
            var n = lists.Min(l => l.Count);
            for (var i = 0; i < n; i++) acc = Call(f, [.. lists.Select(l => l[i]), acc]);
            return acc;
        });
        t.Define("fold-right", 3, V, a =>
        {
            var f = Args.Proc(a[0], "fold-right", 1);
            var acc = a[1];
            var lists = a.Skip(2).Select((l, i) => Args.List(l, "fold-right", i + 3)).ToList();
            var n = lists.Min(l => l.Count);
            for (var i = n - 1; i >= 0; i--) acc = Call(f, [.. lists.Select(l => l[i]), acc]);
            return acc;
        });
        t.Define("fold-left", 3, V, a =>
        {
            var f = Args.Proc(a[0], "fold-left", 1);
            var acc = a[1];
            var lists = a.Skip(2).Select((l, i) => Args.List(l, "fold-left", i + 3)).ToList();
            var n = lists.Min(l => l.Count);
            for (var i = 0; i < n; i++) acc = Call(f, [acc, .. lists.Select(l => l[i])]);
            return acc;
        });
        t.Define("reduce", 3, 3, a =>
        {
            var items = Args.List(a[2], "reduce", 3);
            if (items.Count == 0) return a[1];
            var acc = items[0];
            for (var i = 1; i < items.Count; i++) acc = Call(a[0], items[i], acc);
            return acc;
        });
        t.Define("reduce-right", 3, 3, a =>
        {
            var items = Args.List(a[2], "reduce-right", 3);
            if (items.Count == 0) return a[1];
            var acc = items[^1];
            for (var i = items.Count - 2; i >= 0; i--) acc = Call(a[0], items[i], acc);
            return acc;
        });
        t.Define("filter", 2, 2, a => Lists.FromEnumerable(Args.List(a[1], "filter", 2).Where(x => Call(a[0], x) is not false).ToList()));
        t.Define("remove", 2, 2, a => Lists.FromEnumerable(Args.List(a[1], "remove", 2).Where(x => Call(a[0], x) is false).ToList()));
        t.Define("partition", 2, 2, a =>
        {
            var yes = new List<object>();
            var no = new List<object>();
            foreach (var x in Args.List(a[1], "partition", 2)) (Call(a[0], x) is not false ? yes : no).Add(x);
            return new MultipleValues([Lists.FromEnumerable(yes), Lists.FromEnumerable(no)]);
        });
        t.Define("append-map", 2, V, a => ListBuiltins.Append([.. Args.List(ListBuiltins.Map(a, "append-map", true), "append-map", 2), Nil.Instance], "append-map"));
        t.Define("filter-map", 2, V, a => Lists.FromEnumerable(Args.List(ListBuiltins.Map(a, "filter-map", true), "filter-map", 2).Where(x => x is not false).ToList()));
        t.Define("delete", 2, 3, a =>
        {
            var eq = a.Length > 2 ? ListBuiltins.Pred2(a[2]) : Equality.IsEqual;
            return Lists.FromEnumerable(Args.List(a[1], "delete", 2).Where(x => !eq(a[0], x)).ToList());
        });
        t.Define("delete!", 2, 3, a =>
        {
            var eq = a.Length > 2 ? ListBuiltins.Pred2(a[2]) : Equality.IsEqual;
            return Lists.FromEnumerable(Args.List(a[1], "delete!", 2).Where(x => !eq(a[0], x)).ToList());
        });
        t.Define("delete-duplicates", 1, 2, a =>
        {
            var eq = a.Length > 1 ? ListBuiltins.Pred2(a[1]) : Equality.IsEqual;
            var kept = new List<object>();
            foreach (var x in Args.List(a[0], "delete-duplicates", 1)) if (!kept.Any(k => eq(k, x))) kept.Add(x);
            return Lists.FromEnumerable(kept);
        });
        t.Define("iota", 1, 3, a =>
        {
            var n = Args.Count(a[0], "iota", 1, "elements");
            object start = a.Length > 1 ? Numbers.Check(a[1], "iota", 2) : BigInteger.Zero;
            object step = a.Length > 2 ? Numbers.Check(a[2], "iota", 3) : BigInteger.One;
            var items = new object[n];
            for (var i = 0; i < n; i++) items[i] = Numbers.Add(start, Numbers.Mul(step, new BigInteger(i)));
            return Lists.FromEnumerable(items);
        });
        var ordinals = new[] { "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth" };
        for (var k = 0; k < ordinals.Length; k++)
        {
            var index = k;
            var name = ordinals[k];
            t.Define(name, 1, 1, a => ListBuiltins.Tail(a[0], index, name) is Pair p ? p.Car : throw SchemeError.WrongType(name, 1, "pair", a[0]));
        }
        t.Define("last", 1, 1, a => ListBuiltins.LastPair(a[0]).Car);
        t.Define("any", 2, V, a =>
        {
            var lists = a.Skip(1).Select((l, i) => Args.List(l, "any", i + 2)).ToList();
            var n = lists.Min(l => l.Count);
            for (var i = 0; i < n; i++) if (Call(a[0], [.. lists.Select(l => l[i])]) is var v && v is not false) return v;
            return false;
        });
        t.Define("every", 2, V, a =>
        {
            var lists = a.Skip(1).Select((l, i) => Args.List(l, "every", i + 2)).ToList();
            var n = lists.Min(l => l.Count);
            object result = true;
            for (var i = 0; i < n; i++) if ((result = Call(a[0], [.. lists.Select(l => l[i])])) is false) return false;
            return result;
        });
        t.Define("find", 2, 2, a => Args.List(a[1], "find", 2).FirstOrDefault(x => Call(a[0], x) is not false) ?? false);
        t.Define("find-tail", 2, 2, a =>
        {
            for (var l = a[1]; l is Pair p; l = p.Cdr) if (Call(a[0], p.Car) is not false) return p;
            return false;
        });
        t.Define("count", 2, 2, a => (BigInteger)Args.List(a[1], "count", 2).Count(x => Call(a[0], x) is not false));
        t.Define("take", 2, 2, a => ListBuiltins.Take(a[0], a[1], "take"));
        t.Define("drop", 2, 2, a => ListBuiltins.Tail(a[0], Args.Index(a[1], "drop", 2), "drop"));
        t.Define("take-right", 2, 2, a => { var l = Args.List(a[0], "take-right", 1); var k = Args.Index(a[1], "take-right", 2); return ListBuiltins.Tail(a[0], Math.Max(0, l.Count - k), "take-right"); });
        t.Define("drop-right", 2, 2, a => { var l = Args.List(a[0], "drop-right", 1); var k = Args.Index(a[1], "drop-right", 2); return Lists.FromEnumerable(l.Take(Math.Max(0, l.Count - k)).ToList()); });
        t.Define("split-at", 2, 2, a => new MultipleValues([ListBuiltins.Take(a[0], a[1], "split-at"), ListBuiltins.Tail(a[0], Args.Index(a[1], "split-at", 2), "split-at")]));
        t.Define("take-while", 2, 2, a => Lists.FromEnumerable(Args.List(a[1], "take-while", 2).TakeWhile(x => Call(a[0], x) is not false).ToList()));
        t.Define("drop-while", 2, 2, a =>
        {
            var l = a[1];
            while (l is Pair p && Call(a[0], p.Car) is not false) l = p.Cdr;
            return l;
        });
        t.Define("span", 2, 2, a => SpanBreak(a, true));
        t.Define("break", 2, 2, a => SpanBreak(a, false));
        t.Define("list-index", 2, 2, a =>
        {
            var i = 0;
            foreach (var x in Args.List(a[1], "list-index", 2)) { if (Call(a[0], x) is not false) return (BigInteger)i; i++; }
            return false;
        });
        t.Define("concatenate", 1, 1, a => ListBuiltins.Append([.. Args.List(a[0], "concatenate", 1)], "concatenate"));
        t.Define("lset-adjoin", 2, V, a =>
        {
            var eq = ListBuiltins.Pred2(a[0]);
            var items = Args.List(a[1], "lset-adjoin", 2);
            var result = a[1];
            foreach (var x in a.Skip(2)) if (!items.Any(y => eq(y, x))) { items.Add(x); result = new Pair(x, result); }
            return result;
        });
        t.Define("lset-union", 1, V, a =>
        {
            var eq = ListBuiltins.Pred2(a[0]);
            if (a.Length == 1) return Nil.Instance;
            var result = Args.List(a[1], "lset-union", 2);
            object acc = a[1];
            foreach (var l in a.Skip(2))
                foreach (var x in Args.List(l, "lset-union", 3))
                    if (!result.Any(y => eq(y, x))) { result.Add(x); acc = new Pair(x, acc); }
            return acc;
        });
        t.Define("lset-intersection", 2, V, a =>
        {
            var eq = ListBuiltins.Pred2(a[0]);
            var others = a.Skip(2).Select(l => Args.List(l, "lset-intersection", 3)).ToList();
            return Lists.FromEnumerable(Args.List(a[1], "lset-intersection", 2).Where(x => others.All(o => o.Any(y => eq(x, y)))).ToList());
        });
        t.Define("lset-difference", 2, V, a =>
        {
            var eq = ListBuiltins.Pred2(a[0]);
            var others = a.Skip(2).Select(l => Args.List(l, "lset-difference", 3)).ToList();
            return Lists.FromEnumerable(Args.List(a[1], "lset-difference", 2).Where(x => !others.Any(o => o.Any(y => eq(x, y)))).ToList());
        });
        t.Define("lset=", 1, V, a =>
        {
            var eq = ListBuiltins.Pred2(a[0]);
            var sets = a.Skip(1).Select(l => Args.List(l, "lset=", 2)).ToList();
            for (var i = 0; i + 1 < sets.Count; i++)
                if (!sets[i].All(x => sets[i + 1].Any(y => eq(x, y))) || !sets[i + 1].All(x => sets[i].Any(y => eq(y, x)))) return false;
            return true;
        });
        t.Define("alist-copy", 1, 1, a => Lists.FromEnumerable(Args.List(a[0], "alist-copy", 1).Select(e => e is Pair p ? new Pair(p.Car, p.Cdr) : e).ToList()));
        t.Define("alist-delete", 2, 3, a =>
        {
            var eq = a.Length > 2 ? ListBuiltins.Pred2(a[2]) : Equality.IsEqual;
            return Lists.FromEnumerable(Args.List(a[1], "alist-delete", 2).Where(e => e is not Pair p || !eq(a[0], p.Car)).ToList());
        });
        t.Define("car+cdr", 1, 1, a => { var p = Args.Pair(a[0], "car+cdr", 1); return new MultipleValues([p.Car, p.Cdr]); });
        t.Define("length+", 1, 1, a => Lists.ToListOrNull(a[0]) is { } l ? (BigInteger)l.Count : false);
        t.Define("xcons", 2, 2, a => new Pair(a[1], a[0]));
        t.Define("list-tabulate", 2, 2, a => Lists.FromEnumerable(Enumerable.Range(0, Args.Count(a[0], "list-tabulate", 1, "elements")).Select(i => Call(a[1], (BigInteger)i)).ToList()));
        t.Define("unfold", 4, 5, a =>
        {
            var items = new List<object>();
            var seed = a[3];
            while (Call(a[0], seed) is false) { items.Add(Call(a[1], seed)); seed = Call(a[2], seed); }
            return Lists.FromEnumerable(items, a.Length > 4 ? Call(a[4], seed) : Nil.Instance);
        });
    }

    private static object SpanBreak(object[] a, bool whileTrue)
    {
        var head = new List<object>();
        var l = a[1];
        while (l is Pair p && (Call(a[0], p.Car) is not false) == whileTrue) { head.Add(p.Car); l = p.Cdr; }
        return new MultipleValues([Lists.FromEnumerable(head), l]);
    }
}
