using System.Numerics;
using Vbmc.Data;
using Vbmc.Diagnostics;
using Vbmc.Evaluation.Records;
using Vbmc.Syntax;
using static Vbmc.Evaluation.Stx;

namespace Vbmc.Evaluation;

/// <summary>
/// <c>define-record-type*</c> (Guix semantics) and its constructor form. The type is built when
/// the definition is analysed, so the constructor macro is known to the next forms; defaults,
/// sanitizers and predicates are evaluated when the definition runs.
/// </summary>
public sealed partial class Analyzer
{
    private static void RegisterRecordForms()
    {
        Special("define-record-type*", (a, f, s, t) => a.AnalyzeRecordTypeStar(f, s));
        Special("define-record-type", (a, f, s, t) => a.AnalyzeSrfi9(f, s));
    }

    private static IEnumerable<Symbol> RecordDefinedNames(SyntaxList l)
    {
        var star = Sym(l.Items[0])!.Name == "define-record-type*";
        if (Sym(l.Items[1]) is { } typeName) yield return typeName;
        if (star)
        {
            foreach (var i in new[] { 3, 4 }) if (l.Items.Length > i && Sym(l.Items[i]) is { } n) yield return n;
            foreach (var spec in l.Items.Skip(5)) if (spec is SyntaxList { Items.Length: >= 2 } fs && Sym(fs.Items[1]) is { } g) yield return g;
        }
        else
        {
            if (l.Items.Length > 2 && l.Items[2] is SyntaxList { Items.Length: > 0 } c && Sym(c.Items[0]) is { } cn) yield return cn;
            if (l.Items.Length > 3 && Sym(l.Items[3]) is { } p) yield return p;
            foreach (var spec in l.Items.Skip(4))
                if (spec is SyntaxList fs)
                    foreach (var x in fs.Items.Skip(1)) if (Sym(x) is { } acc) yield return acc;
        }
    }

    private Node AnalyzeRecordTypeStar(SyntaxList f, Scope? s)
    {
        // (define-record-type* <t> ctor make-t pred? [this-id] field-spec ...)
        if (f.Items.Length < 5 || Sym(f.Items[1]) is not { } typeName || Sym(f.Items[2]) is not { } ctorName
            || Sym(f.Items[3]) is not { } makeName || Sym(f.Items[4]) is not { } predName)
            throw Bad(f, "define-record-type*: expected (define-record-type* <type> constructor make-type type? [this-id] field ...)");
        var index = 5;
        Symbol? thisId = null;
        if (f.Items.Length > 5 && Sym(f.Items[5]) is { } tid) { thisId = tid; index = 6; }
        var ctx = EvalContext.Current;
        var fields = new List<FieldSpec>();
        var runtimeExprs = new List<(FieldSpec Field, Node Expr)>();
        var predicates = new List<(Node Expr, object?[] Box)>();
        foreach (var specNode in f.Items.Skip(index))
        {
            if (specNode is not SyntaxList { Items.Length: >= 1 } spec || Sym(spec.Items[0]) is not { } fieldName
                || (spec.Items.Length >= 2 && Sym(spec.Items[1]) is null && spec.Items[1] is not SyntaxList))
            {
                ctx.Report(Diagnostic.Error(DiagnosticIds.InvalidFieldSpecifier, specNode.Span, "invalid field specifier"));
                continue;
            }
            var hasGetter = spec.Items.Length >= 2 && Sym(spec.Items[1]) is not null;
            var field = new FieldSpec { Name = fieldName, Getter = hasGetter ? Sym(spec.Items[1]) : null, Span = spec.Span };
            SyntaxNode? defaultExpr = null;
            foreach (var prop in spec.Items.Skip(hasGetter ? 2 : 1))
            {
                var name = prop is SyntaxList { Items.Length: >= 1 } pl ? Head(pl)?.Name : null;
                var pList = prop as SyntaxList;
                switch (name)
                {
                    case "default" when pList!.Items.Length == 2: defaultExpr = pList.Items[1]; break;
                    case "thunked" when pList!.Items.Length == 1: field.Thunked = true; break;
                    case "delayed" when pList!.Items.Length == 1: field.Delayed = true; break;
                    case "innate" when pList!.Items.Length == 1: field.Innate = true; break;
                    case "sanitize" when pList!.Items.Length == 2: field.SanitizeExpression = Analyze(pList.Items[1], s, false); break;
                    case "deprecated" when pList!.Items.Length <= 2:
                        field.Deprecated = pList.Items.Length == 2 && pList.Items[1] is SyntaxAtom { Value: string msg } ? msg
                            : $"The '{fieldName.Name}' field is deprecated.";
                        break;
                    case "type" when pList!.Items.Length == 2:
                        try { field.Type = ParseFieldType(pList.Items[1], s, predicates); }
                        catch (SchemeError e) { ctx.Report(new Diagnostic(e.Id, Severity.Error, e.Span ?? prop.Span, e.Message, e.Hint)); }
                        break;
                    default:
                        ctx.Report(Diagnostic.Error(DiagnosticIds.InvalidFieldSpecifier, prop.Span, "invalid field specifier"));
                        break;
                }
            }
            if (defaultExpr is not null)
            {
                if (field.Thunked) field.ThunkedDefault = ThisLambda(defaultExpr, thisId, s, $"{fieldName.Name} default");
                else field.Default = Analyze(defaultExpr, s, false);
            }
            fields.Add(field);
        }
        var type = new RecordType { Name = typeName.Name, Fields = [.. fields], ThisId = thisId, Module = Module };
        var ctorSyntax = new RecordConstructorSyntax(type);
        if (s is null)
        {
            Module.DefineCell(ctorName).Value = ctorSyntax;
            if (thisId is not null) Module.DefineCell(thisId).Value = new ThisRecordSyntax();
        }
        else
        {
            s.DefineMacro(ctorName, ctorSyntax);
            if (thisId is not null) s.DefineMacro(thisId, new ThisRecordSyntax());
        }
        var defines = new List<Node>
        {
            new FuncNode(fr =>
            {
                type.DefinitionFrame = fr;
                foreach (var field in type.Fields)
                    if (field.SanitizeExpression is { } se) field.Sanitize = Interpreter.EvalNonTail(se, fr);
                foreach (var (expr, box) in predicates) box[0] = Interpreter.EvalNonTail(expr, fr);
                type.IsReady = true;
                return Unspecified.Instance;
            }, f.Span),
            DefineNode(typeName, new ConstNode(type, f.Span), s, f),
            DefineNode(predName, new ConstNode(new Builtin(predName.Name, 1, 1, args => IsRecordOf(type, args[0])), f.Span), s, f),
            DefineNode(makeName, new ConstNode(new Builtin(makeName.Name, type.Fields.Length, type.Fields.Length,
                args => new Record(type, (object[])args.Clone(), FieldPlaces.None, f.Span) { Context = EvalContext.Current }), f.Span), s, f),
        };
        for (var i = 0; i < type.Fields.Length; i++)
        {
            var field = type.Fields[i];
            if (field.Getter is null) continue;
            var fieldIndex = i;
            var getterName = field.Getter.Name;
            defines.Add(DefineNode(field.Getter, new ConstNode(new Builtin(getterName, 1, 1, args =>
                args[0] is Record r && ReferenceEquals(r.Type, type)
                    ? r.Get(fieldIndex)
                    : throw SchemeError.WrongType(getterName, 1, type.Name, args[0])), f.Span), s, f));
        }
        return new SeqNode([.. defines, new ConstNode(Unspecified.Instance, f.Span)], f.Span);
    }

