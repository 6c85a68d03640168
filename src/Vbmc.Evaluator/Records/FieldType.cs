using System.Numerics;
using Vbmc.Data;
using Vbmc.Printing;

namespace Vbmc.Evaluation.Records;

/// <summary>
/// vbmc's <c>(type T)</c> field property: what a field accepts, with a description used in
/// "field 'f' of &lt;t&gt; expects DESCRIPTION, got VALUE".
/// </summary>
public abstract class FieldType
{
    /// <summary>"a positive integer", "a list of strings", ...</summary>
    public abstract string Description { get; }

    /// <summary>
    /// Whether the value fits; <see cref="Verdict.Advisory"/> when it only fails warn-unless parts.
    /// An opaque value (a Guix value vbmc does not model) fits every type: vbmc cannot know.
    /// </summary>
    public Verdict Test(object value) => value is Guix.OpaqueValue ? Verdict.Ok : Check(value);

    /// <summary>The test of this type for a value that is not opaque.</summary>
    protected abstract Verdict Check(object value);

    public bool Accepts(object value) => Test(value) != Verdict.Bad;

    /// <summary>
    /// True when every constraint of this type is a warn-unless: then even a value of the wrong
    /// shape is only a warning ((list-of (warn-unless known-system-type? ...)) warns about #f).
    /// </summary>
    public virtual bool IsPurelyAdvisory => false;

    protected static Verdict Of(bool ok) => ok ? Verdict.Ok : Verdict.Bad;

    /// <summary>The worse of two verdicts (for values made of parts: lists, pairs).</summary>
    protected static Verdict Worst(Verdict a, Verdict b) => (Verdict)Math.Max((int)a, (int)b);

    /// <summary>The same description without its article, in the plural ("positive integers").</summary>
    public static string Plural(string description)
    {
        var d = description.StartsWith("a ") ? description[2..] : description.StartsWith("an ") ? description[3..] : description;
        var of = d.IndexOf(" of ", StringComparison.Ordinal);
        var head = of >= 0 ? d[..of] : d;
        var rest = of >= 0 ? d[of..] : "";
        if (head.EndsWith(')') || head.Contains(" or ")) return "elements that are each " + description;
        return head + (head.EndsWith('s') ? "es" : "s") + rest;
    }

    public static string Article(string noun) => ("aeiou".Contains(char.ToLowerInvariant(noun[0])) ? "an " : "a ") + noun;
}

/// <summary>The result of testing a value against a type.</summary>
public enum Verdict
{
    Ok,
    /// <summary>Only warn-unless parts failed: a warning.</summary>
    Advisory,
    Bad,
}

public sealed class SimpleType(string description, Func<object, bool> accepts) : FieldType
{
    public override string Description => description;
    protected override Verdict Check(object value) => Of(accepts(value));
}

/// <summary>A type whose predicate is a procedure of the language (date?, (predicate p "..."), records).</summary>
public sealed class ProcedureType(string description, Func<object?> resolve, bool advisory) : FieldType
{
    public override string Description => description;
    public override bool IsPurelyAdvisory => advisory;

    protected override Verdict Check(object value)
    {
        var p = resolve();
        if (p is null || Interpreter.Apply(p, value) is not false) return Verdict.Ok;
        return advisory ? Verdict.Advisory : Verdict.Bad;
    }
}

public sealed class RecordTypeRef(string name, Func<RecordType?> resolve) : FieldType
{
    public override string Description => Article(name + " record");
    protected override Verdict Check(object value) => Of(value is Record r && (resolve() is not { } t ? r.Type.Name == name : ReferenceEquals(r.Type, t)));
}

public sealed class ListOfType(FieldType element, bool nonEmpty) : FieldType
{
    public override string Description => (nonEmpty ? "a non-empty list of " : "a list of ") + Plural(element.Description);

    protected override Verdict Check(object value)
    {
        if (Lists.IsProperList(value))
        {
            // Straight from the pairs: every record's list fields are checked, no copy is needed.
            if (nonEmpty && value is Nil) return Verdict.Bad;
            var ok = Verdict.Ok;
            for (var x = value; x is Pair p; x = p.Cdr) ok = Worst(ok, element.Test(p.Car));
            return ok;
        }
        var items = WithOpaqueTail(value);
        if (items is null || (nonEmpty && items.Count == 0)) return Verdict.Bad;
        var verdict = Verdict.Ok;
        foreach (var item in items) verdict = Worst(verdict, element.Test(item));
        return verdict;
    }

