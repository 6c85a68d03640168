using System.Globalization;
using Vbmc.Diagnostics;
using Vbmc.Processes;

namespace Vbmc.Image.Disk;

/// <summary>Full paths of the host programs an assembly runs.</summary>
internal sealed record AssemblyTools(string Mke2fs, string Debugfs);

/// <summary>
/// One image build, step by step, in its own working folder (next to the output, so that the
/// result is renamed into place). The tools get file names relative to that folder: e2fsprogs
/// reads "name?options" and qemu-img "protocol:name", so a path of the user's is never parsed.
/// </summary>
internal sealed class AssemblySteps(DiskImageRequest request, AssemblyTools tools, string work, IProgress<string>? progress,
    DiagnosticBag diagnostics, SourceSpan place)
{
    private const string DiskFileName = "disk.raw";
    private const string ConvertedFileName = "disk.qcow2";

    private readonly DiskIdentity _identity = new(request.Seed);
    private readonly long _seconds = request.Timestamp.ToUnixTimeSeconds();
    private readonly long _diskBytes = DiskAssembler.DiskBytes(request.SizeBytes);

    private string Partition => DiskFileName + "?offset=" + MasterBootRecord.PartitionOffsetBytes.ToString(CultureInfo.InvariantCulture);

    /// <summary>The finished image in the working folder, once <see cref="Run"/> succeeded.</summary>
    public string Result => Path.Combine(work, request.Format == DiskFormats.Raw ? DiskFileName : ConvertedFileName);

    public bool Run() =>
        WritePartitionTable() && MakeFileSystem() && MakeDeviceNodes() && EditInodes() && Convert();

    private bool WritePartitionTable()
    {
        progress?.Report("writing partition table");
        var sectors = _diskBytes / MasterBootRecord.SectorSize;
        using var disk = new FileStream(Path.Combine(work, DiskFileName), FileMode.CreateNew, FileAccess.Write);
        // Setting the length makes a sparse file: only what mke2fs writes takes room on disk.
        disk.SetLength(_diskBytes);
        disk.Write(MasterBootRecord.Build(sectors, _identity.MbrDiskSignature));
        return true;
    }

    private bool MakeFileSystem()
    {
        var partitionBytes = (long)MasterBootRecord.PartitionSectors(_diskBytes / MasterBootRecord.SectorSize) * MasterBootRecord.SectorSize;
        var blocks = partitionBytes / Ext4FileSystem.BlockSize;
        var configuration = Path.Combine(work, "mke2fs.conf");
        File.WriteAllText(configuration, Ext4FileSystem.Configuration);
        var running = ProgramRunner.RunAsync(RunTool(HostProgram.Mke2fs, tools.Mke2fs,
            Ext4FileSystem.Arguments(Path.GetFullPath(request.StagedRoot), DiskFileName, blocks, _identity),
            work, Ext4FileSystem.Environment(configuration, _seconds)));
        // The content's size (for progress and for "does not fit") is summed while mke2fs runs:
        // walking the staged tree first would add its time to every build.
        long contentBytes;
        try
        {
            contentBytes = StagedContent.ApparentBytes(request.StagedRoot);
        }
        catch
        {
            Task.WaitAny(running); // no mke2fs left writing into the working folder that the caller removes
            throw;
        }
        progress?.Report($"making ext4 file system ({Mebibytes(contentBytes)} MiB)");
        var result = running.GetAwaiter().GetResult();
        var complaint = result.Explanation;
        if (result.Succeeded && !complaint.Contains("too small for a journal", StringComparison.Ordinal)) return true;

        if (Ext4FileSystem.MeansTooSmall(complaint))
            diagnostics.Error(DiagnosticIds.ImageBuildFailed, place,
                $"the guest's files (about {Mebibytes(contentBytes)} MiB) do not fit in a disk of {Mebibytes(_diskBytes)} MiB: {FirstLines(complaint)}",
                "give the image a larger size");
        else
            diagnostics.Error(DiagnosticIds.ImageBuildFailed, place,
                $"mke2fs could not make the file system from {request.StagedRoot}: {FirstLines(complaint)}");
        return false;
    }

    /// <summary>
    /// The guest's device nodes, made by debugfs (its mknod is mke2fs's own code, so they are made
    /// as mke2fs makes them), when the request gives any: an ordinary user cannot stage them.
    /// </summary>
    private bool MakeDeviceNodes()
    {
        if (request.Ownership is not { Devices.Count: > 0 } ownership) return true;
        progress?.Report("making device nodes");
        var batch = Path.Combine(work, "devices.debugfs");
        File.WriteAllText(batch, OwnershipPass.DeviceBatch(ownership));
        var environment = new Dictionary<string, string> { ["E2FSPROGS_FAKE_TIME"] = _seconds.ToString(CultureInfo.InvariantCulture) };
        var result = Run(HostProgram.Debugfs, tools.Debugfs, ["-w", "-f", batch, Partition], environment);
        var errors = OwnershipPass.ErrorLines(result.Stderr);
        return result.Succeeded && errors.Count == 0
            || Failed("debugfs could not make the guest's device nodes",
                result.TimedOut || errors.Count == 0 ? result.Explanation : string.Join('\n', errors));
    }

    /// <summary>
    /// The guest's owners and modes (<see cref="OwnershipPass"/>), when the request gives them, then
    /// every file's times (<see cref="TimestampNormaliser"/>): both written into the inode tables
    /// in one pass, where two debugfs runs and a dumpe2fs listing took 0.7 s (bench/image.sh).
    /// </summary>
    private bool EditInodes()
    {
        using var disk = File.OpenHandle(Path.Combine(work, DiskFileName), FileMode.Open, FileAccess.ReadWrite);
        try
        {
            var inodes = new Ext4Inodes(disk, MasterBootRecord.PartitionOffsetBytes);
            if (request.Ownership is { } ownership)
            {
                progress?.Report("setting owners");
                var missing = OwnershipPass.Apply(ownership, inodes);
                if (missing.Count > 0)
                    return Failed("could not set the guest's owners", string.Join('\n', missing.Select(path => path + ": not in the file system")));
            }
            progress?.Report("normalising timestamps");
            TimestampNormaliser.Apply(inodes, _seconds);
            inodes.Flush();
            return true;
        }
        catch (FormatException e)
        {
            return Failed("could not read the new file system's inodes", e.Message);
        }
    }

    private bool Convert()
    {
        if (request.Format == DiskFormats.Raw) return true;
        var compressed = request.Format == DiskFormats.CompressedQcow2;
        progress?.Report(compressed ? "converting to qcow2 (compressed)" : "converting to qcow2");
        // IOException is the caller's: it reports any I/O error of the build with the image's name.
        var raw = Path.Combine(work, DiskFileName);
        var converted = Path.Combine(work, ConvertedFileName);
        // Uncompressed, the data need not be copied where the file system can move ranges; both
        // ways give the same bytes.
        if (!compressed && QcowWriter.TryConvertInPlace(raw, _diskBytes)) File.Move(raw, converted);
        else QcowWriter.Write(raw, converted, _diskBytes, compressed ? DiskAssembler.QcowZstdLevel : null);
        return true;
    }

    private ProgramResult Run(HostProgram program, string executable, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null) =>
        ProgramRunner.Run(RunTool(program, executable, arguments, work, environment));

    /// <summary>
    /// A run of a disk tool in <paramref name="workingDirectory"/>, in the C locale and without
    /// the e2fsprogs variables of the caller's environment (they change what mke2fs writes), plus
    /// <paramref name="environment"/>.
    /// </summary>
    internal static ProgramRequest RunTool(HostProgram program, string executable, IEnumerable<string> arguments,
        string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        // C collation: mke2fs -d adds each folder's entries in alphasort order, which follows the locale.
        var variables = new Dictionary<string, string?> { ["LANG"] = "C" };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) variables[key] = value;
        return program.Request(executable, arguments) with
        {
            WorkingDirectory = workingDirectory,
            Locale = "C",
            RemovedVariablePrefixes = ["MKE2FS_", "E2FSPROGS_", "DEBUGFS_"],
            Environment = variables,
        };
    }

    private bool Failed(string what, string why)
    {
        diagnostics.Error(DiagnosticIds.ImageBuildFailed, place, $"{what}: {FirstLines(why)}");
        return false;
    }

    private static long Mebibytes(long bytes) => (bytes + (1 << 20) - 1) >> 20;

    /// <summary>A tool's complaint, cut to a few lines so that one diagnostic stays readable.</summary>
    private static string FirstLines(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length <= 4 ? string.Join("; ", lines) : string.Join("; ", lines.Take(4)) + "; ...";
    }
}
