using System.Text;
using System.Text.RegularExpressions;

namespace Vbmc.Cli.Tests;

/// <summary>
/// Makes broken variants of real configurations for the robustness test: bracket deletions and
/// duplications, truncations, random bytes, huge numbers, deep nesting and token swaps. Each
/// variant depends only on (corpus text, seed), so a failure is reproducible from its seed.
/// </summary>
public static partial class Mutator
{
    private static readonly string[] HugeNumbers =
    [
        "1e400", "-1e400", "1e-400", "#e1e400", "(expt 10 100000)", "(expt 2.0 100000)", new string('9', 10_000),
        "-" + new string('7', 10_000), "1/" + new string('3', 5_000), "#x" + new string('f', 5_000), "(* 99999999999999999999 99999999999999999999)",
    ];

    private static readonly string[] Fragments =
    [
        "(", ")", "[", "]", "#(", "#\\", "#\\x", "\"", "\\", "#|", "|#", "#;", "'", "`", ",", ",@", "#~", "#$", "#:", ".",
        " . ", "#t", "#f", "#e", "#i", "#x", "\u0000", "\u00e9", "\ud83d\ude00", "\r", "\t", "(define", "(lambda (x) (x x))",
        "((lambda (x) (x x)) (lambda (x) (x x)))", "(let loop () (loop))", "(inherit", "(this-record)", "(cpu-count", "#<", ";",
    ];

    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""|;[^\n]*|[()\[\]]|[^\s()\[\]"";]+|\s+", RegexOptions.Singleline)]
    private static partial Regex TokenRegex();

    public static string Mutate(string text, int seed)
    {
        var random = new Random(seed);
        var steps = random.Next(1, 4);
        for (var i = 0; i < steps; i++) text = MutateOnce(text, random);
        return text;
    }

    /// <summary>The deep-nesting inputs, separately so every run includes each of them.</summary>
    public static IEnumerable<string> DeepNesting()
    {
        yield return new string('(', 100_000);
        yield return new string('(', 100_000) + new string(')', 100_000);
        yield return "'" + new string('(', 100_000) + new string(')', 100_000);
        yield return string.Concat(Enumerable.Repeat("(list ", 100_000)) + new string(')', 100_000);
        yield return string.Concat(Enumerable.Repeat("'", 100_000)) + "x";
        yield return string.Concat(Enumerable.Repeat("#(", 100_000));
        yield return "(define (f n) (if (= n 0) 0 (+ 1 (f (- n 1))))) (f 1000000)";
        yield return "(define (f n) (f (+ n 1))) (f 0)";
        yield return "(let loop ((l '())) (loop (cons 1 l)))";
        yield return "(expt 10 100000)";
        yield return "(string-length (number->string (expt 7 300000)))";
    }

    private static string MutateOnce(string text, Random random)
    {
        var tokens = TokenRegex().Matches(text).Select(m => m.Value).ToList();
        var brackets = tokens.Select((t, i) => (t, i)).Where(p => p.t is "(" or ")" or "[" or "]").Select(p => p.i).ToList();
        switch (random.Next(7))
        {
            case 0 when brackets.Count > 0:
                tokens.RemoveAt(brackets[random.Next(brackets.Count)]);
                return string.Concat(tokens);
            case 1 when brackets.Count > 0:
                var at = brackets[random.Next(brackets.Count)];
                tokens.Insert(at, tokens[at]);
                return string.Concat(tokens);
            case 2:
                return text[..random.Next(text.Length + 1)];
            case 3:
                return Insert(text, random, RandomBytes(random));
            case 4:
                var atoms = tokens.Select((t, i) => (t, i)).Where(p => IsAtom(p.t)).Select(p => p.i).ToList();
                var number = HugeNumbers[random.Next(HugeNumbers.Length)];
                if (atoms.Count == 0) return text + number;
                tokens[atoms[random.Next(atoms.Count)]] = number;
                return string.Concat(tokens);
            case 5 when tokens.Count > 1:
                int a = random.Next(tokens.Count), b = random.Next(tokens.Count);
                (tokens[a], tokens[b]) = (tokens[b], tokens[a]);
                return string.Concat(tokens);
            default:
                return Insert(text, random, Fragments[random.Next(Fragments.Length)]);
        }
    }

    private static bool IsAtom(string token) =>
        token.Length > 0 && !char.IsWhiteSpace(token[0]) && token[0] is not ('(' or ')' or '[' or ']' or ';');

    private static string Insert(string text, Random random, string what)
    {
        var at = random.Next(text.Length + 1);
        // Never split a surrogate pair of the corpus: that would make text no file can hold.
        if (at > 0 && at < text.Length && char.IsLowSurrogate(text[at])) at--;
        return text[..at] + what + text[at..];
    }

    /// <summary>Random bytes decoded as UTF-8, as a file with garbage in it would be read.</summary>
    private static string RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(1, 12)];
        random.NextBytes(bytes);
        return Encoding.UTF8.GetString(bytes);
    }
}
