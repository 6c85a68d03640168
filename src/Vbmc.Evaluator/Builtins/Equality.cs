using System.Numerics;
using Vbmc.Diagnostics;
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

    /// <summary>Nesting of pending comparisons allowed before equal? gives up (about 40 MB).</summary>
    public const int MaxPending = 1_000_000;

    /// <summary>
    /// Guile's <c>equal?</c>. Guile may loop forever on circular data; here every pair, vector
    /// element and record field visited costs one evaluation step, so comparing two circular
    /// structures ends in the interpreter's step-budget diagnostic. The walk keeps its own stack
    /// of pending comparisons (cdrs still to compare, vectors part-way through) instead of
    /// recursing, so deep data compares without overflowing the thread's stack.
    /// </summary>
    public static bool IsEqual(object a, object b)
    {
        EvalContext? ctx = null;
        Stack<Pending>? pending = null;
        while (true)
        {
            if (!ReferenceEquals(a, b))
            {
                switch (a)
                {
                    case Pair x:
                        if (b is not Pair py) return false;
                        Charge(ctx ??= EvalContext.Current);
                        if (!IsCompound(x.Car))
                        {
                            // The common flat list: compare the element here and go on along
                            // the cdrs with nothing to remember.
                            if (!IsEqualAtom(x.Car, py.Car)) return false;
                            a = x.Cdr;
                            b = py.Cdr;
                            continue;
                        }
                        if (!ReferenceEquals(x.Cdr, py.Cdr)) Push(ref pending, new Pending(x.Cdr, py.Cdr, null, null));
                        a = x.Car;
                        b = py.Car;
                        continue;
                    case object[] x:
                        if (b is not object[] vy || x.Length != vy.Length) return false;
                        if (x.Length > 0) Push(ref pending, new Pending(null, null, x, vy));
                        break;
                    case Records.Record x:
                        if (b is not Records.Record ry || !ReferenceEquals(x.Type, ry.Type)) return false;
                        if (x.Values.Length > 0) Push(ref pending, new Pending(null, null, x.Values, ry.Values));
                        break;
                    default:
                        if (!IsEqualAtom(a, b)) return false;
                        break;
                }
            }
            if (pending is null || pending.Count == 0) return true;
            var top = pending.Pop();
            if (top.Left is null)
            {
                a = top.A!;
                b = top.B!;
                continue;
            }
            Charge(ctx ??= EvalContext.Current);
            a = top.Left[top.Next];
            b = top.Right![top.Next];
            if (top.Next + 1 < top.Left.Length) pending.Push(top with { Next = top.Next + 1 });
        }
    }

    private static bool IsCompound(object value) => value is Pair or object[] or Records.Record;

    /// <summary>equal? where <paramref name="a"/> contains no other values.</summary>
    private static bool IsEqualAtom(object a, object b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a is BigInteger x && b is BigInteger y) return x == y;
        if (a is string s) return b is string t && s == t;
        if (IsCompound(b)) return false; // callers pass a non-compound a
        // Value-like runtime objects (SRFI-19 dates and times) define their own equality, as
        // Guile compares their fields; for every other object Equals is identity, which Eqv has
        // already answered.
        return Eqv(a, b) || (a.GetType() == b.GetType() && a.Equals(b));
    }

    /// <summary>A comparison still to make: two cdrs (A, B), or the rest of two arrays from Next.</summary>
    private readonly record struct Pending(object? A, object? B, object[]? Left, object[]? Right, int Next = 0);

    private static void Push(ref Stack<Pending>? pending, Pending item)
    {
        pending ??= new Stack<Pending>();
        if (pending.Count >= MaxPending)
            throw new SchemeError($"In procedure equal?: data nested deeper than {MaxPending} levels", DiagnosticIds.EvaluationTooDeep);
        pending.Push(item);
    }

    private static void Charge(EvalContext ctx) => ctx.Tick();
}
