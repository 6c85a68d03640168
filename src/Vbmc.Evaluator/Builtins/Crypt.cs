using System.Security.Cryptography;
using System.Text;

namespace Vbmc.Evaluation;

/// <summary>
/// Guile's <c>crypt</c> (the C library's) for the SHA-crypt schemes configurations use for
/// account passwords: <c>$5$</c> (SHA-256) and <c>$6$</c> (SHA-512), with an optional
/// <c>rounds=N$</c>, as specified by Ulrich Drepper's "Unix crypt using SHA-256 and SHA-512".
/// Other schemes (DES, <c>$1$</c>, yescrypt...) give null: the caller makes an opaque value.
/// </summary>
public static class Crypt
{
    private const string Itoa64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const int DefaultRounds = 5000;

    private static readonly int[] Sha512Order =
    [
        0, 21, 42, 22, 43, 1, 44, 2, 23, 3, 24, 45, 25, 46, 4, 47, 5, 26, 6, 27, 48, 28, 49, 7, 50, 8, 29, 9, 30, 51, 31, 52, 10,
        53, 11, 32, 12, 33, 54, 34, 55, 13, 56, 14, 35, 15, 36, 57, 37, 58, 16, 59, 17, 38, 18, 39, 60, 40, 61, 19, 62, 20, 41,
    ];

    private static readonly int[] Sha256Order =
        [0, 10, 20, 21, 1, 11, 12, 22, 2, 3, 13, 23, 24, 4, 14, 15, 25, 5, 6, 16, 26, 27, 7, 17, 18, 28, 8, 9, 19, 29];

    public static string? Hash(string key, string setting)
    {
        var sha512 = setting.StartsWith("$6$", StringComparison.Ordinal);
        if (!sha512 && !setting.StartsWith("$5$", StringComparison.Ordinal)) return null;
        var rest = setting[3..];
        var rounds = DefaultRounds;
        var customRounds = false;
        if (rest.StartsWith("rounds=", StringComparison.Ordinal))
        {
            var end = rest.IndexOf('$');
            if (end < 0 || !long.TryParse(rest.AsSpan(7, end - 7), out var r)) return null;
            rounds = (int)Math.Clamp(r, 1000, 999_999_999);
            customRounds = true;
            rest = rest[(end + 1)..];
        }
        var dollar = rest.IndexOf('$');
        var salt = dollar < 0 ? rest : rest[..dollar];
        if (salt.Length > 16) salt = salt[..16];
        Func<byte[], byte[]> h = sha512 ? SHA512.HashData : SHA256.HashData;
        var n = sha512 ? 64 : 32;
        var p = Encoding.UTF8.GetBytes(key);
        var s = Encoding.UTF8.GetBytes(salt);

        var b = h([.. p, .. s, .. p]);
        var a = new List<byte>(p.Length * 3);
        a.AddRange(p);
        a.AddRange(s);
        int cnt;
        for (cnt = p.Length; cnt > n; cnt -= n) a.AddRange(b);
        a.AddRange(b.Take(cnt));
        for (cnt = p.Length; cnt > 0; cnt >>= 1) a.AddRange((cnt & 1) != 0 ? b : p);
        var digest = h([.. a]);

        var dp = h([.. Enumerable.Repeat(p, p.Length).SelectMany(x => x)]);
        var pSeq = new byte[p.Length];
        for (var i = 0; i < pSeq.Length; i++) pSeq[i] = dp[i % n];
        var ds = h([.. Enumerable.Repeat(s, 16 + digest[0]).SelectMany(x => x)]);
        var sSeq = ds.Take(s.Length).ToArray();

        var buffer = new List<byte>(2 * n + pSeq.Length * 2 + sSeq.Length);
        for (var i = 0; i < rounds; i++)
        {
            buffer.Clear();
            buffer.AddRange((i & 1) != 0 ? pSeq : digest);
            if (i % 3 != 0) buffer.AddRange(sSeq);
            if (i % 7 != 0) buffer.AddRange(pSeq);
            buffer.AddRange((i & 1) != 0 ? digest : pSeq);
            digest = h([.. buffer]);
        }

        var output = new StringBuilder(sha512 ? "$6$" : "$5$");
        if (customRounds) output.Append("rounds=").Append(rounds).Append('$');
        output.Append(salt).Append('$');
        var order = sha512 ? Sha512Order : Sha256Order;
        for (var i = 0; i < order.Length; i += 3) Encode(output, digest[order[i]], digest[order[i + 1]], digest[order[i + 2]], 4);
        if (sha512) Encode(output, 0, 0, digest[63], 2);
        else Encode(output, 0, digest[31], digest[30], 3);
        return output.ToString();
    }

    private static void Encode(StringBuilder output, byte b2, byte b1, byte b0, int count)
    {
        var w = (b2 << 16) | (b1 << 8) | b0;
        for (var i = 0; i < count; i++)
        {
            output.Append(Itoa64[w & 0x3f]);
            w >>= 6;
        }
    }
}
