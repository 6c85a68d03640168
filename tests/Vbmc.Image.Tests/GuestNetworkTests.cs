using Vbmc.Image.Guest;
using Vbmc.TestSupport;

namespace Vbmc.Image.Tests;

/// <summary>
/// Who gives the guest its address: vbmc's initrd (the root runs no DHCP client) or, with the
/// base's own initrd, systemd-networkd by DHCP. The boot tests show the address works.
/// </summary>
public sealed class GuestNetworkTests
{
    private static IReadOnlyList<string> Paths(bool networkFromInitrd) =>
        [.. GuestFiles.For(LoweredPlans.FromText(
                "(use-modules (gnu services virtualization))\n" +
                "(list (service virtual-build-machine-service-type (virtual-build-machine (name 'net))))").Vms.Single(), networkFromInitrd)
            .Select(f => f.Path)];

    [Fact]
    public void With_vbmcs_initrd_the_root_runs_no_dhcp_client()
    {
        Paths(networkFromInitrd: true).Should().NotContain(p => p.Contains("systemd-networkd", StringComparison.Ordinal) && !p.EndsWith("persistent-storage.service", StringComparison.Ordinal))
            .And.NotContain("/etc/systemd/network/80-vbmc-virtio.network");
        GuestInitrd.InitScript.Should().Contain("ip addr add 10.0.2.15/24 dev eth0").And.Contain("ip route add default via 10.0.2.2");
    }

    [Fact]
    public void With_the_bases_initrd_systemd_networkd_asks_by_dhcp()
    {
        Paths(networkFromInitrd: false).Should().Contain("/etc/systemd/network/80-vbmc-virtio.network")
            .And.Contain("/etc/systemd/system/multi-user.target.wants/systemd-networkd.service");
    }
}
