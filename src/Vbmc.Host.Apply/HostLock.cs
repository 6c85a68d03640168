namespace Vbmc.Host.Apply;

/// <summary>
/// One apply or rollback at a time per root: an exclusive flock(2) on /var/lib/vbmc/.lock (made
/// 0600, never through a link), released by the kernel even when the process is killed.
/// </summary>
internal sealed class HostLock : IDisposable
{
    private readonly Microsoft.Win32.SafeHandles.SafeFileHandle _handle;

    private HostLock(Microsoft.Win32.SafeHandles.SafeFileHandle handle) => _handle = handle;

    public static HostLock Take(string root)
    {
        var path = HostPaths.Under(root, HostPaths.LockFile);
        RootFiles.CreateFolder(Path.GetDirectoryName(path)!);
        return new HostLock(RootFiles.Lock(path) ?? throw new HostLockedException(path));
    }

    public void Dispose() => _handle.Dispose();
}

public sealed class HostLockedException(string path)
    : Exception("another vbmc apply or rollback is changing this root (it holds " + path + ")")
{
    public string Path { get; } = path;
}
