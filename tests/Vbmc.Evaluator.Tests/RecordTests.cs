using Vbmc.Diagnostics;
using Vbmc.Evaluation.Records;
using static Vbmc.Evaluator.Tests.TestEval;

namespace Vbmc.Evaluator.Tests;

/// <summary>define-record-type* with Guix's semantics, using record types defined by the tests.</summary>
public class RecordTests
{
    private const string Machine = """
        (define-record-type* <machine> machine make-machine machine? this-machine
          (name machine-name (default 'vm))
          (date machine-date (default 2010))
          (cpu machine-cpu (thunked)
               (default (if (< (machine-date this-machine) 2012) 'old 'new))))

        """;

    [Fact]
    public void Inherit_rebinds_a_thunked_default_to_the_new_record()
    {
        Value(Machine + """
            (define a (machine (date 2011)))
            (define b (machine (inherit a) (date 2015)))
            (list (machine-cpu a) (machine-cpu b) (machine-name b))
            """).Should().Be("(old new vm)");
    }

    [Fact]
    public void A_user_thunked_value_sees_this_record()
    {
        Value(Machine + """
            (define a (machine (date 2011) (cpu (list 'cpu-for (machine-date this-machine)))))
            (define b (machine (inherit a) (date 2020)))
            (list (machine-cpu a) (machine-cpu b))
            """).Should().Be("((cpu-for 2011) (cpu-for 2020))");
    }

    [Fact]
    public void Initializers_bind_like_let_star_in_source_order()
    {
        Value(Machine + "(machine-name (machine (date 2000) (name (list 'made-in date))))").Should().Be("(made-in 2000)");
    }

    [Fact]
    public void Each_initializer_sees_only_the_fields_before_it_even_from_a_closure()
    {
        // The fields given share one frame at run time: the lambda made by the first initializer
        // must still see the outer `date`, not the field given after it, and the thunked field
        // the last one sees both.
        Value(Machine + """
            (define date 'outer)
            (define m (machine (name (lambda () date)) (date 2000) (cpu (list date ((machine-name this-machine))))))
            (list ((machine-name m)) (machine-date m) (machine-cpu m))
            """).Should().Be("(outer 2000 (2000 outer))");
    }

    [Fact]
    public void Parameters_are_read_when_a_thunked_field_is_accessed()
    {
        Value("""
            (define-record-type* <box> box make-box box? (sys box-sys (thunked) (default (%current-system))))
            (define b (box))
            (list (box-sys b) (parameterize ((%current-system "aarch64-linux")) (box-sys b)))
            """).Should().Be("(\"x86_64-linux\" \"aarch64-linux\")");
    }

    [Fact]
    public void Defaults_are_evaluated_afresh_delayed_fields_once()
    {
        Value("""
            (define n 0)
            (define (next!) (set! n (+ n 1)) n)
            (define-record-type* <c> c make-c c?
              (plain c-plain (default (next!)))
              (lazy c-lazy (delayed) (default (next!))))
            (define x (c))
            (define y (c))
            (list (c-plain x) (c-plain y) (c-lazy x) (c-lazy x) n)
            """).Should().Be("(1 2 3 3 3)");
    }

    [Fact]
    public void Sanitize_applies_to_user_values_and_defaults_and_inside_thunks()
    {
        Value("""
            (define-record-type* <s> s make-s s?
              (name s-name (default "dflt") (sanitize (lambda (v) (if (string? v) (string->symbol v) v))))
              (size s-size (thunked) (default 2) (sanitize (lambda (v) (* v 10)))))
            (list (s-name (s (name "given"))) (s-name (s)) (s-size (s)) (s-size (s (size 5))))
            """).Should().Be("(given dflt 20 50)");
    }

    [Fact]
    public void Innate_fields_are_not_inherited()
    {
        Value("""
            (define-record-type* <i> i make-i i? (loc i-loc (innate) (default 'fresh)) (v i-v (default 0)))
            (define a (i (loc 'mine) (v 1)))
            (define b (i (inherit a)))
            (list (i-loc a) (i-loc b) (i-v b))
            """).Should().Be("(mine fresh 1)");
    }

    [Fact]
    public void Missing_fields_are_all_listed_at_the_record_form_in_declaration_order()
    {
        var r = Run("""
            (define-record-type* <p> p make-p p? (a p-a) (b p-b (default 1)) (c p-c) (d p-d))
            (list (p (d 4)))
            """);
        var e = r.Errors().Should().ContainSingle().Subject;
        e.Message.Should().Be("missing field initializers (a c)");
        e.Id.Should().Be(DiagnosticIds.MissingFieldInitializers);
        e.Where().Should().Be("2:7");
        r.Value.Should().NotBeNull("the record is still built so evaluation can go on");
    }

    [Fact]
    public void Extraneous_field_suggests_the_closest_name_at_the_initializer()
    {
        var r = Run(Machine + "(machine\n  (dat 2011)\n  (colour 'red))");
        r.Errors().Should().HaveCount(2);
        r.Errors()[0].Message.Should().Be("extraneous field initializers (dat); did you mean 'date'?");
        r.Errors()[0].Hint.Should().Be("did you mean 'date'?");
        r.Errors()[0].Where().Should().Be("7:3");
        r.Errors()[1].Message.Should().Be("extraneous field initializers (colour)");
        r.Errors()[1].Where().Should().Be("8:3");
    }

