namespace Vbmc.Image.Disk;

/// <summary>What <see cref="DiskAssembler"/> builds: one disk image from one staged root folder.</summary>
/// <param name="StagedRoot">
/// The guest's root file system as a folder. <c>mke2fs -d</c> copies each entry's owner, mode,
/// symbolic link, hard links, device numbers and extended attributes as they are in the folder,
/// whoever runs vbmc, unless <see cref="Ownership"/> says otherwise; times are not copied (see
/// <see cref="Timestamp"/>). mke2fs must be able to read every file (else the build fails with
/// VBM6002). The folder's own mode and owner are not copied: the file system's root is 0755 root:root.
/// </param>
/// <param name="OutputPath">The image file to write (replaced if it exists; written atomically).</param>
/// <param name="Format">One of <see cref="DiskFormats"/>: "compressed-qcow2", "qcow2" or "raw".</param>
/// <param name="SizeBytes">
/// Virtual size of the whole disk, rounded up to a whole 512-byte sector. Sparse on disk; at most
/// 2 TiB (the limit of an MBR).
/// </param>
/// <param name="Seed">
/// A string derived from the configuration (hex recommended): the file system's UUID, its directory
/// hash seed and the MBR's disk signature are hashed from it, so the same seed gives the same image.
/// </param>
/// <param name="Timestamp">
/// Every timestamp written in the file system (atime, mtime, ctime and crtime of every inode; the
/// superblock's creation, write and check times). Whole seconds between 1970 and 2038.
/// </param>
/// <param name="Ownership">
/// The guest's owners, modes and device nodes, set after mke2fs whatever the staged folder's
/// owners are (a folder staged by an ordinary user); null: the staged folder's are kept.
/// </param>
public sealed record DiskImageRequest(
    string StagedRoot,
    string OutputPath,
    string Format,
    long SizeBytes,
    string Seed,
    DateTimeOffset Timestamp,
    InodeOwnership? Ownership = null);

/// <summary>The image formats vbmc writes (the image record's 'format' values).</summary>
public static class DiskFormats
{
    public const string CompressedQcow2 = "compressed-qcow2";
    public const string Qcow2 = "qcow2";
    public const string Raw = "raw";

    public static readonly IReadOnlyList<string> All = [CompressedQcow2, Qcow2, Raw];
}
