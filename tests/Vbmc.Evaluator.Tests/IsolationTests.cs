using Vbmc.Evaluation;

namespace Vbmc.Evaluator.Tests;

/// <summary>
/// Library modules are loaded once per process and shared, so one evaluation must never change
/// what the next one sees: not by redefining an imported name, not by set!, not by running out of
/// budget while a module loads.
/// </summary>
public class IsolationTests
{
    private const string CleanMachine =
        "(build-machine (name \"a\") (user \"u\") (systems '(\"x86_64-linux\"))" +
        " (host-key \"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICPPatb3GaTHMYKbPL9K6CPq3KVFF4Nl6crp7HYQvlZd\"))";

    [Fact]
    public void Redefining_an_imported_record_type_does_not_leak_into_later_evaluations()
    {
        var redefine = TestEval.Check(
            "(define-record-type* <build-machine> build-machine make-build-machine build-machine? (name build-machine-name))\n" +
            "(build-machine (name \"x\"))");
        redefine.Errors().Should().BeEmpty();

        TestEval.Check(CleanMachine).Errors().Should().BeEmpty();
    }

    [Fact]
    public void Defining_an_imported_name_shadows_it_locally()
    {
        TestEval.Value("(define build-machine 5) build-machine").Should().Be("5");
        TestEval.Check(CleanMachine).Errors().Should().BeEmpty();
    }

    [Fact]
    public void Set_of_a_library_binding_is_refused_and_changes_nothing()
    {
        var r = TestEval.Run("(set! car cdr)");
        r.Errors().Should().ContainSingle().Which.Message.Should().Contain("cannot assign 'car'");
        TestEval.Value("(car '(1 2))").Should().Be("1");
    }

    [Fact]
    public void Set_of_an_own_definition_works()
    {
        TestEval.Value("(define x 1) (set! x 2) x").Should().Be("2");
    }

    [Fact]
    public void Parallel_evaluations_with_tiny_budgets_do_not_break_shared_modules()
    {
        var results = Enumerable.Range(0, 32).AsParallel().Select(i => i % 2 == 0
            ? TestEval.Check("(use-modules (srfi srfi-19)) (let loop () (loop))", new EvaluationOptions { StepBudget = 100 })
            : TestEval.Check(CleanMachine)).ToList();
        results.Where((_, i) => i % 2 == 1).SelectMany(r => r.Errors()).Should().BeEmpty();
        results.Where((_, i) => i % 2 == 0).Should().OnlyContain(r => r.Errors().Any(d => d.Message.Contains("exceeded")));
    }
}
