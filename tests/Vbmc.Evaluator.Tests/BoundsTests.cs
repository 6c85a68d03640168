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

    [Theory]
    [InlineData("(make-string 2000 #\\a)", "make-string", "2000 characters")]
    [InlineData("(make-list 2000 0)", "make-list", "2000 elements")]
    [InlineData("(make-vector 2000 0)", "make-vector", "2000 elements")]
    [InlineData("(iota 2000)", "iota", "2000 elements")]
    [InlineData("(string-pad \"a\" 2000)", "string-pad", "2000 characters")]
    public void What_a_builtin_makes_counts_against_the_step_budget_before_it_is_made(string call, string procedure, string count)
    {
        var e = Run(call, new EvaluationOptions { StepBudget = 1000 }).Errors().Should().ContainSingle().Subject;
        e.Id.Should().Be(DiagnosticIds.StepBudgetExceeded);
        e.Message.Should().StartWith($"In procedure {procedure}: {count} are more than this evaluation may still make");
        e.Where().Should().Be("1:1");
        Run(call, new EvaluationOptions { StepBudget = 3000 }).Errors().Should().BeEmpty();
    }

    [Fact]
    public void Growing_values_count_their_size_not_their_calls()
    {
        // 20 calls of string-append and append, but 2^20 characters and elements.
        var budget = new EvaluationOptions { StepBudget = 500_000 };
        Run("(let loop ((s \"a\") (n 0)) (if (< n 20) (loop (string-append s s) (+ n 1)) (string-length s)))", budget)
            .Errors().Should().ContainSingle().Which.Message.Should().StartWith("In procedure string-append:");
        Run("(let loop ((l '(1)) (n 0)) (if (< n 20) (loop (append l l) (+ n 1)) (length l)))", budget)
            .Errors().Should().ContainSingle().Which.Message.Should().StartWith("In procedure append:");
        Value("(let loop ((s \"a\") (n 0)) (if (< n 10) (loop (string-append s s) (+ n 1)) (string-length s)))").Should().Be("1024");
    }

    [Fact]
    public void Macro_expansion_output_has_its_own_budget()
    {
        const string doubling = "(define-syntax m (syntax-rules () ((_ x ...) (m x ... x ...))))\n(m 1)";
        var e = Run(doubling, new EvaluationOptions { ExpansionBudget = 10_000 }).Errors().Should().ContainSingle().Subject;
        e.Id.Should().Be(DiagnosticIds.StepBudgetExceeded);
        e.Message.Should().Be("macro expansion made more than 10000 syntax items");
        e.Where().Should().Be("2:1");
        // A macro used a few times stays far below the default.
        Value("(define-syntax twice (syntax-rules () ((_ x) (list x x))))\n(twice (twice (twice 1)))").Should().Be("(((1 1) (1 1)) ((1 1) (1 1)))");
    }

    [Fact]
    public void Exact_integers_are_refused_past_a_million_bits_before_they_are_computed()
    {
        var e = Run("(define (sq x n) (if (= n 0) x (sq (* x x) (- n 1))))\n(sq 3 40)").Errors().Should().ContainSingle().Subject;
        e.Id.Should().Be(DiagnosticIds.MemoryBudgetExceeded);
        e.Message.Should().MatchRegex(@"^In procedure \*: the result would have \d+ bits; vbmc makes exact integers of up to 1048576 bits$");
        Run("(expt 10000 100000)").Errors().Should().ContainSingle().Which.Message.Should().StartWith("In procedure expt: the result would have");
        Value("(string-length (number->string (expt 2 100000)))").Should().Be("30103");
        Value("(* (expt 2 500000) (expt 2 500000) 0)").Should().Be("0");
    }

    [Fact]
    public void Printing_a_value_that_shares_its_parts_stops_at_the_budget()
    {
        const string dag = "(define (dbl x n) (if (= n 0) x (dbl (list x x) (- n 1))))\n";
        var e = Run(dag + "(object->string (dbl 1 60))", new EvaluationOptions { StepBudget = 1_000_000 }).Errors().Should().ContainSingle().Subject;
        e.Id.Should().Be(DiagnosticIds.StepBudgetExceeded);
        e.Message.Should().StartWith("In procedure object->string: the printed value is longer than the");
        // In a message the same value is quoted in part, and at once.
        var wrong = Run(dag + "(vector-ref (dbl 1 60) 0)").Errors().Should().ContainSingle().Subject;
        wrong.Message.Should().EndWith("… (more than 100000 characters)");
        wrong.Message.Length.Should().BeLessThan(1200);
    }
}
