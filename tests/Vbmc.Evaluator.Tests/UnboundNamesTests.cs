using Vbmc.Diagnostics;

namespace Vbmc.Evaluator.Tests;

/// <summary>One run names every unbound name of a file, each once, at its first use.</summary>
public class UnboundNamesTests
{
    private static IReadOnlyList<Diagnostic> Check(string text) =>
        Vbmc.Evaluation.ConfigurationEvaluator.EvaluateText(text, "u.scm").Diagnostics.Where(d => d.Id == DiagnosticIds.UnboundVariable)
            .OrderBy(d => d.Span.StartLine).ThenBy(d => d.Span.StartColumn).ToList();

    [Fact]
    public void Every_unbound_name_of_a_form_is_reported_once_at_its_first_use()
    {
        var d = Check("(define x (list (first-missing) (second-missing) (first-missing)))\n(list (third-missing))");
        d.Select(x => (x.Severity, x.Message, x.Span.StartLine, x.Span.StartColumn)).Should().Equal(
            (Severity.Error, "Unbound variable: first-missing", 1, 18),
            (Severity.Error, "Unbound variable: second-missing", 1, 34),
            (Severity.Error, "Unbound variable: third-missing", 2, 8));
    }

    [Fact]
    public void A_name_defined_later_in_the_file_is_not_unbound()
    {
        Check("(define (f) (g))\n(define (g) 1)\n(f)").Should().BeEmpty();
    }

    [Fact]
    public void A_use_in_code_that_never_ran_is_a_warning_as_guiles_compiler_gives()
    {
        var d = Check("(define (never) (nowhere 1))\n42").Should().ContainSingle().Subject;
        d.Severity.Should().Be(Severity.Warning);
        d.Message.Should().Be("possibly unbound variable 'nowhere': it is used in code that did not run");
    }

    [Fact]
    public void The_arguments_of_an_unbound_operator_are_not_names_on_their_own()
    {
        // Like a record constructor of a module the file lacks: its field names are not variables.
        var d = Check("(list (missing-config (field-a 1) (field-b 2)))");
        d.Select(x => x.Message).Should().Equal("Unbound variable: missing-config");
    }
}
