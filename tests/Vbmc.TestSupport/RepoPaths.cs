namespace Vbmc.TestSupport;

/// <summary>Locations in the repository and beside it, found from the test assembly's folder.</summary>
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

    /// <summary>../shared/acceptance beside the repository.</summary>
    public static string Acceptance => Path.GetFullPath(Path.Combine(Root, "..", "shared", "acceptance"));

    public static string Examples => Path.Combine(Root, "examples");

    public static string Stdlib => Path.Combine(Root, "stdlib");

    public static string Grammar => Path.Combine(Root, "grammar");
}
