using Vbmc.Diagnostics;

namespace Vbmc.Services.Tests;

/// <summary>Shepherd graph checks over the folded shepherd-root target, and the service forms.</summary>
public class EngineShepherdTests
{
    // Line 2: a type whose value is (PROVISION . REQUIREMENTS), giving one Shepherd service.
    private const string Types = Engine.Prelude + """
(define daemon-type (service-type (name 'daemon) (extensions (list (service-extension shepherd-root-service-type (lambda (v) (list (shepherd-service (provision (list (car v))) (requirement (cdr v)) (start #~(const #t)))))))) (description "daemon")))
""" + "\n";

    [Fact]
    public void Services_that_require_each_other_and_base_names_check()
    {
        var r = Engine.Analyze(Types + "(list (service daemon-type '(web db user-processes networking))\n      (service daemon-type '(db loopback)))\n");
        r.ErrorLines().Should().BeEmpty();
        var json = r.ServicesJson!["shepherd-root"]!.ToJsonString();
        json.Should().Contain("\"web\"").And.Contain("\"db\"");
    }

    [Fact]
    public void A_name_provided_twice_is_an_error_at_the_second_service()
    {
        var r = Engine.Analyze(Types + "(list (service daemon-type '(web))\n      (service daemon-type '(web)))\n");
        r.ErrorLines().Should().Equal("4:7 service 'web' provided more than once");
        r.Errors()[0].Id.Should().Be(DiagnosticIds.ShepherdDuplicateProvision);
        r.Errors()[0].RelatedLocations.Single().Span.StartLine.Should().Be(3);
    }

    [Fact]
    public void A_requirement_nobody_provides_is_an_error_at_the_requiring_service()
    {
        var r = Engine.Analyze(Types + "(list (service daemon-type '(web))\n      (service daemon-type '(app web dbb)))\n");
        r.ErrorLines().Should().Equal("4:7 service 'app' requires 'dbb', which is not provided by any service");
        r.Errors()[0].Id.Should().Be(DiagnosticIds.ShepherdMissingRequirement);
    }

    [Fact]
    public void Service_without_value_and_default_is_an_error_at_the_form()
    {
        var r = Engine.Analyze(Types + "(list\n  (service daemon-type))\n");
        r.ErrorLines().Should().Equal("4:3 no value specified for service of type 'daemon'");
    }

    [Fact]
    public void Service_uses_the_default_value()
    {
        var r = Engine.Analyze(Engine.Prelude + """
(define t (service-type (name 't) (extensions '()) (default-value 42) (description "t")))
(service t)
""");
        r.ErrorLines().Should().BeEmpty();
        r.Fold.Services.Single(s => s.TypeName == "t").Value.Should().Be(new System.Numerics.BigInteger(42));
    }

    [Fact]
    public void Service_type_requires_a_description()
    {
        var r = Engine.Analyze(Engine.Prelude + "(service-type (name 't) (extensions '()))\n");
        r.ErrorLines().Should().Equal("2:1 missing field initializers (description)");
    }

    [Fact]
    public void Simple_service_extends_its_target_with_its_value()
    {
        var r = Engine.Analyze(Types + """
(list (simple-service 'extra-daemons shepherd-root-service-type
        (list (shepherd-service (provision '(extra)) (start #~(const #t)))))
      (service daemon-type '(web extra)))
""");
        r.ErrorLines().Should().BeEmpty();
        r.Fold.Targets["shepherd-root"].Contributors.Select(c => c.TypeName).Should().Equal("extra-daemons", "daemon");
        r.Fold.Targets["shepherd-root"].Contributors[0].Span.StartLine.Should().Be(3);
    }

    [Fact]
    public void Eval_json_lists_the_folded_targets_sorted()
    {
        var r = Engine.Analyze(Types + "(list (service daemon-type '(web)))\n");
        r.ServicesJson!.Select(p => p.Key).Should().BeInAscendingOrder(StringComparer.Ordinal).And.Contain("shepherd-root").And.NotContain("system");
    }
}
