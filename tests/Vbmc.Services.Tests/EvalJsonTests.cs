namespace Vbmc.Services.Tests;

/// <summary>eval --json prints service types by name, as Guix prints them, not their whole extension graph.</summary>
public class EvalJsonTests
{
    [Fact]
    public void A_service_type_is_printed_by_its_name()
    {
        var result = ConfigurationAnalyzer.Analyze(
            "(use-modules (gnu services) (gnu services virtualization))\n(list (service virtual-build-machine-service-type))",
            "t.scm", withJson: true);
        var json = Vbmc.Evaluation.ValueJson.ToJson(result.Evaluation.Value)!.ToJsonString();
        json.Should().Contain("\"%kind\":{\"$service-type\":\"build-vm\"}");
        json.Should().NotContain("\"description\"", "a type's description and extensions are not repeated at every service");
    }
}
