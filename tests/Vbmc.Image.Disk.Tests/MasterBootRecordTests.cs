using System.Buffers.Binary;

namespace Vbmc.Image.Disk.Tests;

/// <summary>The MBR's bytes, field by field, for a small disk and for one past CHS's reach.</summary>
public sealed class MasterBootRecordTests
{
    [Fact]
    public void A_small_disk_gets_consistent_chs_and_lba_fields()
    {
        var sectors = 64L * 1024 * 1024 / 512; // last sector 131071 = cylinder 8, head 40, sector 32 (255 heads, 63 sectors)
        var mbr = MasterBootRecord.Build(sectors, 0xDEADBEEF);

        mbr.Should().HaveCount(512);
        mbr.AsSpan(0, 0x1B8).ToArray().Should().OnlyContain(b => b == 0, "no boot code: QEMU boots the kernel directly");
        BinaryPrimitives.ReadUInt32LittleEndian(mbr.AsSpan(0x1B8)).Should().Be(0xDEADBEEF);
        mbr.AsSpan(0x1BE, 16).ToArray().Should().Equal(
            0x80,              // bootable
            32, 33, 0,         // CHS of sector 2048: head 32, sector 33, cylinder 0
            0x83,              // Linux
            40, 32, 8,         // CHS of sector 131071
            0x00, 0x08, 0, 0,  // starts at sector 2048
            0x00, 0xF8, 1, 0); // 129024 sectors
        mbr.AsSpan(0x1CE, 48).ToArray().Should().OnlyContain(b => b == 0);
        mbr[0x1FE].Should().Be(0x55);
        mbr[0x1FF].Should().Be(0xAA);
    }

    [Fact]
    public void A_disk_past_cylinder_1023_gets_the_conventional_chs_end_and_exact_lba_fields()
    {
        var sectors = 20L * 1024 * 1024 * 1024 / 512;
        var entry = MasterBootRecord.Build(sectors, 1).AsSpan(0x1BE, 16).ToArray();
        entry[5..8].Should().Equal(254, 0xFF, 0xFF);
        BinaryPrimitives.ReadUInt32LittleEndian(entry.AsSpan(12)).Should().Be((uint)(sectors - 2048));
    }

    [Fact]
    public void The_largest_disk_an_mbr_describes_is_accepted_and_one_sector_more_is_not()
    {
        var most = MasterBootRecord.MaxDiskBytes / 512;
        BinaryPrimitives.ReadUInt32LittleEndian(MasterBootRecord.Build(most, 1).AsSpan(0x1BE + 12)).Should().Be(uint.MaxValue);
        FluentActions.Invoking(() => MasterBootRecord.Build(most + 1, 1)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => MasterBootRecord.Build(2048, 1)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void The_file_program_reads_the_same_partition()
    {
        using var temp = new TempFolder();
        var disk = temp.Combine("disk.raw");
        using (var stream = File.Create(disk))
        {
            stream.SetLength(64L * 1024 * 1024);
            stream.Write(MasterBootRecord.Build(64L * 1024 * 1024 / 512, 0x12345678));
        }
        DiskProbe.Tool("file", "file", "-b", disk).Stdout.Should().Contain(
            "partition 1 : ID=0x83, active, start-CHS (0x0,32,33), end-CHS (0x8,40,32), startsector 2048, 129024 sectors");
    }
}
