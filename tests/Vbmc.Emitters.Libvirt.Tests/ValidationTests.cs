using Vbmc.Lowering;
using Vbmc.TestSupport;

namespace Vbmc.Emitters.Libvirt.Tests;

/// <summary>
/// Every shape of domain vbmc writes is one libvirt reads: libvirt's own validator
/// (virt-xml-validate, the RELAX NG schema of libvirt 9.0, Debian 12's) accepts it, and rejects a
/// domain broken on purpose (so the check can fail).
/// </summary>
public sealed class ValidationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vbmc-libvirt-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> Configurations => new()
    {
        "(name 'defaults)",
        "(name 'old) (date (make-date 0 0 0 0 1 6 2014 0)) (cpu-count 8) (memory-size 6144)",
        "(name 'stored) (store-disk-size (* 4 (expt 2 30))) (network-access? #t)",
        "(name 'switches) (cpu \"Broadwell,+aes,-hle,pdpe1gb=on\")",
        "(name 'host-cpu) (cpu \"host\")",
        "(name 'max-cpu) (cpu \"max\")",
        "(name 'many-ports) (port-forwardings '((11022 . 22) (18080 . 80) (18443 . 443)))",
    };

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Libvirt_validates_the_domain(string fields)
    {
        var file = new Domain(LoweredPlans.Vm(fields)).WriteTo(_folder);
        VirtXmlValidate.ShouldAccept(file);
    }

    [Fact]
    public void Libvirt_validates_the_domains_of_the_shipped_examples()
    {
        foreach (var example in new[] { "build-vm.scm", "time-travel-vm.scm", "two-vms.scm", "boot-2014.scm" })
        {
            foreach (var vm in LoweredPlans.FromFile(Path.Combine(RepoPaths.Root, "examples", example)).Vms)
                VirtXmlValidate.ShouldAccept(new Domain(vm).WriteTo(_folder));
        }
    }

    [Fact]
    public void A_raw_image_validates_as_raw()
    {
        var vm = LoweredPlans.Vm("(name 'rawvm)");
        vm = vm with { Image = vm.Image with { Format = "raw", FileName = "rawvm.img" } };
        var domain = new Domain(vm);
        ((string?)domain.Disk("vda").Element("driver")!.Attribute("type")).Should().Be("raw");
        ((string?)domain.Disk("vda").Element("source")!.Attribute("file")).Should().Be("/var/lib/vbmc/rawvm/rawvm.img");
        VirtXmlValidate.ShouldAccept(domain.WriteTo(_folder));
    }

    [Fact]
    public void A_date_before_1970_is_set_on_the_command_line_and_validates()
    {
        var vm = LoweredPlans.Vm("(name 'sixties)") with
        {
            Date = new DateTimeOffset(1969, 7, 20, 20, 17, 40, TimeSpan.Zero),
            RtcBase = "1969-07-20T20:17:40",
        };
        var domain = new Domain(vm);
        ((string?)domain.One("clock").Attribute("offset")).Should().Be("utc");
        domain.One("clock").Attribute("start").Should().BeNull("libvirt's start counts from 1970 only");
        domain.QemuArguments.TakeLast(2).Should().Equal("-rtc", "base=1969-07-20T20:17:40,clock=vm");
        VirtXmlValidate.ShouldAccept(domain.WriteTo(_folder));
    }

    [Fact]
    public void The_validator_rejects_a_broken_domain()
    {
        var domain = new Domain(LoweredPlans.Vm("(name 'broken)"));
        domain.One("clock").SetAttributeValue("start", "yesterday");
        var file = Path.Combine(_folder, "broken.xml");
        domain.Root.Save(file);
        VirtXmlValidate.Run(file).ExitCode.Should().NotBe(0, "a start that is not a number is not libvirt's");
    }
}
