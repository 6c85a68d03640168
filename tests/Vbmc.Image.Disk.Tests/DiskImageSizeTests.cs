using Vbmc.Diagnostics;
using static Vbmc.Image.Disk.Tests.DiskProbe;

namespace Vbmc.Image.Disk.Tests;

/// <summary>The disk's size: sparse on disk, rounded to sectors, and a clear diagnostic when too small.</summary>
public sealed class DiskImageSizeTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_raw_gibibyte_of_small_content_is_sparse()
    {
        var staged = Stage();
        var image = _temp.Combine("disk.raw");
        MustBuild(staged, image, DiskFormats.Raw, 1024 * MiB);

        new FileInfo(image).Length.Should().Be(1024 * MiB);
        Info(image).VirtualSize.Should().Be(1024 * MiB);
        AllocatedBytes(image).Should().BeLessThan(16 * MiB, "only metadata and the 300 KiB of files are written; the 32 MiB journal and the rest are holes");
    }

    [Fact]
    public void A_size_that_is_not_whole_sectors_is_rounded_up_to_one()
    {
        var image = _temp.Combine("odd.qcow2");
        MustBuild(Stage(), image, DiskFormats.Qcow2, 64 * MiB + 100);
        Info(image).VirtualSize.Should().Be(64 * MiB + 512);
        ReadMbr(AsRaw(image, DiskFormats.Qcow2, _temp.Path)).First.Sectors.Should().Be((uint)((64 * MiB + 512) / 512 - 2048));
    }

    [Fact]
    public void Content_larger_than_the_disk_is_a_diagnostic_and_leaves_no_file()
    {
        var staged = Stage();
        var random = new byte[48 * MiB];
        new Random(1).NextBytes(random); // incompressible and without holes: it takes its size
        File.WriteAllBytes(Path.Combine(staged, "big"), random);
        var image = _temp.Combine("out", "small.qcow2");
        Directory.CreateDirectory(Path.GetDirectoryName(image)!);

        var outcome = Build(staged, image, DiskFormats.CompressedQcow2, 40 * MiB);

        outcome.Succeeded.Should().BeFalse();
        var diagnostic = outcome.Diagnostics.Items.Should().ContainSingle().Subject;
        diagnostic.Id.Should().Be(DiagnosticIds.ImageBuildFailed);
        diagnostic.Severity.Should().Be(Severity.Error);
        diagnostic.Span.Should().Be(Place);
        diagnostic.Message.Should().StartWith("the guest's files (about 49 MiB) do not fit in a disk of 40 MiB");
        diagnostic.Hint.Should().Be("give the image a larger size");
        Directory.GetFileSystemEntries(Path.GetDirectoryName(image)!).Should().BeEmpty("no partial image or working file is left");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8 * MiB)]
    public void A_disk_too_small_for_a_file_system_with_a_journal_is_a_diagnostic(long size)
    {
        var outcome = Build(Stage(), _temp.Combine("tiny.raw"), DiskFormats.Raw, size);
        outcome.Succeeded.Should().BeFalse();
        var diagnostic = outcome.Diagnostics.Items.Should().ContainSingle().Subject;
        diagnostic.Id.Should().Be(DiagnosticIds.ImageBuildFailed);
        diagnostic.Message.Should().Contain("too small");
        diagnostic.Hint.Should().Be("give the image at least 9 MiB");
        File.Exists(_temp.Combine("tiny.raw")).Should().BeFalse();
    }

    [Theory]
    [InlineData(3L << 40)]
    [InlineData(long.MaxValue)]
    public void A_disk_beyond_what_an_mbr_describes_is_unsupported(long size)
    {
        var outcome = Build(Stage(), _temp.Combine("huge.raw"), DiskFormats.Raw, size);
        outcome.Diagnostics.Items.Should().ContainSingle().Which.Message.Should().StartWith($"unsupported: a disk of {size} bytes");
        File.Exists(_temp.Combine("huge.raw")).Should().BeFalse();
    }

    [Fact]
    public void Bad_requests_are_diagnostics_not_exceptions()
    {
        var outcome = Build(_temp.Combine("no such folder"), _temp.Combine("missing", "x.img"), "vmdk",
            timestamp: new DateTimeOffset(1969, 12, 31, 0, 0, 0, TimeSpan.Zero));
        outcome.Succeeded.Should().BeFalse();
        outcome.Diagnostics.Items.Select(d => d.Message).Should().BeEquivalentTo(
        [
            "unsupported: disk image format \"vmdk\"",
            "unsupported: file system timestamp 1969-12-31T00:00:00.0000000+00:00; vbmc writes times between 1970 and 2038",
            $"the staged root folder {_temp.Combine("no such folder")} does not exist",
            $"the folder of the disk image {_temp.Combine("missing", "x.img")} does not exist",
        ]);
        outcome.Diagnostics.Items.Should().OnlyContain(d => d.Id == DiagnosticIds.ImageBuildFailed && d.Span == Place);
    }

    [Fact]
    public void Missing_tools_are_named_with_their_debian_package()
    {
        var empty = Directory.CreateDirectory(_temp.Combine("empty-bin")).FullName;
        var diagnostics = new DiagnosticBag();
        var request = new DiskImageRequest(Stage(), _temp.Combine("x.qcow2"), DiskFormats.CompressedQcow2, 64 * MiB, Seed, Timestamp);

        DiskAssembler.Assemble(request, null, diagnostics, Place, [empty]).Should().BeFalse();

        diagnostics.Items.Should().OnlyContain(d => d.Id == DiagnosticIds.ImageToolMissing && d.Severity == Severity.Error);
        diagnostics.Items.Select(d => (d.Message, d.Hint)).Should().Equal(
            ("mke2fs is needed to build disk images and is not installed", "install the Debian package e2fsprogs (apt-get install e2fsprogs)"),
            ("debugfs is needed to build disk images and is not installed", "install the Debian package e2fsprogs (apt-get install e2fsprogs)"));
        File.Exists(request.OutputPath).Should().BeFalse();
    }

    [Fact]
    public void A_rebuild_replaces_the_previous_image()
    {
        var image = _temp.Combine("disk.qcow2");
        File.WriteAllText(image, "an older image");
        MustBuild(Stage(), image, DiskFormats.Qcow2);
        Info(image).Format.Should().Be("qcow2");
    }

    private string Stage()
    {
        var folder = Directory.CreateDirectory(_temp.Combine("staged-" + Guid.NewGuid().ToString("N"))).FullName;
        StagedTree.Create(folder);
        return folder;
    }
}
