using System.Text;
using Vbmc.Data;
using Vbmc.Diagnostics;
using Vbmc.Evaluation.Records;

namespace Vbmc.Evaluation.Guix;

/// <summary>
/// A value vbmc knows only by where it comes from: the result of a Guix procedure it does not
/// model, a Guix variable whose value is not plain data, a default of a record field generated from
/// the data. It can be passed anywhere, printed, applied (giving another opaque value), and every
/// type check accepts it: vbmc cannot know what it is, so it never reports an error about it.
/// </summary>
public sealed class OpaqueValue(string description, string? typeName = null) : ISchemeWritable, IApplicable
{
    /// <summary>What it is, e.g. <c>(guix transformations) (options->transformation ...)</c>.</summary>
    public string Description { get; } = description;

    /// <summary>Guix's record type name of the value when the data knows it (<c>&lt;package&gt;</c>).</summary>
    public string? TypeName { get; } = typeName;

    public object Apply(object[] args) => new OpaqueValue($"({Description} ...)");

    /// <summary>A name that <paramref name="import"/>, a module vbmc cannot find, may give.</summary>
    public static OpaqueValue FromUnknownModule(Symbol name, UnknownImport import) => new($"{import.Module} {name.Name}");

    public void WriteTo(StringBuilder output, bool write, Action<object> printElement) =>
        output.Append("#<opaque ").Append(Description).Append('>');

    /// <summary>Whether <paramref name="value"/> is opaque or holds an opaque value (lists, pairs, vectors; bounded).</summary>
    public static bool Involves(object? value)
    {
        var budget = 10_000;
        return Involves(value, ref budget);
    }

    private static bool Involves(object? value, ref int budget)
    {
        while (--budget > 0)
        {
            switch (value)
            {
                case OpaqueValue:
                    return true;
                case Pair p:
                    if (Involves(p.Car, ref budget)) return true;
                    value = p.Cdr;
                    continue;
                case object[] vector:
                    foreach (var item in vector) if (Involves(item, ref budget)) return true;
                    return false;
                default:
                    return false;
            }
        }
        return false;
    }
}

/// <summary>
/// A Guix procedure known from the data: its arity is checked with Guile's wording, its arguments
/// are evaluated (by the caller, as for any procedure), and it returns an <see cref="OpaqueValue"/>.
/// Record accessors and predicates the data pairs with a generated record type look into the record.
/// </summary>
public sealed class GuixProcedure(string module, string name, IReadOnlyList<GuixArity> arities) : Procedure, IApplicable
{
    public string Module { get; } = module;
    public override string Name { get; } = name;
    public IReadOnlyList<GuixArity> Arities { get; } = arities;

    /// <summary>What the call computes, when vbmc knows better than "an opaque value" (accessors, predicates).</summary>
    internal Func<object[], object?>? Model { get; init; }

    public object Apply(object[] args)
    {
        if (Arities.Count > 0)
        {
            SchemeError? first = null;
            foreach (var arity in Arities)
            {
                var error = Check(arity, args);
                if (error is null) { first = null; break; }
                first ??= error;
            }
            if (first is not null) throw first;
        }
        return Model?.Invoke(args) ?? new OpaqueValue($"{Module} ({Name} ...)");
    }

