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

    private StagingFolder(string path, bool insideOutput)
    {
        Path = path;
        InsideOutput = insideOutput;
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
        try
        {
            if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Leftovers of a temporary folder are not worth failing a compile for; its hidden name says what it is.
        }
    }

    private static void CreateNew(string path)
    {
        if (Directory.Exists(path) || File.Exists(path)) throw new IOException("temporary folder already exists: " + path);
        Directory.CreateDirectory(path);
    }
}
