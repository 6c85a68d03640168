using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Vbmc.Evaluation;

/// <summary>
/// An OpenSSH public key line, <c>TYPE BASE64 [comment]</c>, as in <c>id_ed25519.pub</c> or a
/// machines file's <c>host-key</c>. Parsing checks the blob's structure (RFC 4253 section 6.6,
/// RFC 5656, RFC 8709, OpenSSH's PROTOCOL.u2f), so a truncated or mislabelled key is caught at
/// check time rather than when ssh first refuses the host. vbmc's one parser of such lines: the
/// evaluator's <c>openssh-public-key?</c>, the checks of machines files and vbmc test's pinned
/// host keys all use it.
/// </summary>
public sealed class OpenSshPublicKey
{
    /// <summary>The key types vbmc accepts (OpenSSH's plain public key algorithms, no certificates).</summary>
    public static readonly IReadOnlyList<string> KnownTypes =
    [
        "ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
        "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com", "ssh-dss",
    ];

    private OpenSshPublicKey(string type, string base64, byte[] blob, string? comment)
    {
        Type = type;
        Base64 = base64;
        _blob = blob;
        Comment = comment;
    }

    /// <summary>The algorithm name, e.g. <c>ssh-ed25519</c>.</summary>
    public string Type { get; }

    /// <summary>The key blob as written (base64).</summary>
    public string Base64 { get; }

    private readonly byte[] _blob;

    /// <summary>The decoded key blob.</summary>
    public IReadOnlyList<byte> Blob => _blob;

    /// <summary>The free text after the key, or null.</summary>
    public string? Comment { get; }

    /// <summary>"SHA256:..." as ssh and ssh-keygen -l print it (unpadded base64 of the blob's SHA-256).</summary>
    public string Fingerprint => "SHA256:" + Convert.ToBase64String(SHA256.HashData(_blob)).TrimEnd('=');

    /// <summary>The line as known_hosts and authorized_keys want it: type and key, no comment.</summary>
    public string ToKnownHostsKey() => $"{Type} {Base64}";

    public override string ToString() => Comment is null ? ToKnownHostsKey() : $"{ToKnownHostsKey()} {Comment}";

