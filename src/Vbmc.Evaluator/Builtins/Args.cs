using System.Numerics;
using Vbmc.Data;

namespace Vbmc.Evaluation;

/// <summary>Argument checks with Guile's wrong-type wording.</summary>
internal static class Args
{
    public static BigInteger Int(object v, string proc, int pos) =>
        v is BigInteger i ? i : v is double d && Math.Floor(d) == d && double.IsFinite(d) ? new BigInteger(d) : throw SchemeError.WrongType(proc, pos, "integer", v);

    public static BigInteger ExactInt(object v, string proc, int pos) =>
        v is BigInteger i ? i : throw SchemeError.WrongType(proc, pos, "exact integer", v);

    public static int Index(object v, string proc, int pos) =>
        v is BigInteger i && i >= 0 && i <= int.MaxValue ? (int)i : throw SchemeError.WrongType(proc, pos, "exact nonnegative integer", v);

    /// <summary>
    /// A size argument of a builtin that makes that many elements or characters: an index, charged
    /// to the step budget before anything is made (see <see cref="EvalContext.ChargeAllocation"/>).
    /// </summary>
    public static int Count(object v, string proc, int pos, string unit)
    {
        var n = Index(v, proc, pos);
        Made(proc, n, unit);
        return n;
    }

    /// <summary>Charges <paramref name="count"/> elements or characters a builtin is about to make.</summary>
    public static void Made(string proc, long count, string unit) => EvalContext.Current.ChargeAllocation(proc, count, unit);

    public static string Str(object v, string proc, int pos) => v as string ?? throw SchemeError.WrongType(proc, pos, "string", v);

    public static Symbol Sym(object v, string proc, int pos) => v as Symbol ?? throw SchemeError.WrongType(proc, pos, "symbol", v);

    public static Pair Pair(object v, string proc, int pos) => v as Pair ?? throw SchemeError.WrongType(proc, pos, "pair", v);

    public static SChar Char(object v, string proc, int pos) => v is SChar c ? c : throw SchemeError.WrongType(proc, pos, "character", v);

    public static object[] Vec(object v, string proc, int pos) => v as object[] ?? throw SchemeError.WrongType(proc, pos, "vector", v);

    public static object Proc(object v, string proc, int pos) => Interpreter.IsProcedure(v) ? v : throw SchemeError.WrongType(proc, pos, "procedure", v);

    public static List<object> List(object v, string proc, int pos) => Lists.ToListOrNull(v) ?? throw SchemeError.WrongType(proc, pos, "list", v);

    public static bool Truthy(object v) => v is not false;

    /// <summary>Guile's wording for a circular list where a finite one is needed.</summary>
    public static SchemeError Circular(string proc, int pos, object v) =>
        new($"In procedure {proc}: Circular structure in position {pos}: {Vbmc.Printing.Printer.ForMessage(v)}", Vbmc.Diagnostics.DiagnosticIds.WrongType);

    /// <summary>Guile's wrong-type wording when it names no expected type (length, map, ...).</summary>
    public static SchemeError WrongTypeNoExpectation(string proc, int? pos, object v) =>
        new($"In procedure {proc}: Wrong type argument{(pos is { } n ? $" in position {n}" : "")}: {Vbmc.Printing.Printer.ForMessage(v)}",
            Vbmc.Diagnostics.DiagnosticIds.WrongType);
}
