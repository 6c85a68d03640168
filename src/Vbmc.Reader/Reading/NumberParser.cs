using System.Globalization;
using System.Numerics;
using Vbmc.Data;

namespace Vbmc.Reading;

/// <summary>What <see cref="NumberParser.Parse"/> made of a text.</summary>
public enum NumberSyntax
{
    /// <summary>A real number: the value is a BigInteger, a <see cref="Rational"/> or a double.</summary>
    Number,
    /// <summary>Not a number (a symbol, when the reader sees it).</summary>
    NotANumber,
    /// <summary>A decimal exponent Guile refuses ("Value out of range"): outside -324..308.</summary>
    ExponentOutOfRange,
    /// <summary>A complex number (<c>1+2i</c>, <c>+i</c>, <c>1@2</c>): Guile has them, vbmc does not.</summary>
    Complex,
}

/// <summary>
/// Guile 3.0's <c>string->number</c> for real numbers: prefixes <c>#x #b #o #d #e #i</c> (any
/// order, each kind once), integers, <c>n/d</c> rationals, decimals with exponent markers
/// <c>e s f d l</c>, R5RS <c>#</c> digit placeholders, <c>+inf.0</c>, <c>-inf.0</c>, <c>+nan.0</c>.
/// The reader classifies atoms with it; the evaluator's <c>string->number</c> should too.
/// </summary>
public static class NumberParser
{
    /// <summary>Lowest and highest decimal exponent Guile accepts as written.</summary>
    public const int MinExponent = -324, MaxExponent = 308;

    public static bool TryParse(string text, int radix, out object value) =>
        Parse(text, radix, out value) == NumberSyntax.Number;

    public static NumberSyntax Parse(string text, int radix, out object value) => Parse(text.AsSpan(), radix, out value);

    /// <summary>The value of a text that is not a number (one boxed #f: the reader asks for every atom).</summary>
    private static readonly object NoValue = false;

    /// <inheritdoc cref="Parse(string, int, out object)"/>
    public static NumberSyntax Parse(ReadOnlySpan<char> text, int radix, out object value)
    {
        value = NoValue;
        var i = 0;
        char exactness = '\0';
        var radixSet = false;
        while (i < text.Length && text[i] == '#')
        {
            if (i + 1 >= text.Length) return NumberSyntax.NotANumber;
            switch (char.ToLowerInvariant(text[i + 1]))
            {
                case 'x' when !radixSet: radix = 16; radixSet = true; break;
                case 'b' when !radixSet: radix = 2; radixSet = true; break;
                case 'o' when !radixSet: radix = 8; radixSet = true; break;
                case 'd' when !radixSet: radix = 10; radixSet = true; break;
                case 'e' when exactness == '\0': exactness = 'e'; break;
                case 'i' when exactness == '\0': exactness = 'i'; break;
                default: return NumberSyntax.NotANumber;
            }
            i += 2;
        }
        if (radix is not (2 or 8 or 10 or 16)) return NumberSyntax.NotANumber;
        var body = text[i..];
        var result = ParseReal(body, radix, exactness, out value);
        if (result == NumberSyntax.NotANumber && LooksComplex(body, radix))
            return NumberSyntax.Complex;
        return result;
    }

