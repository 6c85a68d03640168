using Vbmc.Diagnostics;
using Vbmc.Evaluation;
using Vbmc.Printing;

namespace Vbmc.Evaluator.Tests;

/// <summary>
/// Circular lists and vectors must never hang vbmc: printing shows back-references, builtins
/// that need a finite list fail with Guile's wording, and equal? ends in the step budget.
/// Each evaluation runs under a 10 s guard so a regression fails instead of hanging the suite.
/// </summary>
public class CircularDataTests
{
    /// <summary>c is the circular list (1 2 1 2 ...).</summary>
    private const string Circular = "(define c (list 1 2))\n(set-cdr! (cdr c) c)\n";

    private static EvaluationResult Guarded(string text, EvaluationOptions? options = null) =>
        Within10Seconds(() => ConfigurationEvaluator.EvaluateText(text, "test.scm", options), text);

    private static EvaluationResult Within10Seconds(Func<EvaluationResult> run, string text)
    {
        var task = Task.Run(run);
        task.Wait(TimeSpan.FromSeconds(10)).Should().BeTrue("evaluating {0} must terminate", text);
        return task.Result;
    }

    private static string Value(string text)
    {
        var r = Guarded(text);
        r.Errors().Should().BeEmpty();
        return Printer.Write(r.Value!);
    }

    private static Diagnostic Error(string text, EvaluationOptions? options = null)
    {
        var r = Guarded(text, options);
        return r.Errors().Should().ContainSingle().Subject;
    }

    [Fact]
    public void A_circular_value_prints_with_back_references()
    {
        Value(Circular + "c").Should().Be("(1 2 . #-1#)");
        Value(Circular + "(format #f \"~a ~s\" c c)").Should().Be("\"(1 2 . #-1#) (1 2 . #-1#)\"");
        Guarded(Circular + "(display c)").Output.Should().Be("(1 2 . #-1#)");
        Value("(define v (vector 1 2)) (vector-set! v 0 v) v").Should().Be("#(#0# 2)");
    }

    [Theory]
    [InlineData("(length c)", "In procedure length: Wrong type argument in position 1: (1 2 . #-1#)")]
    [InlineData("(last-pair c)", "In procedure last-pair: Circular structure in position 1: (1 2 . #-1#)")]
    [InlineData("(last c)", "In procedure last-pair: Circular structure in position 1: (1 2 . #-1#)")]
    [InlineData("(reverse c)", "In procedure reverse: Circular structure in position 1: (1 2 . #-1#)")]
    [InlineData("(reverse! c)", "In procedure reverse!: Circular structure in position 1: (1 2 . #-1#)")]
    [InlineData("(append-reverse c '())", "In procedure append-reverse: Circular structure in position 1: (1 2 . #-1#)")]
    [InlineData("(list-copy c)", "In procedure list-copy: Circular structure in position 1: (1 2 . #-1#)")]
    [InlineData("(append c '(3))", "In procedure append: Wrong type argument in position 1 (expecting list): (1 2 . #-1#)")]
    [InlineData("(map - c)", "In procedure map: Wrong type argument: (1 2 . #-1#)")]
    [InlineData("(map + c c)", "In procedure map: Args do not contain a proper (finite) list: ((1 2 . #-1#) (1 2 . #-1#))")]
    [InlineData("(for-each - c c)", "In procedure for-each: Args do not contain a proper (finite) list: ((1 2 . #-1#) (1 2 . #-1#))")]
    [InlineData("(for-each display c)", "In procedure for-each: Wrong type argument: (1 2 . #-1#)")]
    [InlineData("(memq 7 c)", "In procedure memq: Wrong type argument in position 2 (expecting list): (1 2 . #-1#)")]
    [InlineData("(memv 7 c)", "In procedure memv: Wrong type argument in position 2 (expecting list): (1 2 . #-1#)")]
    [InlineData("(member 7 c)", "In procedure member: Wrong type argument in position 2 (expecting list): (1 2 . #-1#)")]
    [InlineData("(string-index \"abc\" c)", "In procedure string-index: Wrong type argument in position 2: (1 2 . #-1#)")]
    [InlineData("(string-trim \"abc\" c)", "In procedure string-trim: Wrong type argument in position 2: (1 2 . #-1#)")]
    public void List_builtins_reject_a_circular_list(string call, string message)
    {
        var e = Error(Circular + call);
        e.Id.Should().Be(DiagnosticIds.WrongType);
        e.Message.Should().Be(message);
    }

    [Fact]
    public void Association_lookups_reject_a_circular_alist()
    {
        const string alist = "(define al (list (cons 1 'a) (cons 2 'b)))\n(set-cdr! (cdr al) al)\n";
        foreach (var proc in new[] { "assq", "assv", "assoc" })
        {
            var e = Error(alist + $"({proc} 7 al)");
            e.Message.Should().Be($"In procedure {proc}: Wrong type argument in position 2 (expecting association list): ((1 . a) (2 . b) . #-1#)");
        }
        Error(alist + "(assoc-ref al 7)").Id.Should().Be(DiagnosticIds.WrongType);
        Value(alist + "(assq-ref al 2)").Should().Be("b");
    }

    [Fact]
    public void Builtins_that_find_something_in_a_circular_list_still_answer()
    {
        Value(Circular + "(memq 2 c)").Should().Be("(2 1 . #-1#)");
        Value(Circular + "(list? c)").Should().Be("#f");
        Value(Circular + "(map + '(10 20 30) c)").Should().Be("(11 22 31)");
        Value(Circular + "(length+ c)").Should().Be("#f");
        Value(Circular + "(list-head c 5)").Should().Be("(1 2 1 2 1)");
        Value("(list-copy '(1 2 . 3))").Should().Be("(1 2 . 3)");
    }

