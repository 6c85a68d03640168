using Vbmc.Diagnostics;
using Vbmc.Evaluation;
using Vbmc.Evaluation.Records;

namespace Vbmc.Lowering;

/// <summary>
/// The fields of a record that lowering does not implement, compared with the record vbmc would
/// use in their place: each one that differs is an <c>unsupported:</c> error at its value, saying
/// what vbmc does instead. Never a silent drop of what the user wrote.
/// </summary>
internal sealed class UnsupportedFields(string recordDescription, IReadOnlyDictionary<string, string> insteadByField, string insteadOtherwise)
{
    /// <summary>
    /// Reports every field of <paramref name="written"/> outside <paramref name="consumed"/> whose
    /// slot is not <c>equal?</c> to the one of <paramref name="standard"/>; true when there is none.
    /// Slots are compared unforced: an inherited thunk is the same procedure, a rewritten one is not.
    /// </summary>
    public bool Report(Record written, Record standard, IReadOnlySet<string> consumed, SourceSpan fallback, DiagnosticBag bag)
    {
        if (ReferenceEquals(written, standard) || !ReferenceEquals(written.Type, standard.Type)) return true;
        var ok = true;
        for (var i = 0; i < written.Type.Fields.Length; i++)
        {
            var field = written.Type.Fields[i];
            var name = field.Name.Name;
            if (field.Innate || consumed.Contains(name)) continue;
            if (ReferenceEquals(written.Values[i], standard.Values[i]) || Same(written.Values[i], standard.Values[i])) continue;
            // A value vbmc knows only by where it comes from (Guix code it does not model, such
            // as os->image's image): it cannot tell, and checks leniently, as everywhere.
            if (written.Values[i] is Vbmc.Evaluation.Guix.OpaqueValue) continue;
            bag.Error(DiagnosticIds.UnsupportedForCompile, FoldedRecords.PlaceOf(written, i, fallback),
                $"unsupported: field '{name}' of {recordDescription}: vbmc does not implement it",
                insteadByField.TryGetValue(name, out var instead) ? instead : insteadOtherwise);
            ok = false;
        }
        return ok;
    }

    private static bool Same(object a, object b)
    {
        try
        {
            return Equality.IsEqual(a, b);
        }
        catch (SchemeError)
        {
            return false;
        }
    }
}
