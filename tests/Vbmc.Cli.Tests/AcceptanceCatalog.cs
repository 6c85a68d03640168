using Vbmc.TestSupport;

namespace Vbmc.Cli.Tests;

/// <summary>
/// The acceptance files the runner checks: every <c>*.scm</c> of the project's own folder,
/// tests/acceptance, then of each folder named in the <see cref="ExtraFoldersVariable"/>
/// environment variable (colon-separated; a relative folder is taken from the repository's top
/// folder). .ci/run names ../shared/acceptance there when that folder exists.
/// <para>
/// A file is named in the tests by its folder, as written in the variable (tests/acceptance for
/// the project's own), a slash and its file name: "tests/acceptance/07-error-field-typo.scm",
/// "../shared/acceptance/07-error-typo.scm". A folder named in the variable that does not exist
/// or holds no <c>*.scm</c> file fails <c>Every_acceptance_folder_exists_and_holds_configurations</c>.
/// </para>
/// </summary>
public static class AcceptanceCatalog
{
    /// <summary>The environment variable that adds acceptance folders to the run.</summary>
    public const string ExtraFoldersVariable = "VBMC_ACCEPTANCE_DIRS";

    /// <summary>How the project's own folder is named in the tests.</summary>
    public const string OwnFolderLabel = "tests/acceptance";

    /// <summary>
    /// Files that need features of later stages (services, virtual-build-machine, compile) and so
    /// cannot pass yet, named as in the tests ("tests/acceptance/NAME.scm"). They still run, under
    /// the "Pending" trait that CI excludes. Each stage removes the files it makes pass; every file
    /// not listed here is required (a new acceptance file is required by default).
    /// </summary>
    public static readonly IReadOnlySet<string> PendingFiles = new HashSet<string>(StringComparer.Ordinal)
    {
        // Every acceptance file passes since the services stage; add a new file here only while
        // the stage that makes it pass is being built.
    };

    /// <summary>The trait that marks tests of later stages; tests/run-all.sh filters it out.</summary>
    public const string PendingTrait = "Pending";

    /// <summary>An acceptance folder: its name in the tests and its full path.</summary>
    public sealed record Folder(string Label, string FullPath)
    {
        public bool Exists => Directory.Exists(FullPath);

        /// <summary>The folder's <c>*.scm</c> files by name, sorted; none when the folder does not exist.</summary>
        public IReadOnlyList<string> FileNames => Exists
            ? Directory.GetFiles(FullPath, "*.scm").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];
    }

    /// <summary>The project's folder, then each folder of the variable in its order (a folder named twice runs once).</summary>
    public static IReadOnlyList<Folder> Folders() => Folders(Environment.GetEnvironmentVariable(ExtraFoldersVariable));

    /// <summary>The folders for a given value of the variable (null or empty: only the project's).</summary>
    public static IReadOnlyList<Folder> Folders(string? variable)
    {
        var folders = new List<Folder> { new(OwnFolderLabel, Path.GetFullPath(RepoPaths.Acceptance)) };
        foreach (var entry in (variable ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var label = entry.Length > 1 ? entry.TrimEnd('/') : entry;
            var full = Path.GetFullPath(Path.Combine(RepoPaths.Root, label));
            if (folders.Any(f => PathsEqual(f.FullPath, full))) continue;
            folders.Add(new Folder(label, full));
        }
        return folders;
    }

    /// <summary>Every acceptance file of every folder, named as in the tests ("FOLDER/NAME.scm").</summary>
    public static IReadOnlyList<string> AllFiles =>
        Folders().SelectMany(f => f.FileNames.Select(n => f.Label + "/" + n)).ToList();

    public static TheoryData<string> Required() => Data(AllFiles.Where(f => !PendingFiles.Contains(f)));

    public static TheoryData<string> WithQemuExpectations() =>
        Data(AllFiles.Where(f => Load(f).Qemu.Count > 0));

    /// <summary>The full path of a file named as in the tests.</summary>
    public static string PathOf(string name) => Path.GetFullPath(Path.Combine(RepoPaths.Root, name));

    public static AcceptanceFile Load(string name) => AcceptanceFile.Load(PathOf(name));

    private static bool PathsEqual(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(a), Path.TrimEndingDirectorySeparator(b), StringComparison.Ordinal);

    private static TheoryData<string> Data(IEnumerable<string> names)
    {
        var data = new TheoryData<string>();
        foreach (var n in names) data.Add(n);
        return data;
    }
}
