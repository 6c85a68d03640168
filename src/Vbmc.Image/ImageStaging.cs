using Vbmc.Processes;

namespace Vbmc.Image;

/// <summary>
/// The folder an image build stages the guest's root in (a copy of the base, gigabytes), under
/// the cache's staging/ folder. Its build holds a lock named by it while it exists, and removes it
/// when done or interrupted; one left by a build that was killed (SIGKILL) has no holder, and the
/// next build removes it.
/// </summary>
internal sealed class ImageStaging : IDisposable
{
    private const string LockPurpose = "image-staging";
    private readonly ProcessLock _lock;
    private readonly IDisposable _removeOnInterrupt;

    private ImageStaging(string path, ProcessLock held)
    {
        Path = path;
        _lock = held;
        _removeOnInterrupt = TemporaryFolders.RemoveOnInterrupt(path);
    }

    public string Path { get; }

    /// <summary>A new staging folder for <paramref name="vmName"/>, after removing the leftovers of killed builds.</summary>
    public static ImageStaging Create(string cacheDirectory, string vmName)
    {
        var parent = System.IO.Path.Combine(cacheDirectory, "staging");
        RemoveLeftovers(parent);
        var path = System.IO.Path.Combine(parent, $"{vmName}.{Guid.NewGuid():N}");
        // The lock first, then the folder: a folder that exists always has a holder while it is in use.
        var held = ProcessLock.TryAcquire(LockPurpose, path) ?? throw new IOException($"staging folder {path} is locked by another process");
        try
        {
            Directory.CreateDirectory(path);
            return new ImageStaging(path, held);
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    /// <summary>Staging folders no running build holds (their builds were killed); returns how many were removed.</summary>
    public static int RemoveLeftovers(string stagingParent) => Leftovers(stagingParent).Count(TemporaryFolders.Delete);

    /// <summary>The staging folders under <paramref name="stagingParent"/> that no running build holds, in name order.</summary>
    public static IReadOnlyList<string> Leftovers(string stagingParent)
    {
        if (!Directory.Exists(stagingParent)) return [];
        return Directory.EnumerateDirectories(stagingParent)
            .Where(folder => new DirectoryInfo(folder).LinkTarget is null && !ProcessLock.IsHeld(LockPurpose, folder))
            .Order(StringComparer.Ordinal).ToList();
    }

    public void Dispose()
    {
        // A leftover costs disk space, not correctness: the next build removes it.
        TemporaryFolders.Delete(Path);
        _removeOnInterrupt.Dispose();
        _lock.Dispose();
    }
}
