using System.Numerics;
using System.Text;
using Vbmc.Data;

namespace Vbmc.Evaluation;

/// <summary>Strings, characters, symbols and keywords (R7RS + the Guile procedures configs use).</summary>
[BuiltinLibrary]
public static class StringBuiltins
{
    private const int V = Builtin.Variadic;

    public static void Register(BuiltinTable t)
    {
        // Guile's crypt: computed for the SHA-crypt schemes; other schemes give an opaque string.
        t.Define("crypt", 2, 2, a => Crypt.Hash(Args.Str(a[0], "crypt", 1), Args.Str(a[1], "crypt", 2))
            ?? (object)new Guix.OpaqueValue("(crypt ...)"));
        t.Define("string-length", 1, 1, a => (BigInteger)Args.Str(a[0], "string-length", 1).Length);
        t.Define("string-ref", 2, 2, a =>
        {
            var s = Args.Str(a[0], "string-ref", 1);
            var i = Args.Index(a[1], "string-ref", 2);
            return i < s.Length ? new SChar(s[i]) : throw new SchemeError($"In procedure string-ref: Argument 2 out of range: {i}");
        });
        t.Define("string-append", 0, V, a =>
        {
            var parts = a.Select((x, i) => Args.Str(x, "string-append", i + 1)).ToArray();
            Args.Made("string-append", parts.Sum(x => (long)x.Length), "characters");
            return string.Concat(parts);
        });
        t.Define("string", 0, V, a => string.Concat(a.Select((x, i) => Args.Char(x, "string", i + 1).ToString())));
        t.Define("make-string", 1, 2, a => new string(a.Length > 1 ? (char)Args.Char(a[1], "make-string", 2).CodePoint : ' ', Args.Count(a[0], "make-string", 1, "characters")));
        t.Define("substring", 2, 3, a =>
        {
            var s = Args.Str(a[0], "substring", 1);
            var (start, end) = Range(s, a, 1, "substring");
            return s[start..end];
        });
        t.Define("string-copy", 1, 3, a => { var s = Args.Str(a[0], "string-copy", 1); var (st, en) = Range(s, a, 1, "string-copy"); return s[st..en]; });
        t.Define("string-take", 2, 2, a => { var s = Args.Str(a[0], "string-take", 1); return s[..Bound(s, a[1], "string-take")]; });
        t.Define("string-drop", 2, 2, a => { var s = Args.Str(a[0], "string-drop", 1); return s[Bound(s, a[1], "string-drop")..]; });
        t.Define("string-take-right", 2, 2, a => { var s = Args.Str(a[0], "string-take-right", 1); return s[(s.Length - Bound(s, a[1], "string-take-right"))..]; });
        t.Define("string-drop-right", 2, 2, a => { var s = Args.Str(a[0], "string-drop-right", 1); return s[..(s.Length - Bound(s, a[1], "string-drop-right"))]; });
        t.Define("string-null?", 1, 1, a => Args.Str(a[0], "string-null?", 1).Length == 0);
        Compare(t, "string=?", (x, y) => string.CompareOrdinal(x, y) == 0, false);
        Compare(t, "string<?", (x, y) => string.CompareOrdinal(x, y) < 0, false);
        Compare(t, "string>?", (x, y) => string.CompareOrdinal(x, y) > 0, false);
        Compare(t, "string<=?", (x, y) => string.CompareOrdinal(x, y) <= 0, false);
        Compare(t, "string>=?", (x, y) => string.CompareOrdinal(x, y) >= 0, false);
        Compare(t, "string-ci=?", (x, y) => string.Equals(x, y, StringComparison.OrdinalIgnoreCase), true);
        t.Define("string-upcase", 1, 1, a => Args.Str(a[0], "string-upcase", 1).ToUpperInvariant());
        t.Define("string-downcase", 1, 1, a => Args.Str(a[0], "string-downcase", 1).ToLowerInvariant());
        t.Define("string-prefix?", 2, 2, a => Args.Str(a[1], "string-prefix?", 2).StartsWith(Args.Str(a[0], "string-prefix?", 1), StringComparison.Ordinal));
        t.Define("string-suffix?", 2, 2, a => Args.Str(a[1], "string-suffix?", 2).EndsWith(Args.Str(a[0], "string-suffix?", 1), StringComparison.Ordinal));
        t.Define("string-contains", 2, 2, a =>
        {
            var i = Args.Str(a[0], "string-contains", 1).IndexOf(Args.Str(a[1], "string-contains", 2), StringComparison.Ordinal);
            return i < 0 ? false : (BigInteger)i;
        });
        t.Define("string-index", 2, 2, a =>
        {
            var s = Args.Str(a[0], "string-index", 1);
            for (var i = 0; i < s.Length; i++) if (CharMatches(a[1], s[i], "string-index")) return (BigInteger)i;
            return false;
        });
        t.Define("string-rindex", 2, 2, a =>
        {
            var s = Args.Str(a[0], "string-rindex", 1);
            for (var i = s.Length - 1; i >= 0; i--) if (CharMatches(a[1], s[i], "string-rindex")) return (BigInteger)i;
            return false;
        });
        t.Define("string-count", 2, 2, a => (BigInteger)Args.Str(a[0], "string-count", 1).Count(c => CharMatches(a[1], c, "string-count")));
        t.Define("string-split", 2, 2, a =>
        {
            var s = Args.Str(a[0], "string-split", 1);
            var parts = new List<object>();
            var start = 0;
            for (var i = 0; i < s.Length; i++)
                if (CharMatches(a[1], s[i], "string-split")) { parts.Add(s[start..i]); start = i + 1; }
            parts.Add(s[start..]);
            return Lists.FromEnumerable(parts);
        });
        t.Define("string-join", 1, 3, a =>
        {
            var items = Args.List(a[0], "string-join", 1).Select((x, i) => Args.Str(x, "string-join", 1)).ToList();
            var delim = a.Length > 1 ? Args.Str(a[1], "string-join", 2) : " ";
            var grammar = a.Length > 2 ? Args.Sym(a[2], "string-join", 3).Name : "infix";
            Args.Made("string-join", items.Sum(x => (long)x.Length) + (long)delim.Length * items.Count, "characters");
            return grammar switch
            {
                "infix" => string.Join(delim, items),
                "strict-infix" => items.Count == 0 ? throw new SchemeError("In procedure string-join: strict-infix grammar requires non-empty list") : string.Join(delim, items),
                "suffix" => string.Concat(items.Select(x => x + delim)),
                "prefix" => string.Concat(items.Select(x => delim + x)),
                _ => throw SchemeError.WrongType("string-join", 3, "grammar symbol", a[2]),
            };
        });
        t.Define("string-pad", 2, 3, a =>
        {
            var s = Args.Str(a[0], "string-pad", 1);
            var n = Args.Count(a[1], "string-pad", 2, "characters");
            var c = a.Length > 2 ? (char)Args.Char(a[2], "string-pad", 3).CodePoint : ' ';
            return s.Length >= n ? s[(s.Length - n)..] : new string(c, n - s.Length) + s;
        });
        t.Define("string-pad-right", 2, 3, a =>
        {
            var s = Args.Str(a[0], "string-pad-right", 1);
            var n = Args.Count(a[1], "string-pad-right", 2, "characters");
            var c = a.Length > 2 ? (char)Args.Char(a[2], "string-pad-right", 3).CodePoint : ' ';
            return s.Length >= n ? s[..n] : s + new string(c, n - s.Length);
        });
        t.Define("string-trim", 1, 2, a => Trim(a, "string-trim", true, false));
        t.Define("string-trim-right", 1, 2, a => Trim(a, "string-trim-right", false, true));
        t.Define("string-trim-both", 1, 2, a => Trim(a, "string-trim-both", true, true));
        t.Define("string->list", 1, 1, a => Lists.FromEnumerable(Args.Str(a[0], "string->list", 1).Select(c => (object)new SChar(c)).ToList()));
        t.Define("list->string", 1, 1, a => string.Concat(Args.List(a[0], "list->string", 1).Select(x => Args.Char(x, "list->string", 1).ToString())));
        t.Define("string-reverse", 1, 1, a => new string(Args.Str(a[0], "string-reverse", 1).Reverse().ToArray()));
        t.Define("string-for-each", 2, 2, a => { foreach (var c in Args.Str(a[1], "string-for-each", 2)) Interpreter.Apply(a[0], new SChar(c)); return Unspecified.Instance; });
        t.Define("string-map", 2, 2, a => string.Concat(Args.Str(a[1], "string-map", 2).Select(c => Args.Char(Interpreter.Apply(a[0], new SChar(c)), "string-map", 1).ToString())));
        t.Define("string->symbol", 1, 1, a => Symbol.Intern(Args.Str(a[0], "string->symbol", 1)));
        t.Define("symbol->string", 1, 1, a => Args.Sym(a[0], "symbol->string", 1).Name);
        t.Define("symbol-append", 0, V, a => Symbol.Intern(string.Concat(a.Select((x, i) => Args.Sym(x, "symbol-append", i + 1).Name))));
        t.Define("symbol<?", 2, V, a => a.Zip(a.Skip(1)).All(p => string.CompareOrdinal(Args.Sym(p.First, "symbol<?", 1).Name, Args.Sym(p.Second, "symbol<?", 2).Name) < 0));
        t.Define("keyword->symbol", 1, 1, a => a[0] is Keyword k ? Symbol.Intern(k.Name) : throw SchemeError.WrongType("keyword->symbol", 1, "keyword", a[0]));
        t.Define("symbol->keyword", 1, 1, a => Keyword.Intern(Args.Sym(a[0], "symbol->keyword", 1).Name));
        var gensymCounter = 0;
        t.Define("gensym", 0, 1, a => Symbol.Intern((a.Length > 0 ? Args.Str(a[0], "gensym", 1) : " g") + Interlocked.Increment(ref gensymCounter)));
        // Characters
        t.Define("char->integer", 1, 1, a => (BigInteger)Args.Char(a[0], "char->integer", 1).CodePoint);
        t.Define("integer->char", 1, 1, a =>
        {
            var cp = Args.Index(a[0], "integer->char", 1);
            return cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)
                ? throw new SchemeError($"In procedure integer->char: Argument 1 out of range: {cp}")
                : new SChar(cp);
        });
        t.Define("char-upcase", 1, 1, a => MapChar(a[0], "char-upcase", char.ToUpperInvariant));
        t.Define("char-downcase", 1, 1, a => MapChar(a[0], "char-downcase", char.ToLowerInvariant));
        t.Define("char-alphabetic?", 1, 1, a => TestChar(a[0], "char-alphabetic?", char.IsLetter));
        t.Define("char-numeric?", 1, 1, a => TestChar(a[0], "char-numeric?", char.IsDigit));
        t.Define("char-whitespace?", 1, 1, a => TestChar(a[0], "char-whitespace?", char.IsWhiteSpace));
        t.Define("char-upper-case?", 1, 1, a => TestChar(a[0], "char-upper-case?", char.IsUpper));
        t.Define("char-lower-case?", 1, 1, a => TestChar(a[0], "char-lower-case?", char.IsLower));
        foreach (var (name, op) in new (string, Func<int, int, bool>)[] { ("char=?", (x, y) => x == y), ("char<?", (x, y) => x < y), ("char>?", (x, y) => x > y), ("char<=?", (x, y) => x <= y), ("char>=?", (x, y) => x >= y) })
            t.Define(name, 1, V, a =>
            {
                var cs = a.Select((x, i) => Args.Char(x, name, i + 1).CodePoint).ToList();
                return cs.Zip(cs.Skip(1)).All(p => op(p.First, p.Second));
            });
    }

    private static (int, int) Range(string s, object[] a, int from, string proc)
    {
        var start = a.Length > from ? Args.Index(a[from], proc, from + 1) : 0;
        var end = a.Length > from + 1 ? Args.Index(a[from + 1], proc, from + 2) : s.Length;
        if (start > s.Length) throw new SchemeError($"In procedure {proc}: Value out of range: {start}");
        if (end > s.Length || end < start) throw new SchemeError($"In procedure {proc}: Value out of range: {end}");
        return (start, end);
    }

    private static int Bound(string s, object n, string proc)
    {
        var k = Args.Index(n, proc, 2);
        return k <= s.Length ? k : throw new SchemeError($"In procedure {proc}: Value out of range: {k}");
    }

    private static void Compare(BuiltinTable t, string name, Func<string, string, bool> ok, bool _)
    {
        t.Define(name, 1, V, a =>
        {
            var strings = a.Select((x, i) => Args.Str(x, name, i + 1)).ToList();
            return strings.Zip(strings.Skip(1)).All(p => ok(p.First, p.Second));
        });
    }

    /// <summary>A char, a predicate or a char-set stand-in (a list of chars) as used by string-index etc.</summary>
    private static bool CharMatches(object matcher, char c, string proc) => matcher switch
    {
        SChar sc => sc.CodePoint == c,
        Pair or Nil => (Lists.ToListOrNull(matcher) ?? throw Args.WrongTypeNoExpectation(proc, 2, matcher)).Any(x => x is SChar y && y.CodePoint == c),
        _ when Interpreter.IsProcedure(matcher) => Interpreter.Apply(matcher, new SChar(c)) is not false,
        _ => throw SchemeError.WrongType(proc, 2, "character or predicate", matcher),
    };

    private static string Trim(object[] a, string proc, bool left, bool right)
    {
        var s = Args.Str(a[0], proc, 1);
        Func<char, bool> trim = a.Length > 1 ? c => CharMatches(a[1], c, proc) : char.IsWhiteSpace;
        var start = 0;
        var end = s.Length;
        if (left) while (start < end && trim(s[start])) start++;
        if (right) while (end > start && trim(s[end - 1])) end--;
        return s[start..end];
    }

    private static object MapChar(object c, string proc, Func<char, char> f)
    {
        var ch = Args.Char(c, proc, 1);
        return ch.CodePoint <= 0xFFFF ? new SChar(f((char)ch.CodePoint)) : ch;
    }

    private static object TestChar(object c, string proc, Func<char, bool> f)
    {
        var ch = Args.Char(c, proc, 1);
        return ch.CodePoint <= 0xFFFF && f((char)ch.CodePoint);
    }
}