    /// <summary>
    /// A record type's predicate: its records, and an opaque value (a Guix value vbmc does not
    /// model, e.g. an element of a Guix list) of that type or of a type the data does not tell.
    /// </summary>
    private static bool IsRecordOf(RecordType type, object value) =>
        value is Record r ? ReferenceEquals(r.Type, type)
        : value is Guix.OpaqueValue o && (o.TypeName is null || o.TypeName == type.Name);

    /// <summary>(lambda (this-id) expr), the form of thunked values.</summary>
    private LambdaInfo ThisLambda(SyntaxNode expr, Symbol? thisId, Scope? s, string name)
    {
        var scope = new Scope(s);
        scope.Names.Capacity = 1; // the record; every thunked field of every record makes one
        scope.Names.Add(thisId ?? RecordType.DefaultThisId);
        var info = new LambdaInfo { Name = name, Span = expr.Span, Required = 1, ParameterNames = [.. scope.Names] };
        info.Body = AnalyzeBody([expr], scope, true, expr.Span);
        info.FrameSize = scope.Names.Count;
        return info;
    }

    private FieldType ParseFieldType(SyntaxNode t, Scope? s, List<(Node, object?[])> predicates)
    {
        if (Sym(t) is { } name)
        {
            if (FieldTypes.Named(name.Name) is { } simple) return simple;
            if (name.Name == "date")
            {
                var module = Module;
                var dateP = Symbol.Intern("date?");
                return new ProcedureType("a date", () => module.ValueOf(dateP), false);
            }
            if (name.Name.StartsWith('<') && name.Name.EndsWith('>'))
            {
                var module = Module;
                return new RecordTypeRef(name.Name, () => module.ValueOf(name) as RecordType);
            }
            throw new SchemeError($"unknown field type '{name.Name}'", DiagnosticIds.InvalidFieldSpecifier) { Span = t.Span };
        }
        if (t is not SyntaxList { Items.Length: >= 2 } l || Head(l) is not { } head)
            throw new SchemeError("invalid field type", DiagnosticIds.InvalidFieldSpecifier) { Span = t.Span };
        switch (head.Name)
        {
            case "list-of" when l.Items.Length == 2: return new ListOfType(ParseFieldType(l.Items[1], s, predicates), false);
            case "non-empty-list-of" when l.Items.Length == 2: return new ListOfType(ParseFieldType(l.Items[1], s, predicates), true);
            case "pair-of" when l.Items.Length == 3: return new PairOfType(ParseFieldType(l.Items[1], s, predicates), ParseFieldType(l.Items[2], s, predicates));
            case "maybe" when l.Items.Length == 2: return FieldTypes.Maybe(ParseFieldType(l.Items[1], s, predicates));
            case "or": return new OrType(l.Items.Skip(1).Select(x => ParseFieldType(x, s, predicates)).ToArray());
            case "one-of":
                return new OneOfType(l.Items.Skip(1).Select(x => x is SyntaxList { Items.Length: 2 } q && IsSym(q.Items[0], "quote") ? q.Items[1].ToDatum() : x.ToDatum()).ToArray());
            case "integer-in" when l.Items.Length == 3 && l.Items[1] is SyntaxAtom { Value: BigInteger lo } && l.Items[2] is SyntaxAtom { Value: BigInteger hi }:
                return FieldTypes.IntegerIn(lo, hi);
            case "warn-if" when l.Items.Length == 3 && l.Items[2] is SyntaxAtom { Value: string why }:
                var tolerated = l.Items[1] is SyntaxList { Items.Length: 2 } tq && IsSym(tq.Items[0], "quote") ? tq.Items[1].ToDatum() : l.Items[1].ToDatum();
                return new WarnIfType(tolerated, why);
            case "predicate" or "warn-unless" when l.Items.Length == 3 && l.Items[2] is SyntaxAtom { Value: string description }:
                var box = new object?[1];
                predicates.Add((Analyze(l.Items[1], s, false), box));
                return new ProcedureType(description, () => box[0], head.Name == "warn-unless");
        }
        throw new SchemeError($"invalid field type {Printing.Printer.Write(t.ToDatum())}", DiagnosticIds.InvalidFieldSpecifier) { Span = t.Span };
    }

