using System.Numerics;
using Vbmc.Data;
using Vbmc.Reading;
using static Vbmc.Evaluation.Numbers;

namespace Vbmc.Evaluation;

/// <summary>Arithmetic, comparison and number predicates, with Guile's results and errors.</summary>
[BuiltinLibrary]
public static class NumberBuiltins
{
    private const int V = Builtin.Variadic;

    public static void Register(BuiltinTable t)
    {
        t.Define("+", 0, V, a => Fold(a, "+", BigInteger.Zero, Add));
        t.Define("*", 0, V, a => Fold(a, "*", BigInteger.One, Mul));
        t.Define("-", 1, V, a => a.Length == 1 ? Negate(Check(a[0], "-", 1)) : FoldFrom(a, "-", Sub));
        t.Define("/", 1, V, a => a.Length == 1 ? Div(BigInteger.One, Check(a[0], "/", 1)) : FoldFrom(a, "/", Div));
        Compare(t, "=", c => c == 0, true);
        Compare(t, "<", c => c < 0, false);
        Compare(t, ">", c => c > 0, false);
        Compare(t, "<=", c => c <= 0, false);
        Compare(t, ">=", c => c >= 0, false);
        t.Define("1+", 1, 1, a => Add(Check(a[0], "1+", 1), BigInteger.One));
        t.Define("1-", 1, 1, a => Sub(Check(a[0], "1-", 1), BigInteger.One));
        t.Define("abs", 1, 1, a => Sign(Check(a[0], "abs", 1)) < 0 ? Negate(a[0]) : a[0]);
        t.Define("magnitude", 1, 1, a => Sign(Check(a[0], "magnitude", 1)) < 0 ? Negate(a[0]) : a[0]);
        t.Define("min", 1, V, a => MinMax(a, "min", c => c < 0));
        t.Define("max", 1, V, a => MinMax(a, "max", c => c > 0));
        IntOp(t, "quotient", (x, y) => BigInteger.Divide(x, y));
        IntOp(t, "remainder", (x, y) => BigInteger.Remainder(x, y));
        IntOp(t, "modulo", (x, y) => { var r = BigInteger.Remainder(x, y); return !r.IsZero && r.Sign != y.Sign ? r + y : r; });
        IntOp(t, "floor-quotient", (x, y) => { var q = BigInteger.DivRem(x, y, out var r); return !r.IsZero && r.Sign != y.Sign ? q - 1 : q; });
        IntOp(t, "floor-remainder", (x, y) => { var r = BigInteger.Remainder(x, y); return !r.IsZero && r.Sign != y.Sign ? r + y : r; });
        IntOp(t, "truncate-quotient", (x, y) => BigInteger.Divide(x, y));
        IntOp(t, "truncate-remainder", (x, y) => BigInteger.Remainder(x, y));
        t.Define("floor/", 2, 2, a => new MultipleValues([Call("floor-quotient", a), Call("floor-remainder", a)]));
        t.Define("truncate/", 2, 2, a => new MultipleValues([Call("truncate-quotient", a), Call("truncate-remainder", a)]));
        t.Define("gcd", 0, V, a => a.Select((x, i) => Args.Int(x, "gcd", i + 1)).Aggregate(BigInteger.Zero, BigInteger.GreatestCommonDivisor));
        t.Define("lcm", 0, V, a => a.Select((x, i) => Args.Int(x, "lcm", i + 1)).Aggregate(BigInteger.One,
            (x, y) => x.IsZero || y.IsZero ? BigInteger.Zero : BigInteger.Abs(x * y) / BigInteger.GreatestCommonDivisor(x, y)));
        t.Define("floor", 1, 1, a => Round(a[0], MidpointRounding.ToNegativeInfinity, "floor"));
        t.Define("ceiling", 1, 1, a => Round(a[0], MidpointRounding.ToPositiveInfinity, "ceiling"));
        t.Define("truncate", 1, 1, a => Round(a[0], MidpointRounding.ToZero, "truncate"));
        t.Define("round", 1, 1, a => Round(a[0], null, "round"));
        t.Define("sqrt", 1, 1, a => Sqrt(Check(a[0], "sqrt", 1)));
        t.Define("exact-integer-sqrt", 1, 1, a =>
        {
            var n = Args.ExactInt(a[0], "exact-integer-sqrt", 1);
            var s = (BigInteger)Math.Sqrt((double)n);
            while (s * s > n) s--;
            while ((s + 1) * (s + 1) <= n) s++;
            return new MultipleValues([s, n - s * s]);
        });
        t.Define("expt", 2, 2, a => Expt(Check(a[0], "expt", 1), Check(a[1], "expt", 2)));
        t.Define("square", 1, 1, a => Mul(Check(a[0], "square", 1), a[0]));
        t.Define("exp", 1, 1, a => Math.Exp(ToDouble(Check(a[0], "exp", 1))));
        t.Define("log", 1, 2, a => a.Length == 1 ? Math.Log(ToDouble(Check(a[0], "log", 1))) : Math.Log(ToDouble(Check(a[0], "log", 1))) / Math.Log(ToDouble(Check(a[1], "log", 2))));
        t.Define("sin", 1, 1, a => Math.Sin(ToDouble(Check(a[0], "sin", 1))));
        t.Define("cos", 1, 1, a => Math.Cos(ToDouble(Check(a[0], "cos", 1))));
        t.Define("tan", 1, 1, a => Math.Tan(ToDouble(Check(a[0], "tan", 1))));
        t.Define("atan", 1, 2, a => a.Length == 1 ? Math.Atan(ToDouble(Check(a[0], "atan", 1))) : Math.Atan2(ToDouble(Check(a[0], "atan", 1)), ToDouble(Check(a[1], "atan", 2))));
        t.Define("exact->inexact", 1, 1, a => Inexact(Check(a[0], "exact->inexact", 1)));
        t.Define("inexact", 1, 1, a => Inexact(Check(a[0], "inexact", 1)));
        t.Define("inexact->exact", 1, 1, a => Exact(Check(a[0], "inexact->exact", 1), "inexact->exact"));
        t.Define("exact", 1, 1, a => Exact(Check(a[0], "exact", 1), "exact"));
        t.Define("numerator", 1, 1, a => a[0] switch { Rational r => r.Numerator, BigInteger i => i, double d => ToDouble(Exact(d, "numerator") is Rational q ? q.Numerator : (BigInteger)d), _ => throw SchemeError.WrongType("numerator", 1, "rational", a[0]) });
        t.Define("denominator", 1, 1, a => a[0] switch { Rational r => r.Denominator, BigInteger => BigInteger.One, _ => throw SchemeError.WrongType("denominator", 1, "rational", a[0]) });
        t.Define("number?", 1, 1, a => IsNumber(a[0]));
        t.Define("complex?", 1, 1, a => IsNumber(a[0]));
        t.Define("real?", 1, 1, a => IsNumber(a[0]));
        t.Define("rational?", 1, 1, a => a[0] is BigInteger or Rational || (a[0] is double d && double.IsFinite(d)));
        t.Define("integer?", 1, 1, a => a[0] is BigInteger || (a[0] is double d && double.IsFinite(d) && Math.Floor(d) == d));
        t.Define("exact-integer?", 1, 1, a => a[0] is BigInteger);
        t.Define("exact-rational?", 1, 1, a => a[0] is BigInteger or Rational);
        t.Define("exact-nonnegative-integer?", 1, 1, a => a[0] is BigInteger i && i.Sign >= 0);
        t.Define("exact?", 1, 1, a => IsExact(Check(a[0], "exact?", 1)));
        t.Define("inexact?", 1, 1, a => Check(a[0], "inexact?", 1) is double);
        t.Define("nan?", 1, 1, a => Check(a[0], "nan?", 1) is double d && double.IsNaN(d));
        t.Define("zero?", 1, 1, a => Sign(Check(a[0], "zero?", 1)) == 0);
        t.Define("positive?", 1, 1, a => Sign(Check(a[0], "positive?", 1)) > 0);
        t.Define("negative?", 1, 1, a => Sign(Check(a[0], "negative?", 1)) < 0);
        t.Define("odd?", 1, 1, a => !Args.Int(a[0], "odd?", 1).IsEven);
        t.Define("even?", 1, 1, a => Args.Int(a[0], "even?", 1).IsEven);
        t.Define("number->string", 1, 2, a => Numbers.ToString(Check(a[0], "number->string", 1), a.Length > 1 ? Radix(a[1], "number->string") : 10));
        t.Define("string->number", 1, 2, a =>
            NumberParser.TryParse(Args.Str(a[0], "string->number", 1), a.Length > 1 ? Radix(a[1], "string->number") : 10, out var v) ? v : false);
    }

