using System.Numerics;
using Vbmc.Data;

namespace Vbmc.Evaluation;

/// <summary>eq?, eqv? and equal? with Guile's rules.</summary>
public static class Equality
{
    public static bool Eq(object a, object b) =>
        ReferenceEquals(a, b) || (a, b) switch
        {
            (bool x, bool y) => x == y,
            (BigInteger x, BigInteger y) => x == y && x >= long.MinValue / 4 && x <= long.MaxValue / 4, // fixnums
            (SChar x, SChar y) => x == y,
            (Nil, Nil) => true,
            (string { Length: 0 }, string { Length: 0 }) => false,
            _ => false,
        };

    public static bool Eqv(object a, object b) =>
        ReferenceEquals(a, b) || (a, b) switch
        {
            (bool x, bool y) => x == y,
            (BigInteger x, BigInteger y) => x == y,
            (Rational x, Rational y) => x == y,
            (double x, double y) => x.Equals(y),
            (SChar x, SChar y) => x == y,
            (Nil, Nil) => true,
            _ => false,
        };

    public static bool IsEqual(object a, object b)
    {
        while (true)
        {
            if (Eqv(a, b)) return true;
            switch (a, b)
            {
                case (string x, string y): return x == y;
                case (object[] x, object[] y):
                    if (x.Length != y.Length) return false;
                    for (var i = 0; i < x.Length; i++) if (!IsEqual(x[i], y[i])) return false;
                    return true;
                case (Pair x, Pair y):
                    if (!IsEqual(x.Car, y.Car)) return false;
                    a = x.Cdr;
                    b = y.Cdr;
                    continue;
                case (Records.Record x, Records.Record y):
                    if (!ReferenceEquals(x.Type, y.Type)) return false;
                    for (var i = 0; i < x.Values.Length; i++) if (!IsEqual(x.Values[i], y.Values[i])) return false;
                    return true;
                default: return false;
            }
        }
    }
}
