using System.Numerics;

namespace Vbmc.Data;

/// <summary>
/// An exact non-integer rational, always in lowest terms with a denominator greater than 1.
/// Exact integers are plain <see cref="BigInteger"/>s; use <see cref="Make"/> to get the right one.
/// </summary>
public readonly record struct Rational
{
    public BigInteger Numerator { get; }
    public BigInteger Denominator { get; }

    private Rational(BigInteger numerator, BigInteger denominator)
    {
        Numerator = numerator;
        Denominator = denominator;
    }

    /// <summary>n/d in lowest terms: a BigInteger when d divides n, else a Rational.</summary>
    public static object Make(BigInteger n, BigInteger d)
    {
        if (d.IsZero) throw new DivideByZeroException();
        if (d.Sign < 0) { n = -n; d = -d; }
        var g = BigInteger.GreatestCommonDivisor(n, d);
        if (!g.IsOne) { n /= g; d /= g; }
        return d.IsOne ? n : new Rational(n, d);
    }

    public double ToDouble() => (double)Numerator / (double)Denominator is var q && double.IsFinite(q)
        ? q
        : Math.Exp(BigInteger.Log(BigInteger.Abs(Numerator)) - BigInteger.Log(Denominator)) * Numerator.Sign;

    public override string ToString() => $"{Numerator}/{Denominator}";
}
