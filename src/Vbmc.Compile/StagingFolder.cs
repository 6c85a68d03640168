namespace Vbmc.Compile;

/// <summary>
/// The temporary folder a compile writes everything into before anything reaches the output
/// folder. It is a hidden sibling of the output folder, so that it is on the same file system and
/// the final moves are renames; when the parent folder cannot be written (e.g. `-o .` in a home
/// folder whose parent belongs to root) it is a hidden folder inside the output folder instead.
/// Disposing removes whatever is left of it.
/// </summary>
public sealed class StagingFolder : IDisposable
{
    public const string Prefix = ".vbmc-staging-";

    private readonly IDisposable _removeOnInterrupt;

    private StagingFolder(string path, bool insideOutput)
    {
        Path = path;
        InsideOutput = insideOutput;
        _removeOnInterrupt = Vbmc.Processes.TemporaryFolders.RemoveOnInterrupt(path);
    }

    public string Path { get; }

    /// <summary>True when the folder is inside the output folder (it can then not be swapped with it).</summary>
    public bool InsideOutput { get; }

    public static StagingFolder CreateFor(string outputDirectory)
    {
        var full = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(outputDirectory));
        var parent = System.IO.Path.GetDirectoryName(full);
        var unique = Guid.NewGuid().ToString("N")[..12];
        if (parent is not null)
        {
            var sibling = System.IO.Path.Combine(parent, $".{System.IO.Path.GetFileName(full)}{Prefix}{unique}");
            try
            {
                Directory.CreateDirectory(parent);
                CreateNew(sibling);
                return new StagingFolder(sibling, insideOutput: false);
            }
            catch (UnauthorizedAccessException) when (Directory.Exists(full))
            {
                // fall through: stage inside the output folder
            }
        }
        var inside = System.IO.Path.Combine(full, Prefix + unique);
        CreateNew(inside);
        return new StagingFolder(inside, insideOutput: true);
    }

    /// <summary>Writes one file: exact bytes, flushed to disk (a rename must never publish an empty file), exact mode.</summary>
    public void Write(string relativePath, byte[] content, int mode)
    {
        var native = RelativePaths.Native(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(native)!);
        using (var stream = new FileStream(native, FileMode.CreateNew, FileAccess.Write))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }
        Entries.SetMode(native, mode);
    }

    public void Dispose()
    {
        // Leftovers of a temporary folder are not worth failing a compile for; its hidden name
        // says what it is, and the next compile into the same folder removes it.
        Vbmc.Processes.TemporaryFolders.Delete(Path);
        _removeOnInterrupt.Dispose();
    }

    /// <summary>
    /// Removes the staging folders that compiles into <paramref name="outputDirectory"/> left when
    /// they were killed (SIGKILL runs no handler). Only call while holding its <see cref="OutputLock"/>:
    /// then no compile is using one.
    /// </summary>
    public static void RemoveLeftovers(string outputDirectory)
    {
        var full = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(outputDirectory));
        var name = System.IO.Path.GetFileName(full);
        var candidates = new List<string>();
        if (System.IO.Path.GetDirectoryName(full) is { } parent && Directory.Exists(parent) && name.Length > 0)
            candidates.AddRange(Directory.EnumerateDirectories(parent, $".{name}{Prefix}*"));
        if (Directory.Exists(full))
            candidates.AddRange(Directory.EnumerateDirectories(full, Prefix + "*"));
        foreach (var folder in candidates)
        {
            // Only what CreateFor names: a prefix and 12 hexadecimal digits; never a link.
            var suffix = System.IO.Path.GetFileName(folder).Split(Prefix)[^1];
            if (suffix.Length != 12 || !suffix.All(char.IsAsciiHexDigitLower)) continue;
            if (new DirectoryInfo(folder).LinkTarget is not null) continue;
            Vbmc.Processes.TemporaryFolders.Delete(folder);
        }
    }

    private static void CreateNew(string path)
    {
        if (Directory.Exists(path) || File.Exists(path)) throw new IOException("temporary folder already exists: " + path);
        Directory.CreateDirectory(path);
    }
}
