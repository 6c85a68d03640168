using System.Numerics;
using Vbmc.Data;

namespace Vbmc.Evaluation;

/// <summary>Pairs and lists (R7RS / Guile core), association lists, equality and type predicates.</summary>
[BuiltinLibrary]
public static class ListBuiltins
{
    private const int V = Builtin.Variadic;

    public static void Register(BuiltinTable t)
    {
        t.Define("cons", 2, 2, a => new Pair(a[0], a[1]));
        t.Define("car", 1, 1, a => Args.Pair(a[0], "car", 1).Car);
        t.Define("cdr", 1, 1, a => Args.Pair(a[0], "cdr", 1).Cdr);
        foreach (var path in new[] { "aa", "ad", "da", "dd", "aaa", "aad", "ada", "add", "daa", "dad", "dda", "ddd", "addd", "dddd" })
        {
            var name = "c" + path + "r";
            t.Define(name, 1, 1, a =>
            {
                var x = a[0];
                for (var i = path.Length - 1; i >= 0; i--)
                {
                    var p = x as Pair ?? throw SchemeError.WrongType(name, 1, "pair", a[0]);
                    x = path[i] == 'a' ? p.Car : p.Cdr;
                }
                return x;
            });
        }
        t.Define("set-car!", 2, 2, a => { Args.Pair(a[0], "set-car!", 1).Car = a[1]; return Unspecified.Instance; });
        t.Define("set-cdr!", 2, 2, a => { Args.Pair(a[0], "set-cdr!", 1).Cdr = a[1]; return Unspecified.Instance; });
        t.Define("list", 0, V, a => Lists.FromEnumerable(a));
        t.Define("cons*", 1, V, a => Lists.FromEnumerable(a.Take(a.Length - 1), a[^1]));
        t.Define("list*", 1, V, a => Lists.FromEnumerable(a.Take(a.Length - 1), a[^1]));
        t.Define("make-list", 1, 2, a => Lists.FromEnumerable(Enumerable.Repeat(a.Length > 1 ? a[1] : Unspecified.Instance, Args.Count(a[0], "make-list", 1, "elements"))));
        t.Define("length", 1, 1, a => (BigInteger)(Lists.ToListOrNull(a[0]) ?? throw Args.WrongTypeNoExpectation("length", 1, a[0])).Count);
        t.Define("append", 0, V, a => Append(a, "append"));
        t.Define("append!", 0, V, a => Append(a, "append!"));
        t.Define("reverse", 1, 1, a => Reverse(FiniteList(a[0], "reverse", 1)));
        t.Define("reverse!", 1, 1, a => Reverse(FiniteList(a[0], "reverse!", 1)));
        t.Define("append-reverse", 2, 2, a => Lists.FromEnumerable(Enumerable.Reverse(FiniteList(a[0], "append-reverse", 1)), a[1]));
        t.Define("list-ref", 2, 2, a => Tail(a[0], Args.Index(a[1], "list-ref", 2), "list-ref") is Pair p ? p.Car : throw SchemeError.WrongType("list-ref", 2, "valid index", a[1]));
        t.Define("list-tail", 2, 2, a => Tail(a[0], Args.Index(a[1], "list-tail", 2), "list-tail"));
        t.Define("list-head", 2, 2, a => Take(a[0], a[1], "list-head"));
        t.Define("list-copy", 1, 1, a => ListCopy(a[0]));
        t.Define("last-pair", 1, 1, a => LastPair(a[0]));
        t.Define("list?", 1, 1, a => Lists.IsProperList(a[0]));
        t.Define("pair?", 1, 1, a => a[0] is Pair);
        t.Define("null?", 1, 1, a => a[0] is Nil);
        t.Define("memq", 2, 2, a => Member(a[0], a[1], Equality.Eq, "memq"));
        t.Define("memv", 2, 2, a => Member(a[0], a[1], Equality.Eqv, "memv"));
        t.Define("member", 2, 3, a => Member(a[0], a[1], a.Length > 2 ? Pred2(a[2]) : Equality.IsEqual, "member"));
        t.Define("assq", 2, 2, a => Assoc(a[0], a[1], Equality.Eq, "assq"));
        t.Define("assv", 2, 2, a => Assoc(a[0], a[1], Equality.Eqv, "assv"));
        t.Define("assoc", 2, 3, a => Assoc(a[0], a[1], a.Length > 2 ? Pred2(a[2]) : Equality.IsEqual, "assoc"));
        t.Define("assq-ref", 2, 2, a => Assoc(a[1], a[0], Equality.Eq, "assq-ref") is Pair p ? p.Cdr : false);
        t.Define("assv-ref", 2, 2, a => Assoc(a[1], a[0], Equality.Eqv, "assv-ref") is Pair p ? p.Cdr : false);
        t.Define("assoc-ref", 2, 2, a => Assoc(a[1], a[0], Equality.IsEqual, "assoc-ref") is Pair p ? p.Cdr : false);
        t.Define("acons", 3, 3, a => new Pair(new Pair(a[0], a[1]), a[2]));
        t.Define("eq?", 2, 2, a => Equality.Eq(a[0], a[1]));
        t.Define("eqv?", 2, 2, a => Equality.Eqv(a[0], a[1]));
        t.Define("equal?", 2, 2, a => Equality.IsEqual(a[0], a[1]));
        t.Define("not", 1, 1, a => a[0] is false);
        t.Define("boolean?", 1, 1, a => a[0] is bool);
        t.Define("symbol?", 1, 1, a => a[0] is Symbol);
        t.Define("keyword?", 1, 1, a => a[0] is Keyword);
        t.Define("string?", 1, 1, a => a[0] is string);
        t.Define("char?", 1, 1, a => a[0] is SChar);
        t.Define("vector?", 1, 1, a => a[0] is object[]);
        t.Define("procedure?", 1, 1, a => Interpreter.IsProcedure(a[0]));
        t.Define("unspecified?", 1, 1, a => a[0] is Unspecified);
        t.Define("boolean=?", 2, V, a => a.All(x => x is bool) && a.All(x => x.Equals(a[0])));
        t.Define("map", 2, V, a => Map(a, "map", collect: true));
        t.Define("for-each", 2, V, a => { Map(a, "for-each", collect: false); return Unspecified.Instance; });
        t.Define("vector-map", 2, V, a => (Lists.ToListOrNull(Map([a[0], .. a.Skip(1).Select((v, i) => Lists.FromEnumerable(Args.Vec(v, "vector-map", i + 2)))], "vector-map", true)) ?? []).ToArray());
        t.Define("vector-for-each", 2, V, a => { Map([a[0], .. a.Skip(1).Select((v, i) => Lists.FromEnumerable(Args.Vec(v, "vector-for-each", i + 2)))], "vector-for-each", false); return Unspecified.Instance; });
    }

