using System.Runtime.InteropServices;

namespace Vbmc.Image.Disk;

/// <summary>
/// The system's zstd library (Debian's libzstd1, which qemu-img and QEMU link too), called
/// directly: qcow2 compresses each 64 KiB cluster as its own zstd frame, and one reusable context
/// per thread compresses several clusters at once where qemu-img compresses one after the other.
/// </summary>
internal static partial class Zstd
{
    public const string LibraryName = "libzstd.so.1";
    public const string DebianPackage = "libzstd1";

    /// <summary>True when the library loads (the caller reports it missing otherwise).</summary>
    public static bool IsAvailable()
    {
        if (!NativeLibrary.TryLoad(LibraryName, out var handle)) return false;
        NativeLibrary.Free(handle);
        return true;
    }

    /// <summary>One compression context: a thread's at a time, reused for every cluster it compresses.</summary>
    public sealed class Context : IDisposable
    {
        private nint _handle = CreateContext();

        public Context()
        {
            if (_handle == 0) throw new OutOfMemoryException("zstd could not make a compression context");
        }

        /// <summary>
        /// Compresses <paramref name="source"/> into one frame at <paramref name="level"/>; returns its
        /// length, or 0 when it would not fit in <paramref name="destination"/> (the data does not
        /// compress: the caller stores it as it is).
        /// </summary>
        public unsafe int Compress(ReadOnlySpan<byte> source, Span<byte> destination, int level)
        {
            ObjectDisposedException.ThrowIf(_handle == 0, this);
            nuint result;
            fixed (byte* from = source)
            fixed (byte* to = destination)
                result = CompressWithContext(_handle, to, (nuint)destination.Length, from, (nuint)source.Length, level);
            return IsError(result) != 0 ? 0 : checked((int)result);
        }

        public void Dispose()
        {
            if (_handle == 0) return;
            FreeContext(_handle);
            _handle = 0;
        }
    }

    [LibraryImport(LibraryName, EntryPoint = "ZSTD_createCCtx")]
    private static partial nint CreateContext();

    [LibraryImport(LibraryName, EntryPoint = "ZSTD_freeCCtx")]
    private static partial nuint FreeContext(nint context);

    [LibraryImport(LibraryName, EntryPoint = "ZSTD_compressCCtx")]
    private static unsafe partial nuint CompressWithContext(nint context, byte* destination, nuint capacity, byte* source, nuint length, int level);

    [LibraryImport(LibraryName, EntryPoint = "ZSTD_isError")]
    private static partial uint IsError(nuint code);
}
