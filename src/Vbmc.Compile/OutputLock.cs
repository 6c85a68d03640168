using Vbmc.Processes;

namespace Vbmc.Compile;

/// <summary>
/// One compile at a time per output folder: two at once would each plan against the folder as it
/// was and commit their files over each other's, leaving files of both configurations (and every
/// later compile refusing the folder). The lock is named by the folder's real path, so `out`,
/// `./out/` and a path through a symbolic link to it are one lock; it is held from planning to
/// commit, image build included, and ends with the process however it ends.
/// </summary>
public static class OutputLock
{
    public const string Purpose = "compile";

    /// <summary>The lock of <paramref name="directory"/>, or null when another vbmc compile holds it.</summary>
    public static ProcessLock? TryAcquire(string directory) => ProcessLock.TryAcquire(Purpose, RealPath(directory));

    /// <summary>
    /// The absolute path with every symbolic link among its existing components resolved (the
    /// folder itself need not exist yet). Bounded: a link loop stops resolving.
    /// </summary>
    public static string RealPath(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var current = "/";
        foreach (var part in full.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            try
            {
                var info = new FileInfo(next);
                current = info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target
                    ? Path.TrimEndingDirectorySeparator(Path.GetFullPath(target.FullName))
                    : next;
            }
            catch (IOException)
            {
                current = next;
            }
        }
        return current;
    }
}
