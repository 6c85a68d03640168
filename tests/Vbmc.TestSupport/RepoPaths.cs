namespace Vbmc.TestSupport;

/// <summary>Locations in the repository, found from the test assembly's folder.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "vbmc.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("vbmc.sln not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The repository's top folder (where vbmc.sln is).</summary>
    public static string Root => RootLazy.Value;

    /// <summary>
    /// The project's own acceptance configurations, tests/acceptance (header format:
    /// tests/acceptance/README.md). Folders outside the repository are added to the CLI's
    /// acceptance runner only, by the VBMC_ACCEPTANCE_DIRS variable (tests/Vbmc.Cli.Tests/AcceptanceCatalog.cs).
    /// </summary>
    public static string Acceptance => Path.Combine(Root, "tests", "acceptance");

    public static string Examples => Path.Combine(Root, "examples");

    public static string Stdlib => Path.Combine(Root, "stdlib");

    public static string Grammar => Path.Combine(Root, "grammar");
}
