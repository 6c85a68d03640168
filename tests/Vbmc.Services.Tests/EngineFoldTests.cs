using Vbmc.Diagnostics;

namespace Vbmc.Services.Tests;

/// <summary>Folding rules of the services engine, with service types defined in the tests.</summary>
public class EngineFoldTests
{
    // Line 2..: a target 'bag' gathering numbers; 'num' extends it with (list value).
    private const string Types = Engine.Prelude + """
(define bag-type (service-type (name 'bag) (extensions '()) (compose concatenate) (extend (lambda (v xs) (append v xs))) (default-value '(0)) (description "bag")))
(define num-type (service-type (name 'num) (extensions (list (service-extension bag-type (lambda (n) (list (* n 10)))))) (description "num")))
(define strict-type (service-type (name 'strict) (extensions '()) (compose concatenate) (extend append) (description "no default")))
(define needy-type (service-type (name 'needy) (extensions (list (service-extension strict-type list))) (description "needs strict")))

""";

    [Fact]
    public void Extensions_are_composed_and_extended_in_service_order()
    {
        var r = Engine.Analyze(Types + "(list (service num-type 1) (service bag-type '(5)) (service num-type 2))\n");
        r.ErrorLines().Should().BeEmpty();
        r.Folded("bag").Should().Be("(5 10 20)");
        r.Fold.Targets["bag"].Contributors.Select(c => c.Value).Should().Equal(new System.Numerics.BigInteger(1), new System.Numerics.BigInteger(2));
        r.Fold.Completed.Should().BeTrue();
    }

    [Fact]
    public void A_missing_target_with_a_default_value_is_instantiated()
    {
        var r = Engine.Analyze(Types + "(list (service num-type 4))\n");
        r.ErrorLines().Should().BeEmpty();
        r.Folded("bag").Should().Be("(0 40)");
        var bag = r.Fold.Targets["bag"].Node;
        bag.Origin.Should().Be(Vbmc.Services.ServiceOrigin.Instantiated);
        bag.Span.StartLine.Should().Be(6, "an instantiated service is placed at the service that needed it");
    }

    [Fact]
    public void Instantiation_repeats_until_nothing_changes()
    {
        // chain: top -> mid (default) -> bag (default): both targets are added.
        var r = Engine.Analyze(Types + """
(define mid-type (service-type (name 'mid) (extensions (list (service-extension bag-type (lambda (v) v)))) (compose concatenate) (extend append) (default-value '(7)) (description "mid")))
(define top-type (service-type (name 'top) (extensions (list (service-extension mid-type list))) (description "top")))
(service top-type 3)
""");
        r.ErrorLines().Should().BeEmpty();
        r.Folded("mid").Should().Be("(7 3)");
        r.Folded("bag").Should().Be("(0 7 3)");
    }

    [Fact]
    public void A_missing_target_without_default_is_an_error_at_the_service()
    {
        var r = Engine.Analyze(Types + "(list (service needy-type 1)\n      (service num-type 2))\n");
        r.ErrorLines().Should().Equal("6:7 no target of type 'strict' for service 'needy'");
        r.Errors()[0].Id.Should().Be(DiagnosticIds.MissingTargetService);
    }

    [Fact]
    public void Two_targets_of_one_type_are_ambiguous()
    {
        var r = Engine.Analyze(Types + "(list (service bag-type '())\n      (service bag-type '(1))\n      (service num-type 2))\n");
        r.ErrorLines().Should().Equal("8:7 more than one target service of type 'bag'");
        r.Errors()[0].RelatedLocations.Select(l => l.Span.StartLine).Should().Equal(6, 7);
    }

    [Fact]
    public void Two_system_services_are_ambiguous_roots()
    {
        var r = Engine.Analyze(Types + "(list (service system-service-type '())\n      (service system-service-type '()))\n");
        r.ErrorLines().Should().Equal("7:7 more than one target service of type 'system'");
    }

