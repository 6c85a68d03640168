namespace Vbmc.Reading;

/// <summary>
/// The string literals of one text, each content made into a string once while it recurs: a
/// machines file repeats the same literals in every record (systems, user, host key), and 100,000
/// records would otherwise hold 100,000 copies of each. Strings are immutable in vbmc, and Guile's
/// compiler likewise makes equal literals of a file one constant. A direct-mapped table with a
/// deterministic hash: bounded memory, no growth, the same strings shared on every run; two
/// contents that meet in one slot only cost a new string.
/// </summary>
internal sealed class StringLiterals
{
    /// <summary>Longer literals are made as they are: they rarely recur, and hashing them costs.</summary>
    private const int MaxLength = 256;

    private readonly string?[] _slots = new string?[1024];

    public string Get(ReadOnlySpan<char> chars)
    {
        if (chars.Length > MaxLength) return chars.ToString();
        var slot = (int)(Fnv1a(chars) & (uint)(_slots.Length - 1));
        if (_slots[slot] is { } known && chars.SequenceEqual(known)) return known;
        return _slots[slot] = chars.ToString();
    }

    /// <summary>FNV-1a over the UTF-16 code units: the same slot for the same text on every run.</summary>
    private static uint Fnv1a(ReadOnlySpan<char> chars)
    {
        var hash = 2166136261u;
        foreach (var c in chars) hash = (hash ^ c) * 16777619u;
        return hash;
    }
}
