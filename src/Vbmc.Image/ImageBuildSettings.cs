namespace Vbmc.Image;

/// <summary>How an image build reports and where it caches.</summary>
public sealed record ImageBuildSettings
{
    /// <summary>No progress output at all (--quiet).</summary>
    public bool Quiet { get; init; }

    /// <summary>Where progress goes (the CLI passes stderr); null: nowhere.</summary>
    public TextWriter? Progress { get; init; }

    /// <summary>True when <see cref="Progress"/> is a terminal (redrawn progress); else one line per step.</summary>
    public bool ProgressIsTerminal { get; init; }

    /// <summary>
    /// Where Debian base roots are kept (debian/KEY.tar, KEY the sha256 of their inputs) and where a
    /// build stages its guest root (staging/, removed after each build).
    /// </summary>
    public string CacheDirectory { get; init; } = DefaultCacheDirectory;

    public static string DefaultCacheDirectory =>
        Environment.GetEnvironmentVariable("VBMC_CACHE_DIR") is { Length: > 0 } dir ? dir
        : Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "vbmc");
}
