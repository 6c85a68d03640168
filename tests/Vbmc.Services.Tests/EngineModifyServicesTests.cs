namespace Vbmc.Services.Tests;

/// <summary>modify-services: =>, delete, order, several clauses, not-found errors and locations.</summary>
public class EngineModifyServicesTests
{
    // Lines 2-4 define the types; line 5 the list.
    private const string Types = Engine.Prelude + """
(define a-type (service-type (name 'a) (extensions '()) (default-value 0) (description "a")))
(define b-type (service-type (name 'b) (extensions '()) (default-value 0) (description "b")))
(define c-type (service-type (name 'c) (extensions '()) (default-value 0) (description "c")))
(define base (list (service a-type 1) (service b-type 2) (service a-type 3) (service c-type 4)))
""";

    private static string Values(AnalysisResult r) =>
        string.Join(" ", r.Fold.Services.Where(s => !s.IsImplicit).Select(s => $"{s.TypeName}={Engine.Written(s.Value)}"));

    [Fact]
    public void Arrow_clauses_rewrite_every_matching_service_and_keep_the_order()
    {
        var r = Engine.Analyze(Types + "(modify-services base (a-type v => (* v 10)))\n");
        r.ErrorLines().Should().BeEmpty();
        Values(r).Should().Be("a=10 b=2 a=30 c=4");
    }

    [Fact]
    public void Delete_removes_every_service_of_the_type()
    {
        var r = Engine.Analyze(Types + "(modify-services base (delete a-type) (c-type v => (+ v 1)))\n");
        r.ErrorLines().Should().BeEmpty();
        Values(r).Should().Be("b=2 c=5");
    }

    [Fact]
    public void Clauses_apply_in_turn_to_one_service()
    {
        var r = Engine.Analyze(Types + "(modify-services base (b-type v => (* v 10)) (b-type v => (+ v 1)))\n");
        r.ErrorLines().Should().BeEmpty();
        Values(r).Should().Be("a=1 b=21 a=3 c=4");
    }

    [Fact]
    public void A_modified_service_keeps_the_location_of_the_original()
    {
        var r = Engine.Analyze(Types + "(modify-services base (c-type v => (+ v 1)))\n");
        var c = r.Fold.Services.Single(s => s.TypeName == "c");
        c.Span.StartLine.Should().Be(5);
        c.Span.StartColumn.Should().Be(77);
    }

    [Fact]
    public void A_delete_clause_matching_nothing_is_an_error_at_the_clause()
    {
        var r = Engine.Analyze(Types + """
(define d-type (service-type (name 'd) (extensions '()) (default-value 0) (description "d")))
(modify-services base
  (a-type v => v)
  (delete d-type))
""");
        r.ErrorLines().Should().Equal("8:3 modify-services: service 'd' not found in service list");
    }

    [Fact]
    public void An_arrow_clause_matching_nothing_is_an_error_at_the_form()
    {
        var r = Engine.Analyze(Types + """
(define d-type (service-type (name 'd) (extensions '()) (default-value 0) (description "d")))
(modify-services base
  (d-type v => v))
""");
        r.ErrorLines().Should().Equal("6:1 modify-services: service 'd' not found in service list");
    }

    [Fact]
    public void The_users_variable_names_are_not_captured()
    {
        // 'service', 'value' and 'type' as the user's own names inside clauses and values.
        var r = Engine.Analyze(Types + """
(define (twice value) (* 2 value))
(define type 7)
(modify-services (list (service a-type type) (service b-type (twice 4)))
  (a-type service => (+ service type)))
""");
        r.ErrorLines().Should().BeEmpty();
        Values(r).Should().Be("a=14 b=8");
    }
}
