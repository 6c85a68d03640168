using System.Text.Json;
using System.Text.RegularExpressions;
using static Vbmc.Image.Disk.Tests.DiskProbe;

namespace Vbmc.Image.Disk.Tests;

/// <summary>
/// Each format, built from the staged tree and read back with the real tools: qemu-img sees the
/// format and size, the MBR holds one bootable Linux partition from 1 MiB to the end, e2fsck finds
/// the file system clean, and debugfs gets back every file with its content, owner and mode.
/// </summary>
public sealed class DiskImageContentTests : IDisposable
{
    private const long Size = 64 * MiB;
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(DiskFormats.CompressedQcow2, "qcow2")]
    [InlineData(DiskFormats.Qcow2, "qcow2")]
    [InlineData(DiskFormats.Raw, "raw")]
    public void An_image_of_each_format_holds_the_staged_tree_behind_an_mbr(string format, string qemuFormat)
    {
        // Folder names that a shell, e2fsprogs' "file?options" syntax or printf would misread.
        const string hostile = " ?offset=1 'q' \"dq\" $x %s \\ \n.";
        var staged = Directory.CreateDirectory(_temp.Combine("staged" + hostile)).FullName;
        StagedTree.Create(staged);
        var image = _temp.Combine("out" + hostile, "guest." + format);
        Directory.CreateDirectory(Path.GetDirectoryName(image)!);

        var steps = MustBuild(staged, image, format, Size);

        steps.Should().HaveCount(format == DiskFormats.Raw ? 3 : 4);
        steps[0].Should().Be("writing partition table");
        steps[1].Should().MatchRegex(@"^making ext4 file system \(\d+ MiB\)$");
        steps[2].Should().Be("normalising timestamps");
        if (format != DiskFormats.Raw)
            steps[3].Should().Be(format == DiskFormats.CompressedQcow2 ? "converting to qcow2 (compressed)" : "converting to qcow2");
        Directory.GetFileSystemEntries(Path.GetDirectoryName(image)!).Should().Equal([image], "the working files are gone");

        Info(image).Should().Be((qemuFormat, Size));
        if (format != DiskFormats.Raw) DataClustersAreCompressed(image).Should().Be(format == DiskFormats.CompressedQcow2);
        if (format == DiskFormats.CompressedQcow2) CompressionType(image).Should().Be("zstd");

        var raw = AsRaw(image, format, _temp.Path);
        var partition = CheckPartitionTable(raw);
        var fileSystem = ExtractPartition(raw, partition, _temp.Path);
        Tool("e2fsck", "e2fsprogs", "-fn", fileSystem).Stdout.Should().Contain("Pass 5");

        var blkid = Tool("blkid", "util-linux", "-p", "-o", "export", fileSystem).Stdout;
        blkid.Should().Contain("TYPE=ext4\n").And.Contain("UUID=" + DiskIdentity.Format(new DiskIdentity(Seed).FileSystemUuid) + "\n");

        CheckInodes(fileSystem);
        CheckExtractedTree(staged, fileSystem);
    }

    private static PartitionEntry CheckPartitionTable(string raw)
    {
        var (bootSignature, diskSignature, first, others) = ReadMbr(raw);
        bootSignature.Should().Be(0x55AA);
        diskSignature.Should().Be(new DiskIdentity(Seed).MbrDiskSignature).And.NotBe(0u);
        first.Should().Be(new PartitionEntry(0x80, 0x83, 2048, (uint)(Size / 512 - 2048)));
        others.Should().OnlyContain(b => b == 0, "there is one partition");

        // util-linux reads the same table.
        using var json = JsonDocument.Parse(Tool("sfdisk", "fdisk", "--json", raw).Stdout);
        var table = json.RootElement.GetProperty("partitiontable");
        table.GetProperty("label").GetString().Should().Be("dos");
        table.GetProperty("id").GetString().Should().Be($"0x{diskSignature:x8}");
        var entry = table.GetProperty("partitions").EnumerateArray().Should().ContainSingle().Subject;
        entry.GetProperty("start").GetInt64().Should().Be(2048);
        entry.GetProperty("size").GetInt64().Should().Be(Size / 512 - 2048);
        entry.GetProperty("type").GetString().Should().Be("83");
        entry.GetProperty("bootable").GetBoolean().Should().BeTrue();
        return first;
    }

    private static void CheckInodes(string fileSystem)
    {
        var hostname = Debugfs(fileSystem, "stat /etc/hostname");
        var hard = Debugfs(fileSystem, "stat /etc/hostname-hard");
        InodeNumber(hard).Should().Be(InodeNumber(hostname), "a hard link stays one inode");
        hostname.Should().MatchRegex(@"Links: 2\b");

        Debugfs(fileSystem, "stat /hostname-link").Should().Contain("Type: symlink").And.Contain("Fast link dest: \"etc/hostname\"");
        Debugfs(fileSystem, "stat /secret").Should().MatchRegex(@"Type: directory\s+Mode:\s+0700").And.MatchRegex(@"User:\s+0\s+Group:\s+0\b");
        Debugfs(fileSystem, "stat /secret/key").Should().MatchRegex(@"Mode:\s+0600").And.MatchRegex(@"User:\s+1000\s+Group:\s+1000\b");
        Debugfs(fileSystem, "stat /usr/bin/tool").Should().MatchRegex(@"Mode:\s+0755");
        Debugfs(fileSystem, "stat /").Should().MatchRegex(@"Mode:\s+0755").And.MatchRegex(@"User:\s+0\s+Group:\s+0\b");
    }

    /// <summary>rdump gives back the tree: same names, types, owners, modes, link targets and bytes.</summary>
    private void CheckExtractedTree(string staged, string fileSystem)
    {
        var extracted = Directory.CreateDirectory(_temp.Combine("extracted")).FullName;
        Debugfs(fileSystem, $"rdump / \"{extracted}\"");
        var root = Path.Combine(extracted, Path.GetFileName(extracted)); // rdump names the root after the target
        root = Directory.Exists(root) ? root : extracted;

        var expected = Listing(staged);
        var actual = Listing(root).Where(e => !e.StartsWith("lost+found", StringComparison.Ordinal)).ToList();
        actual.Should().BeEquivalentTo(expected);
        actual.Should().Contain(e => e.StartsWith("etc/" + StagedTree.HostileName + "\t", StringComparison.Ordinal))
              .And.Contain(e => e.StartsWith("usr/share/" + StagedTree.LongName + "\t", StringComparison.Ordinal));

        foreach (var file in Directory.EnumerateFiles(staged, "*", SearchOption.AllDirectories)
                     .Where(f => new FileInfo(f).LinkTarget is null))
        {
            var copy = Path.Combine(root, Path.GetRelativePath(staged, file));
            File.ReadAllBytes(copy).Should().Equal(File.ReadAllBytes(file), Path.GetRelativePath(staged, file));
            File.GetLastWriteTimeUtc(copy).Should().Be(Timestamp.UtcDateTime, "every mtime is the request's timestamp");
        }
    }

    /// <summary>find's view of a tree: relative path, owner, mode, type and link target of each entry.</summary>
    private static List<string> Listing(string folder) =>
        Tool("find", "findutils", folder, "-mindepth", "1", "-printf", @"%P\t%U:%G %m %y %l\0").Stdout
            .Split('\0', StringSplitOptions.RemoveEmptyEntries).ToList();

    private static long InodeNumber(string stat) => long.Parse(Regex.Match(stat, @"Inode: (\d+)").Groups[1].Value);

    private static string? CompressionType(string image)
    {
        using var info = JsonDocument.Parse(Tool("qemu-img", "qemu-utils", "info", "--output=json", image).Stdout);
        return info.RootElement.GetProperty("format-specific").GetProperty("data").GetProperty("compression-type").GetString();
    }

    /// <summary>qemu-img check's count of compressed clusters (the random blob's clusters may stay uncompressed).</summary>
    private static bool DataClustersAreCompressed(string image)
    {
        using var check = JsonDocument.Parse(Tool("qemu-img", "qemu-utils", "check", "--output=json", image).Stdout);
        check.RootElement.GetProperty("check-errors").GetInt32().Should().Be(0);
        var allocated = check.RootElement.GetProperty("allocated-clusters").GetInt64();
        // qemu-img leaves the count out when no cluster is compressed.
        var compressed = check.RootElement.TryGetProperty("compressed-clusters", out var count) ? count.GetInt64() : 0;
        allocated.Should().BePositive();
        return compressed * 2 > allocated;
    }
}
