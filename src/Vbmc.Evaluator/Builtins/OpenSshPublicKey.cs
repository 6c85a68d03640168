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

    public static bool IsValid(string text) => TryParse(text, out _, out _);

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says what is wrong, in a phrase.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out OpenSshPublicKey? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        var parts = text.Trim().Split([' ', '\t'], 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) { error = "the key is empty"; return false; }
        if (parts[0].StartsWith("-----BEGIN", StringComparison.Ordinal))
        {
            error = "this is a private key (or PEM text), not an OpenSSH public key line";
            return false;
        }
        var type = parts[0];
        if (!KnownTypes.Contains(type))
        {
            error = $"unknown key type '{type}' (expected one of {string.Join(", ", KnownTypes)})";
            return false;
        }
        if (parts.Length < 2) { error = "the base64 key data is missing after the key type"; return false; }
        var blob = DecodeBase64(parts[1]);
        if (blob is null) { error = "the key data is not valid base64"; return false; }
        error = CheckBlob(type, blob);
        if (error is not null) return false;
        key = new OpenSshPublicKey(type, parts[1], blob, parts.Length > 2 ? parts[2].Trim() : null);
        return true;
    }

    /// <summary>Strict base64: only the standard alphabet, correct padding, nothing else.</summary>
    private static byte[]? DecodeBase64(string text)
    {
        if (text.Length % 4 != 0) return null;
        foreach (var c in text)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=')) return null;
        var buffer = new byte[text.Length / 4 * 3];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }

    /// <summary>Null when <paramref name="blob"/> is a well-formed <paramref name="type"/> key, else the problem.</summary>
    private static string? CheckBlob(string type, byte[] blob)
    {
        var reader = new BlobReader(blob);
        if (!reader.TryReadString(out var inner)) return "the key data is truncated (no key type inside)";
        var innerType = System.Text.Encoding.ASCII.GetString(inner);
        if (innerType != type) return $"the key data is a '{Printable(innerType)}' key but the line says '{type}'";
        var problem = type switch
        {
            "ssh-ed25519" => Ed25519(reader),
            "sk-ssh-ed25519@openssh.com" => Ed25519(reader) ?? Application(reader),
            "ssh-rsa" => Integers(reader, "exponent", "modulus"),
            "ssh-dss" => Integers(reader, "p", "q", "g", "y"),
            "ecdsa-sha2-nistp256" => Ecdsa(reader, "nistp256", 32),
            "ecdsa-sha2-nistp384" => Ecdsa(reader, "nistp384", 48),
            "ecdsa-sha2-nistp521" => Ecdsa(reader, "nistp521", 66),
            "sk-ecdsa-sha2-nistp256@openssh.com" => Ecdsa(reader, "nistp256", 32) ?? Application(reader),
            _ => "unsupported key type",
        };
        if (problem is not null) return problem;
        return reader.AtEnd ? null : "the key data has trailing bytes after the key";
    }

    private static string? Ed25519(BlobReader reader) =>
        !reader.TryReadString(out var point) ? "the key data is truncated (no ed25519 key)"
        : point.Length != 32 ? $"the ed25519 key is {point.Length} bytes long instead of 32"
        : null;

    private static string? Application(BlobReader reader) =>
        reader.TryReadString(out _) ? null : "the key data is truncated (no security key application)";

    private static string? Integers(BlobReader reader, params string[] names)
    {
        foreach (var name in names)
        {
            if (!reader.TryReadString(out var number)) return $"the key data is truncated (no {name})";
            if (number.Length == 0 || (number[0] & 0x80) != 0) return $"the key's {name} is not a positive integer";
        }
        return null;
    }

    private static string? Ecdsa(BlobReader reader, string curve, int coordinateLength)
    {
        if (!reader.TryReadString(out var curveName)) return "the key data is truncated (no curve name)";
        var name = System.Text.Encoding.ASCII.GetString(curveName);
        if (name != curve) return $"the key's curve is '{Printable(name)}' instead of '{curve}'";
        if (!reader.TryReadString(out var point)) return "the key data is truncated (no curve point)";
        // An uncompressed point: 0x04, then X and Y.
        if (point.Length != 1 + 2 * coordinateLength || point[0] != 4)
            return $"the key's curve point is not an uncompressed {curve} point";
        return null;
    }

    private static string Printable(string s) =>
        new(s.Select(c => c is >= ' ' and <= '~' ? c : '?').Take(60).ToArray());

    /// <summary>Reads SSH wire-format strings (a 32-bit big-endian length, then that many bytes).</summary>
    private sealed class BlobReader(byte[] data)
    {
        private int _position;

        public bool AtEnd => _position == data.Length;

        public bool TryReadString(out byte[] value)
        {
            value = [];
            if (data.Length - _position < 4) return false;
            var length = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(_position, 4));
            if (length > (uint)(data.Length - _position - 4)) return false;
            value = data.AsSpan(_position + 4, (int)length).ToArray();
            _position += 4 + (int)length;
            return true;
        }
    }
}
