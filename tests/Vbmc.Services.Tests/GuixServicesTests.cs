using Vbmc.Diagnostics;
using static Vbmc.Services.Tests.SystemModules;

namespace Vbmc.Services.Tests;

/// <summary>
/// Services whose types come from Guix's generated data in the fold: they are folded like any
/// other (no extensions), opaque results of Guix procedures are left out of service lists, and
/// Shepherd requirements they may provide are not false errors.
/// </summary>
public class GuixServicesTests
{
    private static string WithModules(string text, string modules) =>
        text.Replace("(use-modules (gnu)", "(use-modules (gnu) " + modules);

    [Fact]
    public void Generated_service_types_are_folded()
    {
        var r = Analyze(WithModules(OperatingSystem(services: "(cons* (service xorg-server-service-type) (service cups-service-type) %base-services)"),
            "(gnu services xorg) (gnu services cups)"));
        Errors(r).Should().BeEmpty(Describe(r));
        r.Fold.Completed.Should().BeTrue();
        r.Fold.Services.Select(s => s.TypeName).Should().Contain(["xorg-server", "cups", "guix"]);
    }

    [Fact]
    public void Opaque_services_from_Guix_procedures_are_left_out_and_the_rest_is_folded()
    {
        var r = Analyze(WithModules(OperatingSystem(services:
            "(cons* (udev-rules-service 'fuse \"KERNEL==\\\"fuse\\\"\") (service openssh-service-type) %base-services)"),
            "(gnu services ssh)"));
        Errors(r).Should().BeEmpty(Describe(r));
        r.Fold.Services.Should().Contain(s => s.TypeName == "openssh");
    }

    [Fact]
    public void A_requirement_an_unmodelled_Guix_service_may_provide_is_a_warning()
    {
        const string custom = "(simple-service 'printer-watch shepherd-root-service-type\n" +
                              "  (list (shepherd-service (provision '(printer-watch)) (requirement '(cups))\n" +
                              "                          (start #~(make-forkexec-constructor '(\"watch\"))))))";
        var with = Analyze(WithModules(OperatingSystem(services: $"(cons* {custom} (service cups-service-type) %base-services)"),
            "(gnu services shepherd) (gnu services cups)"));
        Errors(with).Should().BeEmpty(Describe(with));
        var w = with.Evaluation.Diagnostics.Should().ContainSingle(d => d.Id == DiagnosticIds.ShepherdMissingRequirement).Subject;
        w.Severity.Should().Be(Severity.Warning);
        w.Hint.Should().Contain("'cups'");

        var without = Analyze(WithModules(OperatingSystem(services: $"(cons {custom} %base-services)"), "(gnu services shepherd)"));
        Errors(without).Should().ContainSingle().Which.Message
            .Should().Be("service 'printer-watch' requires 'cups', which is not provided by any service");
    }

    [Fact]
    public void Package_outputs_and_Guix_packages_are_package_entries()
    {
        var r = Analyze(WithModules(OperatingSystem(extraFields: "(packages (cons* (list git \"send-email\") xterm %base-packages))"),
            "(gnu packages version-control) (gnu packages xorg)"));
        Errors(r).Should().BeEmpty(Describe(r));
    }
}
