using System.Text;
using Vbmc.Data;
using Vbmc.Diagnostics;

namespace Vbmc.Evaluation.Records;

/// <summary>One field of a <c>define-record-type*</c> type and its properties.</summary>
public sealed class FieldSpec
{
    public required Symbol Name { get; init; }
    public Symbol? Getter { get; init; }
    public SourceSpan Span { get; init; }
    /// <summary>The default expression, analysed in the definition's scope (thunked: a lambda of this-id).</summary>
    public Node? Default { get; set; }
    public LambdaInfo? ThunkedDefault { get; set; }
    public bool Thunked { get; set; }
    public bool Delayed { get; set; }
    public bool Innate { get; set; }
    public Node? SanitizeExpression { get; set; }
    public object? Sanitize { get; set; }
    public FieldType? Type { get; set; }
    public string? Deprecated { get; set; }
    public bool HasDefault => Default is not null || ThunkedDefault is not null;
}

/// <summary>A record type (the value bound to <c>&lt;t&gt;</c>).</summary>
public sealed class RecordType : ISchemeWritable
{
    public required string Name { get; init; }
    public required FieldSpec[] Fields { get; init; }
    public Symbol? ThisId { get; init; }

    /// <summary>
    /// What a thunked field's value calls its record when the type names no this-id: this-record,
    /// as Guix's define-record-type* parameterizes it (elsewhere it is a syntax error).
    /// </summary>
    public static readonly Symbol DefaultThisId = Symbol.Intern("this-record");
    public required Module Module { get; init; }
    /// <summary>The frame the type was defined in (defaults and sanitizers are evaluated there).</summary>
    public Frame? DefinitionFrame { get; set; }
    /// <summary>True once the definition form has run (the constructor may be used).</summary>
    public bool IsReady { get; set; }
    /// <summary>
    /// A type built from Guix's generated data (stdlib/generated), not modelled by hand: its fields
    /// have no types, their defaults are opaque, and <c>(inherit x)</c> accepts a value vbmc only
    /// knows as opaque (a package of the catalogue for <c>&lt;package&gt;</c>).
    /// </summary>
    public bool IsGenerated { get; init; }

    public int IndexOf(string field)
    {
        for (var i = 0; i < Fields.Length; i++) if (Fields[i].Name.Name == field) return i;
        return -1;
    }

    public void WriteTo(StringBuilder output, bool write, Action<object> printElement) =>
        output.Append("#<record-type ").Append(Name).Append('>');
}

/// <summary>The record constructor macro <c>(ctor (field value) ... (inherit r))</c>.</summary>
public sealed class RecordConstructorSyntax(RecordType type) : IMacro
{
    public RecordType Type { get; } = type;
}

/// <summary>
/// A record value. Thunked fields hold a procedure of the record, evaluated at every access
/// (so an inheriting record re-binds <c>this-id</c>); delayed fields hold a promise.
/// </summary>
public sealed class Record : ISchemeWritable
{
    public Record(RecordType type, object[] values, SourceSpan?[] valueSpans, SourceSpan span)
        : this(type, values, FieldPlaces.Of(valueSpans), span)
    {
    }

    public Record(RecordType type, object[] values, FieldPlaces valueSpans, SourceSpan span)
    {
        Type = type;
        Values = values;
        ValueSpans = valueSpans;
        Span = span;
    }

    public RecordType Type { get; }
    /// <summary>Raw slots (thunks and promises unresolved). Use <see cref="Get(int)"/> for field values.</summary>
    public object[] Values { get; }
    /// <summary>Where each field's value was written (null: a default, placed at the record form).</summary>
    public FieldPlaces ValueSpans { get; }
    /// <summary>The record form (Guix's innate <c>location</c>).</summary>
    public SourceSpan Span { get; }
    /// <summary>The evaluation that built this record: thunks read its options when accessed later.</summary>
    public EvalContext? Context { get; init; }

    /// <summary>Which fields were type-checked: a bit per field, more than 64 fields in an array.</summary>
    private ulong _checked;
    private bool[]? _checkedBeyond64;

    /// <summary>A thunk cycle of this record was reported (each field of it would report it again).</summary>
    internal bool CycleReported { get; set; }

    public object Get(string field)
    {
        var i = Type.IndexOf(field);
        if (i < 0) throw new SchemeError($"{Type.Name} has no field '{field}'");
        return Get(i);
    }

