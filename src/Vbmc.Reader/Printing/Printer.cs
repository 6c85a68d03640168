using System.Globalization;
using System.Numerics;
using System.Text;
using Vbmc.Data;

namespace Vbmc.Printing;

/// <summary>
/// Prints values as Guile 3.0's <c>write</c> and <c>display</c> do (under a UTF-8 locale).
/// Differential tests compare this output with Guile's, so every form here follows what Guile
/// prints: shortest round-trip doubles in Guile's layout, <c>#{...}#</c> for symbols that would
/// not read back, Guile's string escapes and character names, <c>(quote x)</c> in long form.
/// Lists are walked along their cdrs (no recursion on length); nesting deeper than
/// <see cref="MaxDepth"/> prints <c>...</c> instead of overflowing the stack. Circular data
/// prints with Guile's <c>#N#</c>/<c>#-N#</c> back-references instead of looping.
/// </summary>
public static class Printer
{
    public const int MaxDepth = 1_000;

    public static string Write(object value) => Print(value, write: true);

    public static string Display(object value) => Print(value, write: false);

    /// <summary>The longest printed value a diagnostic message shows whole (see <see cref="Brief"/>).</summary>
    public const int BriefLength = 160;

    /// <summary>
    /// <see cref="Write"/> for messages: a value whose printed form is longer than
    /// <see cref="BriefLength"/> shows its beginning and its end with " … " between, so that a
    /// message about a whole operating-system record stays readable.
    /// </summary>
    public static string Brief(object value)
    {
        // A value sharing its parts (a list of itself twice, 40 levels deep) prints to terabytes:
        // print no more than a message could use.
        var text = Print(value, write: true, BriefScan, out var complete);
        if (complete && text.Length <= BriefLength) return text;
        var head = text[..(BriefLength - 40)];
        if (!complete) return $"{head} … (more than {BriefScan} characters)";
        var tail = text[^30..];
        return $"{head} … {tail} ({text.Length} characters)";
    }

    /// <summary>
    /// <see cref="Write"/> for a value quoted in an error message: whole when short (as Guile
    /// prints it), else its first <see cref="MessageLength"/> characters and "...".
    /// </summary>
    public static string ForMessage(object value)
    {
        var text = Print(value, write: true, MessageLength, out var complete);
        return complete ? text : text + "...";
    }

    /// <summary>The most of a value <see cref="ForMessage"/> quotes.</summary>
    public const int MessageLength = 1000;

    /// <summary>How much of a value <see cref="Brief"/> prints before it stops looking.</summary>
    private const int BriefScan = 100_000;

    public static string Print(object value, bool write) => Print(value, write, long.MaxValue, out _);

    /// <summary>
    /// The printed form, or its first characters when it is longer than
    /// <paramref name="maxLength"/> (<paramref name="complete"/> false): printing stops there, so
    /// its time and memory stay bounded by the limit whatever the value's shape.
    /// </summary>
    public static string Print(object value, bool write, long maxLength, out bool complete)
    {
        var sb = new StringBuilder();
        try
        {
            Append(sb, value, write, maxLength);
            complete = sb.Length <= maxLength;
        }
        catch (LimitReached)
        {
            complete = false;
        }
        return complete ? sb.ToString() : sb.ToString(0, (int)Math.Min(sb.Length, maxLength));
    }

    /// <summary>Thrown by the walkers when the text passes its limit; caught by <see cref="Print(object, bool, long, out bool)"/>.</summary>
    private sealed class LimitReached : Exception;

    /// <summary>
    /// Appends the printed form of <paramref name="value"/>. Circular structure prints with
    /// Guile's <c>#N#</c> back-references, so printing always terminates.
    /// </summary>
    public static void Append(StringBuilder sb, object value, bool write) => Append(sb, value, write, long.MaxValue);

    private static void Append(StringBuilder sb, object value, bool write, long maxLength)
    {
        // Almost all data is acyclic: print it with a walker that only watches the nesting path
        // and each list's cdr chain (tortoise/hare), no hashing per element. If that walker meets
        // a cycle, start over with the exact (slower) model that numbers back-references as Guile.
        if (!IsCompound(value))
        {
            AppendAtom(sb, value, write);
            return;
        }
        var start = sb.Length;
        var limit = maxLength == long.MaxValue ? long.MaxValue : start + maxLength;
        if (new AcyclicWalker(sb, write, limit).TryAppend(value)) return;
        sb.Length = start;
        new CircularWalker(sb, write, limit).Append(value);
    }

    /// <summary>Whether printing enters this value and may meet it again inside itself.</summary>
    private static bool IsCompound(object value) => value is Pair or object[] or ISchemeWritable;

