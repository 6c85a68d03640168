namespace Vbmc.Host.Apply;

/// <summary>
/// One apply or rollback at a time per root: an exclusive lock on /var/lib/vbmc/.lock (.NET
/// takes flock(2) for FileShare.None), released by the kernel even when the process is killed.
/// </summary>
internal sealed class HostLock : IDisposable
{
    private readonly FileStream _stream;

    private HostLock(FileStream stream) => _stream = stream;

    public static HostLock Take(string root)
    {
        var path = HostPaths.Under(root, HostPaths.LockFile);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            return new HostLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            throw new HostLockedException(path);
        }
    }

    public void Dispose() => _stream.Dispose();
}

public sealed class HostLockedException(string path)
    : Exception("another vbmc apply or rollback is changing this root (it holds " + path + ")")
{
    public string Path { get; } = path;
}
