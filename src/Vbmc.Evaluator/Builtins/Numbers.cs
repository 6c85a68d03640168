using System.Numerics;
using Vbmc.Data;

namespace Vbmc.Evaluation;

/// <summary>The numeric tower: exact integers (BigInteger), exact rationals, inexact reals (double).</summary>
public static class Numbers
{
    public static bool IsNumber(object v) => v is BigInteger or Rational or double;

    public static bool IsExact(object v) => v is BigInteger or Rational;

    public static object Check(object v, string proc, int pos) =>
        IsNumber(v) ? v : throw SchemeError.WrongType(proc, pos, "number", v);

    public static double ToDouble(object v) => v switch
    {
        BigInteger i => (double)i,
        Rational r => r.ToDouble(),
        double d => d,
        _ => throw new InvalidCastException(),
    };

    private static (BigInteger N, BigInteger D) Fraction(object v) => v switch
    {
        BigInteger i => (i, BigInteger.One),
        Rational r => (r.Numerator, r.Denominator),
        _ => throw new InvalidCastException(),
    };

    public static object Add(object a, object b)
    {
        if (a is BigInteger x && b is BigInteger y) return x + y;
        if (a is double || b is double) return ToDouble(a) + ToDouble(b);
        var (n1, d1) = Fraction(a);
        var (n2, d2) = Fraction(b);
        return Rational.Make(n1 * d2 + n2 * d1, d1 * d2);
    }

    public static object Negate(object a) => a switch
    {
        BigInteger i => -i,
        Rational r => Rational.Make(-r.Numerator, r.Denominator),
        double d => -d,
        _ => throw new InvalidCastException(),
    };

    public static object Sub(object a, object b) => Add(a, Negate(b));

    /// <summary>
    /// The largest exact integer vbmc makes, in bits (about 315,000 decimal digits): Guile's
    /// integers are unbounded, but a configuration never needs one this large, and a loop that
    /// squares a number would otherwise run for minutes and fill the memory.
    /// </summary>
    public const long MaxIntegerBits = 1 << 20;

    public static object Mul(object a, object b)
    {
        if (a is BigInteger x && b is BigInteger y) return Product(x, y);
        if (a is double || b is double) return ToDouble(a) * ToDouble(b);
        var (n1, d1) = Fraction(a);
        var (n2, d2) = Fraction(b);
        return Rational.Make(Product(n1, n2), Product(d1, d2));
    }

    /// <summary>x * y, refused past <see cref="MaxIntegerBits"/> and charged for its work.</summary>
    private static BigInteger Product(BigInteger x, BigInteger y)
    {
        var bits = x.GetBitLength() + y.GetBitLength();
        if (bits > MaxIntegerBits) throw TooLarge("*", bits);
        // Schoolbook multiplication does words(x) * words(y) word products; small ones are free.
        var work = (x.GetBitLength() / 64 + 1) * (y.GetBitLength() / 64 + 1) / 64;
        if (work > 0) Args.Made("*", work, "integer word products (of 64)");
        return x * y;
    }

    private static SchemeError TooLarge(string proc, long bits) =>
        new($"In procedure {proc}: the result would have {bits} bits; vbmc makes exact integers of up to {MaxIntegerBits} bits",
            Vbmc.Diagnostics.DiagnosticIds.MemoryBudgetExceeded);

    public static object Div(object a, object b)
    {
        if (a is double || b is double) return ToDouble(a) / ToDouble(b);
        var (n1, d1) = Fraction(a);
        var (n2, d2) = Fraction(b);
        if (n2.IsZero) throw new SchemeError("In procedure /: Numerical overflow");
        return Rational.Make(n1 * d2, d1 * n2);
    }

    public static int Compare(object a, object b)
    {
        if (a is BigInteger x && b is BigInteger y) return x.CompareTo(y);
        if (a is double || b is double) return ToDouble(a).CompareTo(ToDouble(b));
        var (n1, d1) = Fraction(a);
        var (n2, d2) = Fraction(b);
        return (n1 * d2).CompareTo(n2 * d1);
    }

    public static bool NumEquals(object a, object b) =>
        a is double || b is double ? ToDouble(a) == ToDouble(b) : Compare(a, b) == 0;

    public static int Sign(object a) => a switch
    {
        BigInteger i => i.Sign,
        Rational r => r.Numerator.Sign,
        double d => Math.Sign(d),
        _ => 0,
    };

    public static object Inexact(object a) => ToDouble(a);