    /// <summary>
    /// Whether <paramref name="text"/> is a well-formed key line. It makes nothing on the heap for a
    /// key that fits <see cref="StackBlobLimit"/>: `openssh-public-key?` checks every build-machine's
    /// host-key, and a machines file of 100,000 machines would otherwise make several objects for
    /// each one (parts, blob, its copies) only to drop them.
    /// </summary>
    public static bool IsValid(string text) => Check(text, makeKey: false, out _) is null;

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says what is wrong, in a phrase.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out OpenSshPublicKey? key, [NotNullWhen(false)] out string? error)
    {
        error = Check(text, makeKey: true, out key);
        return error is null;
    }

    /// <summary>Decoded blobs up to this size are checked on the stack (an RSA key of 8192 bits is about 1,050 bytes).</summary>
    private const int StackBlobLimit = 2048;

    /// <summary>
    /// The one parse: the line is cut at spaces and tabs into type, base64 and the rest (the
    /// comment, trimmed), as <c>Split([' ', '\t'], 3, RemoveEmptyEntries)</c> of the trimmed line
    /// would; null when the key is well formed, else the problem. The key object is made only
    /// when <paramref name="makeKey"/> asks for it.
    /// </summary>
    private static string? Check(string text, bool makeKey, out OpenSshPublicKey? key)
    {
        key = null;
        var rest = text.AsSpan().Trim();
        var typeText = NextPart(ref rest);
        if (typeText.IsEmpty) return "the key is empty";
        if (typeText.StartsWith("-----BEGIN", StringComparison.Ordinal))
            return "this is a private key (or PEM text), not an OpenSSH public key line";
        if (KnownType(typeText) is not { } type)
            return $"unknown key type '{typeText}' (expected one of {string.Join(", ", KnownTypes)})";
        var base64 = NextPart(ref rest);
        if (base64.IsEmpty) return "the base64 key data is missing after the key type";
        if (!IsStrictBase64(base64)) return "the key data is not valid base64";
        var capacity = base64.Length / 4 * 3;
        Span<byte> buffer = capacity <= StackBlobLimit ? stackalloc byte[capacity] : new byte[capacity];
        if (!Convert.TryFromBase64Chars(base64, buffer, out var written)) return "the key data is not valid base64";
        var blob = buffer[..written];
        if (CheckBlob(type, blob) is { } problem) return problem;
        if (makeKey)
        {
            var comment = rest.TrimStart(Separators);
            key = new OpenSshPublicKey(type, base64.ToString(), blob.ToArray(), comment.IsEmpty ? null : comment.Trim().ToString());
        }
        return null;
    }

    private static readonly char[] Separators = [' ', '\t'];

    /// <summary>The next part of <paramref name="rest"/> up to a space or tab (leading ones skipped); empty at the end.</summary>
    private static ReadOnlySpan<char> NextPart(ref ReadOnlySpan<char> rest)
    {
        rest = rest.TrimStart(Separators);
        var end = rest.IndexOfAny(Separators);
        var part = end < 0 ? rest : rest[..end];
        rest = end < 0 ? [] : rest[end..];
        return part;
    }

    private static string? KnownType(ReadOnlySpan<char> text)
    {
        foreach (var known in KnownTypes)
            if (text.SequenceEqual(known)) return known;
        return null;
    }

    /// <summary>Strict base64: only the standard alphabet, correct padding, nothing else.</summary>
    private static bool IsStrictBase64(ReadOnlySpan<char> text)
    {
        if (text.Length % 4 != 0) return false;
        foreach (var c in text)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=')) return false;
        return true;
    }

    /// <summary>Null when <paramref name="blob"/> is a well-formed <paramref name="type"/> key, else the problem.</summary>
    private static string? CheckBlob(string type, ReadOnlySpan<byte> blob)
    {
        var reader = new BlobReader(blob);
        if (!reader.TryReadString(out var inner)) return "the key data is truncated (no key type inside)";
        if (!IsAscii(inner, type)) return $"the key data is a '{Printable(inner)}' key but the line says '{type}'";
        var problem = type switch
        {
            "ssh-ed25519" => Ed25519(ref reader),
            "sk-ssh-ed25519@openssh.com" => Ed25519(ref reader) ?? Application(ref reader),
            "ssh-rsa" => Integers(ref reader, "exponent", "modulus"),
            "ssh-dss" => Integers(ref reader, "p", "q", "g", "y"),
            "ecdsa-sha2-nistp256" => Ecdsa(ref reader, "nistp256", 32),
            "ecdsa-sha2-nistp384" => Ecdsa(ref reader, "nistp384", 48),
            "ecdsa-sha2-nistp521" => Ecdsa(ref reader, "nistp521", 66),
            "sk-ecdsa-sha2-nistp256@openssh.com" => Ecdsa(ref reader, "nistp256", 32) ?? Application(ref reader),
            _ => "unsupported key type",
        };
        if (problem is not null) return problem;
        return reader.AtEnd ? null : "the key data has trailing bytes after the key";
    }

    /// <summary>Whether the bytes are the ASCII text <paramref name="expected"/> (which is ASCII).</summary>
    private static bool IsAscii(ReadOnlySpan<byte> bytes, string expected)
    {
        if (bytes.Length != expected.Length) return false;
        for (var i = 0; i < bytes.Length; i++)
            if (bytes[i] != expected[i]) return false;
        return true;
    }

    private static string? Ed25519(ref BlobReader reader) =>
        !reader.TryReadString(out var point) ? "the key data is truncated (no ed25519 key)"
        : point.Length != 32 ? $"the ed25519 key is {point.Length} bytes long instead of 32"
        : null;

    private static string? Application(ref BlobReader reader) =>
        reader.TryReadString(out _) ? null : "the key data is truncated (no security key application)";

    private static string? Integers(ref BlobReader reader, params string[] names)
    {
        foreach (var name in names)
        {
            if (!reader.TryReadString(out var number)) return $"the key data is truncated (no {name})";
            if (number.Length == 0 || (number[0] & 0x80) != 0) return $"the key's {name} is not a positive integer";
        }
        return null;
    }

    private static string? Ecdsa(ref BlobReader reader, string curve, int coordinateLength)
    {
        if (!reader.TryReadString(out var curveName)) return "the key data is truncated (no curve name)";
        if (!IsAscii(curveName, curve)) return $"the key's curve is '{Printable(curveName)}' instead of '{curve}'";
        if (!reader.TryReadString(out var point)) return "the key data is truncated (no curve point)";
        // An uncompressed point: 0x04, then X and Y.
        if (point.Length != 1 + 2 * coordinateLength || point[0] != 4)
            return $"the key's curve point is not an uncompressed {curve} point";
        return null;
    }

    /// <summary>The bytes as ASCII text (another byte as '?', as Encoding.ASCII decodes it), printable and at most 60 characters.</summary>
    private static string Printable(ReadOnlySpan<byte> bytes)
    {
        var text = new char[Math.Min(bytes.Length, 60)];
        for (var i = 0; i < text.Length; i++) text[i] = bytes[i] is >= (byte)' ' and <= (byte)'~' ? (char)bytes[i] : '?';
        return new string(text);
    }

    /// <summary>Reads SSH wire-format strings (a 32-bit big-endian length, then that many bytes).</summary>
    private ref struct BlobReader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _position;

        public readonly bool AtEnd => _position == _data.Length;

        /// <summary>The next string, a slice of the blob (no copy).</summary>
        public bool TryReadString(out ReadOnlySpan<byte> value)
        {
            value = [];
            if (_data.Length - _position < 4) return false;
            var length = BinaryPrimitives.ReadUInt32BigEndian(_data.Slice(_position, 4));
            if (length > (uint)(_data.Length - _position - 4)) return false;
            value = _data.Slice(_position + 4, (int)length);
            _position += 4 + (int)length;
            return true;
        }
    }
}