    internal static Func<object, object, bool> Pred2(object p) => (x, y) => Interpreter.Apply(p, x, y) is not false;

    /// <summary>How a cdr chain ends: in '(), in another value, or not at all.</summary>
    internal enum ListShape { Proper, Dotted, Circular }

    /// <summary>The shape of the cdr chain from <paramref name="value"/> (tortoise and hare).</summary>
    internal static ListShape Shape(object value)
    {
        var slow = value;
        var fast = value;
        while (true)
        {
            if (fast is not Pair p1) return fast is Nil ? ListShape.Proper : ListShape.Dotted;
            if (p1.Cdr is not Pair p2) return p1.Cdr is Nil ? ListShape.Proper : ListShape.Dotted;
            fast = p2.Cdr;
            slow = ((Pair)slow).Cdr;
            if (ReferenceEquals(fast, slow)) return ListShape.Circular;
        }
    }

    /// <summary>The elements of a proper list, with Guile's errors for circular and other values.</summary>
    internal static List<object> FiniteList(object value, string proc, int pos) =>
        Lists.ToListOrNull(value)
        ?? throw (Shape(value) == ListShape.Circular ? Args.Circular(proc, pos, value) : Args.WrongTypeNoExpectation(proc, pos, value));

    /// <summary>Guile's last-pair: a circular list has no last pair, so it is an error, not a loop.</summary>
    internal static Pair LastPair(object value)
    {
        var p = Args.Pair(value, "last-pair", 1);
        var slow = p;
        var step = false;
        while (p.Cdr is Pair q)
        {
            p = q;
            if (step) slow = (Pair)slow.Cdr;
            step = !step;
            if (ReferenceEquals(p, slow)) throw Args.Circular("last-pair", 1, value);
        }
        return p;
    }

