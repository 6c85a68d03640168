using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Vbmc.Host.Probe;

/// <summary>
/// An OpenSSH public key line ("TYPE BASE64 [COMMENT]"), checked the way sshd reads one: the
/// base64 blob decodes and starts with its own type name. The comment is dropped.
/// </summary>
public sealed partial record OpenSshPublicKey(string Type, string Base64)
{
    [GeneratedRegex("^[a-z0-9][a-z0-9@.-]*$")]
    private static partial Regex TypeName();

    /// <summary>Parses a key line; the problem in words when it is not one.</summary>
    public static OpenSshPublicKey? TryParse(string text, out string? problem)
    {
        problem = null;
        var words = text.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2)
        {
            problem = "not an OpenSSH public key (expected 'TYPE BASE64 [COMMENT]')";
            return null;
        }
        var (type, base64) = (words[0], words[1]);
        if (!TypeName().IsMatch(type))
        {
            problem = $"'{Printable(type)}' is not an SSH key type";
            return null;
        }
        byte[] blob;
        try
        {
            blob = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            problem = "the key is not valid base64";
            return null;
        }
        if (BlobType(blob) != type)
        {
            problem = $"the key's data does not start with its type {type}";
            return null;
        }
        return new OpenSshPublicKey(type, base64);
    }

    /// <summary>The first field of a key blob: a big-endian length, then the key type's name.</summary>
    private static string? BlobType(byte[] blob)
    {
        if (blob.Length < 4) return null;
        var length = BinaryPrimitives.ReadUInt32BigEndian(blob);
        return length > (uint)(blob.Length - 4) ? null : Encoding.ASCII.GetString(blob, 4, (int)length);
    }

    /// <summary>"SHA256:..." as ssh and ssh-keygen -l print it (unpadded base64 of the blob's SHA-256).</summary>
    public string Fingerprint => "SHA256:" + Convert.ToBase64String(SHA256.HashData(Convert.FromBase64String(Base64))).TrimEnd('=');

    public override string ToString() => $"{Type} {Base64}";

    private static string Printable(string s) => new(s.Take(40).Select(c => char.IsControl(c) ? '?' : c).ToArray());
}