    private static NumberSyntax ParseReal(ReadOnlySpan<char> s, int radix, char exactness, out object value)
    {
        value = NoValue;
        if (s.Length == 0) return NumberSyntax.NotANumber;
        var negative = false;
        var signed = s[0] is '+' or '-';
        if (signed) { negative = s[0] == '-'; s = s[1..]; }
        if (signed && s.Length == 5)
        {
            if (s.Equals("inf.0", StringComparison.OrdinalIgnoreCase))
            {
                if (exactness == 'e') return NumberSyntax.NotANumber;
                value = negative ? double.NegativeInfinity : double.PositiveInfinity;
                return NumberSyntax.Number;
            }
            if (s.Equals("nan.0", StringComparison.OrdinalIgnoreCase))
            {
                if (exactness == 'e') return NumberSyntax.NotANumber;
                value = double.NaN;
                return NumberSyntax.Number;
            }
        }

        var pos = 0;
        var (integer, intDigits, intHashes) = Digits(s, ref pos, radix);
        if (pos < s.Length && s[pos] == '/')
        {
            if (intDigits == 0) return NumberSyntax.NotANumber;
            pos++;
            var (den, denDigits, denHashes) = Digits(s, ref pos, radix);
            if (denDigits == 0 || pos != s.Length || den.IsZero) return NumberSyntax.NotANumber;
            if (negative) integer = -integer;
            var inexact = exactness == 'i' || (exactness != 'e' && (intHashes || denHashes));
            value = inexact ? ToDouble(integer, den) : Rational.Make(integer, den);
            return NumberSyntax.Number;
        }
        if (pos == s.Length)
        {
            if (intDigits == 0) return NumberSyntax.NotANumber;
            var inexact = exactness == 'i' || (exactness != 'e' && intHashes);
            value = inexact ? NegativeAware(ToDouble(integer, BigInteger.One), negative) : negative ? -integer : integer;
            return NumberSyntax.Number;
        }
        if (radix != 10) return NumberSyntax.NotANumber;
        return ParseDecimal(s, pos, integer, intDigits, intHashes, negative, exactness, out value);
    }

    /// <summary>The rest of a decimal after its integer digits: ".digits" and an exponent.</summary>
    private static NumberSyntax ParseDecimal(ReadOnlySpan<char> s, int pos, BigInteger integer, int intDigits,
        bool hashes, bool negative, char exactness, out object value)
    {
        value = NoValue;
        var fractionDigits = 0;
        var mantissa = integer;
        if (pos < s.Length && s[pos] == '.')
        {
            pos++;
            // "1.#" is 1.0; after "1#." only placeholders may follow.
            var (fraction, count, fractionHashes) = Digits(s, ref pos, 10, leadingHash: intDigits > 0, onlyHashes: hashes);
            mantissa = mantissa * BigInteger.Pow(10, count) + fraction;
            fractionDigits = count;
            hashes |= fractionHashes;
        }
        if (intDigits + fractionDigits == 0) return NumberSyntax.NotANumber;
        var exponent = 0;
        if (pos < s.Length && s[pos] is 'e' or 'E' or 's' or 'S' or 'f' or 'F' or 'd' or 'D' or 'l' or 'L')
        {
            pos++;
            var expNegative = false;
            if (pos < s.Length && s[pos] is '+' or '-') { expNegative = s[pos] == '-'; pos++; }
            var start = pos;
            long exp = 0;
            while (pos < s.Length && s[pos] is >= '0' and <= '9')
            {
                exp = Math.Min(exp * 10 + (s[pos] - '0'), 1_000_000);
                pos++;
            }
            if (pos == start) return NumberSyntax.NotANumber;
            if (pos != s.Length) return NumberSyntax.NotANumber;
            exponent = (int)(expNegative ? -exp : exp);
            if (exponent is < MinExponent or > MaxExponent) return NumberSyntax.ExponentOutOfRange;
        }
        if (pos != s.Length) return NumberSyntax.NotANumber;

        var scale = exponent - fractionDigits;
        if (exactness == 'e')
        {
            var n = negative ? -mantissa : mantissa;
            value = scale >= 0 ? n * BigInteger.Pow(10, scale) : Rational.Make(n, BigInteger.Pow(10, -scale));
            return NumberSyntax.Number;
        }
        // .NET's parser rounds correctly, as Guile's exact-to-inexact conversion does.
        var d = double.Parse(mantissa.ToString(CultureInfo.InvariantCulture) + "E" + scale.ToString(CultureInfo.InvariantCulture),
            NumberStyles.Float, CultureInfo.InvariantCulture);
        value = negative ? -d : d;
        return NumberSyntax.Number;
    }

    private static double NegativeAware(double d, bool negative) => negative ? -d : d;