    [Fact]
    public void A_type_without_extend_keeps_its_value()
    {
        var r = Engine.Analyze(Types + """
(define plain-type (service-type (name 'plain) (extensions '()) (default-value 'v) (description "plain")))
(define ext-type (service-type (name 'ext) (extensions (list (service-extension plain-type list))) (description "ext")))
(list (service plain-type 'mine) (service ext-type 1))
""");
        r.ErrorLines().Should().BeEmpty();
        r.Folded("plain").Should().Be("mine");
    }

    [Fact]
    public void Extend_without_compose_is_reported_at_the_target()
    {
        var r = Engine.Analyze(Types + """
(define odd-type (service-type (name 'odd) (extensions '()) (extend append) (default-value '()) (description "odd")))
(define ext-type (service-type (name 'ext) (extensions (list (service-extension odd-type list))) (description "ext")))
(list (service odd-type '())
      (service ext-type 1))
""");
        r.ErrorLines().Should().Equal("8:7 service type 'odd' has an 'extend' procedure but no 'compose' procedure");
    }

    [Fact]
    public void Extenders_are_folded_before_their_target_and_each_node_once()
    {
        // 'count' increments a counter each time its compute runs: folded once even with two paths.
        var r = Engine.Analyze(Types + """
(define calls 0)
(define mid-type (service-type (name 'mid) (extensions (list (service-extension bag-type (lambda (v) v)))) (compose concatenate) (extend append) (default-value '()) (description "mid")))
(define leaf-type (service-type (name 'leaf) (extensions (list (service-extension mid-type (lambda (v) (set! calls (+ calls 1)) (list v calls))))) (description "leaf")))
(list (service leaf-type 'x) (service mid-type '(m)))
""");
        r.ErrorLines().Should().BeEmpty();
        r.Folded("mid").Should().Be("(m x 1)");
        r.Folded("bag").Should().Be("(0 m x 1)");
    }

    [Fact]
    public void Mutually_extending_services_are_a_cycle()
    {
        // Records are immutable, so the loop is closed by mutating the extension list (set-car!).
        var r = Engine.Analyze(Engine.Prelude + """
(define ping-type (service-type (name 'ping) (extensions (list (service-extension system-service-type list))) (compose concatenate) (extend append) (description "ping")))
(define pong-type (service-type (name 'pong) (extensions (list (service-extension ping-type list))) (compose concatenate) (extend append) (description "pong")))
(set-car! (service-type-extensions ping-type) (service-extension pong-type list))
(list (service ping-type '())
      (service pong-type '()))
""");
        r.ErrorLines().Should().ContainSingle().Which.Should().StartWith("5:7 services extend each other in a cycle: ");
        r.ErrorLines()[0].Should().ContainAll("ping -> pong", "pong -> ping");
    }

    [Fact]
    public void Errors_in_a_compute_procedure_are_placed_in_the_users_code()
    {
        var r = Engine.Analyze(Types + """
(define bad-type (service-type (name 'bad) (extensions (list (service-extension bag-type (lambda (v) (car v))))) (description "bad")))
(list (service bad-type 5))
""");
        r.Errors().Should().ContainSingle();
        r.Errors()[0].Span.StartLine.Should().Be(6);
        r.Errors()[0].Message.Should().Contain("car");
    }

    [Fact]
    public void A_file_without_services_is_not_folded()
    {
        var r = Engine.Analyze(Types + "(list 1 2 3)\n");
        r.ErrorLines().Should().BeEmpty();
        r.Fold.Services.Should().BeEmpty();
        r.ServicesJson.Should().BeNull();
    }

    [Fact]
    public void The_system_root_is_added_and_gathers_its_extensions()
    {
        var r = Engine.Analyze(Types + "(service etc-service-type '((\"hosts\" \"x\")))\n");
        r.ErrorLines().Should().BeEmpty();
        r.Fold.Root.Should().NotBeNull();
        r.Fold.Root!.Origin.Should().Be(Vbmc.Services.ServiceOrigin.Essential);
        r.Folded("system").Should().Contain("etc").And.Contain("hosts");
    }
}
