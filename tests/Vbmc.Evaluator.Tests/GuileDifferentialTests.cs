using System.Text;
using Vbmc.Evaluation;
using Vbmc.Printing;
using Vbmc.TestSupport;

namespace Vbmc.Evaluator.Tests;

/// <summary>
/// Pure expressions evaluated by Guile 3.0 and by vbmc must <c>write</c> the same text. Guile runs
/// once for the whole batch; each case is its own program (a fresh module on the Guile side, a
/// fresh evaluation on vbmc's side). A case that fails in Guile must fail in vbmc too ("ERROR").
/// </summary>
public class GuileDifferentialTests
{
    public static readonly string[] Cases =
    [
        // numbers
        "(+ 1 2 3)", "(- 10)", "(- 10 1 2)", "(* 1.5 2)", "(/ 6 4)", "(/ 1 3)", "(/ 6 3)", "(/ 1.0 4)", "(expt 2 200)",
        "(expt 2 -2)", "(expt 2/3 3)", "(expt 2.0 3)", "(expt 4 1/2)", "(exact->inexact 2/3)", "(exact->inexact 1/3)",
        "(inexact->exact 0.5)", "(inexact->exact 2.0)", "(exact->inexact 1/4)", "(sqrt 16)", "(sqrt 2)", "(sqrt 1/4)", "(sqrt 16.0)",
        "(round 2.5)", "(round 3.5)", "(round -2.5)", "(round 7/2)", "(round 5/2)", "(floor -3.5)", "(ceiling 3.2)",
        "(truncate -3.7)", "(floor 7/2)", "(ceiling 7/2)", "(truncate -7/2)", "(quotient -7 2)", "(remainder -7 2)",
        "(modulo -7 2)", "(modulo 7 -2)", "(quotient 17 5)", "(max 1 2.0)", "(min 1 2)", "(abs -5/3)", "(gcd 12 18)",
        "(lcm 4 6)", "(number->string 255 16)", "(number->string 10 2)", "(string->number \"#xff\")",
        "(string->number \"1/3\")", "(string->number \"abc\")", "(string->number \"1e3\")", "(exact? 1/2)",
        "(inexact? 1.)", "(integer? 2.0)", "(rational? 1/2)", "(= 1 1.0)", "(< 1 2 3)", "(< 1 3 2)", "(>= 3 3 2)",
        "(1+ 41)", "(1- 43)", "(* 99999999999 99999999999)", "(- (expt 2 64) 1)", "(exact->inexact 12345678901234567890)",
        "(+ 1/2 1/3)", "(* 2/3 3/2)", "(zero? 0.0)", "(even? 10)", "(odd? 7)", "(inexact->exact (floor 2.5))", "(/ 0.0 1)",
        "(numerator 6/4)", "(denominator 6/4)", "(exact-integer? 5)", "(number->string 3.5)", "(* 1.0 1e21)", "(/ 1 3.0)",
        // lists
        "(list 1 2 3)", "(cons 1 2)", "(cons* 1 2 '(3 4))", "(append '(1) '(2 3) '() '(4 . 5))", "(reverse '(1 2 3))",
        "(length '(1 2 3))", "(list-ref '(a b c) 1)", "(list-tail '(a b c d) 2)", "(memq 'c '(a b c d))",
        "(member \"b\" '(\"a\" \"b\"))", "(assq 'b '((a 1) (b 2)))", "(assoc 2.0 '((1 a) (2 b)) =)", "(assv 2 '((1 . a) (2 . b)))",
        "(assoc-ref '((a . 1) (b . 2)) 'b)", "(map + '(1 2) '(10 20))", "(map (lambda (x) (* x x)) '(1 2 3))",
        "(let ((acc '())) (for-each (lambda (x) (set! acc (cons x acc))) '(1 2 3)) acc)", "(apply + 1 2 '(3 4))",
        "(apply max '(3 9 2))", "(last-pair '(1 2 3))", "(list-copy '(1 2 3))", "(cadr '(1 2 3))", "(cddr '(1 2 3))",
        "(caddr '(1 2 3))", "(vector 1 \"a\" #\\b)", "(vector->list #(1 2 3))", "(list->vector '(1 2))",
        "(let ((v (make-vector 3 0))) (vector-set! v 1 'x) v)", "(vector-length #(1 2 3))", "(vector-ref #(1 2 3) 2)",
        "(car '())", "(vector-ref #(1 2) 5)",
        // srfi-1
        "(fold cons '() '(1 2 3))", "(fold + 0 '(1 2) '(10 20))", "(fold-right cons '() '(1 2 3))", "(reduce + 0 '(1 2 3 4))",
        "(reduce max 0 '())", "(filter odd? '(1 2 3 4 5))", "(remove odd? '(1 2 3 4 5))", "(call-with-values (lambda () (partition odd? '(1 2 3 4))) list)",
        "(append-map (lambda (x) (list x x)) '(1 2))", "(filter-map (lambda (x) (and (odd? x) (* x 10))) '(1 2 3))",
        "(delete 2 '(1 2 3 2))", "(delete-duplicates '(1 2 1 3 2))", "(iota 5)", "(iota 5 1)", "(iota 3 0 1/2)",
        "(first '(1 2 3))", "(third '(1 2 3))", "(last '(1 2 3))", "(any odd? '(2 4 5))", "(every odd? '(1 3 5))",
        "(every odd? '())", "(find even? '(1 3 4 5))", "(count even? '(1 2 4))", "(take '(1 2 3 4) 2)", "(drop '(1 2 3 4) 2)",
        "(list-index even? '(1 3 4))", "(concatenate '((1) (2 3) ()))", "(lset-union eq? '(a b) '(b c))",
        "(lset-difference eqv? '(1 2 3 4) '(2 4))", "(lset-intersection eq? '(a b c) '(b c d))", "(take-while odd? '(1 3 4 5))",
        "(drop-while odd? '(1 3 4 5))", "(delete-duplicates '(a b a c) eq?)",
        // strings, chars, symbols
        "(string-append \"foo\" \"bar\")", "(string-join '(\"a\" \"b\" \"c\") \", \")", "(string-join '(\"a\" \"b\"))",
        "(string-join '(\"a\" \"b\") \"/\" 'suffix)", "(string-split \"a:b::c\" #\\:)", "(string-index \"hello\" #\\l)",
        "(string-index \"hello\" #\\z)", "(string-pad \"42\" 5)", "(string-pad \"12345\" 3)", "(string-pad-right \"ab\" 4 #\\*)",
        "(string-trim \"  hi  \")", "(string-trim-right \"  hi  \")", "(string-trim-both \"  hi  \")", "(string->list \"abc\")",
        "(list->string '(#\\a #\\b))", "(symbol-append 'foo 'bar)", "(string-prefix? \"foo\" \"foobar\")",
        "(string-suffix? \"bar\" \"foobar\")", "(string-contains \"foobar\" \"oba\")", "(substring \"hello\" 1 3)",
        "(string-upcase \"Hello\")", "(string-downcase \"Hello\")", "(string=? \"a\" \"a\")", "(string<? \"a\" \"b\")",
        "(string-length \"hello\")", "(string->symbol \"x y\")", "(symbol->string 'abc)", "(string #\\a #\\b)",
        "(char-upcase #\\a)", "(char->integer #\\A)", "(integer->char 955)", "(char-alphabetic? #\\a)",
        "(string-ref \"abc\" 1)", "(number->string 1/3)", "(string #\\a \"b\")",
        // equality and predicates
        "(eq? 'a 'a)", "(eqv? 1.0 1)", "(equal? '(1 (2 #(3))) '(1 (2 #(3))))", "(eqv? 2 2)", "(not 3)",
        "(null? '())", "(pair? '())", "(list? '(1 . 2))", "(procedure? car)", "(boolean? #f)", "(symbol? 'a)",
        // binding forms and control
        "(let ((x 1) (y 2)) (+ x y))", "(let* ((x 1) (y (+ x 1))) (* x y))", "(letrec ((even? (lambda (n) (if (= n 0) #t (odd? (- n 1))))) (odd? (lambda (n) (if (= n 0) #f (even? (- n 1)))))) (even? 100))",
        "(letrec* ((a 1) (b (+ a 1))) b)", "(let loop ((i 0) (acc '())) (if (= i 5) acc (loop (+ i 1) (cons i acc))))",
        "(define (make-counter) (let ((n 0)) (lambda () (set! n (+ n 1)) n))) (define c (make-counter)) (c) (c) (c)",
        "(define x 10) (define (f) x) (set! x 20) (f)", "(if #f #f)", "(cond ((assv 2 '((1 . a) (2 . b))) => cdr) (else 'none))",
        "(cond (#f 1) ((+ 1 1)) (else 3))", "(cond (#f 1))", "(case (* 2 3) ((2 3 5 7) 'prime) ((1 4 6 8 9) 'composite))",
        "(case 'x ((a) 1) (else => (lambda (v) (list v 'other))))", "(and 1 2 3)", "(and)", "(or #f 2)", "(or)",
        "(when (> 1 0) 'a 'b)", "(unless (> 1 0) 'a)", "(begin 1 2 3)", "(do ((i 0 (+ i 1)) (acc '() (cons i acc))) ((= i 3) acc))",
        "(define* (f a #:optional (b 10)) (+ a b)) (list (f 1) (f 1 2))",
        "(define* (g #:key (x 1) (y (* x 2))) (list x y)) (list (g) (g #:x 5) (g #:y 0 #:x 3))",
        "(define* (h a #:rest r) (list a r)) (h 1 2 3)", "(define (v . args) args) (v 1 2)",
        "((lambda (a b . c) (list a b c)) 1 2 3 4)", "((lambda args args))",
        "(define-values (q r) (floor/ 7 2)) (list q r)", "(call-with-values (lambda () (values 1 2 3)) list)",
        "(force (delay (+ 1 2)))", "(let ((p (delay (begin (set! x 1) x))) (x 0)) (force p) (force p))",
        "(let ((n 0)) (define p (delay (begin (set! n (+ n 1)) n))) (force p) (force p) n)",
        "(define p (make-parameter 10)) (list (p) (parameterize ((p 20)) (p)) (p))",
        "(define q (make-parameter 1 (lambda (x) (* x 2)))) (list (q) (parameterize ((q 5)) (q)))",
        // quasiquote
        "`(1 ,(+ 1 1) ,@(list 3 4))", "`(a `(b ,(c ,(+ 1 2))))", "`#(1 ,(+ 1 1))", "`(1 . ,(+ 1 1))", "`(,@'() . x)",
        "(let ((x '(a b))) `(x ,x ,@x))", "`(1 ,@'(2 3) 4)",
        // syntax-rules
        "(define-syntax my-or (syntax-rules () ((_) #f) ((_ e) e) ((_ e r ...) (let ((t e)) (if t t (my-or r ...)))))) (my-or #f #f 3)",
        "(define-syntax my-let* (syntax-rules () ((_ () body ...) (let () body ...)) ((_ ((x v) rest ...) body ...) (let ((x v)) (my-let* (rest ...) body ...))))) (my-let* ((a 1) (b (+ a 1))) (list a b))",
        "(define-syntax for (syntax-rules (in) ((_ x in lst body ...) (map (lambda (x) body ...) lst)))) (for y in '(1 2 3) (* y 10))",
        "(define-syntax pairs (syntax-rules () ((_ (a b) ...) (list (cons a b) ...)))) (pairs (1 2) (3 4))",
        "(let-syntax ((foo (syntax-rules () ((_ x) (* x 2))))) (foo 21))",
        "(define-syntax-rule (twice x) (list x x)) (twice (+ 1 2))",
        // match
        "(match '(1 2 3) ((a b c) (+ a b c)))", "(match '(1 2 3 4) ((a b ...) b))", "(match '(1 . 2) ((a . b) (list b a)))",
        "(match 5 ((? string?) 'string) ((? number? n) (* n 2)))", "(match '(x 1) (('x n) n) (_ 'no))",
        "(match \"abc\" ((= string-length n) n))", "(match '(1 2) ((or (a) (a b)) a))", "(match 3 ((and n (? odd?)) n))",
        "(match '(1 (2 3) 4) ((a (b c) d) (list d c b a)))", "(match '((a . 1) (b . 2)) (((k . v) ...) (list k v)))",
        "(match 'x ((not 'y) 'not-y))", "(match #(1 2) (#(a b) (+ a b)))", "(match '(1 2 3 4) ((a ... b) (list a b)))",
        "(match 42 (\"s\" 1) (42 2))", "((match-lambda ((a b) (+ a b))) '(1 2))",
        // srfi-26 (Guile side: imported below)
        "(map (cut + 1 <>) '(1 2 3))", "((cut list 1 <> 3 <...>) 2 4 5)", "(let ((n 0)) (define f (cute list (begin (set! n (+ n 1)) n) <>)) (f 'a) (f 'b))",
        // format and output
        "(format #f \"~a and ~s~%\" \"x\" \"y\")", "(format #f \"~d items, ~~ ok\" 42)", "(format #f \"~a\" '(1 \"two\" #\\3))",
        "(with-output-to-string (lambda () (display \"hi\") (write \"there\")))",
        // misc
        "(let ((x 1)) (set! x (+ x 1)) x)", "(string? (symbol->string 'a))", "((compose car cdr) '(1 2 3))",
        "((negate odd?) 3)", "((const 5) 1 2)", "(and=> (assq 'a '((a . 1))) cdr)", "(and=> #f cdr)",
        "(sort '(3 1 2) <)", "(sort '(\"b\" \"a\") string<?)",
        "(sort '((1 . a) (0 . b) (1 . c) (0 . d) (1 . e)) (lambda (x y) (< (car x) (car y))))", "(sort (vector 5 3 9 1) >)",
        "(sort '(3 1 2) (lambda (a b) (car a)))", "(assq 'x '())", "(error \"boom\" 1 2)", "(undefined-variable-here)",
    ];

