using Vbmc.TestSupport;

namespace Vbmc.Cli.Tests;

/// <summary>The acceptance files of tests/acceptance and which of them the current stage must pass.</summary>
public static class AcceptanceCatalog
{
    /// <summary>
    /// Files that need features of later stages (services, virtual-build-machine, compile) and so
    /// cannot pass yet. They still run, under the "Pending" trait that CI excludes. Each stage
    /// removes the files it makes pass; every file not listed here is required (a new acceptance
    /// file is required by default).
    /// </summary>
    public static readonly IReadOnlySet<string> PendingFiles = new HashSet<string>(StringComparer.Ordinal)
    {
        // Every acceptance file passes since the services stage; add a new file here only while
        // the stage that makes it pass is being built.
    };

    /// <summary>The trait that marks tests of later stages; tests/run-all.sh filters it out.</summary>
    public const string PendingTrait = "Pending";

    public static IReadOnlyList<string> AllFiles =>
        Directory.Exists(RepoPaths.Acceptance)
            ? Directory.GetFiles(RepoPaths.Acceptance, "*.scm").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : throw new DirectoryNotFoundException("acceptance folder not found: " + RepoPaths.Acceptance);

    public static TheoryData<string> Required() => Data(AllFiles.Where(f => !PendingFiles.Contains(f)));

    public static TheoryData<string> WithQemuExpectations() =>
        Data(AllFiles.Where(f => Load(f).Qemu.Count > 0));

    public static AcceptanceFile Load(string name) => AcceptanceFile.Load(Path.Combine(RepoPaths.Acceptance, name));

    private static TheoryData<string> Data(IEnumerable<string> names)
    {
        var data = new TheoryData<string>();
        foreach (var n in names) data.Add(n);
        return data;
    }
}
