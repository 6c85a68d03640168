using Vbmc.Image.Guest;
using Vbmc.TestSupport;

namespace Vbmc.Image.Tests;

/// <summary>The guest's host name: the image operating-system's host-name when set, else the VM's name.</summary>
public sealed class GuestHostNameTests
{
    private static string HostsAndName(string fields) =>
        string.Concat(GuestFiles.For(LoweredPlans.FromText(
                "(use-modules (gnu) (gnu image) (gnu services virtualization))\n" +
                $"(list (service virtual-build-machine-service-type (virtual-build-machine {fields})))").Vms.Single())
            .Where(f => f.Path is "/etc/hostname" or "/etc/hosts").Select(f => f.Text));

    [Fact]
    public void A_standard_guest_is_named_after_its_vm()
    {
        HostsAndName("(name 'past_2014)").Should().StartWith("past-2014\n").And.Contain("127.0.1.1\tpast-2014\n");
    }

    [Fact]
    public void The_host_name_of_the_image_operating_system_names_the_guest()
    {
        const string image = "(image (let ((standard (virtual-build-machine-default-image (virtual-build-machine)))) " +
            "(image (inherit standard) (operating-system (operating-system (inherit (image-operating-system standard)) (host-name \"guest-2014\"))))))";
        HostsAndName("(name 'past) " + image).Should().StartWith("guest-2014\n").And.Contain("127.0.1.1\tguest-2014\n");
    }
}