    /// <summary>The field's value: thunks are called with this record, promises forced; types checked once.</summary>
    public object Get(int index)
    {
        if (!EvalContext.HasCurrent && Context is not null)
        {
            using (Context.Activate()) return GetCore(index);
        }
        return GetCore(index);
    }

    private object GetCore(int index)
    {
        var f = Type.Fields[index];
        var raw = Values[index];
        if (f.Thunked)
        {
            var ctx = EvalContext.Current;
            var stack = ctx.ThunkStack;
            for (var i = 0; i < stack.Count; i++)
            {
                if (!ReferenceEquals(stack[i].Record, this) || stack[i].Field != index) continue;
                var path = stack.Skip(i).Select(e => ((Record)e.Record).Type.Fields[e.Field].Name.Name).Append(f.Name.Name);
                throw new SchemeError($"thunked fields of {Type.Name} depend on each other in a cycle: {string.Join(" -> ", path)}",
                    DiagnosticIds.ThunkCycle) { Span = ValueSpans[index] ?? Span };
            }
            stack.Add((this, index));
            object value;
            try
            {
                value = Interpreter.Apply(raw, this);
                if (f.Sanitize is not null) value = Interpreter.Apply(f.Sanitize, value);
            }
            finally
            {
                stack.RemoveAt(stack.Count - 1);
            }
            CheckOnce(index, value);
            return value;
        }
        if (f.Delayed && raw is Promise p)
        {
            var value = p.Force();
            CheckOnce(index, value);
            return value;
        }
        return raw;
    }

    private void CheckOnce(int index, object value)
    {
        if (!MarkChecked(index)) return;
        RecordChecks.CheckType(Type, Type.Fields[index], value, ValueSpans[index] ?? Span);
    }

    /// <summary>Marks the field checked; false when it already was.</summary>
    private bool MarkChecked(int index)
    {
        if (index < 64)
        {
            var bit = 1UL << index;
            if ((_checked & bit) != 0) return false;
            _checked |= bit;
            return true;
        }
        var beyond = _checkedBeyond64 ??= new bool[Values.Length - 64];
        if (beyond[index - 64]) return false;
        beyond[index - 64] = true;
        return true;
    }

    /// <summary>
    /// Printed records show what each field *is* (thunks called, promises forced), as
    /// <c>vbmc eval</c> promises; a field whose computation fails prints as an error object
    /// rather than aborting the whole print (the failure itself is reported by the checker).
    /// </summary>
    private object ValueForPrinting(int index)
    {
        try
        {
            return Get(index);
        }
        catch (SchemeError e)
        {
            return new PrintedError(e.Message);
        }
    }

    private sealed class PrintedError(string message) : ISchemeWritable
    {
        public void WriteTo(StringBuilder output, bool write, Action<object> printElement) =>
            output.Append("#<error ").Append(message).Append('>');
    }

    public void WriteTo(StringBuilder output, bool write, Action<object> printElement)
    {
        output.Append("#<").Append(Type.Name);
        for (var i = 0; i < Type.Fields.Length; i++)
        {
            output.Append(' ').Append(Type.Fields[i].Name.Name).Append(": ");
            printElement(ValueForPrinting(i));
        }
        output.Append('>');
    }
}

/// <summary>Type checks of field values, reported as diagnostics (never thrown: checking continues).</summary>
public static class RecordChecks
{
    public static void CheckType(RecordType type, FieldSpec field, object value, SourceSpan at)
    {
        if (field.Type is not { } t) return;
        Verdict verdict;
        try
        {
            verdict = t.Test(value);
        }
        catch (SchemeError e)
        {
            EvalContext.Current.Report(Diagnostic.Error(e.Id, e.Span ?? at, $"field '{field.Name.Name}' of {type.Name}: type check failed: {e.Message}"));
            return;
        }
        if (verdict == Verdict.Ok) return;
        var message = $"field '{field.Name.Name}' of {type.Name} expects {t.Description}, got {Printing.Printer.Brief(value)}";
        EvalContext.Current.Report(verdict == Verdict.Advisory
            ? Diagnostic.Warning(DiagnosticIds.FieldAdvisory, at, message)
            : Diagnostic.Error(DiagnosticIds.FieldTypeMismatch, at, message));
    }
}
