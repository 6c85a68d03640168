using System.Security.Cryptography;
using System.Text;

namespace Vbmc.Image.Disk;

/// <summary>
/// The identifiers a disk image would otherwise get at random (file system UUID, directory hash
/// seed, MBR disk signature), derived from the request's seed so that rebuilding gives the same bytes.
/// </summary>
public sealed class DiskIdentity
{
    private readonly string _seed;

    public DiskIdentity(string seed) => _seed = seed;

    /// <summary>The ext4 file system's UUID (what /dev/disk/by-uuid shows in the guest).</summary>
    public Guid FileSystemUuid => DeriveUuid("ext4-uuid");

    /// <summary>The seed of ext4's directory index hash (otherwise random at mke2fs time).</summary>
    public Guid DirectoryHashSeed => DeriveUuid("ext4-hash-seed");

    /// <summary>The MBR's 32-bit disk signature; never 0, which some tools read as "no signature".</summary>
    public uint MbrDiskSignature
    {
        get
        {
            var value = BitConverter.ToUInt32(Hash("mbr-disk-signature"), 0);
            return value == 0 ? 1u : value;
        }
    }

    /// <summary>The UUID in the text form e2fsprogs takes (lower case, hyphenated, RFC 4122 byte order).</summary>
    public static string Format(Guid uuid) => uuid.ToString("D");

    private Guid DeriveUuid(string purpose)
    {
        var bytes = Hash(purpose).AsSpan(0, 16).ToArray();
        // RFC 9562 version 8 ("custom") with the RFC variant: honest about not being random.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    // A purpose label keeps the derived values independent of one another.
    private byte[] Hash(string purpose) =>
        SHA256.HashData(Encoding.UTF8.GetBytes("vbmc-disk\0" + purpose + "\0" + _seed));
}
