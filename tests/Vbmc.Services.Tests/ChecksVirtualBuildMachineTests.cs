using Vbmc.Diagnostics;
using Vbmc.Evaluation;
using Vbmc.Services.Checks;

namespace Vbmc.Services.Tests;

/// <summary>
/// The check passes beyond Guix (src/Vbmc.Services/Checks/), each with a configuration that
/// triggers it (exact position, related location) and one that must not.
/// </summary>
public class ChecksVirtualBuildMachineTests
{
    private static string Text(string services) => VirtualizationHarness.Prelude + "(list\n" + services + ")";

    private static IReadOnlyList<Diagnostic> Check(string services, EvaluationOptions? options = null) =>
        VirtualizationHarness.Check(Text(services), options);

    /// <summary>The 1-based line and column of the <paramref name="occurrence"/>-th <paramref name="snippet"/> in the text.</summary>
    private static (int, int) At(string services, string snippet, int occurrence = 1)
    {
        var text = Text(services);
        var index = -1;
        for (var i = 0; i < occurrence; i++) index = text.IndexOf(snippet, index + 1, StringComparison.Ordinal);
        index.Should().BeGreaterThanOrEqualTo(0);
        var before = text[..index];
        return (before.Count(c => c == '\n') + 1, index - before.LastIndexOf('\n'));
    }

    private static (int, int) Pos(Diagnostic d) => (d.Span.StartLine, d.Span.StartColumn);

    private static string Vm(string initializers) =>
        $"(service virtual-build-machine-service-type (virtual-build-machine {initializers}))\n";

    [Fact]
    public void Port_conflict_is_at_the_second_written_value_with_the_first_as_related()
    {
        var services = Vm("(name 'a) (port-forwardings '((11022 . 22)))") + Vm("(name 'b) (port-forwardings '((11022 . 22)))");
        var d = Check(services).Should().ContainSingle(x => x.Id == DiagnosticIds.HostPortConflict).Subject;
        d.Severity.Should().Be(Severity.Error);
        Pos(d).Should().Be(At(services, "'((11022 . 22))", 2));
        d.Message.Should().Contain("11022").And.Contain("'a'").And.Contain("'b'");
        var related = d.RelatedLocations.Should().ContainSingle().Subject.Span;
        (related.StartLine, related.StartColumn).Should().Be(At(services, "'((11022 . 22))", 1));
    }

    [Fact]
    public void Distinct_host_ports_do_not_conflict_even_for_the_same_guest_port()
    {
        Check(Vm("(name 'a) (port-forwardings '((11022 . 22)))") + Vm("(name 'b) (port-forwardings '((12022 . 22)))"))
            .Should().BeEmpty();
    }

    [Fact]
    public void No_forward_to_port_22_is_an_error_at_the_value()
    {
        var services = Vm("(port-forwardings '((8080 . 80) (2222 . 2222)))");
        var d = Check(services).Should().ContainSingle().Subject;
        d.Id.Should().Be(DiagnosticIds.NoSshForward);
        Pos(d).Should().Be(At(services, "'((8080"));
        d.Message.Should().Contain("22");
    }

    [Fact]
    public void An_empty_forward_list_is_reported_too()
    {
        Check(Vm("(port-forwardings '())")).Should().ContainSingle(x => x.Id == DiagnosticIds.NoSshForward);
    }

    [Theory]
    [InlineData("build-vm")]
    [InlineData("past_2010")]
    [InlineData("a2345678901234567890123")] // 9 + 23 = 32 characters: the limit
    public void Valid_names_pass(string name)
    {
        BuildVmNameCheck.IsValidName(name).Should().BeTrue();
        Check(Vm($"(name '{name})")).Should().BeEmpty();
    }

    [Theory]
    [InlineData("Build")]
    [InlineData("a234567890123456789012345")]
    [InlineData("has.dot")]
    [InlineData("")]
    public void Names_that_cannot_make_an_account_are_rejected(string name)
    {
        BuildVmNameCheck.IsValidName(name).Should().BeFalse();
    }

    [Theory]
    [InlineData("current")]
    [InlineData("generations")]
    [InlineData("shepherd")]
    public void Names_of_vbmc_folders_are_reserved(string name)
    {
        var d = Check(Vm($"(name '{name})")).Should().ContainSingle().Subject;
        d.Id.Should().Be(DiagnosticIds.InvalidBuildVmName);
        d.Message.Should().Contain("reserved");
    }

