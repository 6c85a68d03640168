using System.Text.RegularExpressions;
using Vbmc.TestSupport;
using static Vbmc.Image.Disk.Tests.DiskProbe;

namespace Vbmc.Image.Disk.Tests;

/// <summary>
/// With an <see cref="InodeOwnership"/>, the image's owners, modes and device nodes are the
/// ownership's, not the staged folder's: two folders with the same content, one root's and one
/// another user's with other modes (as an ordinary user stages it), give the same bytes.
/// </summary>
public sealed class DiskImageOwnershipTests : IDisposable
{
    private const string QuotedName = "a \"quoted\" name";
    private const int Regular = 0x8000, Folder = 0x4000;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static readonly InodeOwnership Ownership = new(
    [
        new InodeOwner("/dev", 0, 0, Folder | 0b111_101_101),
        new InodeOwner("/etc", 0, 0, Folder | 0b111_101_101),
        new InodeOwner("/etc/shadow", 0, 42, Regular | 0b110_100_000),
        new InodeOwner("/etc/" + QuotedName, 7, 8, null),
        new InodeOwner("/home", 0, 0, null),
        new InodeOwner("/home/offload", 1000, 100, Folder | 0b111_000_000),
        new InodeOwner("/shadow-link", 5, 6, null),
        new InodeOwner("/usr", 0, 0, Folder | 0b111_101_101),
        new InodeOwner("/usr/su", 0, 0, Regular | 0x800 | 0b111_101_101),
    ],
    [
        new DeviceNode("/dev/console", 5, 1, 0, 5, DeviceNode.CharacterDevice | 0b110_010_000),
        new DeviceNode("/dev/sda", 8, 0, 0, 6, DeviceNode.BlockDevice | 0b110_110_000),
    ]);

    [Fact]
    public void Owners_modes_and_devices_are_the_ownerships_whoever_owns_the_staged_files()
    {
        var asRoot = Stage("root", uid: 0, relaxedModes: false);
        var asUser = Stage("user", uid: 4321, relaxedModes: true);
        var a = _temp.Combine("a.raw");
        var b = _temp.Combine("b.raw");
        MustBuild(asRoot, a, DiskFormats.Raw, ownership: Ownership);
        MustBuild(asUser, b, DiskFormats.Raw, ownership: Ownership);
        Sha256(b).Should().Be(Sha256(a), "the staged owners and modes do not reach the image");

        var partition = ExtractPartition(a, ReadMbr(a).First, _temp.Path);
        Tool("e2fsck", "e2fsprogs", "-f", "-n", partition);
        Stat(partition, "/etc/shadow").Should().Be(("regular", "0640", 0, 42));
        Stat(partition, "/etc/" + QuotedName).Should().Be(("regular", "0644", 7, 8), "a mode the ownership leaves out is the staged one");
        Stat(partition, "/home/offload").Should().Be(("directory", "0700", 1000, 100));
        Stat(partition, "/shadow-link").Should().Be(("symlink", "0777", 5, 6));
        Stat(partition, "/usr/su").Should().Be(("regular", "04755", 0, 0));
        Stat(partition, "/dev/console").Should().Be(("character special", "0620", 0, 5));
        Stat(partition, "/dev/sda").Should().Be(("block special", "0660", 0, 6));
        Debugfs(partition, "stat /dev/console").Should().Contain("Device major/minor number: 05:01");
        Debugfs(partition, "stat /dev/sda").Should().Contain("Device major/minor number: 08:00");
    }

    [Fact]
    public void A_device_name_with_a_line_break_is_refused_before_anything_is_built()
    {
        var staged = Stage("root", uid: 0, relaxedModes: false);
        var output = _temp.Combine("out.raw");
        var outcome = Build(staged, output, DiskFormats.Raw,
            ownership: Ownership with { Devices = [.. Ownership.Devices, new DeviceNode("/dev/two\nlines", 1, 3, 0, 0, DeviceNode.CharacterDevice | 0b110_110_110)] });
        outcome.Succeeded.Should().BeFalse();
        outcome.Diagnostics.Items.Should().ContainSingle().Which.Message.Should().Be(
            "unsupported: the device node name /dev/two\\nlines holds a line break, which debugfs cannot be given to make it");
        File.Exists(output).Should().BeFalse();
    }

