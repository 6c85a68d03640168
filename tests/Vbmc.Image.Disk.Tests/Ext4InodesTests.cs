using System.Diagnostics;
using System.Globalization;
using System.Text;
using Vbmc.TestSupport;
using static Vbmc.Image.Disk.Tests.DiskProbe;

namespace Vbmc.Image.Disk.Tests;

/// <summary>
/// The owners and times vbmc writes into the inode tables (<see cref="Ext4Inodes"/>) are what
/// debugfs's <c>sif</c> wrote, byte for byte, on a file system made by vbmc's mke2fs settings.
/// </summary>
public sealed class Ext4InodesTests : IDisposable
{
    private const long Seconds = 1401580800; // 2014-06-01
    private const int SuperblockAt = 1024; // in the partition
    private const int KbytesWrittenAt = 0x178, SuperblockChecksumAt = 0x3FC;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Owners_and_times_written_in_place_are_the_inodes_debugfs_writes()
    {
        var staged = Directory.CreateDirectory(_temp.Combine("staged")).FullName;
        StagedTree.Create(staged);
        // A folder whose entries take several blocks, and nested ones.
        var many = Directory.CreateDirectory(Path.Combine(staged, "usr", "many")).FullName;
        for (var i = 0; i < 400; i++) File.WriteAllText(Path.Combine(many, "entry-with-a-longish-name-" + i.ToString("D3", CultureInfo.InvariantCulture)), "x");
        Directory.CreateDirectory(Path.Combine(staged, "a", "b", "c", "d"));
        var ownership = VariedOwnership(staged);

        var made = MakeFileSystem(staged);
        var bySif = _temp.Combine("by-sif.raw");
        var inPlace = _temp.Combine("in-place.raw");
        File.Copy(made, bySif);
        File.Copy(made, inPlace);

        var batch = new StringBuilder();
        foreach (var owner in ownership.Inodes)
        {
            var quoted = OwnershipPass.Quote(owner.GuestPath);
            if (owner.Mode is { } mode) batch.Append($"sif {quoted} mode 0{Convert.ToString(mode, 8)}\n");
            batch.Append($"sif {quoted} uid {owner.Uid}\nsif {quoted} gid {owner.Gid}\n");
        }
        foreach (var inode in InodesInUse(Tool("dumpe2fs", "e2fsprogs", bySif).Stdout))
            foreach (var field in new[] { "atime", "mtime", "ctime" })
                batch.Append($"sif <{inode}> {field} @{Seconds}\n");
        var batchFile = _temp.Combine("batch.debugfs");
        File.WriteAllText(batchFile, batch.ToString());
        // With the request's time, as the assembler ran it: debugfs writes it as the superblock's write time.
        var (exitCode, errors) = Run("debugfs", ["-w", "-f", batchFile, bySif], new Dictionary<string, string> { ["E2FSPROGS_FAKE_TIME"] = Seconds.ToString(CultureInfo.InvariantCulture) });
        exitCode.Should().Be(0, errors);
        OwnershipPass.ErrorLines(errors).Should().BeEmpty();

        using (var disk = File.OpenHandle(inPlace, FileMode.Open, FileAccess.ReadWrite))
        {
            var inodes = new Ext4Inodes(disk, 0);
            OwnershipPass.Apply(ownership, inodes).Should().BeEmpty();
            TimestampNormaliser.Apply(inodes, Seconds);
            inodes.Flush();
        }

        // debugfs adds what it wrote to the superblock's lifetime writes (and so changes its
        // checksum); everything else is the same.
        var expected = File.ReadAllBytes(bySif);
        var actual = File.ReadAllBytes(inPlace);
        actual.Length.Should().Be(expected.Length);
        var differences = Enumerable.Range(0, expected.Length).Where(i => expected[i] != actual[i]).ToList();
        differences.Should().OnlyContain(i =>
            i >= SuperblockAt + KbytesWrittenAt && i < SuperblockAt + KbytesWrittenAt + 8
            || i >= SuperblockAt + SuperblockChecksumAt && i < SuperblockAt + SuperblockChecksumAt + 4);
        Tool("e2fsck", "e2fsprogs", "-f", "-n", inPlace);
    }

