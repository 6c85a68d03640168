using System.Buffers.Binary;
using System.Numerics;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Vbmc.Image.Disk;

/// <summary>
/// The inodes of the ext4 file system that <c>mke2fs -d</c> just wrote, read and changed in place
/// in the raw disk: which are in use (the inode bitmaps), where a path leads (the folders'
/// entries), and their owners, modes and times, each changed inode written back with its
/// checksum. What debugfs's <c>sif</c> did, one process and one command at a time, in a single
/// pass: only the inode tables' blocks that hold a changed inode are written.
/// Throws <see cref="FormatException"/> when the file system is not one this can read (never the
/// case for what vbmc's mke2fs configuration makes) and <see cref="IOException"/> on I/O errors.
/// </summary>
internal sealed class Ext4Inodes
{
    public const long RootInode = 2;

    private const ushort Magic = 0xEF53;
    private const uint IncompatibleExtents = 0x40, Incompatible64Bit = 0x80, IncompatibleChecksumSeed = 0x2000;
    private const uint ReadOnlyMetadataChecksum = 0x400;
    private const ushort InodeUninitialised = 0x1; // bg_flags: the group's inode bitmap was never written
    private const uint ExtentsFlag = 0x80000, InlineDataFlag = 0x10000000;
    private const ushort ExtentMagic = 0xF30A;
    private const int TypeMask = 0xF000, TypeDirectory = 0x4000;

    // Offsets in an inode (struct ext2_inode_large).
    private const int ModeAt = 0x00, UidAt = 0x02, SizeAt = 0x04, AtimeAt = 0x08, CtimeAt = 0x0C, MtimeAt = 0x10, GidAt = 0x18;
    private const int FlagsAt = 0x20, BlockAt = 0x28, GenerationAt = 0x64, SizeHighAt = 0x6C;
    private const int UidHighAt = 0x78, GidHighAt = 0x7A, ChecksumLowAt = 0x7C, ExtraSizeAt = 0x80, ChecksumHighAt = 0x82;
    private const int CtimeExtraAt = 0x84, MtimeExtraAt = 0x88, AtimeExtraAt = 0x8C;
    private const int GoodOldInodeSize = 128;

    private readonly SafeFileHandle _disk;
    private readonly long _offset;
    private readonly int _blockSize;
    private readonly int _inodeSize;
    private readonly long _inodesPerGroup;
    private readonly long _firstInode;
    private readonly uint? _checksumSeed; // null without metadata_csum: inodes carry no checksum
    private readonly long[] _inodeTables;
    private readonly long[] _inodeBitmaps;
    private readonly bool[] _bitmapWritten;
    private readonly Dictionary<long, byte[]> _tableBlocks = [];
    private readonly SortedSet<long> _changed = [];
    private readonly Dictionary<long, Dictionary<string, long>> _folders = [];