    [Fact]
    public void A_bad_name_is_reported_at_the_name_value()
    {
        var services = Vm("(name 'Bad_Name)");
        var d = Check(services).Should().ContainSingle().Subject;
        d.Id.Should().Be(DiagnosticIds.InvalidBuildVmName);
        Pos(d).Should().Be(At(services, "'Bad_Name"));
    }

    [Fact]
    public void Duplicate_names_are_reported_at_the_second_name_with_the_first_related()
    {
        var services = Vm("(name 'twin) (port-forwardings '((11022 . 22)))") + Vm("(name 'twin) (port-forwardings '((12022 . 22)))");
        var d = Check(services).Should().ContainSingle(x => x.Id == DiagnosticIds.DuplicateBuildVmName).Subject;
        Pos(d).Should().Be(At(services, "'twin", 2));
        var related = d.RelatedLocations.Should().ContainSingle().Subject.Span;
        (related.StartLine, related.StartColumn).Should().Be(At(services, "'twin", 1));
    }

    [Fact]
    public void Date_before_2006_warns_once_at_the_date_value()
    {
        var services = Vm("(date (make-date 0 0 0 0 1 1 2004 0))");
        var d = Check(services).Should().ContainSingle().Subject;
        d.Severity.Should().Be(Severity.Warning);
        d.Id.Should().Be(DiagnosticIds.CpuModelFallback);
        Pos(d).Should().Be(At(services, "(make-date"));
        d.Message.Should().Contain("qemu64");
    }

    [Fact]
    public void An_explicit_cpu_silences_the_fallback_warning()
    {
        Check(Vm("(cpu \"qemu64\") (date (make-date 0 0 0 0 1 1 2004 0))")).Should().BeEmpty();
    }

    [Fact]
    public void A_vm_used_by_two_services_warns_only_once()
    {
        var text = VirtualizationHarness.Prelude + """
            (define old (virtual-build-machine (date (make-date 0 0 0 0 1 1 2004 0))))
            (list (service virtual-build-machine-service-type old)
                  (service virtual-build-machine-service-type old))
            """;
        VirtualizationHarness.Check(text).Count(d => d.Id == DiagnosticIds.CpuModelFallback).Should().Be(1);
    }

    [Fact]
    public void Non_x86_systems_get_a_note_about_max()
    {
        var services = Vm("(systems '(\"aarch64-linux\"))");
        var d = Check(services).Should().ContainSingle().Subject;
        d.Severity.Should().Be(Severity.Note);
        d.Message.Should().Contain("max").And.Contain("aarch64-linux");
        Pos(d).Should().Be(At(services, "'(\"aarch64"));
    }

    [Fact]
    public void The_system_option_reaches_the_default_systems_and_cpu()
    {
        var diagnostics = Check(Vm(""), new EvaluationOptions { System = "aarch64-linux" });
        diagnostics.Should().ContainSingle(d => d.Severity == Severity.Note && d.Message.Contains("max"));
    }

    [Fact]
    public void Non_positive_or_inexact_sizes_are_type_errors_at_the_values()
    {
        var services = Vm("(cpu-count 0) (memory-size 1.5)");
        Check(services).Select(d => (d.Id, Pos(d))).Should().Equal(
            (DiagnosticIds.FieldTypeMismatch, At(services, "0)")), (DiagnosticIds.FieldTypeMismatch, At(services, "1.5")));
    }

    [Fact]
    public void Offload_machines_that_are_not_build_machines_are_reported()
    {
        var text = VirtualizationHarness.Prelude + """
            (use-modules (gnu services base))
            (list (simple-service 'odd guix-service-type (guix-extension (build-machines (list "not a machine")))))
            """;
        var diagnostics = VirtualizationHarness.Check(text);
        diagnostics.Should().Contain(d => d.Severity == Severity.Error);
    }

    [Fact]
    public void Offload_machines_with_valid_keys_pass()
    {
        var text = VirtualizationHarness.Prelude + """
            (use-modules (gnu services base) (guix scripts offload))
            (list (simple-service 'more guix-service-type
                    (list (build-machine (name "fast.example.org") (systems '("x86_64-linux")) (user "u")
                            (host-key "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG+KBiVUUkdxVQ3aIDeEsRDRyygnCdOsq3ZNgKsJ+rzd")))))
            """;
        VirtualizationHarness.Check(text).Where(d => d.Severity == Severity.Error).Should().BeEmpty();
    }
}