    [Fact]
    public void The_inodes_in_use_are_those_dumpe2fs_lists()
    {
        var staged = Directory.CreateDirectory(_temp.Combine("staged")).FullName;
        StagedTree.Create(staged);
        // Enough inodes to fill group 0's 8192 and spill into the next group: symbolic links (one
        // system call each, the cheapest inode to make), in small folders (mke2fs -d is quadratic
        // in the size of one folder).
        for (var d = 0; d < 85; d++)
        {
            var folder = Directory.CreateDirectory(Path.Combine(staged, "many", d.ToString("D2", CultureInfo.InvariantCulture))).FullName;
            for (var i = 0; i < 100; i++) File.CreateSymbolicLink(Path.Combine(folder, i.ToString("D3", CultureInfo.InvariantCulture)), "../../etc/hostname");
        }
        var partition = MakeFileSystem(staged, blocks: 65536); // 256 MiB: 16384 inodes

        List<long> inUse;
        using (var disk = File.OpenHandle(partition, FileMode.Open, FileAccess.Read)) inUse = new Ext4Inodes(disk, 0).FileInodesInUse();

        inUse.Should().Equal(InodesInUse(Tool("dumpe2fs", "e2fsprogs", partition).Stdout));
        var header = Tool("dumpe2fs", "e2fsprogs", "-h", partition).Stdout;
        long Header(string label) => long.Parse(header.Split('\n').Single(l => l.StartsWith(label, StringComparison.Ordinal))[label.Length..].Trim(), CultureInfo.InvariantCulture);
        // Used inodes minus the reserved ones 1 and 3-10, which the list leaves out.
        inUse.Should().HaveCount((int)(Header("Inode count:") - Header("Free inodes:") - 9));
        inUse.Should().Contain(2).And.Contain(11);
        inUse.Max().Should().BeGreaterThan(8192, "the list goes on past the first group");
    }

    [Fact]
    public void Lookups_follow_no_links_and_miss_what_is_not_there()
    {
        var staged = Directory.CreateDirectory(_temp.Combine("staged")).FullName;
        StagedTree.Create(staged);
        Directory.CreateSymbolicLink(Path.Combine(staged, "etc-link"), "etc");
        var partition = MakeFileSystem(staged);

        using var disk = File.OpenHandle(partition, FileMode.Open, FileAccess.Read);
        var inodes = new Ext4Inodes(disk, 0);
        inodes.Lookup("/").Should().Be(Ext4Inodes.RootInode);
        inodes.Lookup("/.").Should().Be(Ext4Inodes.RootInode);
        inodes.Lookup("/etc/" + StagedTree.HostileName).Should().NotBeNull("names are bytes, line breaks and quotes included")
            .And.NotBe(inodes.Lookup("/etc/hostname"));
        inodes.Lookup("/usr/share/" + StagedTree.LongName).Should().Be(InodeOf(partition, "/usr/share/" + StagedTree.LongName));
        inodes.Lookup("/etc/hostname-hard").Should().Be(inodes.Lookup("/etc/hostname"));
        inodes.Lookup("/etc-link").Should().NotBe(inodes.Lookup("/etc"));
        inodes.Lookup("/etc-link/hostname").Should().BeNull("a link is not a folder to look in");
        inodes.Lookup("/etc/hostname/x").Should().BeNull();
        inodes.Lookup("/etc/missing").Should().BeNull();
    }

    [Fact]
    public void A_path_missing_from_the_file_system_is_a_diagnostic()
    {
        var staged = Directory.CreateDirectory(_temp.Combine("staged")).FullName;
        StagedTree.Create(staged);
        var output = _temp.Combine("out.raw");
        var outcome = Build(staged, output, DiskFormats.Raw,
            ownership: new InodeOwnership([new InodeOwner("/etc/hostname", 0, 0, null), new InodeOwner("/etc/gone", 0, 0, null)], []));
        outcome.Succeeded.Should().BeFalse();
        outcome.Diagnostics.Items.Should().ContainSingle().Which.Message.Should().Be("could not set the guest's owners: /etc/gone: not in the file system");
        File.Exists(output).Should().BeFalse();
    }

