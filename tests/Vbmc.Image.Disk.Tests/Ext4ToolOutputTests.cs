using Vbmc.TestSupport;
using static Vbmc.Image.Disk.Tests.DiskProbe;

namespace Vbmc.Image.Disk.Tests;

/// <summary>The parsing of e2fsprogs' output, on output of the installed tools.</summary>
public sealed class Ext4ToolOutputTests
{
    [Fact]
    public void The_installed_mke2fs_version_is_read_and_new_enough()
    {
        var run = ProcessRunner.Run(HostTools.Require("mke2fs", "e2fsprogs"), ["-V"]);
        var version = Ext4FileSystem.ParseVersion(run.Stderr + run.Stdout);
        version.Should().NotBeNull().And.BeGreaterThanOrEqualTo(Ext4FileSystem.MinimumVersion);
        Ext4FileSystem.ParseVersion("mke2fs 1.46.5 (30-Dec-2021)").Should().Be(new Version(1, 46, 5));
        Ext4FileSystem.ParseVersion("no version here").Should().BeNull();
    }

    [Fact]
    public void The_inodes_in_use_agree_with_the_superblock_counts()
    {
        using var temp = new TempFolder();
        var staged = Directory.CreateDirectory(temp.Combine("staged")).FullName;
        StagedTree.Create(staged);
        // Enough inodes to fill group 0's 8192 and spill into the next group: symbolic links (one
        // system call each, the cheapest inode to make), in small folders (mke2fs -d is quadratic
        // in the size of one folder).
        for (var d = 0; d < 85; d++)
        {
            var folder = Directory.CreateDirectory(Path.Combine(staged, "many", d.ToString("D2"))).FullName;
            for (var i = 0; i < 100; i++) File.CreateSymbolicLink(Path.Combine(folder, i.ToString("D3")), "../../etc/hostname");
        }
        var image = temp.Combine("disk.raw");
        MustBuild(staged, image, DiskFormats.Raw, 256 * MiB);
        var partition = ExtractPartition(image, ReadMbr(image).First, temp.Path);

        var listing = Tool("dumpe2fs", "e2fsprogs", partition).Stdout;
        var inUse = TimestampNormaliser.InodesInUse(listing);

        var header = Tool("dumpe2fs", "e2fsprogs", "-h", partition).Stdout;
        long Header(string label) => long.Parse(header.Split('\n').Single(l => l.StartsWith(label, StringComparison.Ordinal))[label.Length..].Trim());
        // Used inodes minus the reserved ones 1 and 3-10, which the list leaves out.
        inUse.Should().HaveCount((int)(Header("Inode count:") - Header("Free inodes:") - 9));
        inUse.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems().And.Contain(2).And.Contain(11);
        inUse.Max().Should().BeGreaterThan(8192, "the list goes on past the first group");
        Debugfs(partition, "stat /var/empty").Should().Contain($"Inode: {inUse.Max()} ", "mke2fs -d adds entries in sorted order, depth first");
    }

    [Fact]
    public void Debugfs_errors_are_recognised_and_its_banner_is_not_one()
    {
        TimestampNormaliser.ErrorLines("debugfs 1.47.0 (5-Feb-2023)\n").Should().BeEmpty();
        TimestampNormaliser.ErrorLines("debugfs 1.47.0 (5-Feb-2023)\nsif: Filesystem opened read/only\n")
            .Should().Equal("sif: Filesystem opened read/only");
    }

    [Fact]
    public void The_batch_sets_the_three_times_copied_from_the_host_of_each_inode()
    {
        // crtime is left out: mke2fs gives it the fake time (DiskImageDeterminismTests reads it back).
        TimestampNormaliser.DebugfsBatch([2, 11], 1401580800).Should().Be(
            "sif <2> atime @1401580800\nsif <2> mtime @1401580800\nsif <2> ctime @1401580800\n" +
            "sif <11> atime @1401580800\nsif <11> mtime @1401580800\nsif <11> ctime @1401580800\n");
    }
}
