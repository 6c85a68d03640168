using System.Text.Json.Nodes;
using Vbmc.Diagnostics.Formatting;
using Vbmc.TestSupport;

namespace Vbmc.Diagnostics.Tests;

public class SarifDiagnosticFormatterTests
{
    private static readonly string SchemaPath = Path.Combine(AppContext.BaseDirectory, "schemas", "sarif-schema-2.1.0.json");

    private static string Format(IEnumerable<Diagnostic> diagnostics, string? baseDir = "/work/project") =>
        new SarifDiagnosticFormatter(new SarifOptions { ToolVersion = "1.2.3", BaseDirectory = baseDir }).Format(diagnostics);

    [Fact]
    public void Output_is_valid_against_the_sarif_2_1_0_schema()
    {
        JsonSchemaValidator.Validate(SchemaPath, Format(Samples.All)).Should().BeEmpty();
    }

    [Fact]
    public void Empty_results_and_absolute_uris_are_valid_too()
    {
        JsonSchemaValidator.Validate(SchemaPath, Format([])).Should().BeEmpty();
        JsonSchemaValidator.Validate(SchemaPath, Format(Samples.All, baseDir: null)).Should().BeEmpty();
    }

    [Fact]
    public void Every_known_diagnostic_id_and_odd_spans_stay_valid()
    {
        var diagnostics = DiagnosticIds.Titles.Keys.Select((id, i) => new Diagnostic(
            id, (Severity)(i % 3), new SourceSpan($"dir with space/f#{i}.scm", i % 4, i % 5, i % 3, i % 7),
            i % 2 == 0 ? "" : "message \"quoted\" ü", i % 3 == 0 ? "a hint" : null,
            [new RelatedLocation(new SourceSpan("/elsewhere/x.scm", 1, 1, 1, 1), "there")]));

        JsonSchemaValidator.Validate(SchemaPath, Format(diagnostics)).Should().BeEmpty();
    }

    [Fact]
    public void The_validator_really_rejects_invalid_sarif()
    {
        // Guards the test above against a validator that accepts everything.
        var broken = Format(Samples.All).Replace("\"startLine\": 1,", "\"startLine\": 0,").Replace("\"level\": \"warning\"", "\"level\": \"severe\"");

        JsonSchemaValidator.Validate(SchemaPath, broken).Should().HaveCount(3, "the start line, a result's level and a rule's default level");
    }

    [Fact]
    public void Results_rules_locations_and_regions()
    {
        var run = JsonNode.Parse(Format(Samples.All))!["runs"]!.AsArray().Single()!;

        var driver = run["tool"]!["driver"]!;
        driver["name"]!.GetValue<string>().Should().Be("vbmc");
        driver["version"]!.GetValue<string>().Should().Be("1.2.3");
        driver["rules"]!.AsArray().Select(r => r!["id"]!.GetValue<string>())
            .Should().Equal("VBM3001", "VBM3002", "VBM3008", "VBM9002");
        driver["rules"]![1]!["name"]!.GetValue<string>().Should().Be("extraneous-field-initializers");
        run["originalUriBaseIds"]!["%SRCROOT%"]!["uri"]!.GetValue<string>().Should().Be("file:///work/project/");

        var results = run["results"]!.AsArray();
        results.Select(r => r!["level"]!.GetValue<string>()).Should().Equal("error", "warning", "error", "error");

        var extraneous = results[2]!;
        extraneous["ruleId"]!.GetValue<string>().Should().Be("VBM3002");
        extraneous["ruleIndex"]!.GetValue<int>().Should().Be(1);
        extraneous["message"]!["text"]!.GetValue<string>().Should().Be("extraneous field initializers (prot)\nhint: did you mean 'port'?");
        extraneous["message"]!["markdown"]!.GetValue<string>().Should().Be("extraneous field initializers \\(prot\\)\n\n**hint:** did you mean \\'port\\'\\?");
        extraneous["properties"]!["hint"]!.GetValue<string>().Should().Be("did you mean 'port'?");
        var location = extraneous["locations"]![0]!["physicalLocation"]!;
        location["artifactLocation"]!["uri"]!.GetValue<string>().Should().Be("config.scm");
        location["artifactLocation"]!["uriBaseId"]!.GetValue<string>().Should().Be("%SRCROOT%");
        var region = location["region"]!;
        (region["startLine"]!.GetValue<int>(), region["startColumn"]!.GetValue<int>(),
         region["endLine"]!.GetValue<int>(), region["endColumn"]!.GetValue<int>()).Should().Be((3, 2, 3, 11));

        var related = results[0]!["relatedLocations"]![0]!;
        related["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>().Should().Be("stdlib/offload.scm");
        related["message"]!["text"]!.GetValue<string>().Should().Be("record type defined here");
        results[0]!["message"]!["markdown"].Should().BeNull("a message without a hint is plain text only");

        results[3]!["locations"]![0]!["physicalLocation"]!["region"].Should().BeNull("a missing file has no position");
    }

    [Fact]
    public void Files_outside_the_base_folder_get_absolute_escaped_uris()
    {
        var d = Samples.Deprecated with { Span = new SourceSpan("/other place/ü.scm", 1, 1, 1, 2) };
        var location = JsonNode.Parse(Format([d]))!["runs"]![0]!["results"]![0]!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!;

        location["uri"]!.GetValue<string>().Should().Be("file:///other%20place/%C3%BC.scm");
        location["uriBaseId"].Should().BeNull();
    }

    [Fact]
    public void Deterministic()
    {
        Format(Samples.All.Reverse()).Should().Be(Format(Samples.All));
    }
}
