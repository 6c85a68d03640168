using System.Globalization;
using Vbmc.Diagnostics;

namespace Vbmc.Host.Apply;

/// <summary>
/// `vbmc gc` on a root: removes generations beyond the newest <c>keep</c> (never the current one,
/// which counts among them), and what interrupted applies left (the leftovers <see cref="Recovery"/>
/// removes: N.partial folders, generations that never became current, temporary links, half-made
/// secrets). Holds apply's lock, so it never removes what a running apply is making. Reports each
/// removal and the bytes freed: a file still linked from a kept generation (an unchanged image is
/// one inode in every generation) frees nothing and is not counted.
/// </summary>
public static class GenerationCollector
{
    public static IReadOnlyList<Diagnostic> Collect(int keep, bool dryRun, ApplyOptions options, Action<long> freed)
    {
        var bag = new DiagnosticBag();
        if (Generations.ExistingRoot(options, bag) is not { } root) return bag.Items;
        try
        {
            using var beneath = RootFiles.Enter(root);
            using var hostLock = HostLock.Take(root);
            freed(CollectLocked(new GenerationStore(root), keep, dryRun, options.Out));
        }
        catch (HostLockedException e)
        {
            bag.Error(DiagnosticIds.ApplyFailed, SourceSpan.FileOnly(e.Path), e.Message, "run vbmc gc when it has finished");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            bag.Error(DiagnosticIds.IoError, SourceSpan.FileOnly(options.Root), $"gc stopped: {e.Message}");
        }
        return bag.Items;
    }

    private static long CollectLocked(GenerationStore store, int keep, bool dryRun, TextWriter output)
    {
        var current = store.Current;
        var sealedGenerations = store.Numbers().Where(n => n == current || store.BecameCurrent(n)).ToList();
        var kept = sealedGenerations.OrderByDescending(n => n == current).ThenByDescending(n => n).Take(keep).ToHashSet();
        var old = sealedGenerations.Where(n => !kept.Contains(n)).ToList();
        var leftovers = RootFiles.Entries(store.GenerationsFolder)
            .Where(e => !int.TryParse(Path.GetFileName(e), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || !sealedGenerations.Contains(n))
            .ToList();

        var keptInodes = kept.SelectMany(n => FilesOf(store.Folder(n))).Select(f => f.Identity).ToHashSet();
        var counted = new HashSet<(ulong, ulong)>();
        long Bytes(string folder) => FilesOf(folder)
            .Where(f => !keptInodes.Contains(f.Identity) && counted.Add(f.Identity))
            .Sum(f => f.Size);

        var verb = dryRun ? "would remove" : "removed";
        long total = 0;
        foreach (var number in old)
        {
            var folder = store.Folder(number);
            var bytes = Bytes(folder);
            total += bytes;
            if (!dryRun) Recovery.DeleteTree(folder);
            output.WriteLine($"{verb} generation {number} ({Size(bytes)})");
        }
        foreach (var entry in leftovers)
        {
            var bytes = RootFiles.FolderExists(entry) ? Bytes(entry) : 0;
            total += bytes;
            output.WriteLine($"{verb} {HostPaths.Generations}/{Path.GetFileName(entry)} (left by an interrupted apply, {Size(bytes)})");
        }
        // The rest of an interrupted apply's leftovers, as apply itself would remove them first.
        if (!dryRun)
            foreach (var line in Recovery.Run(store).Where(l => !l.StartsWith("removed " + HostPaths.Generations + "/", StringComparison.Ordinal)))
                output.WriteLine(line);
        output.WriteLine($"kept generation{(kept.Count == 1 ? "" : "s")} {string.Join(", ", kept.Order())}" + (current is { } c ? $" (current: {c})" : ""));
        return total;
    }

    /// <summary>The regular files of a folder, all depths (links not followed): their inode and size.</summary>
    private static IReadOnlyList<((ulong, ulong) Identity, long Size)> FilesOf(string folder) =>
        RootFiles.FolderExists(folder)
            ? RootFiles.InFolder(folder, f => Directory.EnumerateFiles(f, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.None })
                .Select(file => (Identity: Posix.Identity(file), Facts: Posix.Kind(file)))
                .Where(x => x.Identity is not null && x.Facts?.Kind == UnixFileKind.File)
                .Select(x => (x.Identity!.Value, x.Facts!.Value.Size)).ToList())
            : [];

    /// <summary>"1.4 MiB", "512 bytes".</summary>
    public static string Size(long bytes) =>
        bytes >= 1 << 30 ? $"{bytes / (double)(1 << 30):0.0} GiB"
        : bytes >= 1 << 20 ? $"{bytes / (double)(1 << 20):0.0} MiB"
        : bytes >= 1 << 10 ? $"{bytes / 1024.0:0.0} KiB"
        : $"{bytes} bytes";
}
