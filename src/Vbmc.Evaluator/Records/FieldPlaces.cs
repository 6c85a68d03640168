using Vbmc.Diagnostics;

namespace Vbmc.Evaluation.Records;

/// <summary>
/// Where each field's value of a record was written, by field index (null: a default, placed at
/// the record form). Records built by the same form share the form's places, and records made
/// without source places share <see cref="None"/>: a machines file of 100,000 records would
/// otherwise carry an array of places per record, most of them empty.
/// </summary>
public abstract class FieldPlaces
{
    public abstract SourceSpan? this[int field] { get; }

    /// <summary>No field written in the source (records made by procedures, Guix data, lowering).</summary>
    public static FieldPlaces None { get; } = new NoPlaces();

    /// <summary>The places of an array (index = field); the array is not copied and must not change.</summary>
    public static FieldPlaces Of(SourceSpan?[] spans) => new ArrayPlaces(spans);

    private sealed class NoPlaces : FieldPlaces
    {
        public override SourceSpan? this[int field] => null;
    }

    private sealed class ArrayPlaces(SourceSpan?[] spans) : FieldPlaces
    {
        public override SourceSpan? this[int field] => spans[field];
    }
}
