namespace Vbmc.Host.Probe.Tests;

/// <summary>A unique temporary folder with a plain path (sshd_config and socket addresses need one), deleted on dispose.</summary>
public sealed class TestFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Join("/tmp", "vbmc-probe-test-" + Guid.NewGuid().ToString("N")[..10]);

    public TestFolder() => Directory.CreateDirectory(Path);

    public string File(string name) => System.IO.Path.Join(Path, name);

    public string Write(string name, string text)
    {
        var file = File(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        System.IO.File.WriteAllText(file, text);
        return file;
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
    }
}
