using System.Reflection;
using System.Text.Json;
using Vbmc.Diagnostics.Formatting;

namespace Vbmc.Diagnostics.Tests;

/// <summary>Every id has a descriptor (what it means and what to do), and SARIF's rules carry them.</summary>
public class DiagnosticDescriptorsTests
{
    private static IEnumerable<string> AllIds() =>
        typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!);

    [Fact]
    public void Every_id_has_a_descriptor_with_a_description_and_help()
    {
        var described = DiagnosticDescriptors.All.Select(d => d.Id).ToHashSet();
        AllIds().Where(id => !described.Contains(id)).Should().BeEmpty("every id needs a DiagnosticDescriptor");
        foreach (var d in DiagnosticDescriptors.All)
        {
            d.Title.Should().Be(DiagnosticIds.TitleOf(d.Id));
            d.Description.Should().EndWith(".").And.NotBeEmpty();
            d.Help.Should().NotBeEmpty(d.Id);
        }
        DiagnosticDescriptors.All.Select(d => d.Id).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Sarif_rules_carry_the_description_help_and_default_level()
    {
        var diagnostics = new[]
        {
            Diagnostic.Error(DiagnosticIds.UnknownCpuModel, new SourceSpan("a.scm", 1, 1, 1, 2), "cpu \"Haswel\" ...", "did you mean 'Haswell'?"),
        };
        var text = new SarifDiagnosticFormatter(new SarifOptions { ToolVersion = "1" }).Format(diagnostics);
        using var json = JsonDocument.Parse(text);
        var rule = json.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules")[0];
        rule.GetProperty("fullDescription").GetProperty("text").GetString().Should().Be(DiagnosticDescriptors.Of(DiagnosticIds.UnknownCpuModel).Description);
        rule.GetProperty("help").GetProperty("text").GetString().Should().Contain("-cpu help");
        rule.GetProperty("defaultConfiguration").GetProperty("level").GetString().Should().Be("error");
    }
}