    /// <summary>Reads the superblock and group descriptors of the file system at <paramref name="offset"/> in <paramref name="disk"/>.</summary>
    public Ext4Inodes(SafeFileHandle disk, long offset)
    {
        _disk = disk;
        _offset = offset;
        var super = Read(offset + 1024, 1024);
        if (BinaryPrimitives.ReadUInt16LittleEndian(super.AsSpan(0x38)) != Magic) throw new FormatException("no ext4 superblock");
        var logBlockSize = BinaryPrimitives.ReadUInt32LittleEndian(super.AsSpan(0x18));
        if (logBlockSize > 6) throw new FormatException("an ext4 block size over 64 KiB");
        _blockSize = 1024 << (int)logBlockSize;
        var inodeCount = BinaryPrimitives.ReadUInt32LittleEndian(super.AsSpan(0x00));
        _inodesPerGroup = BinaryPrimitives.ReadUInt32LittleEndian(super.AsSpan(0x28));
        var revision = BinaryPrimitives.ReadUInt32LittleEndian(super.AsSpan(0x4C));
        _inodeSize = revision == 0 ? GoodOldInodeSize : BinaryPrimitives.ReadUInt16LittleEndian(super.AsSpan(0x58));
        _firstInode = revision == 0 ? 11 : BinaryPrimitives.ReadUInt32LittleEndian(super.AsSpan(0x54));
        var incompatible = BinaryPrimitives.ReadUInt32LittleEndian(super.AsSpan(0x60));
        var readOnly = BinaryPrimitives.ReadUInt32LittleEndian(super.AsSpan(0x64));
        if (_inodesPerGroup == 0 || inodeCount % _inodesPerGroup != 0 || _inodeSize < GoodOldInodeSize || _inodeSize > _blockSize
            || (_inodeSize & (_inodeSize - 1)) != 0)
            throw new FormatException("an ext4 superblock with an inode layout this cannot read");
        if ((incompatible & IncompatibleExtents) == 0) throw new FormatException("an ext4 file system without extents");

        if ((readOnly & ReadOnlyMetadataChecksum) != 0)
            _checksumSeed = (incompatible & IncompatibleChecksumSeed) != 0
                ? BinaryPrimitives.ReadUInt32LittleEndian(super.AsSpan(0x270))
                : Crc32C(uint.MaxValue, super.AsSpan(0x68, 16)); // the file system's UUID

        var groups = (int)(inodeCount / _inodesPerGroup);
        var descriptorSize = (incompatible & Incompatible64Bit) != 0 ? BinaryPrimitives.ReadUInt16LittleEndian(super.AsSpan(0xFE)) : 32;
        if (descriptorSize < 32) throw new FormatException("ext4 group descriptors under 32 bytes");
        var firstDataBlock = BinaryPrimitives.ReadUInt32LittleEndian(super.AsSpan(0x14));
        var descriptors = Read(offset + (firstDataBlock + 1L) * _blockSize, groups * descriptorSize);
        _inodeTables = new long[groups];
        _inodeBitmaps = new long[groups];
        _bitmapWritten = new bool[groups];
        for (var group = 0; group < groups; group++)
        {
            var descriptor = descriptors.AsSpan(group * descriptorSize, descriptorSize);
            var wide = descriptorSize >= 64;
            _inodeBitmaps[group] = BinaryPrimitives.ReadUInt32LittleEndian(descriptor[0x04..])
                                   | (wide ? (long)BinaryPrimitives.ReadUInt32LittleEndian(descriptor[0x24..]) << 32 : 0);
            _inodeTables[group] = BinaryPrimitives.ReadUInt32LittleEndian(descriptor[0x08..])
                                  | (wide ? (long)BinaryPrimitives.ReadUInt32LittleEndian(descriptor[0x28..]) << 32 : 0);
            _bitmapWritten[group] = (BinaryPrimitives.ReadUInt16LittleEndian(descriptor[0x12..]) & InodeUninitialised) == 0;
        }
    }

    /// <summary>
    /// The inodes in use that hold files: the root (2) and every one set in its group's bitmap
    /// from the first ordinary inode on (the reserved ones, journal included, are left out).
    /// </summary>
    public List<long> FileInodesInUse()
    {
        var used = new List<long>();
        var bitmapBytes = (int)((_inodesPerGroup + 7) / 8);
        for (var group = 0; group < _inodeBitmaps.Length; group++)
        {
            if (!_bitmapWritten[group]) continue; // mke2fs leaves a group none of whose inodes it used so
            var bitmap = Read(_offset + _inodeBitmaps[group] * _blockSize, bitmapBytes);
            for (var index = 0; index < _inodesPerGroup; index++)
            {
                if ((bitmap[index >> 3] & (1 << (index & 7))) == 0) continue;
                var inode = group * _inodesPerGroup + index + 1;
                if (inode == RootInode || inode >= _firstInode) used.Add(inode);
            }
        }
        return used;
    }

    /// <summary>
    /// The inode at <paramref name="guestPath"/> (absolute; links are not followed), or null
    /// when no such entry exists or a folder on the way is not one.
    /// </summary>
    public long? Lookup(string guestPath)
    {
        var inode = RootInode;
        foreach (var name in guestPath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if ((Field16(inode, ModeAt) & TypeMask) != TypeDirectory) return null;
            if (!Entries(inode).TryGetValue(name, out var next)) return null;
            inode = next;
        }
        return inode;
    }

    /// <summary>Sets the owner (and, when given, the whole mode), as debugfs's <c>sif</c> uid, gid and mode did.</summary>
    public void SetOwner(long inode, int uid, int gid, int? mode)
    {
        var fields = Inode(inode);
        if (mode is { } value) BinaryPrimitives.WriteUInt16LittleEndian(fields[ModeAt..], (ushort)value);
        BinaryPrimitives.WriteUInt16LittleEndian(fields[UidAt..], (ushort)uid);
        BinaryPrimitives.WriteUInt16LittleEndian(fields[UidHighAt..], (ushort)((uint)uid >> 16));
        BinaryPrimitives.WriteUInt16LittleEndian(fields[GidAt..], (ushort)gid);
        BinaryPrimitives.WriteUInt16LittleEndian(fields[GidHighAt..], (ushort)((uint)gid >> 16));
        _changed.Add(inode);
    }