    private static readonly BuiltinTable Own = new();

    /// <summary>Calls another builtin of this class (floor/ is floor-quotient and floor-remainder).</summary>
    private static object Call(string name, object[] args) => ((Builtin)Own.Values[name]).Body(args);

    private static int Radix(object v, string proc) =>
        v is BigInteger r && (r == 2 || r == 8 || r == 10 || r == 16) ? (int)r : throw SchemeError.WrongType(proc, 2, "radix 2, 8, 10 or 16", v);

    private static object Fold(object[] a, string proc, object start, Func<object, object, object> op)
    {
        var acc = start;
        for (var i = 0; i < a.Length; i++) acc = op(acc, Check(a[i], proc, i + 1));
        return acc;
    }

    private static object FoldFrom(object[] a, string proc, Func<object, object, object> op)
    {
        var acc = Check(a[0], proc, 1);
        for (var i = 1; i < a.Length; i++) acc = op(acc, Check(a[i], proc, i + 1));
        return acc;
    }

    private static void Compare(BuiltinTable t, string name, Func<int, bool> ok, bool equality)
    {
        t.Define(name, 1, V, a =>
        {
            for (var i = 0; i < a.Length; i++) Check(a[i], name, i + 1);
            for (var i = 0; i + 1 < a.Length; i++)
            {
                if (a[i] is double x && double.IsNaN(x) || a[i + 1] is double y && double.IsNaN(y)) return false;
                if (equality ? !NumEquals(a[i], a[i + 1]) : !ok(Numbers.Compare(a[i], a[i + 1]))) return false;
            }
            return true;
        });
    }

    private static object MinMax(object[] a, string proc, Func<int, bool> better)
    {
        var best = Check(a[0], proc, 1);
        var inexact = best is double;
        for (var i = 1; i < a.Length; i++)
        {
            inexact |= Check(a[i], proc, i + 1) is double;
            if (better(Numbers.Compare(a[i], best))) best = a[i];
        }
        return inexact ? ToDouble(best) : best;
    }

    private static void IntOp(BuiltinTable t, string name, Func<BigInteger, BigInteger, BigInteger> op)
    {
        if (!ReferenceEquals(t, Own)) IntOp(Own, name, op);
        t.Define(name, 2, 2, a =>
        {
            var x = Args.Int(a[0], name, 1);
            var y = Args.Int(a[1], name, 2);
            if (y.IsZero) throw new SchemeError($"In procedure {name}: Numerical overflow");
            var r = op(x, y);
            return a[0] is double || a[1] is double ? (object)(double)r : r;
        });
    }
}
