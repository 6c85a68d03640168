using System.CommandLine;
using Vbmc.Diagnostics;
using Vbmc.Host.Apply;
using Vbmc.Image;
using Vbmc.Image.Base;

namespace Vbmc.Cli;

/// <summary>
/// `vbmc gc [--keep N] [--root R] [--cache-days DAYS] [--dry-run]`: removes generations beyond the newest N (never
/// the current one), what interrupted applies left, and in the image cache the leftovers of killed
/// builds and the Debian bases no build used for --cache-days; reports what it freed.
/// </summary>
public static class GcCommand
{
    public const int DefaultKeep = 3;
    public const int DefaultCacheDays = 30;

    public static Command Create(CliEnvironment env)
    {
        var keep = new Option<int>("--keep")
        {
            Description = "How many generations to keep, the current one included.",
            DefaultValueFactory = _ => DefaultKeep,
            HelpName = "N",
        };
        var root = ApplyCommand.RootOption("The root folder vbmc apply installed under.");
        var cacheDays = new Option<int>("--cache-days")
        {
            Description = "Remove Debian bases of the image cache that no build used for this many days.",
            DefaultValueFactory = _ => DefaultCacheDays,
            HelpName = "DAYS",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would be removed and remove nothing." };
        var command = new Command("gc", "Remove old generations, leftovers of interrupted applies and killed image builds, and cache bases no build used lately; report the space freed.")
        {
            keep, root, cacheDays, dryRun,
        };
        command.SetAction(parse => Run(parse.GetValue(keep), parse.GetValue(root)!, parse.GetValue(cacheDays), parse.GetValue(dryRun), env));
        return command;
    }

    public static int Run(int keep, string root, int cacheDays, bool dryRun, CliEnvironment env)
    {
        if (cacheDays < 1)
        {
            return ApplyCommand.Finish([Diagnostic.Error(DiagnosticIds.UsageError, SourceSpan.FileOnly("vbmc"),
                $"--cache-days {cacheDays}: at least 1", "see 'vbmc gc --help'")], env);
        }
        if (keep < 1)
        {
            return ApplyCommand.Finish([Diagnostic.Error(DiagnosticIds.UsageError, SourceSpan.FileOnly("vbmc"),
                $"--keep {keep}: at least 1 (the current generation is always kept)", "see 'vbmc gc --help'")], env);
        }
        if (!OperatingSystem.IsLinux()) return ApplyCommand.Finish([ApplyCommand.Unsupported("gc")], env);
        long freed = 0;
        var diagnostics = GenerationCollector.Collect(keep, dryRun, ApplyCommand.Options(root, env), bytes => freed += bytes);
        if (diagnostics.Count > 0) return ApplyCommand.Finish(diagnostics, env);
        var cache = ImageBuildSettings.DefaultCacheDirectory;
        try
        {
            freed += CacheCollector.Collect(cache, dryRun, DateTime.UtcNow, TimeSpan.FromDays(cacheDays), env.Out);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ApplyCommand.Finish([Diagnostic.Error(DiagnosticIds.IoError, SourceSpan.FileOnly(cache), $"cannot clean the image cache: {e.Message}")], env);
        }
        env.Out.WriteLine($"{(dryRun ? "would free" : "freed")} {GenerationCollector.Size(freed)} ({freed} bytes)");
        env.Out.Flush();
        return ExitCodes.Ok;
    }
}