    /// <summary>A fresh spine (also for a dotted list, as Guile); a circular list is an error.</summary>
    private static object ListCopy(object value)
    {
        if (Shape(value) == ListShape.Circular) throw Args.Circular("list-copy", 1, value);
        var items = new List<object>();
        var x = value;
        for (; x is Pair p; x = p.Cdr) items.Add(p.Car);
        return Lists.FromEnumerable(items, x);
    }

    internal static object Append(object[] a, string proc)
    {
        if (a.Length == 0) return Nil.Instance;
        var result = a[^1];
        for (var i = a.Length - 2; i >= 0; i--)
        {
            var items = Lists.ToListOrNull(a[i]) ?? throw SchemeError.WrongType(proc, i + 1, "list", a[i]);
            Args.Made(proc, items.Count, "elements");
            for (var j = items.Count - 1; j >= 0; j--) result = new Pair(items[j], result);
        }
        return result;
    }

    private static object Reverse(List<object> items)
    {
        object r = Nil.Instance;
        foreach (var x in items) r = new Pair(x, r);
        return r;
    }

    internal static object Tail(object list, int k, string proc)
    {
        var x = list;
        for (var i = 0; i < k; i++) x = (x as Pair ?? throw SchemeError.WrongType(proc, 1, "pair", x)).Cdr;
        return x;
    }

    internal static object Take(object list, object count, string proc)
    {
        var k = Args.Index(count, proc, 2);
        var items = new List<object>();
        var x = list;
        for (var i = 0; i < k; i++)
        {
            var p = x as Pair ?? throw SchemeError.WrongType(proc, 1, "pair", x);
            items.Add(p.Car);
            x = p.Cdr;
        }
        return Lists.FromEnumerable(items);
    }

    // memq/assq and friends walk a tortoise along behind: meeting it means the list is
    // circular and the element is not in it (Guile reports these as wrong-type arguments).
    private static object Member(object x, object list, Func<object, object, bool> eq, string proc)
    {
        var slow = list;
        var step = false;
        for (var l = list; l is Pair p; l = p.Cdr)
        {
            if (eq(x, p.Car)) return p;
            if (step) slow = ((Pair)slow).Cdr;
            step = !step;
            if (ReferenceEquals(p.Cdr, slow)) throw SchemeError.WrongType(proc, 2, "list", list);
        }
        return false;
    }

    private static object Assoc(object key, object alist, Func<object, object, bool> eq, string proc)
    {
        var slow = alist;
        var step = false;
        for (var l = alist; l is Pair p; l = p.Cdr)
        {
            if (p.Car is not Pair entry) throw SchemeError.WrongType(proc, 2, "association list", alist);
            if (eq(key, entry.Car)) return entry;
            if (step) slow = ((Pair)slow).Cdr;
            step = !step;
            if (ReferenceEquals(p.Cdr, slow)) throw SchemeError.WrongType(proc, 2, "association list", alist);
        }
        return false;
    }

    /// <summary>map/for-each over one or more lists (stops at the shortest, as Guile's srfi-1 map).</summary>
    internal static object Map(object[] a, string proc, bool collect)
    {
        var f = Args.Proc(a[0], proc, 1);
        var lists = new object[a.Length - 1];
        // As SRFI-1: circular lists are allowed as long as one list is finite (it ends the walk).
        var anyFinite = false;
        for (var i = 1; i < a.Length; i++)
        {
            switch (Shape(a[i]))
            {
                case ListShape.Dotted: throw SchemeError.WrongType(proc, i + 1, "list", a[i]);
                case ListShape.Proper: anyFinite = true; break;
            }
            lists[i - 1] = a[i];
        }
        if (!anyFinite)
        {
            throw lists.Length == 1
                ? Args.WrongTypeNoExpectation(proc, null, lists[0])
                : new SchemeError($"In procedure {proc}: Args do not contain a proper (finite) list: {Vbmc.Printing.Printer.ForMessage(Lists.FromEnumerable(lists))}",
                    Vbmc.Diagnostics.DiagnosticIds.WrongType);
        }
        var results = collect ? new List<object>() : null;
        while (lists.All(l => l is Pair))
        {
            var args = new object[lists.Length];
            for (var i = 0; i < lists.Length; i++)
            {
                var p = (Pair)lists[i];
                args[i] = p.Car;
                lists[i] = p.Cdr;
            }
            var v = Interpreter.Apply(f, args);
            results?.Add(v);
        }
        return results is null ? Unspecified.Instance : Lists.FromEnumerable(results);
    }
}
