using System.Text;
using System.Text.Json;
using static Vbmc.Image.Disk.Tests.DiskProbe;

namespace Vbmc.Image.Disk.Tests;

/// <summary>
/// vbmc's own qcow2 writer, read back by QEMU's: qemu-img check finds no error and no leaked
/// cluster, qemu-img compare finds the same guest bytes as the raw disk, and the layout is
/// what the writer promises (all-zero clusters left out, clusters that do not compress stored as
/// they are, two L2 tables for data on both sides of 512 MiB, a size that is not whole clusters).
/// </summary>
public sealed class QcowWriterTests : IDisposable
{
    private const int Cluster = 64 * 1024;
    private const long VirtualBytes = (1L << 30) + 3 * 512; // ends in the middle of a cluster
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Qemu_reads_back_the_raw_disk_and_finds_the_image_sound(bool compressed)
    {
        var raw = MakeRawDisk();
        var image = _temp.Combine("disk.qcow2");
        QcowWriter.Write(raw, image, VirtualBytes, compressed ? 3 : null);

        Tool("qemu-img", "qemu-utils", "compare", "-f", "raw", "-F", "qcow2", raw, image);
        using var check = JsonDocument.Parse(Tool("qemu-img", "qemu-utils", "check", "--output=json", image).Stdout);
        var result = check.RootElement;
        result.TryGetProperty("leaks", out _).Should().BeFalse(check.RootElement.ToString());
        result.TryGetProperty("corruptions", out _).Should().BeFalse(check.RootElement.ToString());
        // 44 text clusters, 2 random ones, one at 600 MiB and the last one; the zero cluster is not stored.
        result.GetProperty("allocated-clusters").GetInt64().Should().Be(48);
        var compressedClusters = result.TryGetProperty("compressed-clusters", out var count) ? count.GetInt64() : 0;
        compressedClusters.Should().Be(compressed ? 46 : 0, "every cluster but the two random ones compresses");

        using var info = JsonDocument.Parse(Tool("qemu-img", "qemu-utils", "info", "--output=json", image).Stdout);
        info.RootElement.GetProperty("virtual-size").GetInt64().Should().Be(VirtualBytes);
        info.RootElement.GetProperty("format-specific").GetProperty("data").GetProperty("compression-type").GetString()
            .Should().Be(compressed ? "zstd" : "zlib");
    }

    [Fact]
    public void The_same_raw_disk_gives_the_same_bytes()
    {
        var raw = MakeRawDisk();
        var a = _temp.Combine("a.qcow2");
        var b = _temp.Combine("b.qcow2");
        QcowWriter.Write(raw, a, VirtualBytes, 3);
        QcowWriter.Write(raw, b, VirtualBytes, 3);
        Sha256(b).Should().Be(Sha256(a));
        new FileInfo(a).Length.Should().Be(new FileInfo(b).Length).And.Match(length => length % Cluster == 0);
    }

    [Fact]
    public void Converting_in_place_gives_the_bytes_of_the_copy()
    {
        var raw = MakeRawDisk();
        var copy = _temp.Combine("copy.qcow2");
        QcowWriter.Write(raw, copy, VirtualBytes, null);

        QcowWriter.TryConvertInPlace(raw, VirtualBytes).Should().BeTrue(
            $"the test folder's file system ({_temp.Path}) moves ranges with fallocate, as ext4 and XFS do");
        Sha256(raw).Should().Be(Sha256(copy));
        Tool("qemu-img", "qemu-utils", "check", raw);
    }

    [Fact]
    public void The_image_is_not_replaced_when_it_exists()
    {
        var raw = MakeRawDisk();
        var image = _temp.Combine("taken.qcow2");
        File.WriteAllText(image, "someone's file");
        var write = () => QcowWriter.Write(raw, image, VirtualBytes, null);
        write.Should().Throw<IOException>();
        File.ReadAllText(image).Should().Be("someone's file");
    }

    /// <summary>A sparse raw disk: compressible text across 44 clusters, an explicit zero cluster, two random clusters, one cluster past 512 MiB and bytes at the very end.</summary>
    private string MakeRawDisk()
    {
        var path = _temp.Combine("disk-" + Guid.NewGuid().ToString("N") + ".raw");
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        file.SetLength(VirtualBytes);
        var text = new StringBuilder();
        for (var line = 0; text.Length < 44 * Cluster; line++) text.Append("line ").Append(line).Append(" of a guest's file\n");
        WriteAt(file, 0, Encoding.ASCII.GetBytes(text.ToString(0, 44 * Cluster)));
        WriteAt(file, 44L * Cluster, new byte[Cluster]); // allocated, but all zeros
        var random = new byte[2 * Cluster];
        new Random(14).NextBytes(random);
        WriteAt(file, 45L * Cluster, random);
        WriteAt(file, 600L << 20, Encoding.ASCII.GetBytes("past the first L2 table"));
        WriteAt(file, VirtualBytes - 100, Encoding.ASCII.GetBytes("the last bytes of the disk"));
        return path;
    }

    private static void WriteAt(FileStream file, long offset, byte[] data)
    {
        file.Position = offset;
        file.Write(data);
    }
}