    /// <summary>Prints a value that is not compound (numbers, strings, symbols, ...).</summary>
    private static void AppendAtom(StringBuilder sb, object value, bool write)
    {
        switch (value)
        {
            case bool b: sb.Append(b ? "#t" : "#f"); break;
            case BigInteger i: sb.Append(i.ToString(CultureInfo.InvariantCulture)); break;
            case int i: sb.Append(i.ToString(CultureInfo.InvariantCulture)); break;
            case long l: sb.Append(l.ToString(CultureInfo.InvariantCulture)); break;
            case Rational r:
                sb.Append(r.Numerator.ToString(CultureInfo.InvariantCulture)).Append('/')
                  .Append(r.Denominator.ToString(CultureInfo.InvariantCulture));
                break;
            case double d: AppendDouble(sb, d); break;
            case string s:
                if (write) AppendStringLiteral(sb, s);
                else sb.Append(s);
                break;
            case Symbol sym: AppendSymbol(sb, sym.Name); break;
            case Keyword k: sb.Append("#:"); AppendSymbol(sb, k.Name); break;
            case SChar c:
                if (write) AppendCharLiteral(sb, c.CodePoint);
                else AppendCodePoint(sb, c.CodePoint);
                break;
            case Nil: sb.Append("()"); break;
            case Unspecified: sb.Append("#<unspecified>"); break;
            case Eof: sb.Append("#<eof>"); break;
            default: sb.Append(value); break;
        }
    }

    /// <summary>
    /// The common path: prints like a tree walk and gives up (returns false) as soon as it sees
    /// a cycle. A cycle is either a cdr chain that loops (found by tortoise/hare) or, when an
    /// infinite walk would descend forever, a compound value met again while it is still being
    /// printed (an entry of <see cref="open"/>). Shared acyclic substructure prints in full.
    /// </summary>
    private sealed class AcyclicWalker(StringBuilder sb, bool write, long limit)
    {
        // The compound values being printed, outermost first (the nesting path, not cdr pairs).
        private readonly List<object> open = [];
        private bool cyclic;

        public bool TryAppend(object value)
        {
            Append(value);
            return !cyclic;
        }

        private void Append(object value)
        {
            if (cyclic) return;
            if (sb.Length > limit) throw new LimitReached();
            if (open.Count > MaxDepth)
            {
                sb.Append("...");
                return;
            }
            if (!IsCompound(value))
            {
                AppendAtom(sb, value, write);
                return;
            }
            for (var i = open.Count - 1; i >= 0; i--)
            {
                if (ReferenceEquals(open[i], value))
                {
                    cyclic = true;
                    return;
                }
            }
            open.Add(value);
            switch (value)
            {
                case Pair p: AppendList(p); break;
                case object[] v:
                    sb.Append("#(");
                    for (var i = 0; i < v.Length && !cyclic; i++)
                    {
                        if (i > 0) sb.Append(' ');
                        Append(v[i]);
                    }
                    sb.Append(')');
                    break;
                case ISchemeWritable w: w.WriteTo(sb, write, Append); break;
            }
            open.RemoveAt(open.Count - 1);
        }

        private void AppendList(Pair p)
        {
            sb.Append('(');
            Append(p.Car);
            object rest = p.Cdr;
            // The tortoise moves one pair for every two of `rest`; they meet only on a loop.
            object slow = p;
            var step = false;
            while (rest is Pair q && !cyclic)
            {
                if (step) slow = ((Pair)slow).Cdr;
                step = !step;
                if (ReferenceEquals(rest, slow))
                {
                    cyclic = true;
                    return;
                }
                sb.Append(' ');
                Append(q.Car);
                rest = q.Cdr;
            }
            if (rest is not Nil)
            {
                sb.Append(" . ");
                Append(rest);
            }
            sb.Append(')');
        }
    }

    /// <summary>
    /// Prints possibly circular data the way Guile 3.0 does (rule measured on guile-3.0).
    /// Guile keeps a stack of the compound values being printed: each value entered (pair,
    /// vector, record) and each further pair of a list's cdr chain. A value already on the stack
    /// prints as <c>#N#</c>, where N is its stack index minus the index of the innermost entry
    /// ("self"); when that entry is a pair, self moves down over entries below it that are pairs
    /// with the same cdr. So <c>#0#</c> is the value itself and <c>#-k#</c> points k entries out.
    /// </summary>
    private sealed class CircularWalker(StringBuilder sb, bool write, long limit)
    {
        private readonly List<object> stack = [];
        private readonly Dictionary<object, int> index = new(ReferenceEqualityComparer.Instance);
        private int depth;

