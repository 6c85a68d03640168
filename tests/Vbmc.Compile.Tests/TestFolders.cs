using System.Security.Cryptography;
using Vbmc.Compile;
using Vbmc.Diagnostics;
using Vbmc.Lowering;

namespace Vbmc.Compile.Tests;

/// <summary>A unique temporary parent folder; the output folder is <see cref="Out"/> inside it. Removed after the test.</summary>
public sealed class TempParent : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"vbmc-compile-{Guid.NewGuid():N}");

    public TempParent() => Directory.CreateDirectory(Root);

    public string Out => Path.Combine(Root, "out");

    public string Write(string relative, string text, int mode = Artifact.Regular)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        File.SetUnixFileMode(path, (UnixFileMode)mode);
        return path;
    }

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}

/// <summary>Everything under a folder, links not followed: path → kind, sha256, mode, link target.</summary>
public static class Snapshot
{
    public static SortedDictionary<string, string> Of(string root)
    {
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(root)) return entries;
        Walk(root, "");
        return entries;

        void Walk(string native, string prefix)
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(native))
            {
                var relative = prefix + Path.GetFileName(entry);
                var info = new FileInfo(entry);
                if (info.LinkTarget is { } target) entries[relative] = "link -> " + target;
                else if (Directory.Exists(entry))
                {
                    entries[relative + "/"] = "folder " + Convert.ToString((int)File.GetUnixFileMode(entry), 8);
                    Walk(entry, relative + "/");
                }
                else
                {
                    entries[relative] = $"file {Convert.ToString((int)File.GetUnixFileMode(entry), 8)} "
                                        + Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(entry)));
                }
            }
        }
    }

    /// <summary>The regular files only, with their bytes and modes, for byte-for-byte folder comparisons.</summary>
    public static string Describe(SortedDictionary<string, string> snapshot) =>
        string.Join("\n", snapshot.Select(p => p.Key + ": " + p.Value));
}

/// <summary>Artifacts of the tests' own making, and requests that write them.</summary>
public static class Outputs
{
    public static OutputFile Text(string path, string content, int mode = Artifact.Regular, string? vm = "a") =>
        new(Artifact.Text(path, content, ArtifactKind.LaunchScript, mode), vm);

    /// <summary>A small folder like a compile's: a script, units in sub-folders, a machine file.</summary>
    public static IReadOnlyList<OutputFile> Typical(string flavour = "v1") =>
    [
        Text("run-a.sh", $"#!/bin/sh\n# {flavour}\nexec qemu-system-x86_64 \"$@\"\n", Artifact.Executable),
        Text("systemd/a.service", $"[Service]\n# {flavour}\n"),
        Text("shepherd/a.scm", $";; {flavour}\n"),
        Text("machines.scm", $"(list) ; {flavour}\n", vm: null),
    ];

    public static Manifest Header(string version = "0.0.0-test") => new()
    {
        Vbmc = version,
        Source = new ManifestSource("test.scm", new string('0', 64)),
        Vms = [],
        Artifacts = [],
    };

    public static OutputRequest Request(string directory, IReadOnlyList<OutputFile> files, Action<CommitStep>? beforeStep = null,
        bool dryRun = false, FileProducer? producer = null) =>
        new()
        {
            Directory = directory,
            Files = files,
            Header = Header(),
            DryRun = dryRun,
            BeforeStep = beforeStep,
            Producer = producer,
        };

    /// <summary>Writes and fails the test with every diagnostic when there is one.</summary>
    public static OutputResult WriteOk(OutputRequest request)
    {
        var bag = new DiagnosticBag();
        var result = OutputFolder.Write(request, bag);
        bag.Items.Should().BeEmpty();
        return result;
    }

    public static (OutputResult Result, IReadOnlyList<Diagnostic> Diagnostics) Write(OutputRequest request)
    {
        var bag = new DiagnosticBag();
        return (OutputFolder.Write(request, bag), bag.Items);
    }
}