    [Fact]
    public void Vbmc_writes_what_guile_writes()
    {
        var program = new StringBuilder();
        program.AppendLine("(use-modules (srfi srfi-1) (ice-9 match))");
        program.AppendLine("(define (run text) (catch #t (lambda () (let ((m (make-fresh-user-module))) " +
                           "(module-use! m (resolve-interface '(srfi srfi-1))) (module-use! m (resolve-interface '(ice-9 match))) (module-use! m (resolve-interface '(srfi srfi-26))) " +
                           "(write (eval-string text m)))) (lambda (key . args) (display \"ERROR\"))) (display \"\\n<<<END>>>\\n\"))");
        foreach (var c in Cases) program.Append("(run ").Append(Printer.Write(c)).AppendLine(")");
        var guile = Guile.Run(program.ToString());
        var expected = guile.Stdout.Split("\n<<<END>>>\n");
        expected.Length.Should().BeGreaterThan(Cases.Length, because: "Guile should run every case: " + guile.Stderr);
        var failures = new List<string>();
        var results = Cases.AsParallel().AsOrdered().Select(c =>
        {
            var r = ConfigurationEvaluator.EvaluateText(c, "case.scm");
            return r.HasErrors ? "ERROR" : Printer.Write(r.Value!);
        }).ToList();
        for (var i = 0; i < Cases.Length; i++)
            if (expected[i] != results[i])
                failures.Add($"case {Cases[i]}\n  guile: {expected[i]}\n  vbmc:  {results[i]}");
        Cases.Length.Should().BeGreaterThanOrEqualTo(100);
        failures.Should().BeEmpty();
    }
}
