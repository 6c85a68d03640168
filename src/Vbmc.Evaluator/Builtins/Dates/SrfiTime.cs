using System.Numerics;
using System.Text;
using Vbmc.Data;

namespace Vbmc.Evaluation.Dates;

/// <summary>
/// An SRFI-19 time object (a point or span in seconds and nanoseconds of a given clock type).
/// vbmc only converts <c>time-utc</c> to and from dates; other types can be built and inspected.
/// </summary>
public sealed class SrfiTime(Symbol type, BigInteger nanosecond, BigInteger second) : ISchemeWritable, IEquatable<SrfiTime>
{
    public static readonly Symbol Utc = Symbol.Intern("time-utc");

    public Symbol Type { get; } = type;
    public BigInteger Nanosecond { get; } = nanosecond;
    public BigInteger Second { get; } = second;

    public void WriteTo(StringBuilder output, bool write, Action<object> printElement) =>
        output.Append($"#<time type: {Type.Name} nanosecond: {Nanosecond} second: {Second}>");

    public bool Equals(SrfiTime? other) =>
        other is not null && ReferenceEquals(Type, other.Type) && Nanosecond == other.Nanosecond && Second == other.Second;

    public override bool Equals(object? obj) => Equals(obj as SrfiTime);

    public override int GetHashCode() => HashCode.Combine(Type, Nanosecond, Second);
}
