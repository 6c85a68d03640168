using Vbmc.Evaluation;

namespace Vbmc.Services.Tests;

/// <summary>The CPU model for a date (language.md "CPU model for a date"): ordered table, strictly before.</summary>
public class VirtualizationCpuTableTests
{
    private static string Cpu(string initializers, EvaluationOptions? options = null) =>
        (string)VirtualizationHarness.Eval(VirtualizationHarness.Prelude +
            $"(virtual-build-machine-cpu (virtual-build-machine {initializers}))", options)!;

    [Theory]
    [InlineData(2010, 6, 1, "Westmere")]     // upstream's misordered table never gives Westmere
    [InlineData(2014, 6, 1, "Broadwell")]
    [InlineData(2014, 5, 1, "Broadwell")]
    [InlineData(2012, 6, 1, "IvyBridge")]
    [InlineData(2016, 1, 1, "Skylake-Client")]
    [InlineData(2009, 3, 1, "Nehalem")]
    [InlineData(2007, 1, 1, "core2duo")]
    [InlineData(2004, 1, 1, "qemu64")]
    public void The_newest_model_released_before_the_date_is_chosen(int year, int month, int day, string model)
    {
        Cpu($"(date (make-date 0 0 0 0 {day} {month} {year} 0))").Should().Be(model);
    }

    [Fact]
    public void A_release_date_itself_still_gets_the_previous_model()
    {
        // "strictly before": on 2010-01-01 00:00:00 Westmere is not yet released.
        Cpu("(date (make-date 0 0 0 0 1 1 2010 0))").Should().Be("Nehalem");
        Cpu("(date (make-date 0 1 0 0 1 1 2010 0))").Should().Be("Westmere");
    }

    [Fact]
    public void The_default_date_2020_gives_skylake()
    {
        Cpu("").Should().Be("Skylake-Client");
    }

    [Fact]
    public void Systems_that_are_not_x86_get_max()
    {
        Cpu("(systems '(\"aarch64-linux\"))").Should().Be("max");
        Cpu("", new EvaluationOptions { System = "aarch64-linux" }).Should().Be("max");
        Cpu("(systems '(\"i686-linux\")) (date (make-date 0 0 0 0 1 6 2010 0))").Should().Be("Westmere");
    }

    [Fact]
    public void Inheriting_and_changing_the_date_changes_the_thunked_cpu()
    {
        var value = VirtualizationHarness.Eval(VirtualizationHarness.Prelude + """
            (define base (virtual-build-machine (date (make-date 0 0 0 0 1 6 2012 0))))
            (define later (virtual-build-machine (inherit base) (date (make-date 0 0 0 0 1 1 2016 0))))
            (list (virtual-build-machine-cpu base) (virtual-build-machine-cpu later))
            """);
        Printing.Printer.Write(value!).Should().Be("(\"IvyBridge\" \"Skylake-Client\")");
    }

    [Fact]
    public void A_cpu_the_user_writes_is_kept()
    {
        Cpu("(cpu \"Westmere\") (date (make-date 0 0 0 0 1 1 2004 0))").Should().Be("Westmere");
    }
}
