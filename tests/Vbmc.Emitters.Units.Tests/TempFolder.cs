namespace Vbmc.Emitters.Units.Tests;

/// <summary>A unique temporary folder, removed with everything in it on Dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder(string purpose)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"vbmc-units-{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
        // The systemd dump runs as nobody (systemd refuses its test mode as root): let it read.
        File.SetUnixFileMode(Path, (UnixFileMode)0b111_101_101);
    }

    public string Path { get; }

    /// <summary>A path inside the folder; an absolute in-root path ("/etc/x") is placed under it.</summary>
    public string Inside(string path) => System.IO.Path.Combine(Path, path.TrimStart('/'));

    /// <summary>Writes a file inside the folder (making its folders), with the given mode.</summary>
    public string Write(string path, string content, UnixFileMode mode = (UnixFileMode)0b110_100_100)
    {
        var full = Inside(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        File.SetUnixFileMode(full, mode);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
