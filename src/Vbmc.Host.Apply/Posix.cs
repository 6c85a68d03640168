using System.Runtime.InteropServices;

namespace Vbmc.Host.Apply;

/// <summary>
/// The few POSIX calls .NET does not offer as such: rename(2) over an existing symlink to a
/// folder (File.Move refuses when the destination resolves to a folder), link(2) for hard links
/// (images shared between generations, backups of a person's file that keep its inode), lchown(2),
/// and fsync(2) of a folder so that a rename survives a power cut.
/// </summary>
internal static partial class Posix
{
    [LibraryImport("libc", EntryPoint = "rename", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RenameNative(string from, string to);

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LinkNative(string existing, string newPath);

    [LibraryImport("libc", EntryPoint = "lchown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LchownNative(string path, uint owner, uint group);

    // glibc exports lstat as a function since 2.33 (Debian 12 has 2.36).
    [LibraryImport("libc", EntryPoint = "lstat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LstatNative(string path, ref byte statBuffer);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenNative(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int FsyncNative(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int CloseNative(int fd);

    private const int ReadOnlyDirectory = 0x10000; // O_RDONLY | O_DIRECTORY (Linux)

    /// <summary>Atomically replaces <paramref name="to"/> (a file or a symlink, never followed) by <paramref name="from"/>.</summary>
    public static void Rename(string from, string to) => Check(RenameNative(from, to), $"rename {from} to {to}");

    /// <summary>A second name for the same inode (same file system).</summary>
    public static void HardLink(string existing, string newPath) => Check(LinkNative(existing, newPath), $"link {existing} to {newPath}");

    /// <summary>Sets the owner of a file, folder or symlink itself (symlinks are not followed).</summary>
    public static void Chown(string path, uint uid, uint gid) => Check(LchownNative(path, uid, gid), $"chown {path}");

    /// <summary>Makes the entries of a folder durable (after a rename or a new file in it).</summary>
    public static void SyncDirectory(string path)
    {
        var fd = OpenNative(path, ReadOnlyDirectory);
        if (fd < 0) return; // durability is best effort: a folder that cannot be opened is not an error of apply
        FsyncNative(fd);
        CloseNative(fd);
    }

    /// <summary>The inode and device of a path, not following a final symlink (null when it does not exist).</summary>
    public static (ulong Device, ulong Inode)? Identity(string path)
    {
        // struct stat begins with st_dev and st_ino (two 64-bit fields) on every 64-bit Linux
        // ABI .NET runs on (x86_64, aarch64, riscv64...); the rest of the buffer is not read.
        Span<byte> buffer = stackalloc byte[512];
        if (LstatNative(path, ref MemoryMarshal.GetReference(buffer)) != 0) return null;
        return (MemoryMarshal.Read<ulong>(buffer), MemoryMarshal.Read<ulong>(buffer[8..]));
    }

    /// <summary>The owner of a path, not following a final symlink (null when it does not exist).</summary>
    public static (uint Uid, uint Gid)? Owner(string path)
    {
        Span<byte> buffer = stackalloc byte[512];
        if (LstatNative(path, ref MemoryMarshal.GetReference(buffer)) != 0) return null;
        // st_uid/st_gid follow st_dev, st_ino, then st_nlink (8 bytes) and st_mode (4) on x86_64;
        // st_mode (4) and st_nlink (4) on the generic 64-bit ABI (aarch64, riscv64...).
        var uidAt = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 28 : 24;
        return (MemoryMarshal.Read<uint>(buffer[uidAt..]), MemoryMarshal.Read<uint>(buffer[(uidAt + 4)..]));
    }

    /// <summary>True when both names are the same file (a hard link), symlinks not followed.</summary>
    public static bool SameFile(string a, string b) => Identity(a) is { } x && Identity(b) is { } y && x == y;

    private static void Check(int result, string what)
    {
        if (result == 0) return;
        var errno = Marshal.GetLastPInvokeError();
        throw new IOException($"{what}: {Marshal.GetPInvokeErrorMessage(errno)}");
    }
}
