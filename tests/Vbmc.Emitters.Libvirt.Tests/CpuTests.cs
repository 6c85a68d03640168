using Vbmc.Diagnostics;
using Vbmc.TestSupport;

namespace Vbmc.Emitters.Libvirt.Tests;

/// <summary>QEMU's -cpu items as libvirt's &lt;cpu&gt;: switches become features, the rest is reported.</summary>
public class CpuTests
{
    [Fact]
    public void Feature_switches_become_required_or_disabled_features_in_order()
    {
        var cpu = LibvirtCpu.From("Skylake-Client,+aes,-hle,vmx,pdpe1gb=on,rtm=off,sse4.1=yes,x2apic=false");
        cpu.Mode.Should().Be("custom");
        cpu.Model.Should().Be("Skylake-Client");
        cpu.Features.Should().Equal(("aes", "require"), ("hle", "disable"), ("vmx", "require"), ("pdpe1gb", "require"),
            ("rtm", "disable"), ("sse4.1", "require"), ("x2apic", "disable"));
        cpu.Unexpressed.Should().BeEmpty();
    }

    [Fact]
    public void Host_and_max_are_libvirts_modes()
    {
        LibvirtCpu.From("host").Should().Match<LibvirtCpu>(c => c.Mode == "host-passthrough" && c.Model == null);
        LibvirtCpu.From("max,-hle").Should().Match<LibvirtCpu>(c => c.Mode == "maximum" && c.Features.Count == 1);
    }

    [Fact]
    public void A_property_libvirt_cannot_say_is_a_warning_at_the_vm_and_left_out()
    {
        var plan = LoweredPlans.FromText("""
            (use-modules (gnu services virtualization))
            (list (service virtual-build-machine-service-type
                    (virtual-build-machine (name 'props) (cpu "Broadwell,level=13,+aes"))))
            """);
        var problems = ArtifactEmitters.Problems(plan);
        var warning = problems.Should().ContainSingle().Subject;
        warning.Severity.Should().Be(Severity.Warning);
        warning.Id.Should().Be(DiagnosticIds.UnsupportedForCompile);
        warning.Message.Should().StartWith("unsupported: libvirt/props.xml leaves out 'level=13'");
        warning.Span.StartLine.Should().BeGreaterThan(0, "at the VM");

        var domain = new Domain(plan.Vms.Single());
        domain.One("cpu").Elements("feature").Select(f => (string?)f.Attribute("name")).Should().Equal("aes");
        domain.One("cpu").ToString().Should().NotContain("level");
        domain.QemuArguments.Should().NotContain(a => a.Contains("level"));
        ((string?)domain.One("description")).Should().Contain("cpu Broadwell,level=13,+aes", "the description names the whole value");
    }

    [Fact]
    public void Switches_alone_give_no_warning()
    {
        var plan = LoweredPlans.FromText("""
            (use-modules (gnu services virtualization))
            (list (service virtual-build-machine-service-type (virtual-build-machine (cpu "Broadwell,-hle,+aes"))))
            """);
        ArtifactEmitters.Problems(plan).Should().BeEmpty();
    }
}