    /// <summary>SRFI-9 define-record-type: positional constructor, accessors and modifiers.</summary>
    private Node AnalyzeSrfi9(SyntaxList f, Scope? s)
    {
        if (f.Items.Length < 4 || Sym(f.Items[1]) is not { } typeName || f.Items[2] is not SyntaxList { Items.Length: >= 1 } ctor
            || Sym(ctor.Items[0]) is not { } ctorName || Sym(f.Items[3]) is not { } predName)
            throw Bad(f, "define-record-type: bad syntax");
        var specs = f.Items.Skip(4).Select(x => x is SyntaxList { Items.Length: >= 1 } fl && Sym(fl.Items[0]) is not null ? fl : throw Bad(x, "invalid field specifier")).ToList();
        var fields = specs.Select(sp => new FieldSpec { Name = Sym(sp.Items[0])!, Span = sp.Span }).ToArray();
        var type = new RecordType { Name = typeName.Name, Fields = fields, Module = Module, IsReady = true };
        var positions = ctor.Items.Skip(1).Select(x => Array.FindIndex(fields, fd => fd.Name == Sym(x))).ToArray();
        if (positions.Any(p => p < 0)) throw Bad(ctor, "define-record-type: constructor names an unknown field");
        var nodes = new List<Node>
        {
            DefineNode(typeName, new ConstNode(type, f.Span), s, f),
            DefineNode(predName, new ConstNode(new Builtin(predName.Name, 1, 1, a => a[0] is Record r && ReferenceEquals(r.Type, type)), f.Span), s, f),
            DefineNode(ctorName, new ConstNode(new Builtin(ctorName.Name, positions.Length, positions.Length, a =>
            {
                var values = Enumerable.Repeat<object>(false, fields.Length).ToArray();
                for (var i = 0; i < positions.Length; i++) values[positions[i]] = a[i];
                return new Record(type, values, FieldPlaces.None, f.Span);
            }), f.Span), s, f),
        };
        for (var i = 0; i < specs.Count; i++)
        {
            var fi = i;
            if (specs[i].Items.Length >= 2 && Sym(specs[i].Items[1]) is { } getter)
                nodes.Add(DefineNode(getter, new ConstNode(new Builtin(getter.Name, 1, 1, a =>
                    a[0] is Record r && ReferenceEquals(r.Type, type) ? r.Values[fi] : throw SchemeError.WrongType(getter.Name, 1, type.Name, a[0])), f.Span), s, f));
            if (specs[i].Items.Length >= 3 && Sym(specs[i].Items[2]) is { } setter)
                nodes.Add(DefineNode(setter, new ConstNode(new Builtin(setter.Name, 2, 2, a =>
                {
                    if (a[0] is not Record r || !ReferenceEquals(r.Type, type)) throw SchemeError.WrongType(setter.Name, 1, type.Name, a[0]);
                    r.Values[fi] = a[1];
                    return Unspecified.Instance;
                }), f.Span), s, f));
        }
        return new SeqNode([.. nodes, new ConstNode(Unspecified.Instance, f.Span)], f.Span);
    }
}
