using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Vbmc.Image.Disk;

/// <summary>
/// Where a sparse file holds data (lseek SEEK_DATA / SEEK_HOLE): the raw disk of 20 GiB holds
/// less than a gigabyte, and only that part is read to make the qcow2 image.
/// </summary>
internal static partial class SparseExtents
{
    private const int SeekData = 3, SeekHole = 4; // Linux
    private const int NoMoreData = 6; // ENXIO: no data at or after the offset

    /// <summary>
    /// The file's data extents in order, as (offset, length). A file system without SEEK_DATA
    /// answers with the whole file as data, which is slower to read but the same image.
    /// </summary>
    public static List<(long Offset, long Length)> Of(SafeFileHandle file, long length)
    {
        var extents = new List<(long, long)>();
        var position = 0L;
        while (position < length)
        {
            var start = Seek(file, position, SeekData);
            if (start < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno == NoMoreData) break;
                throw new IOException($"could not find the data in the raw disk image (lseek: {Marshal.GetPInvokeErrorMessage(errno)})");
            }
            var end = Seek(file, start, SeekHole);
            if (end < 0)
                throw new IOException($"could not find the holes in the raw disk image (lseek: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())})");
            end = Math.Min(end, length);
            if (end > start) extents.Add((start, end - start));
            position = end;
        }
        return extents;
    }

    [LibraryImport("libc", EntryPoint = "lseek", SetLastError = true)]
    private static partial long Seek(SafeFileHandle file, long offset, int whence);
}
