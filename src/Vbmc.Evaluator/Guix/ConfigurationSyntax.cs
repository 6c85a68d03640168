using Vbmc.Data;
using Vbmc.Diagnostics;
using Vbmc.Syntax;
using static Vbmc.Evaluation.Stx;

namespace Vbmc.Evaluation.Guix;

/// <summary>
/// The macros of <c>(gnu services configuration)</c> that make names (which syntax-rules cannot),
/// expanded as Guix 1.5.0 expands them:
/// <c>(define-configuration STEM (FIELD TYPE+DEFAULT DOC EXTRA ...) ... [(no-serialization) | (prefix P)])</c>
/// defines the record type <c>&lt;STEM&gt;</c> (constructor STEM, <c>make-STEM</c>, <c>STEM?</c>,
/// accessors <c>STEM-FIELD</c>) whose fields are sanitized by <c>TYPE?</c> (a value that fails is
/// Guix's "invalid value V for field 'F'", a field with no default fails unless its type accepts
/// <c>%unset-value</c>), and <c>STEM-fields</c>, the list of configuration-field records naming each
/// field's serializer (<c>serialize-TYPE</c>, or <c>P</c>serialize-TYPE; unbound is an error, as in
/// Guix). <c>(define-maybe STEM [(no-serialization) | (prefix P)])</c> defines <c>maybe-STEM?</c> and
/// its serializer.
/// </summary>
internal static class ConfigurationSyntax
{
    private const string ModuleName = "(gnu services configuration)";

    public static bool Handles(GuixSyntax syntax) =>
        syntax.Module == ModuleName
        && syntax.Name is "define-configuration" or "define-configuration/no-serialization" or "define-maybe" or "define-maybe/no-serialization";

    /// <summary>The expansion of <paramref name="form"/>, a use of <paramref name="syntax"/> (see <see cref="Handles"/>).</summary>
    public static SyntaxNode Expand(GuixSyntax syntax, SyntaxList form)
    {
        var module = ModuleRegistry.Get(["gnu", "services", "configuration"]);
        var b = new Builder(form.Span, module);
        return syntax.Name switch
        {
            "define-configuration" => Configuration(form, b, serializeDefault: true),
            "define-configuration/no-serialization" => Configuration(form, b, serializeDefault: false),
            "define-maybe" => Maybe(form, b, serializeDefault: true),
            _ => Maybe(form, b, serializeDefault: false),
        };
    }

    /// <summary>Trailing <c>(no-serialization)</c> or <c>(prefix P)</c> of a definition.</summary>
    private static (bool Serialize, string Prefix, int End) Options(SyntaxList form, int start, bool serializeDefault)
    {
        var end = form.Items.Length;
        if (end > start && form.Items[^1] is SyntaxList { Items.Length: >= 1 } last)
        {
            if (last.Items.Length == 1 && IsSym(last.Items[0], "no-serialization")) return (false, "", end - 1);
            if (last.Items.Length == 2 && IsSym(last.Items[0], "prefix") && Sym(last.Items[1]) is { } p) return (serializeDefault, p.Name, end - 1);
        }
        return (serializeDefault, "", end);
    }

    private static SyntaxNode Maybe(SyntaxList form, Builder b, bool serializeDefault)
    {
        if (form.Items.Length < 2 || Sym(form.Items[1]) is not { } stem)
            throw Bad(form, $"{Sym(form.Items[0])!.Name}: expected ({Sym(form.Items[0])!.Name} TYPE [(no-serialization) | (prefix PREFIX)])");
        var (serialize, prefix, end) = Options(form, 2, serializeDefault);
        if (end != 2) throw Bad(form.Items[end - 1], $"{Sym(form.Items[0])!.Name}: unexpected option");
        var at = form.Items[1].Span;
        var forms = new List<SyntaxNode>
        {
            // (define (maybe-STEM? val) (or (not (maybe-value-set? val)) (STEM? val)))
            L(at, S("define", at), L(at, S($"maybe-{stem.Name}?", at), S("val", at)),
                L(at, S("or", at), L(at, S("not", at), L(at, b.Own("maybe-value-set?"), S("val", at))),
                    L(at, S($"{stem.Name}?", at), S("val", at)))),
        };
        if (serialize)
            // (define (serialize-maybe-STEM field-name val) (if (STEM? val) (serialize-STEM field-name val) ""))
            forms.Add(L(at, S("define", at), L(at, S($"{prefix}serialize-maybe-{stem.Name}", at), S("field-name", at), S("val", at)),
                L(at, S("if", at), L(at, S($"{stem.Name}?", at), S("val", at)),
                    L(at, S($"{prefix}serialize-{stem.Name}", at), S("field-name", at), S("val", at)),
                    A("", at))));
        return L(form.Span, [S("begin", form.Span), .. forms]);
    }

