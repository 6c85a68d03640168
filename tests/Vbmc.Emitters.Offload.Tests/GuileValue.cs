namespace Vbmc.Emitters.Offload.Tests;

/// <summary>A field value as Guile computed it, decoded exactly (strings travel as hex of their UTF-8).</summary>
public abstract record GuileValue
{
    public sealed record Text(string Value) : GuileValue;
    public sealed record TextList(IReadOnlyList<string> Items) : GuileValue
    {
        public bool Equals(TextList? other) => other is not null && Items.SequenceEqual(other.Items);
        public override int GetHashCode() => Items.Count;
        public override string ToString() => "(" + string.Join(" ", Items.Select(i => $"\"{i}\"")) + ")";
    }
    public sealed record Integer(long Value) : GuileValue;
    public sealed record Real(double Value) : GuileValue;
    public sealed record Boolean(bool Value) : GuileValue;
    public sealed record Other(string Written) : GuileValue;
}
