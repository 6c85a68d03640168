using System.Diagnostics;
using System.Text;
using Vbmc.Evaluation;

namespace Vbmc.Evaluator.Tests;

[CollectionDefinition(nameof(PerformanceTests), DisableParallelization = true)]
public class PerformanceCollection;

/// <summary>Timings, run alone so that other tests' load does not blur them.</summary>
[Collection(nameof(PerformanceTests))]
public class PerformanceTests
{
    [Fact]
    public void Ten_thousand_build_machines_evaluate_and_check_in_well_under_a_second()
    {
        var text = new StringBuilder("(list\n");
        for (var i = 0; i < 10_000; i++)
            text.Append("(build-machine (name \"m").Append(i).Append(".example.org\") (systems '(\"x86_64-linux\")) (user \"u\") (host-key \"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG+KBiVUUkdxVQ3aIDeEsRDRyygnCdOsq3ZNgKsJ+rzd\"))\n");
        text.Append(')');
        var best = long.MaxValue;
        // The first run pays for JIT and module loading (start-up costs, not per-record work);
        // the best of the others is the steady cost, robust against a GC pause in one run.
        for (var run = 0; run < 4; run++)
        {
            var watch = Stopwatch.StartNew();
            var r = ConfigurationChecker.Check(text.ToString(), "machines.scm");
            watch.Stop();
            r.HasErrors.Should().BeFalse();
            Vbmc.Data.Lists.ToListOrNull(r.Value!)!.Count.Should().Be(10_000);
            if (run > 0) best = Math.Min(best, watch.ElapsedMilliseconds);
        }
        best.Should().BeLessThan(1000);
    }

    [Fact]
    public void A_small_file_checks_quickly_once_warm()
    {
        ConfigurationChecker.Check("(use-modules (srfi srfi-1)) (list 1)", "warm.scm");
        var watch = Stopwatch.StartNew();
        var r = ConfigurationChecker.Check("(use-modules (srfi srfi-1) (ice-9 match)) (fold + 0 (iota 10))", "small.scm");
        watch.Stop();
        r.HasErrors.Should().BeFalse();
        watch.ElapsedMilliseconds.Should().BeLessThan(50, "modules are loaded once per process and cached");
    }
}
