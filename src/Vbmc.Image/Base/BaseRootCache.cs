using Vbmc.Diagnostics;
using Vbmc.Processes;

namespace Vbmc.Image.Base;

/// <summary>
/// Debian base roots made with mmdebstrap, kept as tar archives under
/// <c>CACHE/debian/KEY.tar</c> (KEY: the sha256 of the recipe's inputs, with <c>KEY.txt</c>
/// listing them). A root is written to a temporary file and renamed into place, and a lock file
/// makes concurrent builds of the same key wait for the first instead of running mmdebstrap twice.
/// </summary>
internal static class BaseRootCache
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(30);

    /// <summary>The cached archive's path, made first when missing; null after reporting a diagnostic.</summary>
    public static string? Ensure(DebianBaseRecipe recipe, string cacheDirectory, ImageProgress progress,
        DiagnosticBag diagnostics, SourceSpan place)
    {
        var folder = Path.Combine(cacheDirectory, "debian");
        var archive = Path.Combine(folder, recipe.Key + ".tar");
        if (File.Exists(archive))
        {
            progress.Step($"Debian base: cached ({recipe.Suite}, {recipe.Key[..12]})");
            CacheCollector.MarkUsed(folder, recipe.Key);
            return archive;
        }
        try
        {
            Directory.CreateDirectory(folder);
            using var held = Lock(Path.Combine(folder, recipe.Key + ".lock"));
            if (held is null)
            {
                diagnostics.Error(DiagnosticIds.ImageBuildFailed, place,
                    $"another vbmc has been making the Debian base {recipe.Key[..12]} for more than {LockTimeout.TotalMinutes} minutes",
                    $"remove {Path.Combine(folder, recipe.Key + ".lock")} if no vbmc is running");
                return null;
            }
            if (File.Exists(archive)) // made by the build that held the lock before us
            {
                progress.Step($"Debian base: cached ({recipe.Suite}, {recipe.Key[..12]})");
                return archive;
            }
            return Make(recipe, folder, archive, progress, diagnostics, place);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticIds.ImageBuildFailed, place, $"cannot use the image cache {folder}: {e.Message}",
                "set VBMC_CACHE_DIR to a writable folder");
            return null;
        }
    }

    private static string? Make(DebianBaseRecipe recipe, string folder, string archive, ImageProgress progress,
        DiagnosticBag diagnostics, SourceSpan place)
    {
        if (HostProgram.Mmdebstrap.Locate() is not { } mmdebstrap)
        {
            diagnostics.Error(DiagnosticIds.ImageToolMissing, place, "mmdebstrap is not installed: it makes the guest's Debian root",
                "apt-get install mmdebstrap (or give the image a root-base)");
            return null;
        }
        var privileged = Environment.IsPrivilegedProcess;
        if (!privileged && UnshareRequirements.OfThisHost() is var requirements && requirements.Problems() is { Count: > 0 } problems)
        {
            diagnostics.Error(DiagnosticIds.ImageToolMissing, place,
                $"the Debian base ({recipe.Suite}, {recipe.Key[..12]}) is not cached, and making it as {requirements.UserName} (not root) runs " +
                $"mmdebstrap in a user namespace (--mode=unshare), which cannot work here: {string.Join("; ", problems)}",
                $"fix that, or make the base once as root with the same VBMC_CACHE_DIR ({Path.GetDirectoryName(folder)}), or give the image a root-base");
            return null;
        }
        var temporary = Path.Combine(folder, $".{recipe.Key}.{Guid.NewGuid():N}.tar");
        try
        {
            progress.Step($"Debian base: running mmdebstrap ({recipe.Suite} from {recipe.Mirror}, {recipe.Packages.Count} packages{(privileged ? "" : ", in a user namespace")})");
            var result = ProgramRunner.Run(HostProgram.Mmdebstrap.Request(mmdebstrap, recipe.MmdebstrapArguments(temporary, privileged))
                with { OnLine = progress.Detail });
            if (!result.Succeeded || !File.Exists(temporary))
            {
                diagnostics.Error(DiagnosticIds.ImageBuildFailed, place,
                    $"mmdebstrap failed ({result.Outcome}) making the Debian base ({recipe.Suite} from {recipe.Mirror}):\n{result.Explanation}",
                    "check the suite, the mirror and the package names of the image's debian-base");
                return null;
            }
            File.WriteAllText(Path.Combine(folder, recipe.Key + ".txt"), recipe.KeyText);
            File.Move(temporary, archive, overwrite: true);
            return archive;
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>An exclusive lock on <paramref name="path"/> (flock under .NET), waited for; null on time-out.</summary>
    private static FileStream? Lock(string path)
    {
        var deadline = DateTime.UtcNow + LockTimeout;
        while (true)
        {
            if (TryLock(path) is { } held) return held;
            if (DateTime.UtcNow >= deadline) return null;
            Thread.Sleep(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>The base's lock (flock, which .NET takes for FileShare.None) if no other build holds it now; null when one does.</summary>
    internal static FileStream? TryLock(string path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
