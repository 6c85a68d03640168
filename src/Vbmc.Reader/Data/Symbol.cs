using System.Collections.Concurrent;

namespace Vbmc.Data;

/// <summary>An interned Scheme symbol: two symbols with the same name are the same object (eq?).</summary>
public sealed class Symbol
{
    private static readonly ConcurrentDictionary<string, Symbol> Table = new(StringComparer.Ordinal);

    public string Name { get; }

    private Symbol(string name) => Name = name;

    public static Symbol Intern(string name) => Table.GetOrAdd(name, n => new Symbol(n));

    /// <summary>Looks a name up without making a string first: the reader interns every symbol it
    /// reads straight from the text, and most are already known.</summary>
    private static readonly ConcurrentDictionary<string, Symbol>.AlternateLookup<ReadOnlySpan<char>> ByChars =
        Table.GetAlternateLookup<ReadOnlySpan<char>>();

    public static Symbol Intern(ReadOnlySpan<char> name) =>
        ByChars.TryGetValue(name, out var known) ? known : Intern(name.ToString());

    public override string ToString() => Name;
}

/// <summary>A Guile keyword, written <c>#:name</c>; interned like symbols.</summary>
public sealed class Keyword
{
    private static readonly ConcurrentDictionary<string, Keyword> Table = new(StringComparer.Ordinal);

    public string Name { get; }

    private Keyword(string name) => Name = name;

    public static Keyword Intern(string name) => Table.GetOrAdd(name, n => new Keyword(n));

    public override string ToString() => "#:" + Name;
}
