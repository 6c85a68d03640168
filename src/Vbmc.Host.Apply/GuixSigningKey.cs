using System.Buffers.Binary;
using System.Text;

namespace Vbmc.Host.Apply;

/// <summary>
/// A guix-daemon signing key pair in the files Guix reads: /etc/guix/signing-key.pub and
/// /etc/guix/signing-key.sec, libgcrypt S-expressions of a key on the Ed25519 curve with the
/// public point <c>q</c> and the secret scalar <c>d</c>, as <c>guix archive --generate-key</c>
/// writes them.
/// </summary>
/// <remarks>
/// <para>Guix's keys have no <c>(flags eddsa)</c>: libgcrypt signs with them as ECDSA on the
/// Ed25519 curve (the signature says <c>(sig-val (ecdsa ...))</c>), where <c>q = d·G</c>. An
/// EdDSA key's seed is therefore not Guix's <c>d</c>: its scalar is the clamped first half of
/// SHA-512(seed) (RFC 8032, 5.1.5), whose multiple of G is the EdDSA public key. So <c>d</c> is
/// that scalar modulo the group order and <c>q</c> the EdDSA public key, unchanged.</para>
/// <para>The pair is made by ssh-keygen (already needed for the SSH keys), then read from OpenSSH's
/// unencrypted private-key format (PROTOCOL.key: "openssh-key-v1", cipher and KDF "none", one
/// key). A guest's daemon signs what it returns to the host with it; the host's guix-daemon
/// accepts that once the public half is in its /etc/guix/acl (<see cref="GuixAcl"/>).</para>
/// </remarks>
public sealed record GuixSigningKey(byte[] Public, byte[] Secret)
{
    private const string Magic = "openssh-key-v1\0";

    /// <summary>The public key file's text, as Guix writes it.</summary>
    public string PublicText => PublicKeyText(Public);

    /// <summary>The secret key file's text, as Guix writes it.</summary>
    public string SecretText =>
        $"(private-key \n (ecc \n  (curve Ed25519)\n  (q #{Convert.ToHexString(Public)}#)\n  (d #{Convert.ToHexString(Secret)}#)\n  )\n )\n";

    public static string PublicKeyText(byte[] point) =>
        $"(public-key \n (ecc \n  (curve Ed25519)\n  (q #{Convert.ToHexString(point)}#)\n  )\n )\n";

    /// <summary>The pair in an unencrypted OpenSSH Ed25519 private key file's text.</summary>
    /// <exception cref="FormatException">The text is not such a key.</exception>
    public static GuixSigningKey FromOpenSshPrivateKey(string text)
    {
        const string begin = "-----BEGIN OPENSSH PRIVATE KEY-----", end = "-----END OPENSSH PRIVATE KEY-----";
        var from = text.IndexOf(begin, StringComparison.Ordinal);
        var to = text.IndexOf(end, StringComparison.Ordinal);
        if (from < 0 || to < from) throw new FormatException("not an OpenSSH private key");
        byte[] blob;
        try
        {
            blob = Convert.FromBase64String(string.Concat(text[(from + begin.Length)..to].Where(c => !char.IsWhiteSpace(c))));
        }
        catch (FormatException)
        {
            throw new FormatException("the OpenSSH private key is not base64");
        }
        var reader = new Reader(blob);
        if (Encoding.ASCII.GetString(reader.Bytes(Magic.Length)) != Magic) throw new FormatException("not an openssh-key-v1 key");
        if (reader.Text() != "none" || reader.Text() != "none") throw new FormatException("the OpenSSH private key is encrypted");
        reader.String(); // KDF options: empty without a KDF
        if (reader.UInt32() != 1) throw new FormatException("the OpenSSH key file holds more than one key");
        reader.String(); // the public key blob, repeated in the private section
        var section = new Reader(reader.String());
        if (section.UInt32() != section.UInt32()) throw new FormatException("the OpenSSH private key's check numbers differ");
        if (section.Text() != "ssh-ed25519") throw new FormatException("the OpenSSH private key is not an Ed25519 key");
        var point = section.String();
        var secret = section.String();
        if (point.Length != 32 || secret.Length != 64 || !secret.AsSpan(32).SequenceEqual(point))
            throw new FormatException("the OpenSSH Ed25519 key has unexpected sizes");
        return new GuixSigningKey(point, Scalar(secret[..32]));
    }

    /// <summary>The order of the Ed25519 base point: 2^252 + 27742317777372353535851937790883648493.</summary>
    private static readonly System.Numerics.BigInteger GroupOrder =
        System.Numerics.BigInteger.Pow(2, 252) + System.Numerics.BigInteger.Parse("27742317777372353535851937790883648493", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The secret scalar of an EdDSA seed, reduced modulo the group order, as 32 big-endian bytes.</summary>
    private static byte[] Scalar(byte[] seed)
    {
        var hash = System.Security.Cryptography.SHA512.HashData(seed);
        var a = hash[..32];
        a[0] &= 248;
        a[31] &= 127;
        a[31] |= 64;
        var d = new System.Numerics.BigInteger(a, isUnsigned: true, isBigEndian: false) % GroupOrder;
        var bytes = d.ToByteArray(isUnsigned: true, isBigEndian: true);
        return bytes.Length == 32 ? bytes : [.. new byte[32 - bytes.Length], .. bytes];
    }

    /// <summary>The public point of a public key file's text (Guix's <c>(q #HEX#)</c>), or null.</summary>
    public static byte[]? PointOf(string publicKeyText)
    {
        var q = publicKeyText.IndexOf("(q #", StringComparison.Ordinal);
        if (q < 0) return null;
        var start = q + 4;
        var stop = publicKeyText.IndexOf('#', start);
        if (stop < 0) return null;
        try
        {
            return Convert.FromHexString(publicKeyText[start..stop]);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private sealed class Reader(byte[] data)
    {
        private int _at;

        public byte[] Bytes(int count)
        {
            if (count < 0 || _at + count > data.Length) throw new FormatException("the OpenSSH private key is truncated");
            var bytes = data[_at..(_at + count)];
            _at += count;
            return bytes;
        }

        public uint UInt32() => BinaryPrimitives.ReadUInt32BigEndian(Bytes(4));

        public byte[] String()
        {
            var length = UInt32();
            return length > int.MaxValue ? throw new FormatException("the OpenSSH private key is truncated") : Bytes((int)length);
        }

        public string Text() => Encoding.ASCII.GetString(String());
    }
}
