namespace Vbmc.Evaluation.Records;

/// <summary>
/// What a record field would hold had it not been written: the question later stages ask to tell
/// a field they do not implement, left alone, from one the user set (an <c>unsupported:</c> error).
/// </summary>
public static class FieldDefaults
{
    /// <summary>
    /// The field's default value for <paramref name="record"/> (a thunked default is computed with
    /// this record as <c>this-record</c>), or null when the field has no default.
    /// </summary>
    public static object? DefaultOf(Record record, int index)
    {
        var spec = record.Type.Fields[index];
        if (!EvalContext.HasCurrent && record.Context is not null)
        {
            using (record.Context.Activate()) return Compute(record, spec);
        }
        return Compute(record, spec);
    }

    private static object? Compute(Record record, FieldSpec spec)
    {
        if (spec.ThunkedDefault is { } thunk)
            return Interpreter.Apply(new Closure(thunk, record.Type.DefinitionFrame), record);
        if (spec.Default is { } node)
        {
            var value = Interpreter.EvalNonTail(node, record.Type.DefinitionFrame);
            return spec.Sanitize is null || spec.Delayed ? value : Interpreter.Apply(spec.Sanitize, value);
        }
        return null;
    }

    /// <summary>
    /// Whether the field holds its default: its slot is the default's own thunk, or its value is
    /// <c>equal?</c> to the default's. A field without a default never does.
    /// </summary>
    public static bool HoldsDefault(Record record, string field)
    {
        var i = record.Type.IndexOf(field);
        if (i < 0) return true;
        var spec = record.Type.Fields[i];
        if (spec.ThunkedDefault is { } thunk && record.Values[i] is Closure c && ReferenceEquals(c.Info, thunk)) return true;
        if (!spec.HasDefault) return false;
        if (DefaultOf(record, i) is not { } standard) return false;
        return Equality.IsEqual(record.Get(i), standard);
    }
}
