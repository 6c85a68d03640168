using System.Collections.Concurrent;

namespace Vbmc.Processes;

/// <summary>
/// Folders vbmc removes if it is interrupted (SIGINT, SIGTERM, SIGHUP, SIGQUIT) while they exist:
/// image staging folders hold gigabytes. The handler runs after the programs vbmc started are
/// killed (they write into these folders), then the process ends as the signal asks. A folder
/// left by a SIGKILL is found by its owner's lock (see <see cref="ProcessLock"/>) at a later run.
/// </summary>
public static class TemporaryFolders
{
    private static readonly ConcurrentDictionary<string, byte> Registered = new(StringComparer.Ordinal);

    /// <summary>Removes <paramref name="folder"/> on interruption until the returned value is disposed.</summary>
    public static IDisposable RemoveOnInterrupt(string folder)
    {
        Interruption.EnsureHandlers();
        Registered.TryAdd(folder, 0);
        return new Registration(folder);
    }

    /// <summary>Deletes every registered folder (best effort: the process is ending).</summary>
    internal static void RemoveAll()
    {
        foreach (var folder in Registered.Keys) Delete(folder);
    }

    /// <summary>Deletes a folder tree; a few tries, as a thread may still be adding to it.</summary>
    public static bool Delete(string folder)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
                return true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Retried: "directory not empty" when a file appeared meanwhile.
            }
        }
        return !Directory.Exists(folder);
    }

    private sealed class Registration(string folder) : IDisposable
    {
        public void Dispose() => Registered.TryRemove(folder, out _);
    }
}
