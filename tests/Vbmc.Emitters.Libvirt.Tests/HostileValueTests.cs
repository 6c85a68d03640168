using Vbmc.TestSupport;

namespace Vbmc.Emitters.Libvirt.Tests;

/// <summary>
/// Values that reach the domain from the configuration are escaped by the XML writer, never
/// pasted: VM names and the paths made from them are validated before, so the values that can
/// carry XML's specials are the kernel command line and the CPU. A plan made hostile on purpose
/// reads back exactly, and libvirt's validator still accepts the file.
/// </summary>
public sealed class HostileValueTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vbmc-libvirt-hostile-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private const string Hostile = "a&b <c>\"d\" 'e' ]]> <!-- f --> &amp; \u00e9\u4e2d \t\nnext";

    [Fact]
    public void A_hostile_kernel_command_line_and_cpu_read_back_exactly_and_validate()
    {
        var vm = LoweredPlans.Vm("(name 'hostile)");
        vm = vm with
        {
            Image = vm.Image with { KernelCommandLine = "console=ttyS0 " + Hostile },
            Cpu = "Broadwell,+aes,odd=" + Hostile,
        };
        var domain = new Domain(vm);

        ((string?)domain.One("os/cmdline")).Should().Be("console=ttyS0 " + Hostile);
        ((string?)domain.One("cpu/model")).Should().Be("Broadwell");
        domain.One("cpu").Elements("feature").Select(f => (string?)f.Attribute("name")).Should().Equal("aes");
        ((string?)domain.One("description")).Should().Contain("cpu Broadwell,+aes,odd=" + Hostile);
        domain.Text.Should().Contain("a&amp;b &lt;c&gt;").And.NotContain("<!-- f -->");
        domain.Root.Nodes().OfType<System.Xml.Linq.XComment>().Should().BeEmpty("comments are before the root, and vbmc's own");

        VirtXmlValidate.ShouldAccept(domain.WriteTo(_folder));
    }

    [Fact]
    public void A_cpu_feature_name_with_characters_libvirt_does_not_name_is_left_out_not_pasted()
    {
        var cpu = LibvirtCpu.From("Broadwell,+a<b,-c&d,e\"f=on");
        cpu.Features.Should().BeEmpty();
        cpu.Unexpressed.Should().Equal("+a<b", "-c&d", "e\"f=on");
    }
}