    [Theory]
    [InlineData("(list->vector c)")]
    [InlineData("(apply + c)")]
    [InlineData("(fold + 0 c)")]
    [InlineData("(filter odd? c)")]
    [InlineData("(string-join c)")]
    [InlineData("(list->string c)")]
    [InlineData("(delete 1 c)")]
    [InlineData("(append-map list c)")]
    public void Other_list_consumers_fail_with_a_wrong_type_error(string call) =>
        Error(Circular + call).Id.Should().Be(DiagnosticIds.WrongType);

    [Theory]
    [InlineData("(find-tail (lambda (x) #f) c)")]
    [InlineData("(drop-while number? c)")]
    [InlineData("(span number? c)")]
    public void Walks_driven_by_a_predicate_end_in_the_step_budget(string call)
    {
        var e = Error(Circular + call, new EvaluationOptions { StepBudget = 200_000 });
        e.Id.Should().Be(DiagnosticIds.StepBudgetExceeded);
        e.Message.Should().Be("evaluation exceeded 200000 steps");
    }

    [Fact]
    public void Equal_on_two_circular_lists_ends_in_the_step_budget()
    {
        var e = Error(Circular + "(define d (list 1 2)) (set-cdr! (cdr d) d) (equal? c d)", new EvaluationOptions { StepBudget = 1_000_000 });
        e.Id.Should().Be(DiagnosticIds.StepBudgetExceeded);
        e.Message.Should().Be("evaluation exceeded 1000000 steps");
        e.Where().Should().Be("3:44", "the call of equal?");
        Value(Circular + "(equal? c c)").Should().Be("#t");
        Value(Circular + "(define d (list 1 3)) (set-cdr! (cdr d) d) (equal? c d)").Should().Be("#f");
    }

    [Fact]
    public void Equal_on_car_circular_lists_and_vectors_ends_in_the_step_budget()
    {
        var options = new EvaluationOptions { StepBudget = 300_000 };
        Error("(define a (list 1)) (set-car! a a) (define b (list 1)) (set-car! b b) (equal? a b)", options)
            .Id.Should().Be(DiagnosticIds.StepBudgetExceeded);
        Error("(define a (list 1 2)) (set-car! a a) (define b (list 1 2)) (set-car! b b) (equal? a b)", options)
            .Id.Should().Be(DiagnosticIds.StepBudgetExceeded);
        Error("(define v (vector 1 2)) (vector-set! v 1 v) (define w (vector 1 2)) (vector-set! w 1 w) (equal? v w)", options)
            .Id.Should().Be(DiagnosticIds.StepBudgetExceeded);
        Error(Circular + "(define d (list 1 2)) (set-cdr! (cdr d) d) (member d (list c c))", options).Id.Should().Be(DiagnosticIds.StepBudgetExceeded);
    }

    [Fact]
    public void Equal_compares_long_vectors_and_srfi19_values_by_content()
    {
        Value("(equal? (make-vector 2000000 '(1)) (make-vector 2000000 '(1)))").Should().Be("#t");
        Value("(equal? (vector 1 (vector 2 (list 3 #(4)))) (vector 1 (vector 2 (list 3 #(5)))))").Should().Be("#f");
        Value("(use-modules (srfi srfi-19)) (equal? (make-date 0 0 0 0 1 1 2020 0) (make-date 0 0 0 0 1 1 2020 0))").Should().Be("#t");
        Value("(use-modules (srfi srfi-19)) (equal? (make-date 0 0 0 0 1 1 2020 0) (make-date 0 0 0 0 2 1 2020 0))").Should().Be("#f");
        Value("(use-modules (srfi srfi-19)) (equal? (make-time time-utc 5 10) (make-time time-utc 5 10))").Should().Be("#t");
        Value("(use-modules (srfi srfi-19)) (equal? (make-time time-utc 5 10) (make-time time-utc 6 10))").Should().Be("#f");
    }

    [Fact]
    public void Json_of_circular_values_marks_the_cycle()
    {
        var r = Guarded(Circular + "c");
        var json = ValueJson.ToJson(r.Value)!.ToJsonString();
        json.Should().Be("""{"car":1,"cdr":{"car":2,"cdr":{"$cycle":true}}}""");
        var v = Guarded("(define v (vector 1 2)) (vector-set! v 0 v) v");
        ValueJson.ToJson(v.Value)!.ToJsonString().Should().Be("""{"$vector":[{"$cycle":true},2]}""");
    }

    [Fact]
    public void Json_of_a_long_dotted_list_does_not_recurse_per_pair()
    {
        var r = Guarded("(let loop ((i 0) (acc 'end)) (if (= i 200000) acc (loop (+ i 1) (cons i acc))))");
        var node = ValueJson.ToJson(r.Value)!;
        var count = 0;
        while (node is System.Text.Json.Nodes.JsonObject o && o.ContainsKey("car"))
        {
            o["car"]!.GetValue<long>().Should().Be(199_999 - count);
            count++;
            node = o["cdr"]!;
        }
        count.Should().Be(200_000);
        node.ToJsonString().Should().Be("""{"$symbol":"end"}""");
    }

    [Fact]
    public void The_checker_walks_circular_data()
    {
        const string text = Circular + "(define v (vector c 1)) (vector-set! v 1 v) (list c v)";
        Within10Seconds(() => ConfigurationChecker.Check(text, "test.scm"), text).Errors().Should().BeEmpty();
    }
}
