using System.Runtime.InteropServices;

namespace Vbmc.Compile;

/// <summary>
/// Linux's renameat2(RENAME_EXCHANGE): swaps two paths in one atomic step, so that a reader sees
/// either the old folder or the new one, never a mix, and no moment without a folder. .NET has no
/// API for it; glibc has had the function since 2.28 and ext4, xfs, btrfs and tmpfs support it.
/// </summary>
public static class RenameExchange
{
    private const int AtCurrentDirectory = -100;
    private const uint Exchange = 2;

    /// <summary>
    /// Swaps the two folders. Returns false when this system or file system cannot (the caller
    /// then uses another way); throws <see cref="IOException"/> on any other failure.
    /// </summary>
    public static bool TrySwap(string first, string second)
    {
        if (!OperatingSystem.IsLinux()) return false;
        int result;
        try
        {
            result = renameat2(AtCurrentDirectory, first, AtCurrentDirectory, second, Exchange);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
        if (result == 0) return true;
        var errno = Marshal.GetLastPInvokeError();
        // EINVAL: flag unknown to the file system; ENOSYS: old kernel; EXDEV: different file
        // systems; EOPNOTSUPP: refused by the file system; EBUSY: the folder is a mount point.
        if (errno is 22 or 38 or 18 or 95 or 16) return false;
        throw new IOException($"cannot swap {first} and {second}: {Marshal.GetPInvokeErrorMessage(errno)}");
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int renameat2(int oldDirectory, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath,
        int newDirectory, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath, uint flags);
}