    [Fact]
    public void A_file_name_with_a_line_break_gets_its_owner()
    {
        // vbmc looks names up itself: only device nodes go through debugfs's one-command-a-line batch.
        var staged = Stage("root", uid: 0, relaxedModes: false);
        File.WriteAllText(Path.Combine(staged, "etc", "two\nlines"), "x\n");
        var image = _temp.Combine("lines.raw");
        MustBuild(staged, image, DiskFormats.Raw,
            ownership: Ownership with { Inodes = [.. Ownership.Inodes, new InodeOwner("/etc/two\nlines", 33, 44, Regular | 0b110_000_000)] });
        var partition = ExtractPartition(image, ReadMbr(image).First, _temp.Path);
        Debugfs(partition, "ls -l /etc").Should().MatchRegex(@"100600 \(1\)\s+33\s+44\s+2 .*two");
    }

    [Fact]
    public void The_device_batch_quotes_names_as_debugfs_reads_them_and_makes_each_node_in_its_folder()
    {
        // The inodes' owners are not debugfs's any more (Ext4InodesTests): only the device nodes are in the batch.
        var batch = OwnershipPass.DeviceBatch(new InodeOwnership(
            [new InodeOwner("/etc/" + QuotedName, 7, 8, Regular | 0b110_100_100)],
            [new DeviceNode("/dev/console", 5, 1, 0, 5, DeviceNode.CharacterDevice | 0b110_010_000),
             new DeviceNode("/dev/" + QuotedName, 8, 0, 0, 6, DeviceNode.BlockDevice | 0b110_110_000)]));
        batch.Should().Be(
            "cd \"/dev\"\nmknod \"console\" c 5 1\nsif \"/dev/console\" mode 020620\nsif \"/dev/console\" uid 0\nsif \"/dev/console\" gid 5\n" +
            "cd \"/dev\"\nmknod \"a \"\"quoted\"\" name\" b 8 0\nsif \"/dev/a \"\"quoted\"\" name\" mode 060660\n" +
            "sif \"/dev/a \"\"quoted\"\" name\" uid 0\nsif \"/dev/a \"\"quoted\"\" name\" gid 6\n");
    }

    /// <summary>The tree the ownership describes, owned by <paramref name="uid"/>; "relaxed" modes as an ordinary user's staging leaves them.</summary>
    private string Stage(string name, int uid, bool relaxedModes)
    {
        var root = Directory.CreateDirectory(_temp.Combine(name)).FullName;
        Directory.CreateDirectory(Path.Combine(root, "dev"));
        Directory.CreateDirectory(Path.Combine(root, "home", "offload"));
        Directory.CreateDirectory(Path.Combine(root, "usr"));
        Directory.CreateDirectory(Path.Combine(root, "etc"));
        File.WriteAllText(Path.Combine(root, "etc", "shadow"), "root:*:19000::::::\n");
        File.WriteAllText(Path.Combine(root, "etc", QuotedName), "quoted\n");
        File.WriteAllText(Path.Combine(root, "usr", "su"), "#!/bin/sh\n");
        File.CreateSymbolicLink(Path.Combine(root, "shadow-link"), "etc/shadow");
        File.SetUnixFileMode(Path.Combine(root, "etc", QuotedName), Mode(0b110_100_100));
        File.SetUnixFileMode(Path.Combine(root, "etc", "shadow"), Mode(relaxedModes ? 0b110_110_110 : 0b110_100_000));
        File.SetUnixFileMode(Path.Combine(root, "usr", "su"), Mode(relaxedModes ? 0b111_111_101 : 0b111_101_101));
        Tool("chown", "coreutils", "-R", "-h", $"{uid}:{uid}", root);
        return root;
    }

    private static UnixFileMode Mode(int bits) => (UnixFileMode)bits;

    private static (string Type, string Mode, int Uid, int Gid) Stat(string partition, string path)
    {
        var stat = Debugfs(partition, "stat \"" + path.Replace("\"", "\"\"") + "\"");
        var head = Regex.Match(stat, @"Type: (.+?)\s+Mode:\s+(\d+)");
        var owner = Regex.Match(stat, @"User:\s+(\d+)\s+Group:\s+(\d+)");
        head.Success.Should().BeTrue(stat);
        return (head.Groups[1].Value, head.Groups[2].Value, int.Parse(owner.Groups[1].Value), int.Parse(owner.Groups[2].Value));
    }
}
