using System.Buffers.Binary;

namespace Vbmc.Image.Disk;

/// <summary>
/// The first sector of the disk: a classic MBR with one bootable Linux partition from 1 MiB to the
/// end of the disk. There is no boot code: the guest boots with QEMU's -kernel/-initrd.
/// </summary>
public static class MasterBootRecord
{
    public const int SectorSize = 512;

    /// <summary>First sector of the partition: 1 MiB, the alignment every partitioning tool uses.</summary>
    public const uint PartitionStartSector = 2048;

    public const long PartitionOffsetBytes = PartitionStartSector * (long)SectorSize;

    public const byte LinuxPartitionType = 0x83;

    private const int DiskSignatureOffset = 0x1B8;
    private const int FirstEntryOffset = 0x1BE;
    private const int BootSignatureOffset = 0x1FE;

    /// <summary>The largest disk an MBR can describe with a partition reaching its end.</summary>
    public const long MaxDiskBytes = (PartitionStartSector + (long)uint.MaxValue) * SectorSize;

    /// <summary>Sectors of the partition on a disk of <paramref name="diskSectors"/> sectors.</summary>
    public static uint PartitionSectors(long diskSectors) => checked((uint)(diskSectors - PartitionStartSector));

    /// <summary>The 512 bytes of the MBR for a disk of <paramref name="diskSectors"/> sectors.</summary>
    public static byte[] Build(long diskSectors, uint diskSignature)
    {
        if (diskSectors <= PartitionStartSector || diskSectors * SectorSize > MaxDiskBytes)
            throw new ArgumentOutOfRangeException(nameof(diskSectors), diskSectors, "no room for a partition an MBR can describe");

        var sector = new byte[SectorSize];
        BinaryPrimitives.WriteUInt32LittleEndian(sector.AsSpan(DiskSignatureOffset), diskSignature);

        var length = PartitionSectors(diskSectors);
        var entry = sector.AsSpan(FirstEntryOffset, 16);
        entry[0] = 0x80; // bootable
        WriteChs(entry.Slice(1, 3), PartitionStartSector);
        entry[4] = LinuxPartitionType;
        WriteChs(entry.Slice(5, 3), PartitionStartSector + (long)length - 1);
        BinaryPrimitives.WriteUInt32LittleEndian(entry.Slice(8), PartitionStartSector);
        BinaryPrimitives.WriteUInt32LittleEndian(entry.Slice(12), length);

        sector[BootSignatureOffset] = 0x55;
        sector[BootSignatureOffset + 1] = 0xAA;
        return sector;
    }

    /// <summary>
    /// The legacy cylinder/head/sector address of a sector with the usual 255-head, 63-sector
    /// geometry; sectors beyond cylinder 1023 get the conventional "too far" value 1023/254/63.
    /// Linux and QEMU use the LBA fields, but fdisk and others warn when CHS is inconsistent.
    /// </summary>
    private static void WriteChs(Span<byte> target, long lba)
    {
        const int heads = 255, sectorsPerTrack = 63;
        var cylinder = (int)Math.Min(lba / (heads * sectorsPerTrack), 1024);
        int head, sector;
        if (cylinder > 1023)
        {
            cylinder = 1023; head = 254; sector = 63;
        }
        else
        {
            head = (int)(lba / sectorsPerTrack % heads);
            sector = (int)(lba % sectorsPerTrack) + 1;
        }
        target[0] = (byte)head;
        target[1] = (byte)(sector | (cylinder >> 8 & 0x03) << 6);
        target[2] = (byte)(cylinder & 0xFF);
    }
}
