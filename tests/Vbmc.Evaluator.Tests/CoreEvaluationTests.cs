using Vbmc.Diagnostics;
using static Vbmc.Evaluator.Tests.TestEval;

namespace Vbmc.Evaluator.Tests;

public class CoreEvaluationTests
{
    [Theory]
    [InlineData("(+ 1 2)", "3")]
    [InlineData("(define (f x) (* x x)) (f 12)", "144")]
    [InlineData("(let loop ((i 0) (acc '())) (if (= i 3) (reverse acc) (loop (+ i 1) (cons i acc))))", "(0 1 2)")]
    [InlineData("(define* (f a #:optional (b 2) #:key (c 3)) (list a b c)) (list (f 1) (f 1 5) (f 1 5 #:c 9) (f 1 #:c 7))", "((1 2 3) (1 5 3) (1 5 9) (1 2 7))")]
    [InlineData("`(1 ,(+ 1 1) ,@(list 3 4) . 5)", "(1 2 3 4 . 5)")]
    [InlineData("(define-syntax swap! (syntax-rules () ((_ a b) (let ((tmp a)) (set! a b) (set! b tmp))))) (define x 1) (define y 2) (swap! x y) (list x y)", "(2 1)")]
    [InlineData("(match '(1 2 3) ((a b ...) (list a b)))", "(1 (2 3))")]
    [InlineData("(define ((adder n) x) (+ n x)) ((adder 3) 4)", "7")]
    [InlineData("(define (f) (define a 1) (define (g) (+ a 1)) (g)) (f)", "2")]
    [InlineData("(call-with-values (lambda () (values 1 2)) +)", "3")]
    [InlineData("(define p (make-parameter 1)) (list (p) (parameterize ((p 2)) (p)) (p))", "(1 2 1)")]
    [InlineData("(define x 5) #~(begin (display #$x))", "#~(begin (display 5))")]
    [InlineData("(receive (a . rest) (values 1 2 3) (list a rest))", "(1 (2 3))")]
    [InlineData("(%current-system)", "\"x86_64-linux\"")]
    public void Evaluates(string program, string expected) => Value(program).Should().Be(expected);

    [Fact]
    public void Named_let_of_a_million_iterations_runs_in_constant_stack()
    {
        Value("(let loop ((i 0)) (if (< i 1000000) (loop (+ i 1)) i))").Should().Be("1000000");
    }

    [Fact]
    public void Wrong_type_error_has_guile_wording_and_location()
    {
        var r = Run("(define x 1)\n(car 5)");
        var e = r.Errors().Should().ContainSingle().Subject;
        e.Message.Should().Be("In procedure car: Wrong type argument in position 1 (expecting pair): 5");
        e.Where().Should().Be("2:1");
    }
}

public class MoreEvaluationTests
{
    [Theory]
    [InlineData("(define f (case-lambda ((a) (list 'one a)) ((a b) (list 'two a b)) ((a . rest) (list 'many a rest)))) (list (f 1) (f 1 2) (f 1 2 3))", "((one 1) (two 1 2) (many 1 (2 3)))")]
    [InlineData("(define name \"vm\") #~(list #$name #$@(list 1 2) (ungexp (+ 1 2)))", "#~(list \"vm\" 1 2 3)")]
    [InlineData("(define x 5) #~(a #~(b #$x))", "#~(a (gexp (b (ungexp x))))")]
    [InlineData("(let () (define-values (a b) (values 1 2)) (+ a b))", "3")]
    [InlineData("(match '(1 2 3) ((1 rest ...) rest) (_ 'no))", "(2 3)")]
    [InlineData("(let loop ((i 0)) (when (< i 10) (loop (+ i 1))))", "#<unspecified>")]
    [InlineData("(define-syntax my-if (syntax-rules (then else) ((_ c then t else e) (if c t e)))) (my-if #f then 1 else 2)", "2")]
    [InlineData("(string->number \"ff\" 16)", "255")]
    [InlineData("(assert (= 1 1))", "#<unspecified>")]
    public void Evaluates(string program, string expected) => TestEval.Value(program).Should().Be(expected);

    [Fact]
    public void Unsupported_guile_features_say_so()
    {
        var e = TestEval.Run("(call/cc (lambda (k) (k 1)))").Errors().Should().ContainSingle().Subject;
        e.Id.Should().Be(Vbmc.Diagnostics.DiagnosticIds.Unsupported);
        e.Message.Should().Be("'call/cc' is not supported by vbmc");
    }

    [Fact]
    public void Errors_in_procedures_point_at_the_innermost_call()
    {
        var e = TestEval.Run("(define (f x)\n  (+ 1 (car x)))\n(f 5)").Errors().Should().ContainSingle().Subject;
        e.Where().Should().Be("2:8");
        e.Message.Should().Be("In procedure car: Wrong type argument in position 1 (expecting pair): 5");
    }

    [Fact]
    public void Arity_errors_name_the_procedure()
    {
        TestEval.Run("(define (f x) x)\n(f 1 2)").Errors().Single().Message.Should().Be("Wrong number of arguments to #<procedure f (x)>");
        TestEval.Run("(5 1)").Errors().Single().Message.Should().Be("Wrong type to apply: 5");
    }
}
