using Vbmc.Diagnostics;
using static Vbmc.Evaluator.Tests.TestEval;

namespace Vbmc.Evaluator.Tests;

/// <summary>vbmc's (type T) field property: every type form, messages and locations.</summary>
public class FieldTypeTests
{
    private static IReadOnlyList<Diagnostic> TypeErrors(string type, string value)
    {
        var r = Check($"(define-record-type* <r> r make-r r? (f r-f (type {type})))\n(r (f {value}))");
        return r.Diagnostics.Where(d => d.Id is DiagnosticIds.FieldTypeMismatch or DiagnosticIds.FieldAdvisory).ToList();
    }

    [Theory]
    [InlineData("boolean", "#t", "1", "a boolean")]
    [InlineData("integer", "-3", "1.5", "an integer")]
    [InlineData("natural", "0", "-1", "a natural number (an integer >= 0)")]
    [InlineData("positive", "1", "0", "a positive integer")]
    [InlineData("(integer-in 1 9)", "9", "10", "an integer between 1 and 9")]
    [InlineData("port", "65535", "65536", "a port number (an integer from 1 to 65535)")]
    [InlineData("real", "0.5", "\"x\"", "a real number")]
    [InlineData("string", "\"x\"", "'x", "a string")]
    [InlineData("non-empty-string", "\"x\"", "\"\"", "a non-empty string")]
    [InlineData("symbol", "'x", "\"x\"", "a symbol")]
    [InlineData("procedure", "car", "'car", "a procedure")]
    [InlineData("package", "qemu", "\"qemu\"", "a package")]
    [InlineData("file-like", "(plain-file \"a\" \"b\")", "\"a\"", "a file-like object")]
    [InlineData("(list-of string)", "'(\"a\" \"b\")", "'(\"a\" b)", "a list of strings")]
    [InlineData("(non-empty-list-of symbol)", "'(a)", "'()", "a non-empty list of symbols")]
    [InlineData("(pair-of integer string)", "'(1 . \"a\")", "'(1 . 2)", "a pair of an integer and a string")]
    [InlineData("(one-of 'mbr 'gpt)", "'gpt", "'efi", "one of mbr, gpt")]
    [InlineData("(maybe string)", "#f", "1", "a string or #f")]
    [InlineData("(or integer symbol)", "'a", "\"a\"", "an integer or a symbol")]
    [InlineData("(predicate even? \"an even number\")", "2", "3", "an even number")]
    [InlineData("any", "'anything", null, null)]
    public void Each_type_accepts_good_values_and_rejects_bad_ones(string type, string good, string? bad, string? description)
    {
        TypeErrors(type, good).Should().BeEmpty();
        if (bad is null) return;
        var e = TypeErrors(type, bad).Should().ContainSingle().Subject;
        e.Severity.Should().Be(Severity.Error);
        e.Message.Should().StartWith($"field 'f' of <r> expects {description}, got ");
        e.Where().Should().Be("2:7", "the error is at the value");
    }

    [Fact]
    public void Message_matches_the_documented_wording()
    {
        var r = Run("(define-record-type* <virtual-build-machine> vbm make-vbm vbm? (cpu-count vbm-cpu-count (default 4) (type positive)))\n(vbm (cpu-count \"four\"))");
        r.Errors().Should().ContainSingle().Which.Message.Should().Be("field 'cpu-count' of <virtual-build-machine> expects a positive integer, got \"four\"");
    }

    [Fact]
    public void Warn_unless_gives_a_warning()
    {
        var d = TypeErrors("(warn-unless string? \"a known thing\")", "1").Should().ContainSingle().Subject;
        d.Severity.Should().Be(Severity.Warning);
        d.Message.Should().Be("field 'f' of <r> expects a known thing, got 1");
    }

    [Fact]
    public void Record_type_names_are_types()
    {
        const string defs = "(define-record-type* <u> u make-u u? (n u-n))\n(define-record-type* <g> g make-g g? (users g-users (type (list-of <u>))))\n";
        Check(defs + "(g (users (list (u (n 1)))))").Errors().Should().BeEmpty();
        Check(defs + "(g (users (list 1)))").Errors().Should().ContainSingle().Which.Message.Should().Contain("expects a list of <u> records");
    }

    [Fact]
    public void Date_type_uses_the_date_predicate()
    {
        const string def = "(define-record-type* <e> e make-e e? (when e-when (type date)))\n";
        Check(def + "(e (when (make-date 0 0 0 0 1 1 2020 0)))").Errors().Should().BeEmpty();
        Check(def + "(e (when \"2020-01-01\"))").Errors().Should().ContainSingle().Which.Message.Should().Contain("expects a date");
    }

    [Fact]
    public void A_bad_default_is_reported_at_the_record_form()
    {
        var r = Run("(define-record-type* <b> b make-b b? (n b-n (default \"x\") (type integer)))\n(list (b))");
        r.Errors().Should().ContainSingle().Which.Where().Should().Be("2:7");
    }

    [Fact]
    public void Thunked_fields_are_checked_by_the_checker_not_by_evaluation()
    {
        const string text = "(define-record-type* <h> h make-h h? (n h-n (thunked) (default \"x\") (type integer)))\n(list (h))";
        Run(text).Errors().Should().BeEmpty();
        var e = Check(text).Errors().Should().ContainSingle().Subject;
        e.Message.Should().Be("field 'n' of <h> expects an integer, got \"x\"");
        e.Where().Should().Be("2:7");
    }

    [Fact]
    public void Every_error_of_a_record_is_reported()
    {
        var r = Check("(define-record-type* <m> m make-m m? (a m-a (type integer)) (b m-b (type string)) (c m-c))\n(m (a \"1\") (b 2) (x 3))");
        r.Errors().Select(e => e.Where()).Should().BeEquivalentTo(["2:7", "2:15", "2:18", "2:1"]);
    }
}

public class AdvisoryTypeTests
{
    [Theory]
    [InlineData("(maybe (list-of (warn-unless string? \"a known name\")))", "#f", null)]
    [InlineData("(maybe (list-of (warn-unless string? \"a known name\")))", "'(\"a\" b)", Severity.Warning)]
    [InlineData("(list-of (warn-unless string? \"a known name\"))", "#f", Severity.Error)]
    [InlineData("(or (list-of (warn-unless string? \"a known name\")) (warn-if #f \"unset\"))", "#f", Severity.Warning)]
    [InlineData("(or (list-of (warn-unless string? \"a known name\")) (warn-if #f \"unset\"))", "\"a\"", Severity.Error)]
    [InlineData("(or (list-of (warn-unless string? \"a known name\")) (warn-if #f \"unset\"))", "'(\"a\" b)", Severity.Warning)]
    [InlineData("(list-of (pair-of (warn-unless string? \"a name\") integer))", "5", Severity.Error)]
    [InlineData("(pair-of (warn-unless string? \"a name\") integer)", "'(x . y)", Severity.Error)]
    [InlineData("(pair-of (warn-unless string? \"a name\") integer)", "'(x . 1)", Severity.Warning)]
    public void Warn_unless_nested_in_other_types_stays_a_warning(string type, string value, Severity? expected)
    {
        var r = TestEval.Check($"(define-record-type* <r> r make-r r? (f r-f (type {type})))\n(r (f {value}))");
        var found = r.Diagnostics.Where(d => d.Id is DiagnosticIds.FieldTypeMismatch or DiagnosticIds.FieldAdvisory).ToList();
        if (expected is null) found.Should().BeEmpty();
        else found.Should().ContainSingle().Which.Severity.Should().Be(expected.Value);
    }
}
