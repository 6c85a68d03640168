using Vbmc.Data;
using Vbmc.Diagnostics;
using Vbmc.Evaluation.Records;

namespace Vbmc.Evaluation.Guix;

/// <summary>Record types and records made from the generated data.</summary>
public static class GuixRecords
{
    /// <summary>
    /// A record type from the data's field list: no field types; a field Guix gives a default
    /// (every field not in <paramref name="noDefault"/>) defaults to an opaque value; thunked and
    /// delayed fields behave as Guix's (a thunked value is computed at each access, with
    /// <paramref name="thisId"/> bound to the record).
    /// </summary>
    public static RecordType MakeType(string name, IReadOnlyList<string> fields, IReadOnlyCollection<string> thunked,
        IReadOnlyCollection<string> delayed, IReadOnlyCollection<string> noDefault, Symbol? thisId, Module module, SourceSpan span)
    {
        var specs = new FieldSpec[fields.Count];
        for (var i = 0; i < specs.Length; i++)
        {
            var field = Symbol.Intern(fields[i]);
            var spec = new FieldSpec { Name = field, Span = span, Thunked = thunked.Contains(fields[i]), Delayed = delayed.Contains(fields[i]) };
            if (!noDefault.Contains(fields[i]))
            {
                var value = new OpaqueValue($"{module.Name} default {fields[i]} of {name}");
                if (spec.Thunked) spec.ThunkedDefault = ConstantThunk(value, thisId, span, $"{fields[i]} default");
                else spec.Default = new ConstNode(value, span);
            }
            specs[i] = spec;
        }
        return new RecordType { Name = name, Fields = specs, ThisId = thisId, Module = module, IsReady = true, IsGenerated = true };
    }

    /// <summary>(lambda (this) value): the default of a thunked field.</summary>
    private static LambdaInfo ConstantThunk(object value, Symbol? thisId, SourceSpan span, string name) =>
        new()
        {
            Name = name, Span = span, Required = 1, ParameterNames = [thisId ?? RecordType.DefaultThisId], FrameSize = 1,
            Body = new ConstNode(value, span),
        };

    /// <summary>A record of a generated type with every field at its default (an opaque value).</summary>
    public static Record MakeDefault(RecordType type, SourceSpan span)
    {
        var values = new object[type.Fields.Length];
        for (var i = 0; i < values.Length; i++) values[i] = RawDefault(type, i);
        return new Record(type, values, FieldPlaces.None, span);
    }

    private static object RawDefault(RecordType type, int index)
    {
        var spec = type.Fields[index];
        if (spec.ThunkedDefault is { } td) return new Closure(td, null);
        var value = spec.Default is ConstNode c ? c.Value : new OpaqueValue($"{type.Module.Name} {spec.Name.Name} of {type.Name}");
        if (spec.Thunked) return new Closure(ConstantThunk(value, type.ThisId, SourceSpan.FileOnly(type.Module.Name), spec.Name.Name), null);
        return spec.Delayed ? new Promise(value) : value;
    }

    /// <summary>
    /// The raw field values <c>(inherit parent)</c> gives when the parent is a value vbmc knows
    /// only as opaque: an opaque value (of this record type, or of an unknown type) for any record
    /// type, and for a generated type also a package of the catalogue (its name, version and
    /// outputs are kept) or a record of the same type name. Fields the parent does not tell are
    /// opaque; innate ones are left null (their defaults apply). Null for any other parent (a
    /// wrong value, reported by the caller).
    /// </summary>
    public static object?[]? InheritedValues(RecordType type, object parent)
    {
        var accepted = parent is OpaqueValue o && (o.TypeName is null || o.TypeName == type.Name)
                       || type.IsGenerated && (parent is Package || parent is Record pr && pr.Type.Name == type.Name);
        if (!accepted) return null;
        var values = new object?[type.Fields.Length];
        var span = SourceSpan.FileOnly(type.Module.Name);
        for (var i = 0; i < values.Length; i++)
        {
            var spec = type.Fields[i];
            var field = spec.Name.Name;
            if (spec.Innate) continue;
            if (parent is Record r && r.Type.IndexOf(field) is var j and >= 0)
            {
                values[i] = r.Values[j];
                continue;
            }
            object known = parent switch
            {
                Package p when field == "name" => p.Name,
                Package p when field == "version" => p.Version,
                Package p when field == "outputs" => Lists.FromEnumerable(p.Outputs),
                _ => new OpaqueValue($"{field} of {Printing.Printer.Write(parent)}"),
            };
            values[i] = spec.Thunked ? new Closure(ConstantThunk(known, type.ThisId, span, field), null)
                : spec.Delayed ? new Promise(known) : known;
        }
        return values;
    }
}