        public void Append(object value)
        {
            if (sb.Length > limit) throw new LimitReached();
            if (depth > MaxDepth)
            {
                sb.Append("...");
                return;
            }
            if (!IsCompound(value))
            {
                AppendAtom(sb, value, write);
                return;
            }
            if (index.TryGetValue(value, out var at))
            {
                AppendReference(at);
                return;
            }
            depth++;
            var mark = stack.Count;
            Push(value);
            switch (value)
            {
                case Pair p: AppendList(p); break;
                case object[] v:
                    sb.Append("#(");
                    for (var i = 0; i < v.Length; i++)
                    {
                        if (i > 0) sb.Append(' ');
                        Append(v[i]);
                    }
                    sb.Append(')');
                    break;
                case ISchemeWritable w: w.WriteTo(sb, write, Append); break;
            }
            PopTo(mark);
            depth--;
        }

        private void AppendList(Pair p)
        {
            sb.Append('(');
            Append(p.Car);
            var rest = p.Cdr;
            while (rest is Pair q)
            {
                if (index.TryGetValue(q, out var at))
                {
                    sb.Append(" . ");
                    AppendReference(at);
                    sb.Append(')');
                    return;
                }
                Push(q);
                sb.Append(' ');
                Append(q.Car);
                rest = q.Cdr;
            }
            if (rest is not Nil)
            {
                sb.Append(" . ");
                Append(rest);
            }
            sb.Append(')');
        }

        private void AppendReference(int target)
        {
            var self = stack.Count - 1;
            if (stack[self] is Pair)
            {
                while (self > 0 && stack[self - 1] is Pair below
                       && ReferenceEquals(below.Cdr, ((Pair)stack[self]).Cdr))
                    self--;
            }
            sb.Append('#').Append((target - self).ToString(CultureInfo.InvariantCulture)).Append('#');
        }

        private void Push(object value)
        {
            index[value] = stack.Count;
            stack.Add(value);
        }

        private void PopTo(int count)
        {
            for (var i = stack.Count - 1; i >= count; i--) index.Remove(stack[i]);
            stack.RemoveRange(count, stack.Count - count);
        }
    }

    /// <summary>
    /// Guile's layout of the shortest round-trip digits: positional when the decimal exponent E
    /// is in -3 &lt;= E &lt; max(7, digits + 3) (<c>1000.0</c>, <c>0.001</c>,
    /// <c>12345678901234567000.0</c>), otherwise <c>1.0e21</c>, <c>1.0e-4</c>.
    /// </summary>
    public static void AppendDouble(StringBuilder sb, double d)
    {
        if (double.IsNaN(d)) { sb.Append("+nan.0"); return; }
        if (double.IsPositiveInfinity(d)) { sb.Append("+inf.0"); return; }
        if (double.IsNegativeInfinity(d)) { sb.Append("-inf.0"); return; }
        if (double.IsNegative(d)) sb.Append('-');
        if (d == 0) { sb.Append("0.0"); return; }
        var (digits, exponent) = ShortestDigits(Math.Abs(d));
        var n = digits.Length;
        if (exponent >= -3 && exponent < Math.Max(7, n + 3))
        {
            if (exponent >= 0)
            {
                if (n <= exponent + 1)
                    sb.Append(digits).Append('0', exponent + 1 - n).Append(".0");
                else
                    sb.Append(digits, 0, exponent + 1).Append('.').Append(digits, exponent + 1, n - exponent - 1);
            }
            else
            {
                sb.Append("0.").Append('0', -exponent - 1).Append(digits);
            }
            return;
        }
        sb.Append(digits[0]).Append('.');
        if (n > 1) sb.Append(digits, 1, n - 1);
        else sb.Append('0');
        sb.Append('e').Append(exponent.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The shortest digits that read back as <paramref name="d"/> (&gt; 0), and the
    /// decimal exponent of the first digit (d = 0.d1d2... * 10^(E+1)).</summary>
    private static (string Digits, int Exponent) ShortestDigits(double d)
    {
        // .NET's "R" is the shortest round-trip representation, e.g. "1.2345E+20", "0.0001".
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }
        var dot = text.IndexOf('.');
        var intLength = dot < 0 ? text.Length : dot;
        var all = dot < 0 ? text : text.Remove(dot, 1);
        var firstNonZero = 0;
        while (firstNonZero < all.Length - 1 && all[firstNonZero] == '0') firstNonZero++;
        var digits = all[firstNonZero..].TrimEnd('0');
        if (digits.Length == 0) digits = "0";
        return (digits, exponent + intLength - 1 - firstNonZero);
    }

    private static void AppendStringLiteral(StringBuilder sb, string s)
    {
        sb.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var cp = CodePointAt(s, ref i);
            switch (cp)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\a': sb.Append("\\a"); break;
                case '\b': sb.Append("\\b"); break;
                case '\t': sb.Append("\\t"); break;
                case '\n': sb.Append("\\n"); break;
                case '\v': sb.Append("\\v"); break;
                case '\f': sb.Append("\\f"); break;
                case '\r': sb.Append("\\r"); break;
                default:
                    if (cp == ' ' || IsGraphic(cp)) AppendCodePoint(sb, cp);
                    else if (cp < 0x100) sb.Append("\\x").Append(cp.ToString("x2", CultureInfo.InvariantCulture));
                    else if (cp < 0x10000) sb.Append("\\u").Append(cp.ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append("\\U").Append(cp.ToString("x6", CultureInfo.InvariantCulture));
                    break;
            }
        }
        sb.Append('"');
    }