    /// <summary>
    /// Sets atime, mtime and ctime to <paramref name="unixSeconds"/> (1970 to 2038), as debugfs's
    /// <c>sif</c> did: the seconds, and the epoch bits of each extra field cleared (its
    /// nanoseconds kept: mke2fs writes none).
    /// </summary>
    public void SetTimes(long inode, long unixSeconds)
    {
        var fields = Inode(inode);
        var extraSize = _inodeSize > GoodOldInodeSize ? BinaryPrimitives.ReadUInt16LittleEndian(fields[ExtraSizeAt..]) : 0;
        foreach (var (at, extraAt) in new[] { (AtimeAt, AtimeExtraAt), (MtimeAt, MtimeExtraAt), (CtimeAt, CtimeExtraAt) })
        {
            BinaryPrimitives.WriteUInt32LittleEndian(fields[at..], (uint)unixSeconds);
            if (GoodOldInodeSize + extraSize >= extraAt + 4)
                BinaryPrimitives.WriteUInt32LittleEndian(fields[extraAt..], BinaryPrimitives.ReadUInt32LittleEndian(fields[extraAt..]) & ~3u);
        }
        _changed.Add(inode);
    }

    /// <summary>Writes every changed inode's checksum, then the inode table blocks that hold them.</summary>
    public void Flush()
    {
        var blocks = new SortedSet<long>();
        foreach (var inode in _changed)
        {
            if (_checksumSeed is { } seed) SetChecksum(inode, seed);
            blocks.Add(Locate(inode).Block);
        }
        foreach (var block in blocks) RandomAccess.Write(_disk, _tableBlocks[block], _offset + block * _blockSize);
        _changed.Clear();
    }

    /// <summary>
    /// ext4's inode checksum (what e2fsprogs' ext2fs_inode_csum computes): crc32c over the inode
    /// number, its generation and the whole inode with both checksum fields zero.
    /// </summary>
    private void SetChecksum(long inode, uint seed)
    {
        var fields = Inode(inode);
        var hasHigh = _inodeSize > GoodOldInodeSize && BinaryPrimitives.ReadUInt16LittleEndian(fields[ExtraSizeAt..]) >= ChecksumHighAt + 2 - GoodOldInodeSize;
        BinaryPrimitives.WriteUInt16LittleEndian(fields[ChecksumLowAt..], 0);
        if (hasHigh) BinaryPrimitives.WriteUInt16LittleEndian(fields[ChecksumHighAt..], 0);
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(number, (uint)inode);
        var crc = Crc32C(seed, number);
        crc = Crc32C(crc, fields.Slice(GenerationAt, 4));
        crc = Crc32C(crc, fields);
        BinaryPrimitives.WriteUInt16LittleEndian(fields[ChecksumLowAt..], (ushort)crc);
        if (hasHigh) BinaryPrimitives.WriteUInt16LittleEndian(fields[ChecksumHighAt..], (ushort)(crc >> 16));
    }