    /// <summary>
    /// The known elements of a list whose rest vbmc cannot know (<c>(cons* a b opaque)</c>, an
    /// append onto a Guix list vbmc has no value of): its rest is accepted as unknown.
    /// </summary>
    private static List<object>? WithOpaqueTail(object value)
    {
        var items = new List<object>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        while (value is Pair p && seen.Add(p))
        {
            items.Add(p.Car);
            value = p.Cdr;
        }
        return value is Guix.OpaqueValue ? items : null;
    }
}

public sealed class PairOfType(FieldType car, FieldType cdr) : FieldType
{
    public override string Description => $"a pair of {car.Description} and {cdr.Description}";
    protected override Verdict Check(object value) => value is Pair p ? Worst(car.Test(p.Car), cdr.Test(p.Cdr)) : Verdict.Bad;
}

public sealed class OneOfType(object[] choices) : FieldType
{
    public override string Description => "one of " + string.Join(", ", choices.Select(Printer.Write));
    protected override Verdict Check(object value) => Of(choices.Any(c => Equality.IsEqual(c, value)));
}

/// <summary>
/// <c>(warn-if V "why")</c>: the value V is tolerated with a warning, anything else is wrong.
/// Used inside <c>or</c>, e.g. a list of systems or, with a warning, #f.
/// </summary>
public sealed class WarnIfType(object tolerated, string description) : FieldType
{
    public override string Description { get; } = description;
    public override bool IsPurelyAdvisory => true;
    protected override Verdict Check(object value) => Equality.IsEqual(tolerated, value) ? Verdict.Advisory : Verdict.Bad;
}

public sealed class OrType(FieldType[] alternatives) : FieldType
{
    // Tolerated-with-a-warning alternatives are not what the field "expects": leave them out of
    // the message when a real alternative exists.
    public override string Description => string.Join(" or ",
        (alternatives.Any(a => !a.IsPurelyAdvisory) ? alternatives.Where(a => !a.IsPurelyAdvisory) : alternatives).Select(a => a.Description));
    protected override Verdict Check(object value)
    {
        var best = Verdict.Bad;
        foreach (var a in alternatives)
        {
            var v = a.Test(value);
            if (v < best) best = v;
            if (best == Verdict.Ok) break;
        }
        return best;
    }
}

/// <summary>The built-in type names.</summary>
public static class FieldTypes
{
    private static bool IsInteger(object v) => v is BigInteger;

    public static FieldType? Named(string name) => name switch
    {
        "boolean" => new SimpleType("a boolean", v => v is bool),
        "integer" => new SimpleType("an integer", IsInteger),
        "natural" => new SimpleType("a natural number (an integer >= 0)", v => v is BigInteger i && i.Sign >= 0),
        "positive" => new SimpleType("a positive integer", v => v is BigInteger i && i.Sign > 0),
        "port" => new SimpleType("a port number (an integer from 1 to 65535)", v => v is BigInteger i && i >= 1 && i <= 65535),
        "real" => new SimpleType("a real number", v => v is BigInteger or Rational or double),
        "number" => new SimpleType("a number", v => v is BigInteger or Rational or double),
        "string" => new SimpleType("a string", v => v is string),
        "non-empty-string" => new SimpleType("a non-empty string", v => v is string { Length: > 0 }),
        "symbol" => new SimpleType("a symbol", v => v is Symbol),
        "keyword" => new SimpleType("a keyword", v => v is Keyword),
        "char" => new SimpleType("a character", v => v is SChar),
        "list" => new SimpleType("a list", Lists.IsProperList),
        "file-like" => new SimpleType("a file-like object", Guix.GuixLike.IsFileLike),
        "package" => new SimpleType("a package", Guix.GuixLike.IsPackage),
        "gexp" => new SimpleType("a G-expression", v => v is Gexp),
        "procedure" => new SimpleType("a procedure", Interpreter.IsProcedure),
        "any" => new SimpleType("anything", _ => true),
        _ => null,
    };

    public static FieldType IntegerIn(BigInteger lo, BigInteger hi) =>
        new SimpleType($"an integer between {lo} and {hi}", v => v is BigInteger i && i >= lo && i <= hi);

    public static FieldType Maybe(FieldType t) =>
        new OrType([t, new SimpleType("#f", v => v is false)]);
}
