using Vbmc.Diagnostics;
using Vbmc.TestSupport;

namespace Vbmc.Services.Tests;

/// <summary>
/// configurations/virtualization/*.scm: each file's header lines (acceptance format) list exactly
/// the errors vbmc must report and the warnings it must give, at their positions.
/// </summary>
public class VirtualizationConfigurationTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(VirtualizationHarness.ConfigurationsFolder, "*.scm").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Configuration_gives_exactly_its_expected_diagnostics(string name)
    {
        var file = AcceptanceFile.Load(Path.Combine(VirtualizationHarness.ConfigurationsFolder, name));
        var diagnostics = ConfigurationAnalyzer.CheckFile(file.Path).Diagnostics;

        diagnostics.Where(d => d.Span.File != file.Path).Should().BeEmpty("no diagnostic may point into the standard library");
        ExpectationVerdict.Problems(file, diagnostics)
            .Should().BeEmpty("vbmc reported:\n  {0}", string.Join("\n  ", diagnostics.Select(ExpectationVerdict.Describe)));
    }

    [Fact]
    public void The_folder_has_the_promised_cases()
    {
        Files().Count.Should().BeGreaterThanOrEqualTo(12);
    }

    [Fact]
    public void A_valid_configuration_has_no_warning_either()
    {
        var diagnostics = ConfigurationAnalyzer.CheckFile(Path.Combine(VirtualizationHarness.ConfigurationsFolder, "two-machines.scm")).Diagnostics;
        diagnostics.Where(d => d.Severity != Severity.Note).Should().BeEmpty();
    }
}