    public static object Exact(object a, string proc)
    {
        if (a is not double d) return a;
        if (!double.IsFinite(d)) throw SchemeError.WrongType(proc, 1, "finite real", a);
        if (Math.Floor(d) == d) return new BigInteger(d);
        // Exact value of the double: mantissa * 2^exponent.
        var bits = BitConverter.DoubleToInt64Bits(d);
        var negative = bits < 0;
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0) exponent++; else mantissa |= 1L << 52;
        exponent -= 1075;
        BigInteger n = mantissa;
        if (negative) n = -n;
        return exponent >= 0 ? n << exponent : Rational.Make(n, BigInteger.One << -exponent);
    }

    /// <summary>floor/ceiling/round/truncate, exact stays exact.</summary>
    public static object Round(object a, MidpointRounding? mode, string proc)
    {
        switch (a)
        {
            case BigInteger: return a;
            case double d:
                return mode switch
                {
                    MidpointRounding.ToNegativeInfinity => Math.Floor(d),
                    MidpointRounding.ToPositiveInfinity => Math.Ceiling(d),
                    MidpointRounding.ToZero => Math.Truncate(d),
                    _ => Math.Round(d, MidpointRounding.ToEven),
                };
            case Rational r:
            {
                var floor = BigInteger.Divide(r.Numerator - (r.Numerator.Sign < 0 ? r.Denominator - 1 : 0), r.Denominator);
                switch (mode)
                {
                    case MidpointRounding.ToNegativeInfinity: return floor;
                    case MidpointRounding.ToPositiveInfinity: return floor + 1;
                    case MidpointRounding.ToZero: return r.Numerator.Sign < 0 ? floor + 1 : floor;
                    default:
                        var twice = 2 * (r.Numerator - floor * r.Denominator); // 2 * fractional part * d
                        var c = twice.CompareTo(r.Denominator);
                        if (c < 0) return floor;
                        if (c > 0) return floor + 1;
                        return floor.IsEven ? floor : floor + 1;
                }
            }
            default: throw SchemeError.WrongType(proc, 1, "real number", a);
        }
    }

    public static object Sqrt(object a)
    {
        if (Sign(a) < 0) throw new SchemeError("In procedure sqrt: complex numbers are not supported by vbmc", Vbmc.Diagnostics.DiagnosticIds.Unsupported);
        if (a is BigInteger i && ExactSqrt(i) is { } r) return r;
        if (a is Rational q && ExactSqrt(q.Numerator) is { } rn && ExactSqrt(q.Denominator) is { } rd) return Rational.Make(rn, rd);
        return Math.Sqrt(ToDouble(a));
    }

    private static BigInteger? ExactSqrt(BigInteger n)
    {
        if (n.Sign < 0) return null;
        if (n < 2) return n;
        var x = (BigInteger)Math.Sqrt((double)n);
        while (x * x > n) x--;
        while ((x + 1) * (x + 1) <= n) x++;
        return x * x == n ? x : null;
    }

    public static object Expt(object b, object e)
    {
        if (e is BigInteger n && IsExact(b))
        {
            if (n.Sign >= 0)
            {
                var (bn, bd) = Fraction(b);
                // The result's size in bits, floor(n * log2 |base|) + 1, known before computing it.
                var log2 = Math.Max(BigInteger.Log(BigInteger.Abs(bn), 2), BigInteger.Log(bd, 2));
                var bits = log2 > 0 ? Math.Floor((double)n * log2) + 1 : 1;
                if (bits > MaxIntegerBits) throw TooLarge("expt", (long)Math.Min(bits, long.MaxValue));
                // Only 0 and ±1 get here with a larger exponent: only its parity matters then.
                if (n > int.MaxValue) n = n.IsEven ? 2 : 1;
                return Rational.Make(BigInteger.Pow(bn, (int)n), BigInteger.Pow(bd, (int)n));
            }
            if (Sign(b) == 0) throw new SchemeError("In procedure expt: Numerical overflow");
            return Div(BigInteger.One, Expt(b, -n));
        }
        if (e is BigInteger n2 && b is double bd2) return Math.Pow(bd2, (double)n2);
        return Math.Pow(ToDouble(b), ToDouble(e));
    }

    public static string ToString(object n, int radix)
    {
        if (radix == 10) return Printing.Printer.Write(n);
        switch (n)
        {
            case BigInteger i: return IntToString(i, radix);
            case Rational r: return IntToString(r.Numerator, radix) + "/" + IntToString(r.Denominator, radix);
            default: throw new SchemeError("In procedure number->string: inexact numbers are only printed in radix 10 by vbmc", Vbmc.Diagnostics.DiagnosticIds.Unsupported);
        }
    }

    private static string IntToString(BigInteger i, int radix)
    {
        if (i.IsZero) return "0";
        var negative = i.Sign < 0;
        i = BigInteger.Abs(i);
        var sb = new System.Text.StringBuilder();
        while (!i.IsZero)
        {
            var digit = (int)(i % radix);
            sb.Insert(0, (char)(digit < 10 ? '0' + digit : 'a' + digit - 10));
            i /= radix;
        }
        if (negative) sb.Insert(0, '-');
        return sb.ToString();
    }
}
