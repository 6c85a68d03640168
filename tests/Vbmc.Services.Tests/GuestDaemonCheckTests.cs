using Vbmc.Diagnostics;

namespace Vbmc.Services.Tests;

/// <summary>
/// A guix-configuration that offloads to a VM whose guest runs no guix-daemon gets a warning at
/// the image's base; a bare service list (no guix-service-type of its own) and a guest with
/// guix-daemon get none.
/// </summary>
public class GuestDaemonCheckTests
{
    private const string NixOnlyVm = """
        (service virtual-build-machine-service-type
                 (virtual-build-machine
                  (image (image (inherit (virtual-build-machine-default-image (virtual-build-machine)))
                                (base (debian-base (packages '("nix-bin" "nix-setup-systemd"))))))))
        """;

    private static string OperatingSystem(string vm) => $$"""
        (use-modules (gnu) (gnu image) (gnu services virtualization))
        (operating-system
          (host-name "builder")
          (bootloader (bootloader-configuration (bootloader grub-bootloader) (targets '("/dev/sda"))))
          (file-systems (cons (file-system (device "/dev/sda1") (mount-point "/") (type "ext4")) %base-file-systems))
          (services (cons {{vm}} %base-services)))
        """;

    [Fact]
    public void A_guix_configuration_offloading_to_a_nix_only_guest_is_warned_at_the_base()
    {
        var text = OperatingSystem(NixOnlyVm);
        var d = VirtualizationHarness.Check(text).Should().ContainSingle(x => x.Id == DiagnosticIds.GuestLacksDaemon).Subject;
        d.Severity.Should().Be(Severity.Warning);
        d.Message.Should().Contain("runs no guix-daemon").And.Contain("leaves it out of machines.scm");
        d.Hint.Should().Contain("nix-daemon only");
        var at = text.IndexOf("(debian-base", StringComparison.Ordinal);
        (d.Span.StartLine, d.Span.StartColumn).Should().Be((text[..at].Count(c => c == '\n') + 1, at - text[..at].LastIndexOf('\n')));
    }

    [Fact]
    public void No_warning_for_the_default_guest_or_for_a_bare_service_list()
    {
        VirtualizationHarness.Check(OperatingSystem("(service virtual-build-machine-service-type)"))
            .Should().NotContain(x => x.Id == DiagnosticIds.GuestLacksDaemon);
        VirtualizationHarness.Check("(use-modules (gnu image) (gnu services) (gnu services virtualization))\n(list " + NixOnlyVm + ")")
            .Should().NotContain(x => x.Id == DiagnosticIds.GuestLacksDaemon);
    }

    [Fact]
    public void A_root_base_says_which_daemons_it_runs()
    {
        const string vm = """
            (service virtual-build-machine-service-type
                     (virtual-build-machine
                      (image (image (inherit (virtual-build-machine-default-image (virtual-build-machine)))
                                    (base (root-base (path "/srv/root.tar") (daemons '(nix-daemon))))))))
            """;
        VirtualizationHarness.Check(OperatingSystem(vm)).Should().ContainSingle(x => x.Id == DiagnosticIds.GuestLacksDaemon);
    }
}
