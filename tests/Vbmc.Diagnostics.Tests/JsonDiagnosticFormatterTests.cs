using System.Text.Json.Nodes;
using Vbmc.Diagnostics.Formatting;

namespace Vbmc.Diagnostics.Tests;

public class JsonDiagnosticFormatterTests
{
    [Fact]
    public void Documented_shape_with_every_field()
    {
        var root = JsonNode.Parse(JsonDiagnosticFormatter.Format(Samples.All))!;

        root["version"]!.GetValue<int>().Should().Be(1);
        var list = root["diagnostics"]!.AsArray();
        list.Should().HaveCount(4);

        var missing = list[0]!;
        missing["id"]!.GetValue<string>().Should().Be("VBM3001");
        missing["severity"]!.GetValue<string>().Should().Be("error");
        missing["file"]!.GetValue<string>().Should().Be("config.scm");
        missing["line"]!.GetValue<int>().Should().Be(1);
        missing["column"]!.GetValue<int>().Should().Be(7);
        missing["endLine"]!.GetValue<int>().Should().Be(3);
        missing["endColumn"]!.GetValue<int>().Should().Be(11);
        missing["message"]!.GetValue<string>().Should().Be("missing field initializers (user host-key)");
        missing["hint"].Should().BeNull();
        var related = missing["related"]!.AsArray().Single()!;
        related["file"]!.GetValue<string>().Should().Be("stdlib/offload.scm");
        related["line"]!.GetValue<int>().Should().Be(4);
        related["message"]!.GetValue<string>().Should().Be("record type defined here");

        list[1]!["severity"]!.GetValue<string>().Should().Be("warning");
        list[2]!["hint"]!.GetValue<string>().Should().Be("did you mean 'port'?");
        list[3]!["line"]!.GetValue<int>().Should().Be(0);
    }

    [Fact]
    public void Same_diagnostics_give_the_same_bytes_in_any_order()
    {
        JsonDiagnosticFormatter.Format(Samples.All.Reverse())
            .Should().Be(JsonDiagnosticFormatter.Format(Samples.All));
        JsonDiagnosticFormatter.Format(Samples.All).Should().NotContain("\r").And.EndWith("}\n");
    }

    [Fact]
    public void Non_ascii_text_stays_readable_and_broken_surrogates_do_not_fail()
    {
        var d = Samples.Deprecated with { Message = "champ « système » \ud800" };
        var json = JsonDiagnosticFormatter.Format([d]);

        json.Should().Contain("« système »");
        JsonNode.Parse(json)!["diagnostics"]![0]!["message"]!.GetValue<string>().Should().EndWith("\uFFFD");
    }

    [Fact]
    public void No_diagnostics_is_an_empty_list()
    {
        JsonNode.Parse(JsonDiagnosticFormatter.Format([]))!["diagnostics"]!.AsArray().Should().BeEmpty();
    }
}
