using Vbmc.Data;
using Vbmc.Evaluation.Records;

namespace Vbmc.Evaluation;

/// <summary>
/// <c>(%vbmc-record-field RECORD 'FIELD)</c>: a field of a record by name, for the standard
/// library's models of services whose configuration record comes from Guix's data and whose
/// accessor Guix does not export (Guix's own code uses match-record there). A value that is not
/// a record, or a record without that field, gives #f.
/// </summary>
[BuiltinLibrary]
public static class RecordFieldBuiltins
{
    public static void Register(BuiltinTable t) =>
        t.Define("%vbmc-record-field", 2, 2, a =>
            a[0] is Record r && a[1] is Symbol field && r.Type.IndexOf(field.Name) >= 0 ? r.Get(field.Name) : false);
}
