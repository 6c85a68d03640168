using Vbmc.Diagnostics;
using Vbmc.Evaluation;
using static Vbmc.Evaluator.Tests.TestEval;

namespace Vbmc.Evaluator.Tests;

/// <summary>Runaway programs end in diagnostics at the form being evaluated, never a hang or a crash.</summary>
public class BoundsTests
{
    [Fact]
    public void Unbounded_recursion_hits_the_depth_limit()
    {
        var r = Run("(define (f n) (+ 1 (f n)))\n(f 0)");
        var e = r.Errors().Should().ContainSingle().Subject;
        e.Id.Should().Be(DiagnosticIds.EvaluationTooDeep);
        e.Message.Should().Be("nesting deeper than 10000");
        e.Span.StartLine.Should().Be(1, "the innermost form being evaluated is the recursive call");
    }

    [Fact]
    public void Depth_limit_is_an_option()
    {
        var r = Run("(define (count n) (if (= n 0) 0 (+ 1 (count (- n 1)))))\n(count 500)", new EvaluationOptions { MaxDepth = 100 });
        r.Errors().Should().ContainSingle().Which.Message.Should().Be("nesting deeper than 100");
        Value("(define (count n) (if (= n 0) 0 (+ 1 (count (- n 1)))))\n(count 5000)").Should().Be("5000");
    }

    [Fact]
    public void An_infinite_loop_exceeds_the_step_budget()
    {
        var r = Run("(define x 1)\n(let loop () (loop))", new EvaluationOptions { StepBudget = 100_000 });
        var e = r.Errors().Should().ContainSingle().Subject;
        e.Id.Should().Be(DiagnosticIds.StepBudgetExceeded);
        e.Message.Should().Be("evaluation exceeded 100000 steps");
        e.Where().Should().Be("2:1", "the named let being evaluated");
    }

    [Fact]
    public void A_macro_that_expands_forever_exceeds_the_step_budget()
    {
        var r = Run("(define-syntax forever (syntax-rules () ((_ x) (forever (x)))))\n(forever 1)", new EvaluationOptions { StepBudget = 10_000 });
        r.Errors().Should().ContainSingle().Which.Id.Should().BeOneOf(DiagnosticIds.StepBudgetExceeded, DiagnosticIds.EvaluationTooDeep);
    }

    [Fact]
    public void Deep_data_is_built_compared_printed_and_checked()
    {
        const string program = """
            (define (deep n) (let loop ((i 0) (acc '())) (if (= i n) acc (loop (+ i 1) (list acc)))))
            (define a (deep 100000))
            (define b (deep 100000))
            (list (equal? a b) (string-length (with-output-to-string (lambda () (write a)))))
            """;
        // The printer shortens data nested deeper than its limit with "..." rather than overflowing.
        Value(program).Should().StartWith("(#t ");
        Check("(define (deep n) (let loop ((i 0) (acc '())) (if (= i n) acc (loop (+ i 1) (list acc)))))\n(deep 100000)").Errors().Should().BeEmpty();
    }

    [Fact]
    public void Text_nested_beyond_the_reader_limit_is_a_diagnostic()
    {
        var text = new string('(', 100_000) + new string(')', 100_000);
        var r = Run("'" + text);
        r.Errors().Should().NotBeEmpty();
    }

    [Fact]
    public void Mutual_recursion_in_tail_position_runs_in_constant_stack()
    {
        Value("(define (ev? n) (if (= n 0) #t (od? (- n 1)))) (define (od? n) (if (= n 0) #f (ev? (- n 1)))) (ev? 1000001)")
            .Should().Be("#f");
    }

    [Fact]
    public void Apply_and_cond_arrow_in_tail_position_are_tail_calls()
    {
        Value("(define (f n) (if (= n 0) 'done (apply f (list (- n 1))))) (f 300000)").Should().Be("done");
        Value("(define (g n) (cond ((= n 0) 'done) ((- n 1) => g))) (g 300000)").Should().Be("done");
    }
}