    /// <summary>
    /// Reads digits of <paramref name="radix"/> and R5RS '#' placeholders (read as 0, making the
    /// number inexact). A placeholder needs a digit before it (or <paramref name="leadingHash"/>);
    /// after one, only placeholders may follow (<paramref name="onlyHashes"/> from the start).
    /// </summary>
    private static (BigInteger Value, int Count, bool Hashes) Digits(ReadOnlySpan<char> s, ref int pos, int radix,
        bool leadingHash = false, bool onlyHashes = false)
    {
        var hashes = false;
        var count = 0;
        // Accumulate in a ulong and flush to BigInteger only for long numbers.
        ulong chunk = 0;
        var chunkDigits = 0;
        var value = BigInteger.Zero;
        var maxChunk = radix == 16 ? 15 : radix == 10 ? 18 : radix == 8 ? 20 : 62;
        while (pos < s.Length)
        {
            var c = s[pos];
            int d;
            if (c == '#')
            {
                if (count == 0 && !leadingHash) break;
                hashes = true;
                d = 0;
            }
            else
            {
                d = c switch
                {
                    >= '0' and <= '9' => c - '0',
                    >= 'a' and <= 'f' => c - 'a' + 10,
                    >= 'A' and <= 'F' => c - 'A' + 10,
                    _ => 99,
                };
                if (d >= radix || hashes || onlyHashes) break;
            }
            chunk = chunk * (ulong)radix + (ulong)d;
            chunkDigits++;
            count++;
            pos++;
            if (chunkDigits == maxChunk)
            {
                value = value * BigInteger.Pow(radix, chunkDigits) + chunk;
                chunk = 0;
                chunkDigits = 0;
            }
        }
        if (chunkDigits > 0) value = count == chunkDigits ? chunk : value * BigInteger.Pow(radix, chunkDigits) + chunk;
        return (value, count, hashes);
    }

    /// <summary>Correctly rounded n/d (round half to even), as Guile converts exact to inexact.</summary>
    public static double ToDouble(BigInteger n, BigInteger d)
    {
        if (d.Sign < 0) { n = -n; d = -d; }
        var negative = n.Sign < 0;
        n = BigInteger.Abs(n);
        if (n.IsZero) return 0.0;
        if (n < (BigInteger.One << 53) && d < (BigInteger.One << 53))
        {
            var q = (double)n / (double)d; // both exact: IEEE division rounds correctly
            return negative ? -q : q;
        }
        var shift = 55 - (int)(n.GetBitLength() - d.GetBitLength());
        var num = shift > 0 ? n << shift : n;
        var den = shift < 0 ? d << -shift : d;
        var quotient = BigInteger.DivRem(num, den, out var remainder);
        var sticky = !remainder.IsZero;
        var bits = (int)quotient.GetBitLength();
        var exponent = -shift;
        // Keep 53 significant bits, or fewer when the result is subnormal.
        var keep = 53;
        var topExponent = bits - 1 + exponent;
        if (topExponent < -1022) keep = Math.Max(0, 53 - (-1022 - topExponent));
        var excess = bits - keep;
        if (excess > 0)
        {
            var mask = (BigInteger.One << excess) - 1;
            var low = quotient & mask;
            var half = BigInteger.One << (excess - 1);
            quotient >>= excess;
            exponent += excess;
            if (low > half || (low == half && (sticky || !quotient.IsEven))) quotient += 1;
        }
        var result = Math.ScaleB((double)quotient, exponent);
        return negative ? -result : result;
    }

    /// <summary>Rectangular (<c>a+bi</c>, <c>+i</c>) or polar (<c>a@b</c>) complex syntax of real parts.</summary>
    private static bool LooksComplex(ReadOnlySpan<char> s, int radix)
    {
        if (s.Length == 0) return false;
        var at = s.IndexOf('@');
        if (at > 0)
            return ParseReal(s[..at], radix, '\0', out _) == NumberSyntax.Number
                && ParseReal(s[(at + 1)..], radix, '\0', out _) == NumberSyntax.Number;
        if (s[^1] is not ('i' or 'I')) return false;
        var body = s[..^1];
        // The imaginary part starts at the last sign that is not an exponent's sign.
        for (var k = body.Length - 1; k >= 0; k--)
        {
            if (body[k] is not ('+' or '-')) continue;
            if (k > 0 && radix == 10 && body[k - 1] is 'e' or 'E' && k > 1 && char.IsDigit(body[k - 2]) ) continue;
            var imaginary = body[k..];
            var imaginaryOk = imaginary.Length == 1 || ParseReal(imaginary, radix, '\0', out _) == NumberSyntax.Number;
            var realOk = k == 0 || ParseReal(body[..k], radix, '\0', out _) == NumberSyntax.Number;
            return imaginaryOk && realOk;
        }
        return false;
    }
}