    private static SyntaxNode Configuration(SyntaxList form, Builder b, bool serializeDefault)
    {
        var name = Sym(form.Items[0])!.Name;
        if (form.Items.Length < 2 || Sym(form.Items[1]) is not { } stem)
            throw Bad(form, $"{name}: expected ({name} NAME (FIELD (TYPE DEFAULT) DOCUMENTATION) ...)");
        var (serialize, prefix, end) = Options(form, 2, serializeDefault);
        var at = form.Items[1].Span;
        var recordFields = new List<SyntaxNode>();
        var fieldRecords = new List<SyntaxNode>();
        foreach (var spec in form.Items.Skip(2).Take(end - 2))
        {
            var f = Field(spec, name);
            var s = spec.Span;
            var predicate = S($"{f.Type.Name}?", f.TypeNode.Span);
            // Guix's validate-STEM-FIELD: the value if TYPE? accepts it, else a field error.
            var sanitizer = f.Sanitizer ?? L(s, S("lambda", s), L(s, S("value", s)),
                L(s, S("if", s), L(s, predicate, S("value", s)), S("value", s),
                    L(s, b.Own("configuration-field-error"), A(false, s), Quote(f.Name, s), S("value", s))));
            var defaultValue = f.Default ?? b.Own("%unset-value");
            recordFields.Add(L(s, f.Name, S($"{stem.Name}-{((Symbol)f.Name.Value).Name}", f.Name.Span),
                L(s, S("default", s), defaultValue), L(s, S("sanitize", s), sanitizer)));
            SyntaxNode serializer = !serialize ? A(false, s)
                : f.Serializer is { } custom ? (IsSym(custom, "empty-serializer") ? b.Own("empty-serializer") : custom)
                : S($"{prefix}serialize-{f.Type.Name}", f.TypeNode.Span);
            fieldRecords.Add(L(s, b.Own("configuration-field"),
                L(s, S("name", s), Quote(f.Name, s)),
                L(s, S("type", s), Quote(f.TypeNode, s)),
                L(s, S("getter", s), S($"{stem.Name}-{((Symbol)f.Name.Value).Name}", s)),
                L(s, S("predicate", s), predicate),
                L(s, S("sanitizer", s), sanitizer),
                L(s, S("serializer", s), serializer),
                L(s, S("default-value-thunk", s), L(s, S("lambda", s), L(s), defaultValue)),
                L(s, S("documentation", s), f.Documentation)));
        }
        var record = L(form.Span, [
            S("define-record-type*", at), S($"<{stem.Name}>", at), S(stem.Name, at),
            S($"make-{stem.Name}", at), S($"{stem.Name}?", at), .. recordFields]);
        var fields = L(form.Span, S("define", at), S($"{stem.Name}-fields", at), L(form.Span, [S("list", at), .. fieldRecords]));
        return L(form.Span, S("begin", form.Span), record, fields);
    }

    private sealed record FieldSpec(
        SyntaxAtom Name, Symbol Type, SyntaxNode TypeNode, SyntaxNode? Default, SyntaxNode Documentation,
        SyntaxNode? Sanitizer, SyntaxNode? Serializer);

    /// <summary>
    /// <c>(FIELD TYPE+DEFAULT DOC EXTRA ...)</c>: TYPE+DEFAULT is <c>(TYPE DEFAULT)</c>, <c>(TYPE)</c> or
    /// <c>TYPE</c>; EXTRA is <c>(sanitizer P)</c>, <c>(serializer P)</c>, <c>empty-serializer</c>, or
    /// (deprecated, with Guix's warning) a bare serializer.
    /// </summary>
    private static FieldSpec Field(SyntaxNode spec, string macro)
    {
        if (spec is not SyntaxList { Items.Length: >= 3, IsProper: true } l || l.Items[0] is not SyntaxAtom { Value: Symbol } nameAtom)
            throw Bad(spec, $"{macro}: expected (FIELD (TYPE DEFAULT) DOCUMENTATION [(serializer PROC)] [(sanitizer PROC)])");
        SyntaxNode typeNode;
        SyntaxNode? defaultValue = null;
        switch (l.Items[1])
        {
            case SyntaxAtom { Value: Symbol } t:
                typeNode = t;
                break;
            case SyntaxList { Items.Length: 1 or 2, IsProper: true } td when Sym(td.Items[0]) is not null:
                typeNode = td.Items[0];
                if (td.Items.Length == 2) defaultValue = td.Items[1];
                break;
            default:
                throw Bad(l.Items[1], $"{macro}: expected the field's type, (TYPE) or (TYPE DEFAULT)");
        }
        SyntaxNode? sanitizer = null, serializer = null;
        foreach (var extra in l.Items.Skip(3))
        {
            if (extra is SyntaxList { Items.Length: 2 } e && IsSym(e.Items[0], "sanitizer"))
            {
                if (sanitizer is not null) throw Bad(extra, "sanitizer: duplicate entry");
                sanitizer = e.Items[1];
            }
            else if (extra is SyntaxList { Items.Length: 2 } s && IsSym(s.Items[0], "serializer"))
            {
                if (serializer is not null) throw Bad(extra, "serializer: duplicate or conflicting entry");
                serializer = s.Items[1];
            }
            else if (IsSym(extra, "empty-serializer"))
            {
                if (serializer is not null) throw Bad(extra, "empty-serializer: duplicate or conflicting entry");
                serializer = extra;
            }
            else if (sanitizer is null && serializer is null && l.Items.Length == 4)
            {
                EvalContext.Current.Report(Diagnostic.Warning(DiagnosticIds.DeprecatedName, extra.Span,
                    "specifying serializers after documentation is deprecated, use (serializer PROC) instead"));
                serializer = extra;
            }
            else throw Bad(extra, $"{macro}: expected (serializer PROC), (sanitizer PROC) or empty-serializer");
        }
        return new FieldSpec(nameAtom, Sym(typeNode)!, typeNode, defaultValue, l.Items[2], sanitizer, serializer);
    }

    private static SyntaxNode Quote(SyntaxNode datum, SourceSpan at) => L(at, S("quote", at), datum);

    /// <summary>Makes names that refer to the configuration module's own bindings, wherever the macro is used.</summary>
    private sealed class Builder(SourceSpan span, Module? module)
    {
        public SyntaxNode Own(string name)
        {
            var atom = S(name, span);
            if (module is not null) SyntaxRules.MarkIntroduced(atom, module);
            return atom;
        }
    }
}
