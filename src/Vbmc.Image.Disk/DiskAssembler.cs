using System.Globalization;
using Vbmc.Diagnostics;
using Vbmc.Processes;

namespace Vbmc.Image.Disk;

/// <summary>
/// Turns a staged root folder into a disk image with no root privileges and no loop mount: vbmc
/// writes an MBR into a new sparse raw file, <c>mke2fs -d</c> writes the ext4 file system into it at
/// 1 MiB, debugfs makes the guest's device nodes, vbmc sets every inode's owner and times
/// (<see cref="Ext4Inodes"/>), and <see cref="QcowWriter"/> makes the qcow2 formats. The same staged folder, seed and timestamp give the same bytes.
/// </summary>
public static class DiskAssembler
{
    /// <summary>The qcow2 compression type of "compressed-qcow2" images (QEMU 5.1 or later reads it).</summary>
    public const string QcowCompression = "zstd";

    /// <summary>
    /// The zstd level of compressed clusters. Fixed, so that the same raw disk gives the same
    /// image (with the same libzstd). Level 1 rather than zstd's default 3 (what qemu-img used):
    /// on the Debian base, 16% less CPU for a 3.5% larger image (bench/image.sh).
    /// </summary>
    internal const int QcowZstdLevel = 1;

    /// <summary>
    /// Builds <paramref name="request"/>'s image. Returns false after reporting diagnostics at
    /// <paramref name="place"/>: VBM6001 when a tool is missing or too old, VBM6002 when the build
    /// fails (the content does not fit, a tool fails, an I/O error). Never leaves a partial image.
    /// </summary>
    public static bool Assemble(DiskImageRequest request, IProgress<string>? progress, DiagnosticBag diagnostics, SourceSpan place) =>
        Assemble(request, progress, diagnostics, place, ProgramSearch.DefaultFolders);

