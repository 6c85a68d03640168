using Vbmc.Data;
using Vbmc.Diagnostics;
using Vbmc.Evaluation.Records;
using Vbmc.Syntax;
using static Vbmc.Evaluation.Stx;

namespace Vbmc.Evaluation;

/// <summary>
/// <c>(ctor (inherit r) (field value) ...)</c>: initializer errors (extraneous, duplicate,
/// missing, invalid) are reported here, once, and the form still builds a usable record.
/// Initializers bind like <c>let*</c> in source order; thunked ones become <c>(lambda (this-id) value)</c>.
/// The names of the fields given so far share one scope (one frame at run time, a slot per
/// initializer): each initializer is analysed before its own name joins the scope, so it sees
/// exactly the names before it, as with one nested frame per name, for one frame per record.
/// </summary>
public sealed partial class Analyzer
{
    private Node AnalyzeRecordConstruction(RecordConstructorSyntax ctor, SyntaxList form, Scope? s)
    {
        var type = ctor.Type;
        var ctx = EvalContext.Current;
        Node? inherit = null;
        var items = form.Items.AsSpan()[1..];
        // What the node keeps, made once: a slot per item, cut below when some were not initializers
        // (inherit, errors). A machines file has one such form per record.
        var initializers = new (int Field, Node? Value, LambdaInfo? Thunk, SourceSpan Span)[items.Length];
        var count = 0;
        Span<bool> seen = type.Fields.Length <= 256 ? stackalloc bool[type.Fields.Length] : new bool[type.Fields.Length];
        Scope? fieldScope = null; // made at the first initializer: the record's frame of field names
        foreach (var item in items)
        {
            Symbol? name;
            SyntaxNode valueSyntax;
            if (item is SyntaxList { Items.Length: 2 } pair && Sym(pair.Items[0]) is { } n) { name = n; valueSyntax = pair.Items[1]; }
            else if (Sym(item) is { } bare) { name = bare; valueSyntax = item; }
            else
            {
                ctx.Report(Diagnostic.Error(DiagnosticIds.InvalidFieldSpecifier, item.Span, "invalid field specifier"));
                continue;
            }
            if (name.Name == "inherit" && type.IndexOf("inherit") < 0)
            {
                inherit = Analyze(valueSyntax, s, false);
                continue;
            }
            var index = type.IndexOf(name.Name);
            if (index < 0)
            {
                var close = Spelling.Closest(name.Name, type.Fields.Select(fs => fs.Name.Name));
                ctx.Report(Diagnostic.Error(DiagnosticIds.ExtraneousFieldInitializers, item.Span,
                    $"extraneous field initializers ({name.Name})" + (close is null ? "" : $"; did you mean '{close}'?"),
                    close is null ? null : $"did you mean '{close}'?"));
                continue;
            }
            if (seen[index])
            {
                ctx.Report(Diagnostic.Error(DiagnosticIds.DuplicateFieldInitializer, item.Span, $"duplicate field initializer ({name.Name})"));
                continue;
            }
            seen[index] = true;
            var field = type.Fields[index];
            if (field.Deprecated is { } message)
                ctx.Report(Diagnostic.Warning(DiagnosticIds.DeprecatedField, item.Span, message));
            var scope = fieldScope ?? s;
            initializers[count++] = field.Thunked
                ? (index, null, ThisLambda(valueSyntax, type.ThisId, scope, field.Name.Name), valueSyntax.Span)
                : (index, Analyze(valueSyntax, scope, false), null, valueSyntax.Span);
            // let*: the next initializers see this field's name (its slot: its place among the initializers).
            if (fieldScope is null)
            {
                fieldScope = new Scope(s);
                fieldScope.Names.Capacity = items.Length; // one array, not one per growth
            }
            fieldScope.Names.Add(name);
        }
        if (inherit is null)
        {
            List<string>? missing = null;
            for (var i = 0; i < seen.Length; i++)
                if (!seen[i] && !type.Fields[i].HasDefault) (missing ??= []).Add(type.Fields[i].Name.Name);
            if (missing is not null)
                ctx.Report(Diagnostic.Error(DiagnosticIds.MissingFieldInitializers, form.Span, $"missing field initializers ({string.Join(' ', missing)})"));
        }
        if (count < initializers.Length) Array.Resize(ref initializers, count);
        return new RecordConstructNode(type, inherit, initializers, form.Span);
    }
}

