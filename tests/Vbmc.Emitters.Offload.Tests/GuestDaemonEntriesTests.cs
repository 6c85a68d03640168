using Vbmc.Emitters.Offload;
using Vbmc.TestSupport;

namespace Vbmc.Emitters.Offload.Tests;

/// <summary>A VM is listed in a machine file only when its guest runs that file's daemon.</summary>
public class GuestDaemonEntriesTests
{
    private static string Vm(string name, int port, string imageBase) => $"""
        (service virtual-build-machine-service-type
                 (virtual-build-machine
                  (name '{name})
                  (port-forwardings '(({port} . 22)))
                  (image (image (inherit (virtual-build-machine-default-image (virtual-build-machine)))
                                (base {imageBase})))))
        """;

    [Fact]
    public void Each_machine_file_lists_the_VMs_that_run_its_daemon()
    {
        var plan = LoweredPlans.FromText("(use-modules (gnu image) (gnu services) (gnu services virtualization))\n(list\n"
            + Vm("both", 11022, "(debian-base)")
            + Vm("nixonly", 12022, "(debian-base (packages '(\"nix-bin\" \"nix-setup-systemd\")))")
            + Vm("guixonly", 13022, "(root-base (path \"/srv/root.tar\"))")
            + ")");
        var guix = GuixMachinesEmitter.Render(plan);
        guix.Should().Contain("/var/lib/vbmc/both/run/qemu.pid").And.Contain("/var/lib/vbmc/guixonly/run/qemu.pid")
            .And.NotContain("nixonly");
        guix.Should().Contain("(name \"127.0.0.1\")").And.NotContain("localhost");
        var nix = NixMachinesEmitter.Render(plan).Split('\n').Where(l => l.StartsWith("ssh-ng://", StringComparison.Ordinal)).ToList();
        nix.Should().Equal(
            "ssh-ng://offload@vbmc-both x86_64-linux /etc/vbmc/both/offload_ed25519 4 1 benchmark,big-parallel,nixos-test,vbmc-date-2020-01-01 - -",
            "ssh-ng://offload@vbmc-nixonly x86_64-linux /etc/vbmc/nixonly/offload_ed25519 4 1 benchmark,big-parallel,nixos-test,vbmc-date-2020-01-01 - -");
    }
}
