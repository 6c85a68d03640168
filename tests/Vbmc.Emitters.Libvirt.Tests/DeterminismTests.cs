using Vbmc.TestSupport;

namespace Vbmc.Emitters.Libvirt.Tests;

/// <summary>The same VM gives the same bytes (compile's folder-level determinism test covers the file too).</summary>
public class DeterminismTests
{
    private const string Configuration = """
        (use-modules (gnu services virtualization) (srfi srfi-19))
        (list (service virtual-build-machine-service-type
                       (virtual-build-machine
                        (name 'det)
                        (cpu-count 3)
                        (date (make-date 0 0 0 0 1 6 2012 0))
                        (store-disk-size (expt 2 30))
                        (port-forwardings '((11022 . 22) (18080 . 80))))))
        """;

    [Fact]
    public void Two_lowerings_of_one_text_give_identical_bytes()
    {
        var first = LibvirtDomainEmitter.Emit(LoweredPlans.FromText(Configuration).Vms.Single());
        var second = LibvirtDomainEmitter.Emit(LoweredPlans.FromText(Configuration).Vms.Single());
        second.Content.Should().Equal(first.Content);
        second.RelativePath.Should().Be(first.RelativePath);
    }

    [Fact]
    public void The_text_is_utf8_without_bom_with_unix_line_ends_and_a_final_newline()
    {
        var content = LibvirtDomainEmitter.Emit(LoweredPlans.FromText(Configuration).Vms.Single()).Content;
        content.Take(3).Should().NotEqual(new byte[] { 0xEF, 0xBB, 0xBF });
        content.Should().NotContain((byte)'\r');
        content[^1].Should().Be((byte)'\n');
        content[^2].Should().NotBe((byte)'\n');
    }
}
