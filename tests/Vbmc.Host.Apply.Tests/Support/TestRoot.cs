namespace Vbmc.Host.Apply.Tests.Support;

/// <summary>A fresh temporary folder for one test: Root (the --root) and Work (anything else); deleted on dispose.</summary>
public sealed class TestRoot : IDisposable
{
    public string Top { get; }
    public string Root => Path.Combine(Top, "root");
    public string Work => Path.Combine(Top, "work");

    public TestRoot()
    {
        Top = Path.Combine(Path.GetTempPath(), $"vbmc-apply-test-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(Work);
    }

    /// <summary>A host path under the root.</summary>
    public string At(string hostPath) => Path.Join(Root, hostPath.TrimStart('/'));

    /// <summary>Writes a file at a host path under the root (a person's file).</summary>
    public void Write(string hostPath, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(At(hostPath))!);
        File.WriteAllText(At(hostPath), text);
    }

    /// <summary>A copy of another root (owners, modes, links and hard links kept), as `cp -a` makes it.</summary>
    public void CopyRootFrom(string otherRoot)
    {
        Directory.Delete(Root);
        var result = TestSupport.ProcessRunner.Run("cp", ["-a", otherRoot, Root]);
        if (result.ExitCode != 0) throw new InvalidOperationException("cp -a failed: " + result.Stderr);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Top, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a temp folder left behind is not a test failure
        }
    }
}
