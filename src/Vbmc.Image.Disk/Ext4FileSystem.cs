using System.Globalization;
using System.Text.RegularExpressions;

namespace Vbmc.Image.Disk;

/// <summary>
/// Makes the ext4 file system with <c>mke2fs -d</c>, straight into the raw disk file at the
/// partition's offset: no loop device, no root privileges, no copy of the partition.
/// </summary>
public static partial class Ext4FileSystem
{
    public const int BlockSize = 4096;

    /// <summary>Below this many blocks mke2fs silently leaves the journal out ("too small for a journal").</summary>
    public const long MinimumBlocks = 2048;

    /// <summary>The oldest mke2fs whose -d adds entries in sorted order (so inode numbers do not follow readdir).</summary>
    public static readonly Version MinimumVersion = new(1, 47, 0);

    /// <summary>
    /// The whole mke2fs configuration, so that the host's /etc/mke2fs.conf cannot change the image.
    /// These are Debian 12's ext4 defaults; every size gets the same layout (no small/big types).
    /// </summary>
    public const string Configuration =
        """
        [defaults]
        	base_features = sparse_super,large_file,filetype,resize_inode,dir_index,ext_attr
        	default_mntopts = acl,user_xattr
        	enable_periodic_fsck = 0
        	blocksize = 4096
        	inode_size = 256
        	inode_ratio = 16384
        	reserved_ratio = 5.0
        	hash_alg = half_md4

        [fs_types]
        	ext4 = {
        		features = has_journal,extent,huge_file,flex_bg,metadata_csum,64bit,dir_nlink,extra_isize
        	}

        """;

    /// <summary>The version mke2fs prints for -V (on standard error), or null when it cannot be read.</summary>
    public static Version? ParseVersion(string versionOutput)
    {
        var match = VersionPattern().Match(versionOutput);
        return match.Success ? Version.Parse(match.Groups[1].Value) : null;
    }

    /// <summary>
    /// mke2fs's arguments. <paramref name="diskFileName"/> is relative to the working directory, and
    /// the file system starts <see cref="MasterBootRecord.PartitionOffsetBytes"/> into it.
    /// </summary>
    public static IReadOnlyList<string> Arguments(string stagedRoot, string diskFileName, long blocks, DiskIdentity identity) =>
    [
        "-q", "-F",
        "-t", "ext4",
        // Only the ext4 type of our configuration: no size-dependent usage type.
        "-T", "default",
        "-b", BlockSize.ToString(CultureInfo.InvariantCulture),
        "-U", DiskIdentity.Format(identity.FileSystemUuid),
        "-E", string.Join(',',
            "offset=" + MasterBootRecord.PartitionOffsetBytes.ToString(CultureInfo.InvariantCulture),
            "hash_seed=" + DiskIdentity.Format(identity.DirectoryHashSeed),
            // The root folder is root's whoever runs vbmc (mke2fs's default is the caller's uid).
            "root_owner=0:0",
            // Write the inode tables' "zeroed" flags whatever the host's discard support: the
            // guest kernel then has no lazy zeroing to do and the image does not depend on it.
            "lazy_itable_init=0",
            // The disk file is new and sparse, so the journal already reads as zeros: writing
            // its zeros would only make the raw file take the journal's size on disk.
            "lazy_journal_init=1"),
        "-d", stagedRoot,
        diskFileName,
        blocks.ToString(CultureInfo.InvariantCulture),
    ];

    /// <summary>Environment for mke2fs: our configuration and the request's time for every time it writes.</summary>
    public static Dictionary<string, string> Environment(string configurationPath, long unixSeconds) => new()
    {
        ["MKE2FS_CONFIG"] = configurationPath,
        ["E2FSPROGS_FAKE_TIME"] = unixSeconds.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>True when mke2fs's complaint means that the content does not fit in the file system.</summary>
    public static bool MeansTooSmall(string mke2fsOutput) =>
        mke2fsOutput.Contains("Could not allocate", StringComparison.Ordinal)
        || mke2fsOutput.Contains("No space left", StringComparison.Ordinal)
        || mke2fsOutput.Contains("too small", StringComparison.Ordinal);

    [GeneratedRegex(@"mke2fs (\d+\.\d+(?:\.\d+)?)")]
    private static partial Regex VersionPattern();
}