    /// <summary>
    /// A folder's entries by name, read once: the first of two names that decode alike wins, as
    /// the first match of a lookup in the folder would.
    /// </summary>
    private Dictionary<string, long> Entries(long folder)
    {
        if (_folders.TryGetValue(folder, out var known)) return known;
        var entries = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var block in DataBlocks(folder))
        {
            var data = Read(_offset + block * _blockSize, _blockSize);
            // Linear entries; an indexed folder's index blocks read as one empty entry each.
            for (var at = 0; at + 8 <= data.Length;)
            {
                var inode = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(at));
                var length = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(at + 4));
                var nameLength = data[at + 6];
                if (length < 8 || at + length > data.Length || 8 + nameLength > length)
                    throw new FormatException($"a damaged entry in folder inode {folder}");
                if (inode != 0) entries.TryAdd(Encoding.UTF8.GetString(data, at + 8, nameLength), inode);
                at += length;
            }
        }
        _folders[folder] = entries;
        return entries;
    }

    /// <summary>The physical blocks of a file's data, in logical order (its extent tree's leaves).</summary>
    private List<long> DataBlocks(long inode)
    {
        var fields = Inode(inode);
        var flags = BinaryPrimitives.ReadUInt32LittleEndian(fields[FlagsAt..]);
        if ((flags & InlineDataFlag) != 0 || (flags & ExtentsFlag) == 0)
            throw new FormatException($"inode {inode} does not keep its data in extents");
        var size = BinaryPrimitives.ReadUInt32LittleEndian(fields[SizeAt..]) | (long)BinaryPrimitives.ReadUInt32LittleEndian(fields[SizeHighAt..]) << 32;
        var logicalBlocks = (size + _blockSize - 1) / _blockSize;
        var extents = new SortedDictionary<long, (long Start, int Length)>();
        CollectExtents(fields.Slice(BlockAt, 60).ToArray(), depthLimit: 5, extents, inode);
        var blocks = new List<long>();
        foreach (var (logical, (start, length)) in extents)
            for (var i = 0; i < length && logical + i < logicalBlocks; i++) blocks.Add(start + i);
        return blocks;
    }

    private void CollectExtents(byte[] node, int depthLimit, SortedDictionary<long, (long, int)> extents, long inode)
    {
        if (node.Length < 12 || BinaryPrimitives.ReadUInt16LittleEndian(node) != ExtentMagic || depthLimit < 0)
            throw new FormatException($"inode {inode} has a damaged extent tree");
        var entries = BinaryPrimitives.ReadUInt16LittleEndian(node.AsSpan(2));
        var depth = BinaryPrimitives.ReadUInt16LittleEndian(node.AsSpan(6));
        if (12 + entries * 12 > node.Length) throw new FormatException($"inode {inode} has a damaged extent tree");
        for (var i = 0; i < entries; i++)
        {
            var entry = node.AsSpan(12 + i * 12, 12);
            var logical = BinaryPrimitives.ReadUInt32LittleEndian(entry);
            if (depth == 0)
            {
                var length = BinaryPrimitives.ReadUInt16LittleEndian(entry[4..]);
                if (length > 32768) continue; // unwritten: reads as zeros, holds no entries
                var start = (long)BinaryPrimitives.ReadUInt16LittleEndian(entry[6..]) << 32 | BinaryPrimitives.ReadUInt32LittleEndian(entry[8..]);
                extents[logical] = (start, length);
            }
            else
            {
                var child = BinaryPrimitives.ReadUInt32LittleEndian(entry[4..]) | (long)BinaryPrimitives.ReadUInt16LittleEndian(entry[8..]) << 32;
                CollectExtents(Read(_offset + child * _blockSize, _blockSize), depthLimit - 1, extents, inode);
            }
        }
    }

    private ushort Field16(long inode, int at) => BinaryPrimitives.ReadUInt16LittleEndian(Inode(inode)[at..]);

    /// <summary>The inode's bytes in its (cached) inode table block: changes are written back by <see cref="Flush"/>.</summary>
    private Span<byte> Inode(long inode)
    {
        var (block, at) = Locate(inode);
        if (!_tableBlocks.TryGetValue(block, out var data)) _tableBlocks[block] = data = Read(_offset + block * _blockSize, _blockSize);
        return data.AsSpan(at, _inodeSize);
    }

    private (long Block, int At) Locate(long inode)
    {
        if (inode < 1 || inode > _inodeTables.Length * _inodesPerGroup) throw new FormatException($"inode {inode} is out of range");
        var group = (int)((inode - 1) / _inodesPerGroup);
        var byteOffset = (inode - 1) % _inodesPerGroup * _inodeSize;
        return (_inodeTables[group] + byteOffset / _blockSize, (int)(byteOffset % _blockSize));
    }

    private byte[] Read(long position, int length)
    {
        var buffer = new byte[length];
        var done = 0;
        while (done < length)
        {
            var read = RandomAccess.Read(_disk, buffer.AsSpan(done), position + done);
            if (read == 0) throw new FormatException("the file system ends early");
            done += read;
        }
        return buffer;
    }

    /// <summary>crc32c as e2fsprogs' ext2fs_crc32c_le: no inversion in or out.</summary>
    private static uint Crc32C(uint crc, ReadOnlySpan<byte> data)
    {
        while (data.Length >= 8)
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }
        foreach (var b in data) crc = BitOperations.Crc32C(crc, b);
        return crc;
    }
}