    /// <summary>Every entry but those named with a line break (debugfs cannot be given them), with owners and modes that differ from the staged ones.</summary>
    private static InodeOwnership VariedOwnership(string staged)
    {
        var inodes = new List<InodeOwner>();
        var index = 0;
        // AttributesToSkip None: dot files too (the default leaves hidden entries out).
        foreach (var path in Directory.EnumerateFileSystemEntries(staged, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.None })
                     .Order(StringComparer.Ordinal))
        {
            var guestPath = "/" + Path.GetRelativePath(staged, path);
            if (guestPath.Contains('\n')) continue;
            index++;
            var info = new FileInfo(path);
            var type = info.LinkTarget is not null ? 0xA000 : Directory.Exists(path) ? 0x4000 : 0x8000;
            int? mode = index % 3 == 0 && type != 0xA000 ? type | 0b111_010_000 : null;
            // Ids over 16 bits too: their high halves are fields of their own.
            inodes.Add(new InodeOwner(guestPath, index % 2 == 0 ? 100_000 + index : index, index % 5 == 0 ? 70_000 : 7, mode));
        }
        return new InodeOwnership(inodes, []);
    }

    /// <summary>The file system alone (no partition table), as the assembler's mke2fs makes it.</summary>
    private string MakeFileSystem(string staged, long blocks = 16384)
    {
        var configuration = _temp.Combine("mke2fs.conf");
        File.WriteAllText(configuration, Ext4FileSystem.Configuration);
        var partition = _temp.Combine("fs.raw");
        using (var file = File.Create(partition)) file.SetLength(blocks * Ext4FileSystem.BlockSize);
        var arguments = Ext4FileSystem.Arguments(staged, partition, blocks, new DiskIdentity(Seed))
            .Select(argument => argument.StartsWith("offset=", StringComparison.Ordinal) ? argument.Replace("offset=1048576", "offset=0", StringComparison.Ordinal) : argument)
            .ToList();
        var (exitCode, errors) = Run("mke2fs", arguments, Ext4FileSystem.Environment(configuration, Seconds));
        exitCode.Should().Be(0, errors);
        return partition;
    }

    /// <summary>An e2fsprogs tool in the C locale with <paramref name="environment"/>: its exit code and standard error.</summary>
    private static (int ExitCode, string Errors) Run(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(HostTools.Require(program, "e2fsprogs")) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        start.Environment["LANG"] = "C";
        start.Environment["LC_ALL"] = "C";
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, errors.Result);
    }

    private static long InodeOf(string partition, string path) =>
        long.Parse(Debugfs(partition, "stat \"" + path + "\"").Split("Inode: ")[1].Split(' ')[0], CultureInfo.InvariantCulture);

    /// <summary>dumpe2fs's used inodes (each group's "Free inodes:" list inverted): root and from 11 on.</summary>
    private static List<long> InodesInUse(string dumpe2fsOutput)
    {
        var lines = dumpe2fsOutput.Split('\n').Select(line => line.Trim()).ToList();
        long Value(string label) => long.Parse(lines.First(l => l.StartsWith(label, StringComparison.Ordinal))[label.Length..].Trim(), CultureInfo.InvariantCulture);
        var perGroup = Value("Inodes per group:");
        var groupLists = lines.SkipWhile(l => !l.StartsWith("Group 0:", StringComparison.Ordinal))
            .Where(l => l.StartsWith("Free inodes:", StringComparison.Ordinal)).Select(l => l["Free inodes:".Length..].Trim()).ToList();
        groupLists.Count.Should().Be((int)(Value("Inode count:") / perGroup));
        var used = new List<long>();
        for (var group = 0; group < groupLists.Count; group++)
        {
            var free = new HashSet<long>();
            foreach (var item in groupLists[group].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var bounds = item.Split('-').Select(n => long.Parse(n, CultureInfo.InvariantCulture)).ToArray();
                for (var n = bounds[0]; n <= bounds[^1]; n++) free.Add(n);
            }
            for (var n = group * perGroup + 1; n <= (group + 1) * perGroup; n++)
                if (!free.Contains(n) && (n == 2 || n >= 11)) used.Add(n);
        }
        return used;
    }
}
