using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Vbmc.Diagnostics;
using Vbmc.TestSupport;

namespace Vbmc.Image.Disk.Tests;

/// <summary>Builds images and looks into them with the real tools (qemu-img, dd, e2fsck, debugfs, blkid, sfdisk).</summary>
public static class DiskProbe
{
    public static readonly DateTimeOffset Timestamp = new(2014, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public const string Seed = "5eed0123456789abcdef";

    public const long MiB = 1024 * 1024;

    public static readonly SourceSpan Place = new("machine.scm", 3, 5, 3, 20);

    public sealed record Outcome(bool Succeeded, DiagnosticBag Diagnostics, IReadOnlyList<string> Steps);

    public static Outcome Build(string stagedRoot, string output, string format, long sizeBytes = 64 * MiB, string seed = Seed,
        DateTimeOffset? timestamp = null, InodeOwnership? ownership = null)
    {
        var diagnostics = new DiagnosticBag();
        var steps = new List<string>();
        var ok = DiskAssembler.Assemble(new DiskImageRequest(stagedRoot, output, format, sizeBytes, seed, timestamp ?? Timestamp, ownership),
            new SynchronousProgress(steps.Add), diagnostics, Place);
        return new Outcome(ok, diagnostics, steps);
    }

    /// <summary>Builds and fails the test with the diagnostics when the build fails.</summary>
    public static IReadOnlyList<string> MustBuild(string stagedRoot, string output, string format, long sizeBytes = 64 * MiB,
        string seed = Seed, DateTimeOffset? timestamp = null, InodeOwnership? ownership = null)
    {
        var outcome = Build(stagedRoot, output, format, sizeBytes, seed, timestamp, ownership);
        outcome.Succeeded.Should().BeTrue(string.Join("\n", outcome.Diagnostics.Items.Select(d => d + " " + d.Hint)));
        outcome.Diagnostics.Items.Should().BeEmpty();
        return outcome.Steps;
    }

    public static ProcessResult Tool(string program, string package, params string[] arguments)
    {
        var result = ProcessRunner.Run(HostTools.Require(program, package), arguments);
        result.ExitCode.Should().Be(0, $"{program} {string.Join(' ', arguments)} failed: {result.Stderr}{result.Stdout}");
        return result;
    }

    /// <summary>qemu-img info's format and virtual size.</summary>
    public static (string Format, long VirtualSize) Info(string image)
    {
        using var json = JsonDocument.Parse(Tool("qemu-img", "qemu-utils", "info", "--output=json", image).Stdout);
        return (json.RootElement.GetProperty("format").GetString()!, json.RootElement.GetProperty("virtual-size").GetInt64());
    }

    /// <summary>The image as a raw disk: itself when raw, else converted by qemu-img into <paramref name="folder"/>.</summary>
    public static string AsRaw(string image, string format, string folder)
    {
        if (format == DiskFormats.Raw) return image;
        var raw = Path.Combine(folder, Path.GetFileName(image) + ".as-raw");
        Tool("qemu-img", "qemu-utils", "convert", "-f", "qcow2", "-O", "raw", image, raw);
        return raw;
    }

    public sealed record PartitionEntry(byte Status, byte Type, uint StartSector, uint Sectors);

    /// <summary>The MBR's boot signature, disk signature and first partition entry, read from the bytes.</summary>
    public static (ushort BootSignature, uint DiskSignature, PartitionEntry First, byte[] OtherEntries) ReadMbr(string raw)
    {
        var sector = new byte[512];
        using (var stream = File.OpenRead(raw)) stream.ReadExactly(sector);
        var entry = sector.AsSpan(0x1BE, 16);
        return (BinaryPrimitives.ReadUInt16BigEndian(sector.AsSpan(0x1FE)),
                BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(0x1B8)),
                new PartitionEntry(entry[0], entry[4], BinaryPrimitives.ReadUInt32LittleEndian(entry[8..]), BinaryPrimitives.ReadUInt32LittleEndian(entry[12..])),
                sector.AsSpan(0x1CE, 48).ToArray());
    }

    /// <summary>Copies the partition the MBR describes out of the raw disk with dd (sparse).</summary>
    public static string ExtractPartition(string raw, PartitionEntry partition, string folder)
    {
        var target = Path.Combine(folder, Path.GetFileName(raw) + ".partition");
        Tool("dd", "coreutils", "if=" + raw, "of=" + target, "bs=1M", "conv=sparse", "status=none", "iflag=skip_bytes,count_bytes",
            "skip=" + (partition.StartSector * 512L).ToString(CultureInfo.InvariantCulture),
            "count=" + (partition.Sectors * 512L).ToString(CultureInfo.InvariantCulture));
        return target;
    }

    public static string Debugfs(string partition, string command) =>
        Tool("debugfs", "e2fsprogs", "-R", command, partition).Stdout;

    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream));
    }

    /// <summary>Bytes the file takes on disk (allocated blocks), as du counts them.</summary>
    public static long AllocatedBytes(string path) =>
        long.Parse(Tool("du", "coreutils", "--block-size=1", path).Stdout.Split('\t')[0], CultureInfo.InvariantCulture);

    /// <summary>Reports on the calling thread, in order (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
