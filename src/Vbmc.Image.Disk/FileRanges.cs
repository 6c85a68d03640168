using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Vbmc.Image.Disk;

/// <summary>
/// fallocate(2)'s range moves (ext4 and XFS; not tmpfs or btrfs): a file's blocks are shifted
/// by changing its extents, without reading or writing the data, so that the raw disk becomes a
/// qcow2 image in place instead of being copied into one.
/// </summary>
internal static partial class FileRanges
{
    private const int CollapseRange = 0x08; // FALLOC_FL_COLLAPSE_RANGE
    private const int InsertRange = 0x20; // FALLOC_FL_INSERT_RANGE

    /// <summary>
    /// Inserts a hole of <paramref name="length"/> bytes at <paramref name="offset"/>, shifting
    /// the rest up; false (the file unchanged) when the file system cannot.
    /// </summary>
    public static bool TryInsert(SafeFileHandle file, long offset, long length) =>
        Fallocate(file, InsertRange, offset, length) == 0;

    /// <summary>Removes <paramref name="length"/> bytes at <paramref name="offset"/>, shifting the rest down.</summary>
    public static void Collapse(SafeFileHandle file, long offset, long length)
    {
        if (Fallocate(file, CollapseRange, offset, length) != 0)
            throw new IOException($"could not remove the zero clusters of the disk image (fallocate: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())})");
    }

    [LibraryImport("libc", EntryPoint = "fallocate", SetLastError = true)]
    private static partial int Fallocate(SafeFileHandle file, int mode, long offset, long length);
}
