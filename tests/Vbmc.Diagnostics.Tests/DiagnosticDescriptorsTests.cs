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
            d.Description.Should().EndWith(".", d.Id).And.NotBe(d.Title.Replace('-', ' '), "a description says more than the title");
            d.Description.Split(' ').Should().HaveCountGreaterThan(4, $"{d.Id}'s description is a sentence");
            d.Help.Should().NotBeEmpty(d.Id);
            DiagnosticCategory.Of(d.Id).Should().NotBe("other", $"{d.Id} is in a documented range");
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
        rule.GetProperty("help").GetProperty("markdown").GetString().Should()
            .StartWith("A VM\\'s cpu is not a model QEMU knows\\.\n\n**What to do:** Use a model of \\'qemu\\-system\\-x86\\_64 \\-cpu help\\'")
            .And.EndWith("`VBM4110` (`unknown-cpu-model`), found while checking the virtual build machines and offload machines; error by default.");
        rule.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Should().Equal("vbmc", "build-machines");
        rule.TryGetProperty("helpUri", out _).Should().BeFalse("vbmc has no page per rule");
    }

    [Fact]
    public void Every_rule_is_schema_valid_with_its_help()
    {
        var diagnostics = DiagnosticDescriptors.All.Select(d => Diagnostic.Error(d.Id, new SourceSpan("a.scm", 1, 1, 1, 2), "m"));
        var sarif = new SarifDiagnosticFormatter(new SarifOptions { ToolVersion = "1" }).Format(diagnostics);
        var schema = Path.Combine(AppContext.BaseDirectory, "schemas", "sarif-schema-2.1.0.json");
        Vbmc.TestSupport.JsonSchemaValidator.Validate(schema, sarif).Should().BeEmpty();
        using var json = JsonDocument.Parse(sarif);
        json.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").GetArrayLength()
            .Should().Be(DiagnosticDescriptors.All.Count);
    }
}
