using Vbmc.TestSupport;

// The packaging tests run Debian's and .NET's tools on Linux, as the scripts do.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
// They install into the real /usr (the .deb) and build with the SDK: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Vbmc.Packaging.Tests;

/// <summary>Runs the scripts of src/packaging and the programs they install.</summary>
public static class Packaging
{
    public static readonly TimeSpan Long = TimeSpan.FromMinutes(20);

    public static string Script(string name) => Path.Combine(RepoPaths.Root, "src", "packaging", name);

    /// <summary>
    /// --binary NATIVE when VBMC_EXECUTABLE names the native vbmc (tests/run-all.sh publishes it);
    /// else nothing, and the script publishes out/aot/vbmc itself.
    /// </summary>
    public static IEnumerable<string> BinaryArguments => VbmcCli.NativeExecutable is { } native ? ["--binary", native] : [];

    /// <summary>Runs a script with bash; a failure fails the test with its output.</summary>
    public static string RunScript(string name, IEnumerable<string> arguments)
    {
        var run = ProcessRunner.Run(HostTools.Require("bash", "bash"), [Script(name), .. arguments], RepoPaths.Root, Long);
        run.ExitCode.Should().Be(0, "{0} must succeed:\n{1}{2}", name, run.Stdout, run.Stderr);
        return run.Stdout.TrimEnd('\n').Split('\n')[^1];
    }

    /// <summary>The version the program under test prints: what every installed copy must print.</summary>
    public static string ExpectedVersion
    {
        get
        {
            var run = VbmcCli.Run(["--version"]);
            run.ExitCode.Should().Be(0, run.Stderr);
            return run.Stdout.Trim();
        }
    }

    /// <summary>Runs an installed vbmc on the shipped example from a folder outside the repository (no stdlib files around).</summary>
    public static void ChecksTheExample(string vbmc, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var outside = Directory.CreateTempSubdirectory("vbmc-installed-").FullName;
        try
        {
            var run = ProcessRunner.Run(vbmc, ["check", Path.Combine(RepoPaths.Examples, "build-vm.scm")], outside, Long, environment);
            run.ExitCode.Should().Be(0, "the installed {0} must check examples/build-vm.scm:\n{1}{2}", vbmc, run.Stdout, run.Stderr);
            var bad = ProcessRunner.Run(vbmc, ["check", Path.Combine(RepoPaths.Acceptance, "07-error-field-typo.scm")], outside, Long, environment);
            bad.ExitCode.Should().Be(1, "an acceptance file with an error must fail the installed {0}:\n{1}", vbmc, bad.Stdout);
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    public static bool IsRoot => Environment.UserName == "root" || ProcessRunner.Run("id", ["-u"]).Stdout.Trim() == "0";
}