/// <summary>Builds one record at run time (see <see cref="Analyzer"/> for the rules).</summary>
public sealed class RecordConstructNode(RecordType type, Node? inherit,
    (int Field, Node? Value, LambdaInfo? Thunk, SourceSpan Span)[] initializers, SourceSpan span) : Node(span)
{
    /// <summary>
    /// Where the fields are written, for every record this form builds without <c>inherit</c>:
    /// one object for all of them, read from the initializers themselves.
    /// </summary>
    private InitializerPlaces? _places;

    /// <summary>The place of each field an initializer of the form writes (at most one per field: the analysis refuses duplicates).</summary>
    private sealed class InitializerPlaces((int Field, Node? Value, LambdaInfo? Thunk, SourceSpan Span)[] initializers) : FieldPlaces
    {
        public override SourceSpan? this[int field]
        {
            get
            {
                foreach (var initializer in initializers)
                    if (initializer.Field == field) return initializer.Span;
                return null;
            }
        }
    }

    public override object Eval(Frame? frame)
    {
        try
        {
            return Build(frame);
        }
        catch (SchemeError e) when (e.Span is null)
        {
            throw Locate(e);
        }
    }

    private object Build(Frame? frame)
    {
        if (!type.IsReady) throw new SchemeError($"record type {type.Name} is used before its definition ran");
        var ctx = EvalContext.Current;
        var n = type.Fields.Length;
        var values = new object?[n];
        // With inherit, the parent's places of the fields this form does not write.
        var spans = inherit is null ? null : new SourceSpan?[n];
        if (inherit is not null)
        {
            var parent = Interpreter.EvalNonTail(inherit, frame);
            if (parent is Record r && ReferenceEquals(r.Type, type))
            {
                for (var i = 0; i < n; i++)
                {
                    if (type.Fields[i].Innate) continue;
                    values[i] = r.Values[i];
                    spans![i] = r.ValueSpans[i];
                }
            }
            else if (Guix.GuixRecords.InheritedValues(type, parent) is { } inherited)
            {
                for (var i = 0; i < n; i++) values[i] = inherited[i];
            }
            else
                throw new SchemeError($"inherit: expects a {type.Name} record, got {Printing.Printer.Brief(parent)}", DiagnosticIds.WrongType);
        }
        var current = frame;
        Frame? given = null; // the frame of the fields given so far (see Analyzer.AnalyzeRecordConstruction)
        var slot = 0;
        foreach (var (field, valueNode, thunk, valueSpan) in initializers)
        {
            var spec = type.Fields[field];
            object value;
            if (thunk is not null) value = new Closure(thunk, current);
            else if (spec.Delayed) value = Delay(spec, valueNode!, current, valueSpan);
            else
            {
                value = Sanitize(spec, Interpreter.EvalNonTail(valueNode!, current), valueSpan);
                RecordChecks.CheckType(type, spec, value, valueSpan);
            }
            values[field] = value;
            if (spans is not null) spans[field] = valueSpan;
            current = given ??= new Frame(new object[initializers.Length], frame);
            given.Slots[slot++] = value;
        }
        for (var i = 0; i < n; i++)
        {
            if (values[i] is not null) continue;
            var spec = type.Fields[i];
            if (spec.ThunkedDefault is { } td) values[i] = new Closure(td, type.DefinitionFrame);
            else if (spec.Default is { } d)
            {
                if (spec.Delayed) values[i] = Delay(spec, d, type.DefinitionFrame, Span);
                else
                {
                    var value = Sanitize(spec, Interpreter.EvalNonTail(d, type.DefinitionFrame), Span);
                    RecordChecks.CheckType(type, spec, value, Span);
                    values[i] = value;
                }
            }
            // Missing: already reported; keep the record usable (a thunked slot holds a procedure).
            else values[i] = spec.Thunked ? MissingThunk : Unspecified.Instance;
        }
        var places = spans is null ? _places ??= new InitializerPlaces(initializers) : FieldPlaces.Of(spans);
        return new Record(type, values!, places, Span) { Context = ctx };
    }

    /// <summary>
    /// A delayed field's promise. Its own method, so that the closure is made only for delayed
    /// fields: captured in <see cref="Build"/>'s loops, it was made for every field of every record.
    /// </summary>
    private static Promise Delay(FieldSpec spec, Node value, Frame? frame, SourceSpan at) =>
        new(() => Sanitize(spec, Interpreter.EvalNonTail(value, frame), at));

    private static readonly Builtin MissingThunk = new("missing-field", 1, 1, _ => Unspecified.Instance);

    /// <summary>
    /// The field's sanitizer applied to <paramref name="value"/>. Its errors are about the value, so
    /// they are placed at it (<paramref name="at"/>: the initializer, or the record form for a
    /// default), as Guix places a configuration field's "invalid value" error.
    /// </summary>
    private static object Sanitize(FieldSpec spec, object value, SourceSpan at)
    {
        if (spec.Sanitize is null || spec.Thunked) return value;
        try
        {
            return Interpreter.Apply(spec.Sanitize, value);
        }
        catch (SchemeError e) when (e.Id != DiagnosticIds.StepBudgetExceeded)
        {
            throw e.At(at);
        }
    }
}
