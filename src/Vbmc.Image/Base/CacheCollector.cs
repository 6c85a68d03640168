using System.Text.RegularExpressions;

namespace Vbmc.Image.Base;

/// <summary>
/// `vbmc gc`'s part in the image cache: what builds that were killed left behind. A half-made
/// Debian base (debian/.KEY.RANDOM.tar) is stale when no build holds KEY.lock (the lock the build
/// that makes it holds; the kernel drops it when that build dies). A staging folder
/// (staging/VM.RANDOM) is stale when no build holds its process lock (<see cref="ImageStaging"/>:
/// the kernel drops it when that build dies, however it dies). A finished base
/// (debian/KEY.tar) is unused when no build has used it for <c>unusedFor</c>: each build that
/// finds it in the cache marks KEY.txt (its list of inputs) with the time.
/// </summary>
public static partial class CacheCollector
{
    [GeneratedRegex("^\\.(?<key>[0-9a-f]{64})\\.[0-9a-f]{32}\\.tar$")]
    private static partial Regex HalfMadeBase();

    /// <summary>
    /// Records that a build used the base KEY now (KEY.txt's modification time). Best effort: a
    /// mark that cannot be written only lets a later gc take the base for unused, which costs a
    /// rebuild of it, nothing else.
    /// </summary>
    public static void MarkUsed(string debianFolder, string key)
    {
        try
        {
            var inputs = Path.Combine(debianFolder, key + ".txt");
            if (File.Exists(inputs)) File.SetLastWriteTimeUtc(inputs, DateTime.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // See above: the base stays usable.
        }
    }

    [GeneratedRegex("^(?<key>[0-9a-f]{64})\\.tar$")]
    private static partial Regex FinishedBase();

    /// <summary>Removes (or with <paramref name="dryRun"/> lists) the stale entries; returns the bytes they took.</summary>
    public static long Collect(string cacheDirectory, bool dryRun, DateTime now, TimeSpan unusedFor, TextWriter output)
    {
        var verb = dryRun ? "would remove" : "removed";
        long total = 0;
        var debian = Path.Combine(cacheDirectory, "debian");
        if (Directory.Exists(debian))
        {
            foreach (var file in Directory.EnumerateFiles(debian).Order(StringComparer.Ordinal))
            {
                if (FinishedBase().Match(Path.GetFileName(file)) is { Success: true } finished)
                {
                    var key = finished.Groups["key"].Value;
                    var inputs = Path.Combine(debian, key + ".txt");
                    var lastUse = File.Exists(inputs) ? File.GetLastWriteTimeUtc(inputs) : File.GetLastWriteTimeUtc(file);
                    if (now - lastUse < unusedFor) continue;
                    using var unlocked = BaseRootCache.TryLock(Path.Combine(debian, key + ".lock"));
                    if (unlocked is null) continue;
                    var size = new FileInfo(file).Length;
                    if (!dryRun)
                    {
                        File.Delete(file);
                        File.Delete(inputs);
                    }
                    total += size;
                    output.WriteLine($"{verb} {file} (a Debian base no build used for {(int)(now - lastUse).TotalDays} days, {size} bytes)");
                    continue;
                }
                if (HalfMadeBase().Match(Path.GetFileName(file)) is not { Success: true } m) continue;
                using var free = BaseRootCache.TryLock(Path.Combine(debian, m.Groups["key"].Value + ".lock"));
                if (free is null) continue; // a build is making it
                var bytes = new FileInfo(file).Length;
                if (!dryRun) File.Delete(file);
                total += bytes;
                output.WriteLine($"{verb} {file} (a Debian base whose build was killed, {bytes} bytes)");
            }
        }
        foreach (var folder in ImageStaging.Leftovers(Path.Combine(cacheDirectory, "staging")))
        {
            var bytes = Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.None })
                .Select(f => new FileInfo(f)).Where(f => f.LinkTarget is null).Sum(f => f.Length);
            if (!dryRun && !Vbmc.Processes.TemporaryFolders.Delete(folder)) continue;
            total += bytes;
            output.WriteLine($"{verb} {folder} (the staging folder of an image build that was killed, {bytes} bytes)");
        }
        return total;
    }
}
