namespace Vbmc.Image.Disk;

/// <summary>
/// Who owns what in the guest's file system, when that is not what the staged folder says: a
/// folder staged by an ordinary user holds only that user's files, and no device node. The
/// assembler gives every listed inode its owner (and mode) after <c>mke2fs -d</c>, and makes the
/// device nodes, whoever runs it, so that the image does not depend on who staged the folder.
/// </summary>
/// <param name="Inodes">Entries of the staged folder with their guest owner and, where it differs from the staged one, mode.</param>
/// <param name="Devices">Device nodes, made in the file system (the staged folder has none).</param>
public sealed record InodeOwnership(IReadOnlyList<InodeOwner> Inodes, IReadOnlyList<DeviceNode> Devices);

/// <summary>One staged entry's owner in the guest.</summary>
/// <param name="GuestPath">Its absolute path in the guest (no line break: debugfs reads one command a line).</param>
/// <param name="Mode">The whole st_mode (type and permission bits), or null to keep the staged one.</param>
public sealed record InodeOwner(string GuestPath, int Uid, int Gid, int? Mode);

/// <summary>A character or block device node of the guest (no line break in its path: debugfs makes it, one command a line).</summary>
/// <param name="Mode">The whole st_mode: <see cref="CharacterDevice"/> or <see cref="BlockDevice"/> and the permission bits.</param>
public sealed record DeviceNode(string GuestPath, int Major, int Minor, int Uid, int Gid, int Mode)
{
    public const int TypeMask = 0xF000;
    public const int CharacterDevice = 0x2000;
    public const int BlockDevice = 0x6000;
}
