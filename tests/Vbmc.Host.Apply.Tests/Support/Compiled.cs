using Vbmc.Lowering;
using Vbmc.TestSupport;

namespace Vbmc.Host.Apply.Tests.Support;

/// <summary>
/// Compile folders made by the real `vbmc compile FILE -o DIR --no-image` (as users make them),
/// once per test run and shared by every test class (read-only: tests copy what they change).
/// </summary>
public static class Compiled
{
    /// <summary>Generation 1's configuration: one VM, alpha, started at boot.</summary>
    public const string First = """
        (use-modules (gnu services) (gnu services virtualization) (srfi srfi-19))
        (list (service virtual-build-machine-service-type
                       (virtual-build-machine
                        (name 'alpha)
                        (cpu-count 2)
                        (memory-size 1024)
                        (auto-start? #t)
                        (date (make-date 0 0 0 0 1 6 2012 0))
                        (port-forwardings '((11022 . 22))))))
        """;

    /// <summary>Generation 2's: alpha changed (3 CPUs), and a second VM, beta, not started at boot.</summary>
    public const string Second = """
        (use-modules (gnu services) (gnu services virtualization) (srfi srfi-19))
        (list (service virtual-build-machine-service-type
                       (virtual-build-machine
                        (name 'alpha)
                        (cpu-count 3)
                        (memory-size 1024)
                        (auto-start? #t)
                        (date (make-date 0 0 0 0 1 6 2012 0))
                        (port-forwardings '((11022 . 22)))))
              (service virtual-build-machine-service-type
                       (virtual-build-machine
                        (name 'beta)
                        (date (make-date 0 0 0 0 1 1 2019 0))
                        (port-forwardings '((12022 . 22))))))
        """;

    private static readonly string Top = Path.Combine(Path.GetTempPath(), $"vbmc-apply-compiled-{Guid.NewGuid():N}");
    private static readonly Lazy<string> FirstLazy = new(() => Compile(First, "alpha.scm", "first"));
    private static readonly Lazy<string> SecondLazy = new(() => Compile(Second, "two.scm", "second"));

    /// <summary>Deletes every compiled folder (at the end of the test collection, see <see cref="CompiledCollection"/>).</summary>
    public static void DeleteAll()
    {
        if (Directory.Exists(Top)) Directory.Delete(Top, recursive: true);
    }

    public static string FirstFolder => FirstLazy.Value;
    public static string SecondFolder => SecondLazy.Value;

    /// <summary>Compiles configuration text with the real CLI into a new folder; fails the test with vbmc's output when it fails.</summary>
    public static string Compile(string text, string fileName, string name)
    {
        var folder = Path.Combine(Top, name);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, fileName);
        File.WriteAllText(file, text);
        var output = Path.Combine(folder, "out");
        var result = VbmcCli.Run(["compile", file, "-o", output, "--no-image", "--quiet"]);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"vbmc compile failed (exit {result.ExitCode}):\n{result.Stdout}\n{result.Stderr}");
        return output;
    }

    /// <summary>A writable copy of a compile folder.</summary>
    public static string CopyOf(string folder, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            File.SetUnixFileMode(target, File.GetUnixFileMode(file));
        }
        return destination;
    }

    public static Manifest ManifestOf(string folder) => Manifest.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")));
}

/// <summary>The collection every test class of this project belongs to: the compiled folders are deleted once all have run.</summary>
[CollectionDefinition(Name)]
public sealed class CompiledCollection : ICollectionFixture<CompiledCleanup>
{
    public const string Name = "compiled folders";
}

public sealed class CompiledCleanup : IDisposable
{
    public void Dispose() => Compiled.DeleteAll();
}
