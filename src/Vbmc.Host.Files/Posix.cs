using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Vbmc.Host.Files;

/// <summary>
/// The few POSIX calls .NET does not offer as such: rename(2) over an existing symlink to a
/// folder (File.Move refuses when the destination resolves to a folder), link(2) for hard links
/// (images shared between generations, backups of a person's file that keep its inode), lchown(2),
/// fsync(2) of a folder so that a rename survives a power cut, openat2(2) beneath a root, and
/// opens with O_NOFOLLOW (owners and modes set with fchown/fchmod on what was opened, reads, locks).
/// </summary>
public enum UnixFileKind { File, Folder, Link, Other }

public static partial class Posix
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

    [LibraryImport("libc", EntryPoint = "stat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int StatNative(string path, ref byte statBuffer);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int FsyncNative(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int CloseNative(int fd);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenWithModeNative(string path, int flags, uint mode);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int FlockNative(int fd, int operation);

    [LibraryImport("libc", EntryPoint = "fchmod", SetLastError = true)]
    private static partial int FchmodNative(int fd, uint mode);

    [LibraryImport("libc", EntryPoint = "fchown", SetLastError = true)]
    private static partial int FchownNative(int fd, uint owner, uint group);

    // openat2(2) has no glibc wrapper: syscall(2) with its number, the same (437) on every Linux
    // architecture since 5.6.
    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial long Openat2Native(long number, int directory, string path, ref OpenHow how, nuint size);

    [StructLayout(LayoutKind.Sequential)]
    private struct OpenHow
    {
        public ulong Flags;
        public ulong Mode;
        public ulong Resolve;
    }

    private const long Openat2Number = 437;
    private const int OpenPath = 0x200000;        // O_PATH
    private const int OpenDirectory = 0x10000;    // O_DIRECTORY
    private const int OpenNoFollow = 0x20000;     // O_NOFOLLOW
    private const int OpenCloseOnExec = 0x80000;  // O_CLOEXEC
    private const int OpenNonBlocking = 0x800;    // O_NONBLOCK: opening a FIFO planted at the path does not wait
    private const int OpenReadWrite = 2;          // O_RDWR
    private const int OpenCreate = 0x40;          // O_CREAT
    private const ulong ResolveNoMagicLinks = 0x02; // RESOLVE_NO_MAGICLINKS
    private const ulong ResolveInRoot = 0x10;       // RESOLVE_IN_ROOT
    private const int NotFound = 2;                 // ENOENT
    private const int NotADirectory = 20;           // ENOTDIR
    private const int NoSuchSystemCall = 38;        // ENOSYS

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

    /// <summary>
    /// A folder opened by the kernel beneath <paramref name="root"/> (a descriptor of it) as if it
    /// were "/": links met on the way are followed with their targets read inside it, ".." stops
    /// at it, and /proc's magic links are refused (openat2 RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS).
    /// Null when a component is missing or not a folder.
    /// </summary>
    public static SafeFileHandle? OpenFolderBeneath(SafeFileHandle root, string relativePath) =>
        OpenBeneath(root, relativePath, OpenPath | OpenDirectory);

    /// <summary>A file or folder opened to read beneath <paramref name="root"/>, as <see cref="OpenFolderBeneath"/> resolves it.</summary>
    public static SafeFileHandle? OpenToReadBeneath(SafeFileHandle root, string relativePath) =>
        OpenBeneath(root, relativePath, OpenNonBlocking); // O_RDONLY; a FIFO planted there does not block

    /// <summary>Anything at the path beneath <paramref name="root"/> (O_PATH: no permission to read needed), links followed inside it.</summary>
    public static SafeFileHandle? OpenPathBeneath(SafeFileHandle root, string relativePath) =>
        OpenBeneath(root, relativePath, OpenPath);

    private static SafeFileHandle? OpenBeneath(SafeFileHandle root, string relativePath, int flags)
    {
        var how = new OpenHow { Flags = (ulong)(flags | OpenCloseOnExec), Resolve = ResolveInRoot | ResolveNoMagicLinks };
        var added = false;
        try
        {
            root.DangerousAddRef(ref added);
            var fd = Openat2Native(Openat2Number, (int)root.DangerousGetHandle(), relativePath.Length == 0 ? "." : relativePath,
                ref how, (nuint)Marshal.SizeOf<OpenHow>());
            if (fd >= 0) return new SafeFileHandle((IntPtr)fd, ownsHandle: true);
        }
        finally
        {
            if (added) root.DangerousRelease();
        }
        var errno = Marshal.GetLastPInvokeError();
        if (errno is NotFound or NotADirectory) return null;
        if (errno == NoSuchSystemCall)
            throw new IOException("this kernel has no openat2(2) (Linux 5.6 or later): vbmc apply --root resolves every path beneath the root with it");
        throw new IOException($"open {relativePath} beneath the root: {Marshal.GetPInvokeErrorMessage(errno)}");
    }

    /// <summary>A folder itself, as a descriptor that names it whatever is later renamed above it.</summary>
    public static SafeFileHandle OpenFolder(string path)
    {
        var fd = OpenNative(path, OpenPath | OpenDirectory | OpenCloseOnExec);
        if (fd < 0) Check(fd, $"open {path}");
        return new SafeFileHandle((IntPtr)fd, ownsHandle: true);
    }

    /// <summary>
    /// Sets owner and mode through a descriptor of the file or folder itself, opened without
    /// following a link at <paramref name="path"/> (a link there is an error, never followed).
    /// The owner first: chown(2) clears set-id bits, which the mode then sets.
    /// </summary>
    public static void SetOwnerAndMode(string path, (uint Uid, uint Gid)? owner, UnixFileMode mode)
    {
        var fd = OpenNative(path, OpenNoFollow | OpenCloseOnExec | OpenNonBlocking); // O_RDONLY: folders too
        if (fd < 0) Check(fd, $"open {path} to set its owner and mode");
        try
        {
            if (owner is var (uid, gid)) Check(FchownNative(fd, uid, gid), $"chown {path}");
            Check(FchmodNative(fd, (uint)mode), $"chmod {path}");
        }
        finally
        {
            CloseNative(fd);
        }
    }

    /// <summary>
    /// Opens (creating it 0600 if missing) a file and takes an exclusive flock(2) on it, never
    /// through a link at the path; null when another process holds the lock.
    /// </summary>
    public static SafeFileHandle? LockFile(string path)
    {
        var fd = OpenWithModeNative(path, OpenReadWrite | OpenCreate | OpenNoFollow | OpenCloseOnExec | OpenNonBlocking, 0b110_000_000);
        if (fd < 0) Check(fd, $"open {path}");
        var handle = new SafeFileHandle((IntPtr)fd, ownsHandle: true);
        const int exclusiveWithoutWaiting = 2 | 4; // LOCK_EX | LOCK_NB
        if (FlockNative(fd, exclusiveWithoutWaiting) == 0) return handle;
        var errno = Marshal.GetLastPInvokeError();
        handle.Dispose();
        if (errno == 11) return null; // EWOULDBLOCK
        throw new IOException($"lock {path}: {Marshal.GetPInvokeErrorMessage(errno)}");
    }

    /// <summary>Opens a file to read, never through a link at the path (a link there is an error).</summary>
    public static FileStream OpenRead(string path)
    {
        var fd = OpenNative(path, OpenNoFollow | OpenCloseOnExec | OpenNonBlocking);
        if (fd < 0) Check(fd, $"open {path}");
        return new FileStream(new SafeFileHandle((IntPtr)fd, ownsHandle: true), FileAccess.Read);
    }

    /// <summary>What a path is and its size, a final symlink followed or not (null when it does not exist).</summary>
    public static (UnixFileKind Kind, long Size)? Kind(string path, bool follow = false)
    {
        Span<byte> buffer = stackalloc byte[512];
        var result = follow ? StatNative(path, ref MemoryMarshal.GetReference(buffer)) : LstatNative(path, ref MemoryMarshal.GetReference(buffer));
        if (result != 0) return null;
        // st_mode: offset 24 on x86_64, 16 on the generic 64-bit ABI; st_size at 48 on both.
        var mode = MemoryMarshal.Read<uint>(buffer[(RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 24 : 16)..]);
        var kind = (mode & 0xF000) switch
        {
            0x8000 => UnixFileKind.File,
            0x4000 => UnixFileKind.Folder,
            0xA000 => UnixFileKind.Link,
            _ => UnixFileKind.Other,
        };
        return (kind, MemoryMarshal.Read<long>(buffer[48..]));
    }

    private static void Check(int result, string what)
    {
        if (result == 0) return;
        var errno = Marshal.GetLastPInvokeError();
        throw new IOException($"{what}: {Marshal.GetPInvokeErrorMessage(errno)}");
    }
}
