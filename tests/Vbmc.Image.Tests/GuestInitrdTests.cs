using System.Text;
using Vbmc.Image.Guest;
using Vbmc.TestSupport;

namespace Vbmc.Image.Tests;

/// <summary>How vbmc's own initrd picks the kernel modules and the busybox it needs, and when it leaves the base's initrd.</summary>
public sealed class GuestInitrdTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vbmc-initrd-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly DateTimeOffset Date = new(2014, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Dependencies_load_first_each_once_and_built_in_modules_not_at_all()
    {
        var dep = GuestInitrd.ParseModulesDep(
        [
            "kernel/fs/ext4/ext4.ko.xz: kernel/fs/jbd2/jbd2.ko.xz kernel/fs/mbcache.ko.xz",
            "kernel/fs/jbd2/jbd2.ko.xz:",
            "kernel/fs/mbcache.ko.xz:",
            "kernel/drivers/block/virtio-blk.ko.xz: kernel/fs/mbcache.ko.xz",
        ]);
        var (order, missing) = GuestInitrd.LoadOrder(["virtio_pci", "virtio_blk", "ext4"], new HashSet<string> { "virtio_pci" }, dep);
        missing.Should().BeNull();
        order.Should().Equal("kernel/fs/mbcache.ko.xz", "kernel/drivers/block/virtio-blk.ko.xz", "kernel/fs/jbd2/jbd2.ko.xz", "kernel/fs/ext4/ext4.ko.xz");
    }

    [Fact]
    public void A_module_the_kernel_has_neither_way_is_named()
    {
        var (_, missing) = GuestInitrd.LoadOrder(["virtio_blk"], new HashSet<string>(), GuestInitrd.ParseModulesDep(["kernel/fs/ext4/ext4.ko:"]));
        missing.Should().Contain("virtio_blk");
    }

    [Fact]
    public void Module_names_drop_folders_and_suffixes_and_read_dashes_as_underscores()
    {
        GuestInitrd.ModuleName("kernel/drivers/block/virtio-blk.ko.xz").Should().Be("virtio_blk");
        GuestInitrd.ModuleName("kernel/fs/ext4/ext4.ko").Should().Be("ext4");
    }

    [Fact]
    public void A_base_without_a_static_busybox_keeps_its_own_initrd()
    {
        var root = Path.Combine(_folder, "root");
        Directory.CreateDirectory(Path.Combine(root, "usr", "bin"));
        GuestInitrd.Make(root, "1.0", Date).Initrd.Should().BeNull();
        GuestInitrd.Make(root, "1.0", Date).Reason.Should().Contain("no busybox");
        // The host's true is linked dynamically (Debian links no program statically but busybox-static's).
        File.Copy(HostTools.Require("true", "coreutils"), Path.Combine(root, "usr", "bin", "busybox"));
        var (initrd, reason) = GuestInitrd.Make(root, "1.0", Date);
        initrd.Should().BeNull();
        reason.Should().Contain("not linked statically");
    }

    [Fact]
    public void The_init_script_passes_shellcheck()
    {
        var script = Path.Combine(_folder, "init");
        File.WriteAllText(script, GuestInitrd.InitScript);
        var result = ProcessRunner.Run(HostTools.Require("shellcheck", "shellcheck"), ["-s", "sh", script]);
        result.ExitCode.Should().Be(0, result.Stdout);
    }

    /// <summary>The entries of a newc cpio archive: name, mode, content, device numbers.</summary>
    internal static List<(string Name, int Mode, byte[] Content, int Major, int Minor)> ReadCpio(byte[] archive)
    {
        var entries = new List<(string, int, byte[], int, int)>();
        var offset = 0;
        int Field(int index) => Convert.ToInt32(Encoding.ASCII.GetString(archive, offset + 6 + index * 8, 8), 16);
        while (true)
        {
            Encoding.ASCII.GetString(archive, offset, 6).Should().Be("070701");
            var (mode, size, major, minor, nameSize) = (Field(1), Field(6), Field(9), Field(10), Field(11));
            var name = Encoding.UTF8.GetString(archive, offset + 110, nameSize - 1);
            var data = (offset + 110 + nameSize + 3) & ~3;
            if (name == "TRAILER!!!") return entries;
            entries.Add((name, mode, archive[data..(data + size)], major, minor));
            offset = (data + size + 3) & ~3;
        }
    }
}
