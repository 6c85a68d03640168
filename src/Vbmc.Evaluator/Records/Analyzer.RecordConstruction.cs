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
    private sealed record Initializer(int Field, SyntaxNode Form, SyntaxNode ValueSyntax, Node? Value, LambdaInfo? Thunk);

    private Node AnalyzeRecordConstruction(RecordConstructorSyntax ctor, SyntaxList form, Scope? s)
    {
        var type = ctor.Type;
        var ctx = EvalContext.Current;
        Node? inherit = null;
        var initializers = new List<Initializer>(form.Items.Length - 1);
        var seen = new bool[type.Fields.Length];
        Scope? fieldScope = null; // made at the first initializer: the record's frame of field names
        foreach (var item in form.Items.AsSpan()[1..])
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
            initializers.Add(field.Thunked
                ? new Initializer(index, item, valueSyntax, null, ThisLambda(valueSyntax, type.ThisId, scope, field.Name.Name))
                : new Initializer(index, item, valueSyntax, Analyze(valueSyntax, scope, false), null));
            // let*: the next initializers see this field's name (its slot: its place among the initializers).
            (fieldScope ??= new Scope(s)).Names.Add(name);
        }
        if (inherit is null)
        {
            List<string>? missing = null;
            for (var i = 0; i < seen.Length; i++)
                if (!seen[i] && !type.Fields[i].HasDefault) (missing ??= []).Add(type.Fields[i].Name.Name);
            if (missing is not null)
                ctx.Report(Diagnostic.Error(DiagnosticIds.MissingFieldInitializers, form.Span, $"missing field initializers ({string.Join(' ', missing)})"));
        }
        var compiled = new (int, Node?, LambdaInfo?, SourceSpan)[initializers.Count];
        for (var i = 0; i < compiled.Length; i++)
            compiled[i] = (initializers[i].Field, initializers[i].Value, initializers[i].Thunk, initializers[i].ValueSyntax.Span);
        return new RecordConstructNode(type, inherit, compiled, form.Span);
    }
}

/// <summary>Builds one record at run time (see <see cref="Analyzer"/> for the rules).</summary>
public sealed class RecordConstructNode(RecordType type, Node? inherit,
    (int Field, Node? Value, LambdaInfo? Thunk, SourceSpan Span)[] initializers, SourceSpan span) : Node(span)
{
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
        var spans = new SourceSpan?[n];
        if (inherit is not null)
        {
            var parent = Interpreter.EvalNonTail(inherit, frame);
            if (parent is Record r && ReferenceEquals(r.Type, type))
            {
                for (var i = 0; i < n; i++)
                {
                    if (type.Fields[i].Innate) continue;
                    values[i] = r.Values[i];
                    spans[i] = r.ValueSpans[i];
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
            spans[field] = valueSpan;
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
        return new Record(type, values!, spans, Span) { Context = ctx };
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
