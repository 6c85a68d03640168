using Vbmc.Lowering;
using Vbmc.TestSupport;

namespace Vbmc.Emitters.Offload.Tests;

/// <summary>A VM's features and mandatory features in both machine files (Guix's features; Nix's two fields).</summary>
public sealed class VmFeaturesTests
{
    private static CompilePlan Plan(string fields) => LoweredPlans.FromText(
        "(use-modules (gnu services) (gnu services virtualization) (srfi srfi-19))\n" +
        $"(list (service virtual-build-machine-service-type (virtual-build-machine (name 'old) (date (make-date 0 0 0 0 1 6 2014 0)) {fields})))");

    private static string NixLine(CompilePlan plan) =>
        NixMachinesEmitter.Render(plan).Split('\n').Single(l => l.StartsWith("ssh-ng://", StringComparison.Ordinal));

    [Fact]
    public void By_default_a_VM_offers_what_its_guest_daemon_supports_and_its_date()
    {
        var plan = Plan("");
        plan.Vms.Single().Features.Should().Equal("benchmark", "big-parallel", "nixos-test", "vbmc-date-2014-06-01");
        NixLine(plan).Split(' ')[5..7].Should().Equal("benchmark,big-parallel,nixos-test,vbmc-date-2014-06-01", "-");
        GuixMachinesEmitter.Render(plan).Should().Contain("(features (list \"benchmark\" \"big-parallel\" \"nixos-test\" \"vbmc-date-2014-06-01\"))");
    }

    [Fact]
    public void Features_and_mandatory_features_are_the_users_when_given()
    {
        var plan = Plan("(features '(\"big-parallel\" \"era-2014\")) (mandatory-features '(\"era-2014\"))");
        NixLine(plan).Split(' ')[5..7].Should().Equal("big-parallel,era-2014", "era-2014");
        GuixMachinesEmitter.Render(plan).Should().Contain("(features (list \"big-parallel\" \"era-2014\"))");
    }

    [Fact]
    public void A_feature_nix_machines_cannot_hold_is_an_error_at_check()
    {
        var plan = Plan("(mandatory-features '(\"two words\"))");
        NixMachinesEmitter.Problems(plan).Should().ContainSingle().Which.Field.Should().Be("mandatory-features");
    }
}
