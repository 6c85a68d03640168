using System.Security.Cryptography;

namespace Vbmc.Host.Apply.Tests.Support;

/// <summary>Checks that a generation is fully in place under a root, with nothing else of vbmc's and no leftovers.</summary>
public static class Installed
{
    public static GenerationRecord Current(string root)
    {
        var store = new GenerationStore(root);
        return store.ReadCurrent() ?? throw new InvalidOperationException("no current generation under " + root);
    }

    public static IReadOnlyList<string> Problems(string root, int expectedNumber)
    {
        var problems = new List<string>();
        var store = new GenerationStore(root);
        if (store.Current != expectedNumber) return [$"current is {store.Current?.ToString() ?? "missing"}, expected {expectedNumber}"];
        var record = store.Read(expectedNumber)!;
        if (!store.BecameCurrent(expectedNumber)) problems.Add("the current generation has no became-current marker");
        foreach (var file in record.Files)
        {
            var full = Path.Join(root, file.Path);
            var info = new FileInfo(full);
            if (info.LinkTarget != HostPaths.LinkTarget(file.Path))
            {
                problems.Add($"{file.Path} is not the link to current/files (target {info.LinkTarget ?? "none"})");
                continue;
            }
            if (!File.Exists(full))
            {
                problems.Add($"{file.Path} does not resolve");
                continue;
            }
            if (Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(full))) != file.Sha256) problems.Add($"{file.Path} has other bytes than recorded");
            if (Convert.ToString((int)File.GetUnixFileMode(full), 8).PadLeft(4, '0') != file.Mode.PadLeft(4, '0'))
                problems.Add($"{file.Path} has mode {Convert.ToString((int)File.GetUnixFileMode(full), 8)}, recorded {file.Mode}");
        }
        foreach (var link in record.Links)
        {
            var target = new FileInfo(Path.Join(root, link.Path)).LinkTarget;
            if (target != link.Target) problems.Add($"{link.Path} points to {target ?? "nothing"}, expected {link.Target}");
        }
        foreach (var original in record.Originals)
        {
            if (!File.Exists(Path.Join(root, original) + HostPaths.OriginalSuffix)) problems.Add($"{original}.vbmc-orig is missing");
        }
        var wanted = record.Files.Select(f => f.Path).Concat(record.Links.Select(l => l.Path)).Select(p => p.TrimStart('/')).ToHashSet();
        foreach (var (path, entry) in Tree.Take(root))
        {
            if (Tree.IsGenerationsArea(path)) continue;
            if (path.EndsWith(HostPaths.TemporarySuffix, StringComparison.Ordinal) || path.Contains("/.new-", StringComparison.Ordinal))
                problems.Add($"leftover {path}");
            if (entry.Type == "l" && (entry.Content.Contains("var/lib/vbmc/current/files/", StringComparison.Ordinal)
                                      || entry.Content.StartsWith("-> ../vbmc-", StringComparison.Ordinal)) && !wanted.Contains(path))
                problems.Add($"stale vbmc link {path} {entry.Content}");
        }
        if (Path.Exists(Path.Join(root, HostPaths.CurrentLinkTemp))) problems.Add("leftover current.tmp");
        foreach (var entry in Directory.EnumerateFileSystemEntries(store.GenerationsFolder))
        {
            var name = Path.GetFileName(entry);
            if (!int.TryParse(name, out var n) || !store.BecameCurrent(n)) problems.Add($"leftover generations/{name}");
        }
        return problems;
    }
}