    [Fact]
    public void Duplicate_and_invalid_initializers_are_reported_and_evaluation_continues()
    {
        var r = Run(Machine + "(machine (date 1) (date 2) (name))\n(machine-date (machine (date 3) 42))");
        r.Errors().Select(e => (e.Message, e.Where())).Should().Equal(
            ("duplicate field initializer (date)", "6:19"),
            ("invalid field specifier", "6:28"),
            ("invalid field specifier", "7:33"));
        Vbmc.Printing.Printer.Write(r.Value!).Should().Be("3");
    }

    [Fact]
    public void Invalid_field_specifier_in_the_definition()
    {
        var r = Run("(define-record-type* <q> q make-q q? (a q-a (colour red)) \"oops\")\n(q-a (q (a 1)))");
        r.Errors().Select(e => e.Message).Should().Equal("invalid field specifier", "invalid field specifier");
        Vbmc.Printing.Printer.Write(r.Value!).Should().Be("1");
    }

    [Fact]
    public void This_record_outside_a_thunked_field_is_an_error()
    {
        var r = Run(Machine + "(machine (date this-machine))");
        r.Errors().Should().ContainSingle().Which.Message.Should().Contain("cannot be used outside of a record instantiation");
        r.Errors()[0].Id.Should().Be(DiagnosticIds.ThisRecordOutside);
        r.Errors()[0].Where().Should().Be("6:16");
    }

    private const string Thing = """
        (use-modules (guix records))
        (define-record-type* <thing> thing make-thing thing?
          (name thing-name)
          (label thing-label (thunked) (default (string-append "L-" (thing-name this-record)))))

        """;

    [Fact]
    public void A_record_type_without_its_own_name_calls_its_record_this_record_in_thunked_fields()
    {
        // Guix 1.5.0 prints "L-a" and ("x-b" "L-c") for these (measured in the reference root).
        Value(Thing + "(thing-label (thing (name \"a\")))").Should().Be("\"L-a\"");
        Value(Thing + """
            (define b (thing (name "b") (label (string-append "x-" (thing-name this-record)))))
            (list (thing-label b) (thing-label (thing (inherit (thing (name "z"))) (name "c"))))
            """).Should().Be("(\"x-b\" \"L-c\")");
    }

    [Theory]
    [InlineData("(define x this-record)\nx", "2:11")]
    [InlineData("(define (f) (this-record))\n(f)", "2:13")]
    public void This_record_of_guix_records_outside_a_thunked_field_is_VBM3007(string text, string where)
    {
        var r = Run("(use-modules (guix records))\n" + text);
        var e = r.Errors().Should().ContainSingle().Subject;
        e.Id.Should().Be(DiagnosticIds.ThisRecordOutside);
        e.Message.Should().Contain("'this-record' cannot be used outside of a record instantiation");
        e.Where().Should().Be(where);
    }

    [Fact]
    public void This_record_is_not_bound_in_a_record_type_that_names_its_own()
    {
        // Guix: "this-record: cannot be used outside of a record instantiation" (the type's name is this-machine).
        var r = Run("(use-modules (guix records))\n" + Machine + "(machine-cpu (machine (cpu (list this-record))))");
        r.Errors().Should().ContainSingle().Which.Id.Should().Be(DiagnosticIds.ThisRecordOutside);
    }

    [Fact]
    public void A_cycle_between_thunked_fields_names_its_path()
    {
        var r = Check("""
            (define-record-type* <t> t make-t t? this-t
              (cpu t-cpu (thunked) (default (t-date this-t)))
              (date t-date (thunked) (default (t-cpu this-t))))
            (t)
            """);
        var e = r.Errors().Should().ContainSingle().Subject;
        e.Id.Should().Be(DiagnosticIds.ThunkCycle);
        e.Message.Should().Contain("cpu -> date -> cpu");
    }

    [Fact]
    public void Deprecated_field_warns_at_the_initializer()
    {
        var r = Run("(define-record-type* <d> d make-d d? (old d-old (default #f) (deprecated \"use 'new' instead\")))\n(d (old 1))");
        r.Errors().Should().BeEmpty();
        var w = r.Warnings().Should().ContainSingle().Subject;
        w.Message.Should().Be("use 'new' instead");
        w.Where().Should().Be("2:4");
    }

    [Fact]
    public void Records_print_like_guile_records()
    {
        Value("(define-record-type* <pt> pt make-pt pt? (x pt-x) (y pt-y (default 0)))\n(pt (x 1))").Should().Be("#<<pt> x: 1 y: 0>");
    }

    [Fact]
    public void Srfi9_records_work()
    {
        Value("(define-record-type <point> (make-point x y) point? (x point-x set-point-x!) (y point-y))\n(define p (make-point 1 2)) (set-point-x! p 10) (list (point? p) (point-x p) (point-y p))")
            .Should().Be("(#t 10 2)");
    }

    [Fact]
    public void A_record_type_defined_in_a_program_text_is_usable_from_CSharp()
    {
        var r = Run(Machine + "(machine (date 2013))");
        var record = r.Value.Should().BeOfType<Vbmc.Evaluation.Records.Record>().Subject;
        record.Get("cpu").Should().Be(Vbmc.Data.Symbol.Intern("new"));
        record.Type.Fields.Select(f => f.Name.Name).Should().Equal("name", "date", "cpu");
    }
}
