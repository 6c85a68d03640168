namespace Vbmc.Processes.Tests;

public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("vbmc-processes-").FullName;

    public string File(string name) => System.IO.Path.Join(Path, name);

    public string Folder(string name) => Directory.CreateDirectory(File(name)).FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