    /// <summary>Guile's checks of a lambda* call (see <see cref="Closure"/>): null when the call fits.</summary>
    private SchemeError? Check(GuixArity arity, object[] args)
    {
        var n = args.Length;
        if (n < arity.Required) return ArityError();
        var pos = arity.Required;
        var hasKeys = arity.Keywords.Count > 0 || arity.AllowOtherKeys;
        for (var i = 0; i < arity.Optional && pos < n; i++)
        {
            if (hasKeys && args[pos] is Keyword) break;
            pos++;
        }
        if (arity.Rest && !hasKeys) return null;
        if (!hasKeys) return pos < n ? ArityError() : null;
        for (var i = pos; i < n; i++)
        {
            if (args[i] is not Keyword k)
            {
                if (arity.Rest) continue;
                return new SchemeError($"In procedure {Name}: Invalid keyword: {Printing.Printer.Write(args[i])}", DiagnosticIds.WrongArgumentCount);
            }
            if (i + 1 >= n)
                return new SchemeError($"In procedure {Name}: Keyword argument has no value: {Printing.Printer.Write(k)}", DiagnosticIds.WrongArgumentCount);
            if (!arity.AllowOtherKeys && !arity.Rest && !arity.Keywords.Contains(k))
                return new SchemeError($"In procedure {Name}: Unrecognized keyword: {Printing.Printer.Write(k)}", DiagnosticIds.WrongArgumentCount);
            i++;
        }
        return null;
    }

    private SchemeError ArityError() =>
        new($"Wrong number of arguments to {Printing.Printer.Write(this)}", DiagnosticIds.WrongArgumentCount);
}

/// <summary>
/// A Guix macro the data knows by name only (<c>define-configuration</c>, <c>simple-operating-system</c>,
/// identifier macros such as <c>%default-xorg-modules</c>...). Used as a variable it is an opaque
/// value; used as <c>(NAME sub ...)</c>, the subforms that look like expressions (a list whose head
/// names a visible procedure or macro) are analysed and evaluated, so errors inside them are still
/// found, and the form's value is opaque. Other subforms (field specifications, names, literals)
/// are left alone: vbmc does not know what the macro makes of them.
/// </summary>
public sealed class GuixSyntax(string module, string name) : IMacro
{
    public string Module { get; } = module;
    public string Name { get; } = name;
}

/// <summary>
/// A name Guix deprecates: each use warns "'NAME' is deprecated, use 'REPLACEMENT' instead" (as
/// Guix's <c>define-deprecated</c> does, at the use) and then stands for its target.
/// </summary>
public sealed class DeprecatedAlias(string name, string? replacement, Func<Cell?> resolveTarget) : IMacro
{
    private Cell? _target;
    private bool _resolved;

    public string Name { get; } = name;
    public string? Replacement { get; } = replacement;

    public string Message => Replacement is null ? $"'{Name}' is deprecated" : $"'{Name}' is deprecated, use '{Replacement}' instead";

    /// <summary>The cell holding what the name stands for; null when vbmc cannot find it.</summary>
    public Cell? Target
    {
        get
        {
            if (!_resolved)
            {
                _resolved = true;
                _target = resolveTarget();
            }
            return _target;
        }
    }
}

/// <summary>How values vbmc does not model count as packages and file-like objects.</summary>
public static class GuixLike
{
    /// <summary>Guix record types whose records are file-like (Guix has a gexp compiler for them).</summary>
    private static readonly HashSet<string> FileLikeTypes = new(StringComparer.Ordinal)
    {
        "<package>", "<origin>", "<computed-file>", "<program-file>", "<scheme-file>", "<file-append>",
        "<local-file>", "<plain-file>", "<mixed-text-file>", "<git-checkout>", "<svn-checkout>",
        "<hg-checkout>", "<inferior-package>", "<image>", "<system-image>", "<profile>", "<manifest>",
        "<directory-union>", "<file-union>", "<gexp-input>", "<font>", "<local-file-union>",
    };

    /// <summary>A package: vbmc's opaque package, a generated <c>&lt;package&gt;</c> record, or an opaque value of that type.</summary>
    public static bool IsPackage(object? value) =>
        value is Package
        || value is Record { Type: { IsGenerated: true, Name: "<package>" } }
        || value is OpaqueValue { TypeName: "<package>" };

    public static bool IsFileLike(object? value) =>
        value is FileLike or Package
        || value is Record { Type.IsGenerated: true } r && FileLikeTypes.Contains(r.Type.Name)
        || value is OpaqueValue { TypeName: { } t } && FileLikeTypes.Contains(t);
}
