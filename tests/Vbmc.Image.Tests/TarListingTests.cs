using Vbmc.Image.Base;
using Vbmc.Image.Guest;
using Vbmc.TestSupport;

namespace Vbmc.Image.Tests;

/// <summary>The base's owners, modes and devices, read from the host tar's listing of a real archive.</summary>
public sealed class TarListingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vbmc-listing-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private const string Hostile = "a \"quoted\" name\twith\\ a tab, é and\nline";

    [Fact]
    public void Every_kind_of_member_is_read_with_its_owner_mode_and_device_numbers()
    {
        var tar = HostTools.Require("tar", "tar");
        var root = Directory.CreateDirectory(Path.Combine(_folder, "root")).FullName;
        Directory.CreateDirectory(Path.Combine(root, "dev"));
        Directory.CreateDirectory(Path.Combine(root, "tmp"));
        File.WriteAllText(Path.Combine(root, Hostile), "x");
        File.WriteAllText(Path.Combine(root, "su"), "x");
        File.CreateSymbolicLink(Path.Combine(root, "link -> not this"), "su");
        Directory.CreateDirectory(Path.Combine(root, "a"));
        File.WriteAllText(Path.Combine(root, "a", "plain"), "x");
        Run("ln", Path.Combine(root, "a", "plain"), Path.Combine(root, "b-again")); // tar stores a/plain first (sorted below)
        Run("mknod", Path.Combine(root, "dev", "console"), "c", "5", "1");
        Run("mknod", Path.Combine(root, "dev", "sda"), "b", "8", "0");
        Run("mkfifo", Path.Combine(root, "fifo"));
        Run("chown", "0:42", Path.Combine(root, "su")); // before chmod: chown clears set-user-id
        Run("chmod", "4754", Path.Combine(root, "su"));
        Run("chmod", "1777", Path.Combine(root, "tmp"));
        Run("chmod", "0620", Path.Combine(root, "dev", "console"));
        Run("chown", "-h", "12:34", Path.Combine(root, "link -> not this"));
        var archive = Path.Combine(_folder, "base.tar");
        Run(tar, "-C", root, "--sort=name", "-c", "-f", archive, ".");

        var listing = ProcessRunner.Run(tar, [.. TarListing.ListArguments, "-f", archive]);
        listing.ExitCode.Should().Be(0, listing.Stderr);
        var members = TarListing.Parse(listing.Stdout).ToDictionary(m => m.Path);

        members[""].Type.Should().Be('d');
        members[Hostile].Should().Match<TarMember>(m => m.Type == '-' && m.Name == "./" + Hostile);
        members["su"].Should().Match<TarMember>(m => m.Type == '-' && m.Permissions == 0x800 + 0b111_101_100 && m.Uid == 0 && m.Gid == 42);
        members["tmp"].Permissions.Should().Be(0x200 + 0b111_111_111);
        members["link -> not this"].Should().Match<TarMember>(m => m.Type == 'l' && m.Uid == 12 && m.Gid == 34);
        members["b-again"].Should().Match<TarMember>(m => m.Type == 'h' && m.LinkTarget == "a/plain");
        members["dev/console"].Should().Match<TarMember>(m => m.IsDevice && m.Type == 'c' && m.Major == 5 && m.Minor == 1 && m.Permissions == 0b110_010_000);
        members["dev/sda"].Should().Match<TarMember>(m => m.Type == 'b' && m.Major == 8 && m.Minor == 0);
        members["fifo"].Type.Should().Be('p');
    }

    [Fact]
    public void Extended_attributes_are_listed_with_their_member()
    {
        var tar = HostTools.Require("tar", "tar");
        var root = Directory.CreateDirectory(Path.Combine(_folder, "root")).FullName;
        var file = Path.Combine(root, "marked");
        File.WriteAllText(file, "x");
        Run(HostTools.Require("python3", "python3"), "-c", "import os, sys; os.setxattr(sys.argv[1], 'user.vbmc', b'1')", file);
        var archive = Path.Combine(_folder, "x.tar");
        Run(tar, "-C", root, "--xattrs", "--xattrs-include=*", "-c", "-f", archive, ".");
        var listing = ProcessRunner.Run(tar, [.. TarListing.ListArguments, "-f", archive]);
        TarListing.Parse(listing.Stdout).Single(m => m.Path == "marked").Xattrs.Should().Equal("user.vbmc");
    }

    [Fact]
    public void A_line_that_is_not_a_member_is_a_format_error()
    {
        var parse = () => TarListing.Parse("tar: something odd\n");
        parse.Should().Throw<FormatException>().WithMessage("*tar: something odd*");
    }

    [Fact]
    public void Later_members_replace_earlier_ones_and_what_vbmc_replaces_loses_the_bases_owner()
    {
        var owners = GuestOwners.FromListing(TarListing.Parse(
            "drwxr-xr-x 0/0 0 2024-01-01 00:00:00 \"./\"\n" +
            "drwxr-xr-x 0/0 0 2024-01-01 00:00:00 \"./dev/\"\n" +
            "crw-rw-rw- 0/0 1,3 2024-01-01 00:00:00 \"./dev/null\"\n" +
            "crw-rw-rw- 0/0 5,1 2024-01-01 00:00:00 \"./dev/console\"\n" +
            "drwx------ 42/0 0 2024-01-01 00:00:00 \"./etc/\"\n" +
            "-rw-r----- 0/42 9 2024-01-01 00:00:00 \"./etc/shadow\"\n" +
            "-rw-r--r-- 3/3 9 2024-01-01 00:00:00 \"./etc/shadow\"\n" +
            "hrw-r--r-- 3/3 0 2024-01-01 00:00:00 \"./etc/shadow-link\" link to \"./etc/shadow\"\n"));
        owners.Devices.Select(d => d.Path).Should().BeEquivalentTo("dev/null", "dev/console");

        var root = Directory.CreateDirectory(Path.Combine(_folder, "staged")).FullName;
        Directory.CreateDirectory(Path.Combine(root, "dev"));
        Directory.CreateDirectory(Path.Combine(root, "etc"));
        File.WriteAllText(Path.Combine(root, "etc", "shadow"), "");
        File.WriteAllText(Path.Combine(root, "etc", "shadow-link"), "");
        var folder = new RootFolder(root, owners);
        folder.Write(GuestFile.Regular("/etc/passwd", ""));
        folder.Own("/etc/passwd", 0, 7);
        folder.Remove("/dev/null");

        var ownership = owners.For(root);
        ownership.Inodes.Should().Equal(
            new Vbmc.Image.Disk.InodeOwner("/dev", 0, 0, 0x4000 | 0b111_101_101),
            new Vbmc.Image.Disk.InodeOwner("/etc", 42, 0, 0x4000 | 0b111_000_000),
            new Vbmc.Image.Disk.InodeOwner("/etc/passwd", 0, 7, null),
            new Vbmc.Image.Disk.InodeOwner("/etc/shadow", 3, 3, 0x8000 | 0b110_100_100),
            new Vbmc.Image.Disk.InodeOwner("/etc/shadow-link", 3, 3, 0x8000 | 0b110_100_100));
        ownership.Devices.Should().ContainSingle().Which.Should().Be(
            new Vbmc.Image.Disk.DeviceNode("/dev/console", 5, 1, 0, 0, Vbmc.Image.Disk.DeviceNode.CharacterDevice | 0b110_110_110));
    }

    private static void Run(string program, params string[] arguments)
    {
        var result = ProcessRunner.Run(program, arguments);
        result.ExitCode.Should().Be(0, $"{program} {string.Join(' ', arguments)}: {result.Stderr}");
    }
}
