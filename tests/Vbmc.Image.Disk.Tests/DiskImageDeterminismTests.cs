using System.Text.RegularExpressions;
using static Vbmc.Image.Disk.Tests.DiskProbe;

namespace Vbmc.Image.Disk.Tests;

/// <summary>
/// Same content, seed and timestamp give the same bytes: two staged trees made in opposite orders
/// at different times, built a second apart into different folders, hash the same in every format.
/// Every time in the file system is the request's, and the seed does change the bytes.
/// </summary>
public sealed class DiskImageDeterminismTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Two_builds_of_the_same_content_are_byte_identical_in_every_format()
    {
        var first = Stage("first", reverseOrder: false);
        Thread.Sleep(TimeSpan.FromSeconds(1.1)); // host times (and mke2fs's own clock) move on
        var second = Stage("second", reverseOrder: true);

        foreach (var format in DiskFormats.All)
        {
            var a = Path.Combine(Directory.CreateDirectory(_temp.Combine("a", "deep", "folder")).FullName, "one.img");
            var b = Path.Combine(Directory.CreateDirectory(_temp.Combine("b with space")).FullName, "other name.img");
            MustBuild(first, a, format);
            Thread.Sleep(TimeSpan.FromSeconds(1.1));
            MustBuild(second, b, format);
            Sha256(b).Should().Be(Sha256(a), $"{format} images of the same content are identical");
        }
    }

    [Fact]
    public void Another_seed_gives_other_uuids_and_other_bytes()
    {
        var staged = Stage("staged", reverseOrder: false);
        var a = _temp.Combine("a.raw");
        var b = _temp.Combine("b.raw");
        MustBuild(staged, a, DiskFormats.Raw);
        MustBuild(staged, b, DiskFormats.Raw, seed: "0ther5eed");
        Sha256(a).Should().NotBe(Sha256(b));
        new DiskIdentity("0ther5eed").FileSystemUuid.Should().NotBe(new DiskIdentity(Seed).FileSystemUuid);
    }

    [Fact]
    public void Every_time_in_the_file_system_is_the_requested_timestamp()
    {
        var staged = Stage("staged", reverseOrder: false);
        var timestamp = new DateTimeOffset(2009, 2, 13, 23, 31, 30, TimeSpan.Zero);
        var image = _temp.Combine("disk.raw");
        MustBuild(staged, image, DiskFormats.Raw, timestamp: timestamp);
        var partition = ExtractPartition(image, ReadMbr(image).First, _temp.Path);

        var superblock = Tool("dumpe2fs", "e2fsprogs", "-h", partition).Stdout;
        foreach (var label in new[] { "Filesystem created:", "Last write time:", "Last checked:" })
            Regex.Match(superblock, Regex.Escape(label) + @"\s+(.+)").Groups[1].Value.Trim().Should().Be("Fri Feb 13 23:31:30 2009", label);
        superblock.Should().MatchRegex(@"Last mount time:\s+n/a");
        // vbmc's own mke2fs configuration, whatever the host's /etc/mke2fs.conf says.
        superblock.Should().MatchRegex(@"Filesystem features:\s+has_journal ext_attr resize_inode dir_index filetype extent 64bit flex_bg sparse_super large_file huge_file dir_nlink extra_isize metadata_csum\n")
            .And.MatchRegex(@"Inode size:\s+256\n").And.MatchRegex(@"Block size:\s+4096\n");
        superblock.Should().Contain("Directory Hash Seed:      " + DiskIdentity.Format(new DiskIdentity(Seed).DirectoryHashSeed));

        // Every inode of the first 64 (the tree uses 18): all of its times are the
        // timestamp, or it is an unused or reserved inode whose times are all zero. Inodes with no
        // extra fields (the reserved ones) print three times in seconds only; the others four,
        // with nanoseconds.
        var batch = _temp.Combine("stat.debugfs");
        File.WriteAllLines(batch, Enumerable.Range(1, 64).Select(n => $"stat <{n}>"));
        var stats = Tool("debugfs", "e2fsprogs", "-f", batch, partition).Stdout.Split("debugfs: stat <")[1..];
        stats.Should().HaveCount(64);
        var seconds = $"0x{timestamp.ToUnixTimeSeconds():x8}";
        var inUse = 0;
        foreach (var stat in stats)
        {
            var times = Regex.Matches(stat, @"(?m)^\s*(?:c|a|m|cr)time: (0x[0-9a-f]{8})(:[0-9a-f]{8})?").ToList();
            times.Count.Should().BeOneOf([3, 4], stat);
            times.Select(m => m.Groups[2].Value).Should().OnlyContain(nanoseconds => nanoseconds == "" || nanoseconds == ":00000000", stat);
            times.Select(m => m.Groups[1].Value).Distinct().Should().ContainSingle(stat).Which.Should().BeOneOf(seconds, "0x00000000");
            if (times.Count == 4 && times[0].Groups[1].Value == seconds) inUse++;
        }
        inUse.Should().Be(18, "the 14 staged inodes (the hard link shares one), the root, lost+found, the resize and the journal inodes carry it");
    }

    private string Stage(string name, bool reverseOrder)
    {
        var folder = Directory.CreateDirectory(_temp.Combine(name)).FullName;
        StagedTree.Create(folder, reverseOrder);
        return folder;
    }
}