    /// <summary>
    /// <see cref="Assemble(DiskImageRequest, IProgress{string}?, DiagnosticBag, SourceSpan)"/> with
    /// the host programs looked for only in <paramref name="toolFolders"/> (tests: a host without them).
    /// </summary>
    internal static bool Assemble(DiskImageRequest request, IProgress<string>? progress, DiagnosticBag diagnostics, SourceSpan place,
        IReadOnlyList<string> toolFolders)
    {
        if (!Validate(request, diagnostics, place)) return false;
        var tools = LocateTools(request.Format, toolFolders, diagnostics, place);
        if (tools is null) return false;

        var output = Path.GetFullPath(request.OutputPath);
        var work = Path.Combine(Path.GetDirectoryName(output)!, $".{Path.GetFileName(output)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(work);
            var steps = new AssemblySteps(request, tools, work, progress, diagnostics, place);
            if (!steps.Run()) return false;
            File.Move(steps.Result, output, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            // Win32Exception: a tool that exists but cannot be started (not executable, ...).
            diagnostics.Error(DiagnosticIds.ImageBuildFailed, place, $"could not build the disk image {output}: {e.Message}");
            return false;
        }
        finally
        {
            try
            {
                if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Warning(DiagnosticIds.ImageBuildFailed, place, $"could not remove the temporary folder {work}: {e.Message}");
            }
        }
    }

    /// <summary>The virtual size of a disk asked to be <paramref name="sizeBytes"/>: whole sectors.</summary>
    public static long DiskBytes(long sizeBytes) =>
        (sizeBytes + MasterBootRecord.SectorSize - 1) / MasterBootRecord.SectorSize * MasterBootRecord.SectorSize;

    private static bool Validate(DiskImageRequest request, DiagnosticBag diagnostics, SourceSpan place)
    {
        var ok = true;
        void Fail(string message, string? hint = null)
        {
            diagnostics.Error(DiagnosticIds.ImageBuildFailed, place, message, hint);
            ok = false;
        }

        if (!DiskFormats.All.Contains(request.Format))
            Fail($"unsupported: disk image format \"{request.Format}\"", "use one of " + string.Join(", ", DiskFormats.All));

        var minimumBytes = MasterBootRecord.PartitionOffsetBytes + Ext4FileSystem.MinimumBlocks * Ext4FileSystem.BlockSize;
        if (request.SizeBytes < minimumBytes)
            Fail($"the disk size ({request.SizeBytes} bytes) is too small for a partition table and an ext4 file system with a journal",
                 $"give the image at least {minimumBytes / (1024 * 1024)} MiB");
        else if (request.SizeBytes > MasterBootRecord.MaxDiskBytes)
            Fail($"unsupported: a disk of {request.SizeBytes} bytes; an MBR partition table describes at most {MasterBootRecord.MaxDiskBytes} bytes");

        var seconds = request.Timestamp.ToUnixTimeSeconds();
        if (seconds < 0 || seconds > int.MaxValue)
            Fail($"unsupported: file system timestamp {request.Timestamp:O}; vbmc writes times between 1970 and 2038");

        if (string.IsNullOrEmpty(request.Seed))
            Fail("the disk image has no seed to derive its UUIDs from");

        if (request.Ownership is { } ownership && OwnershipPass.Problem(ownership) is { } problem)
            Fail("unsupported: " + problem);

        if (!Directory.Exists(request.StagedRoot))
            Fail($"the staged root folder {request.StagedRoot} does not exist");

        var outputFolder = Path.GetDirectoryName(Path.GetFullPath(request.OutputPath));
        if (outputFolder is null || !Directory.Exists(outputFolder))
            Fail($"the folder of the disk image {request.OutputPath} does not exist");
        return ok;
    }

    private static AssemblyTools? LocateTools(string format, IReadOnlyList<string> folders, DiagnosticBag diagnostics, SourceSpan place)
    {
        var missing = false;
        string Find(HostProgram tool)
        {
            var path = tool.Locate(folders);
            if (path is not null) return path;
            diagnostics.Error(DiagnosticIds.ImageToolMissing, place,
                $"{tool.Name} is needed to build disk images and is not installed",
                $"install the Debian package {tool.DebianPackage} ({tool.InstallHint})");
            missing = true;
            return "";
        }

        var tools = new AssemblyTools(Find(HostProgram.Mke2fs), Find(HostProgram.Debugfs));
        if (format == DiskFormats.CompressedQcow2 && !Zstd.IsAvailable())
        {
            diagnostics.Error(DiagnosticIds.ImageToolMissing, place,
                $"the zstd library ({Zstd.LibraryName}) is needed to build compressed-qcow2 images and is not installed",
                $"install the Debian package {Zstd.DebianPackage} (apt-get install {Zstd.DebianPackage})");
            missing = true;
        }
        if (missing) return null;

        Version? version;
        try
        {
            var versionRun = AssemblySteps.RunTool(HostProgram.Mke2fs, tools.Mke2fs, ["-V"], Directory.GetCurrentDirectory())
                with { Timeout = TimeSpan.FromMinutes(1) };
            var run = ProgramRunner.Run(versionRun);
            version = Ext4FileSystem.ParseVersion(run.Stderr + run.Stdout);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            diagnostics.Error(DiagnosticIds.ImageToolMissing, place, $"could not run {tools.Mke2fs}: {e.Message}",
                "reinstall the Debian package e2fsprogs");
            return null;
        }
        if (version is null || version < Ext4FileSystem.MinimumVersion)
        {
            diagnostics.Error(DiagnosticIds.ImageToolMissing, place,
                $"unsupported: mke2fs {version?.ToString() ?? "of unknown version"}; vbmc needs e2fsprogs {Ext4FileSystem.MinimumVersion} or later, whose mke2fs -d adds files in a reproducible order",
                "install a newer e2fsprogs (Debian 12 has 1.47.0)");
            return null;
        }
        return tools;
    }
}
