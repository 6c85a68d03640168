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
            Name = name, Span = span, Required = 1, ParameterNames = [thisId ?? Symbol.Intern(" this-record")], FrameSize = 1,
            Body = new ConstNode(value, span),
        };

    /// <summary>A record of a generated type with every field at its default (an opaque value).</summary>
    public static Record MakeDefault(RecordType type, SourceSpan span)
    {
        var values = new object[type.Fields.Length];
        for (var i = 0; i < values.Length; i++) values[i] = RawDefault(type, i);
        return new Record(type, values, new SourceSpan?[values.Length], span);
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
    /// The raw field values <c>(inherit parent)</c> gives a generated record when the parent is a
    /// value vbmc knows only as opaque: a package of the catalogue (its name, version and outputs
    /// are kept) or an opaque value; null for anything else (a wrong value, reported by the caller).
    /// </summary>
    public static object[]? InheritedValues(RecordType type, object parent)
    {
        if (parent is not (OpaqueValue or Package) && !(parent is Record pr && pr.Type.Name == type.Name)) return null;
        var values = new object[type.Fields.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var field = type.Fields[i].Name.Name;
            object? known = parent switch
            {
                Package p when field == "name" => p.Name,
                Package p when field == "version" => p.Version,
                Package p when field == "outputs" => Lists.FromEnumerable(p.Outputs),
                Record r when r.Type.IndexOf(field) is var j and >= 0 => r.Values[j],
                _ => null,
            };
            if (known is null)
            {
                values[i] = RawDefault(type, i) switch
                {
                    OpaqueValue => new OpaqueValue($"{field} of {Printing.Printer.Write(parent)}"),
                    var other => other,
                };
                continue;
            }
            var spec = type.Fields[i];
            values[i] = spec.Thunked && parent is not Record
                ? new Closure(ConstantThunk(known, type.ThisId, SourceSpan.FileOnly(type.Module.Name), field), null)
                : spec.Delayed && parent is not Record ? new Promise(known) : known;
        }
        return values;
    }
}