    // The names Guile's `write` uses for characters 0..32 (then #\delete for 127).
    private static readonly string[] ControlNames =
    [
        "nul", "soh", "stx", "etx", "eot", "enq", "ack", "alarm", "backspace", "tab", "newline",
        "vtab", "page", "return", "so", "si", "dle", "dc1", "dc2", "dc3", "dc4", "nak", "syn",
        "etb", "can", "em", "sub", "esc", "fs", "gs", "rs", "us", "space",
    ];

    private static void AppendCharLiteral(StringBuilder sb, int cp)
    {
        sb.Append("#\\");
        if (cp <= 0x20) { sb.Append(ControlNames[cp]); return; }
        if (cp == 0x7f) { sb.Append("delete"); return; }
        if (IsGraphic(cp))
        {
            // A combining mark would combine with the backslash: Guile puts a dotted circle first.
            if (IsCombining(cp)) sb.Append('\u25cc');
            AppendCodePoint(sb, cp);
            return;
        }
        sb.Append(Convert.ToString(cp, 8));
    }

    /// <summary>
    /// Whether <c>write</c> must use <c>#{...}#</c> for this symbol name so that it reads back as
    /// the same symbol (Guile's rules: empty, a special first character, "." alone, number-like,
    /// a leading digit, or a delimiter or unprintable character anywhere).
    /// </summary>
    public static bool NeedsExtendedSyntax(string name)
    {
        if (name.Length == 0) return true;
        switch (name[0])
        {
            case '\'' or '`' or ',' or '"' or ';' or '#':
                return true;
            case >= '0' and <= '9':
                return true;
            case '.' when name.Length == 1:
                return true;
            case '+' or '-' or '.':
                if (Reading.NumberParser.Parse(name, 10, out _) != Reading.NumberSyntax.NotANumber) return true;
                break;
        }
        for (var i = 0; i < name.Length; i++)
        {
            var cp = CodePointAt(name, ref i);
            if (cp is '#' or '"' or ';' || IsEscapedInSymbol(cp) || cp == ' ') return true;
        }
        return false;
    }

    private static bool IsEscapedInSymbol(int cp) =>
        cp is '(' or ')' or '[' or ']' or '{' or '}' || (cp != ' ' && !IsGraphic(cp));

    private static void AppendSymbol(StringBuilder sb, string name)
    {
        if (!NeedsExtendedSyntax(name))
        {
            sb.Append(name);
            return;
        }
        sb.Append("#{");
        for (var i = 0; i < name.Length; i++)
        {
            var cp = CodePointAt(name, ref i);
            if (IsEscapedInSymbol(cp)) sb.Append("\\x").Append(cp.ToString("x", CultureInfo.InvariantCulture)).Append(';');
            else AppendCodePoint(sb, cp);
        }
        sb.Append("}#");
    }

    /// <summary>Letters, marks, numbers, punctuation and symbols (Guile's char-set:graphic).</summary>
    private static bool IsGraphic(int cp)
    {
        if (cp is >= 0xD800 and <= 0xDFFF) return false;
        return CharUnicodeInfo.GetUnicodeCategory(cp) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
                or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator => false,
            _ => true,
        };
    }

    private static bool IsCombining(int cp) => CharUnicodeInfo.GetUnicodeCategory(cp) is
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <summary>The code point at <paramref name="i"/>; advances past a surrogate pair's second half.</summary>
    private static int CodePointAt(string s, ref int i)
    {
        if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
        {
            var cp = char.ConvertToUtf32(s[i], s[i + 1]);
            i++;
            return cp;
        }
        return s[i];
    }

    private static void AppendCodePoint(StringBuilder sb, int cp)
    {
        if (cp is >= 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF)) sb.Append(char.ConvertFromUtf32(cp));
        else sb.Append((char)cp);
    }
}
