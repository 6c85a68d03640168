using System.Text.RegularExpressions;
using Vbmc.Diagnostics;
using Vbmc.TestSupport;
using Xunit.Abstractions;

namespace Vbmc.Services.Tests;

/// <summary>
/// Configurations written the way people write them for Guix System (configurations/real/) and
/// the README's examples (examples/), checked by the whole services stage. Each real file says in
/// its header lines (acceptance format, tests/acceptance/README.md) what vbmc must report; most say
/// <c>ok</c>, because the point is that real configurations get no false errors.
/// The files are read from the source tree, not the output folder, because some of them load
/// key files (local-file) that sit next to them.
/// </summary>
public partial class RealConfigurationsTests(ITestOutputHelper output)
{
    private static string RealFolder => Path.Combine(RepoPaths.Root, "tests", "Vbmc.Services.Tests", "configurations", "real");

    public static TheoryData<string> RealFiles() => Data(Names(RealFolder));

    public static TheoryData<string> ExampleFiles() => Data(Names(RepoPaths.Examples));

    [Theory]
    [MemberData(nameof(RealFiles))]
    public void Real_configuration_checks_as_its_header_says(string name)
    {
        var file = AcceptanceFile.Load(Path.Combine(RealFolder, name));
        var diagnostics = Check(file.Path);

        diagnostics.Where(d => !d.Span.HasPosition).Should().BeEmpty("every diagnostic about a configuration has a location");
        ExpectationVerdict.Problems(file, diagnostics)
            .Should().BeEmpty("vbmc reported:\n  {0}", string.Join("\n  ", diagnostics.Select(ExpectationVerdict.Describe)));
    }

    [Fact]
    public void Real_configurations_are_many_and_mostly_correct()
    {
        var files = Names(RealFolder).Select(name => AcceptanceFile.Load(Path.Combine(RealFolder, name))).ToList();
        files.Count.Should().BeGreaterThanOrEqualTo(12);
        files.Should().OnlyContain(f => f.ExpectOk || f.Errors.Count > 0 || f.Warnings.Count > 0, "every file says what to expect");
        files.Count(f => f.ExpectOk).Should().BeGreaterThan(files.Count / 2, "real configurations are mostly correct ones");
        files.Count(f => f.Errors.Count > 0).Should().BeGreaterThanOrEqualTo(3, "deliberate mistakes must be found too");
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Example_checks_without_errors(string name)
    {
        var diagnostics = Check(Path.Combine(RepoPaths.Examples, name));
        diagnostics.Where(d => d.Severity == Severity.Error)
            .Should().BeEmpty("the README shows {0}; vbmc reported:\n  {1}", name, string.Join("\n  ", diagnostics.Select(ExpectationVerdict.Describe)));
    }

    [Fact]
    public void Examples_the_task_promises_exist()
    {
        var names = Names(RepoPaths.Examples);
        names.Should().Contain(["build-vm.scm", "time-travel-vm.scm", "two-vms.scm", "offload-machines.scm"]);
    }

    /// <summary>What the examples' comments promise: each VM's CPU follows its date, each gets its own offload port.</summary>
    [Theory]
    [InlineData("time-travel-vm.scm", "time-travel=Broadwell", "11022")]
    [InlineData("two-vms.scm", "past=Westmere present=Skylake-Client", "11022 12022")]
    public void Example_vms_have_the_cpu_of_their_date_and_their_own_port(string name, string cpus, string ports)
    {
        var analysis = ConfigurationAnalyzer.AnalyzeFile(Path.Combine(RepoPaths.Examples, name), withJson: true);
        analysis.Evaluation.HasErrors.Should().BeFalse();
        var value = Vbmc.Evaluation.ValueJson.ToJson(analysis.Evaluation.Value)!.AsArray();
        string.Join(' ', value.Select(s => s!["%value"]!).Select(vm => $"{vm["name"]!["$symbol"]}={vm["cpu"]}"))
            .Should().Be(cpus);
        string.Join(' ', analysis.ServicesJson!["guix"]!["build-machines"]!.AsArray().Select(m => m!["port"]!.ToString()))
            .Should().Be(ports);
    }

    /// <summary>The README's first set-up command compiles a shipped example, which must exist and be clean.</summary>
    [Fact]
    public void Readme_first_command_compiles_a_clean_example()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var match = CheckCommand().Match(readme);
        match.Success.Should().BeTrue("the README's first set-up command runs `vbmc compile examples/... -o ...`");
        var example = Path.Combine(RepoPaths.Root, match.Groups["path"].Value);
        File.Exists(example).Should().BeTrue($"{example} is named by the README");
        Check(example).Where(d => d.Severity == Severity.Error).Should().BeEmpty();
    }

    private IReadOnlyList<Diagnostic> Check(string path)
    {
        var result = ConfigurationAnalyzer.CheckFile(path);
        foreach (var d in result.Diagnostics) output.WriteLine(ExpectationVerdict.Describe(d));
        return result.Diagnostics;
    }

    private static IReadOnlyList<string> Names(string folder) =>
        Directory.GetFiles(folder, "*.scm").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();

    private static TheoryData<string> Data(IEnumerable<string> names)
    {
        var data = new TheoryData<string>();
        foreach (var n in names) data.Add(n);
        return data;
    }

    [GeneratedRegex(@"(?:-- |/vbmc )compile (?<path>examples/[A-Za-z0-9._-]+\.scm) -o ")]
    private static partial Regex CheckCommand();
}
