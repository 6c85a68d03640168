using Vbmc.Lowering;
using Vbmc.TestSupport;

namespace Vbmc.Emitters.Libvirt.Tests;

/// <summary>
/// The domain says what the launch script runs: read back from configurations lowered as
/// compile lowers them, and compared with the plan the script is written from.
/// </summary>
public class DomainStructureTests
{
    private static VmPlan Boot2014(string more = "") => LoweredPlans.Vm(
        "(name 'boot-2014) (date (make-date 0 0 0 0 1 6 2014 0)) (cpu \"Broadwell\") (cpu-count 2) (memory-size 1024) " +
        "(port-forwardings '((11422 . 22) (18080 . 80)))" + more);

    [Fact]
    public void The_clock_starts_at_the_date_in_seconds_since_1970_and_runs_with_the_vm()
    {
        var domain = new Domain(Boot2014());
        var clock = domain.One("clock");
        ((string?)clock.Attribute("offset")).Should().Be("absolute");
        // 2014-06-01T00:00:00Z, counted by hand: 44 years of 365 days, 11 leap days, 151 days of 2014.
        ((string?)clock.Attribute("start")).Should().Be(((44L * 365 + 11 + 151) * 86400).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .And.Be("1401580800");
        var timer = clock.Elements("timer").Should().ContainSingle().Subject;
        ((string?)timer.Attribute("name")).Should().Be("rtc");
        ((string?)timer.Attribute("track")).Should().Be("guest", "QEMU's clock=vm, as the script's -rtc");
    }

    [Fact]
    public void Cpu_model_cpus_and_memory_are_the_scripts()
    {
        var vm = Boot2014();
        var domain = new Domain(vm);
        var cpu = domain.One("cpu");
        ((string?)cpu.Attribute("mode")).Should().Be("custom");
        ((string?)cpu.Attribute("match")).Should().Be("exact");
        ((string?)cpu.Attribute("check")).Should().Be("none");
        ((string?)domain.One("cpu/model")).Should().Be("Broadwell").And.Be(vm.Cpu);
        ((string?)domain.One("cpu/model").Attribute("fallback")).Should().Be("forbid");
        var topology = domain.One("cpu/topology");
        ((string?)topology.Attribute("sockets")).Should().Be("1");
        ((string?)topology.Attribute("cores")).Should().Be("2");
        ((string?)domain.One("vcpu")).Should().Be("2");
        ((string?)domain.One("memory")).Should().Be("1024");
        ((string?)domain.One("memory").Attribute("unit")).Should().Be("MiB");
        ((string?)domain.Root.Attribute("type")).Should().Be("kvm");
        ((string?)domain.One("os/type").Attribute("arch")).Should().Be("x86_64");
    }

    [Fact]
    public void The_user_network_forwards_from_loopback_only_and_is_restricted()
    {
        var domain = new Domain(Boot2014());
        domain.QemuArguments.Should().Equal(
            "-netdev", "user,id=vbmc-net,restrict=on,hostfwd=tcp:127.0.0.1:11422-:22,hostfwd=tcp:127.0.0.1:18080-:80",
            "-device", "virtio-net-pci,netdev=vbmc-net,bus=pci.0,addr=0x1f");
        domain.Root.Element("devices")!.Elements("interface").Should().BeEmpty("the NIC is QEMU's own, on the command line");
    }

    [Fact]
    public void Network_access_lifts_restrict_as_in_the_script()
    {
        var domain = new Domain(Boot2014(" (network-access? #t)"));
        domain.QemuArguments[1].Should().Be("user,id=vbmc-net,hostfwd=tcp:127.0.0.1:11422-:22,hostfwd=tcp:127.0.0.1:18080-:80");
    }

    [Fact]
    public void The_image_is_transient_and_first_the_secrets_drive_read_only_with_its_serial_and_optional()
    {
        var vm = Boot2014();
        var domain = new Domain(vm);
        domain.Disks.Select(d => (string?)d.Element("target")!.Attribute("dev")).Should().Equal("vda", "vdb");

        var image = domain.Disk("vda");
        ((string?)image.Element("source")!.Attribute("file")).Should().Be("/var/lib/vbmc/boot-2014/boot-2014.qcow2");
        ((string?)image.Element("driver")!.Attribute("type")).Should().Be("qcow2");
        image.Element("transient").Should().NotBeNull("snapshot=on: the image file is never written");
        image.Element("readonly").Should().BeNull();
        image.Element("source")!.Attribute("startupPolicy").Should().BeNull("the VM does not start without its image");

        var secrets = domain.Disk("vdb");
        ((string?)secrets.Element("source")!.Attribute("file")).Should().Be("/etc/vbmc/boot-2014/secrets.tar").And.Be(vm.SecretsDrive);
        ((string?)secrets.Element("source")!.Attribute("startupPolicy")).Should().Be("optional");
        ((string?)secrets.Element("driver")!.Attribute("type")).Should().Be("raw");
        secrets.Element("readonly").Should().NotBeNull();
        ((string?)secrets.Element("serial")).Should().Be(InstallLayout.SecretsDriveSerial).And.Be("vbmc-secrets");
        secrets.Element("transient").Should().BeNull();
    }

    [Fact]
    public void A_store_disk_is_attached_written_with_its_serial()
    {
        var vm = Boot2014(" (store-disk-size (expt 2 30))");
        var store = new Domain(vm).Disk("vdc");
        ((string?)store.Element("source")!.Attribute("file")).Should().Be("/var/lib/vbmc/boot-2014/store/store.qcow2").And.Be(vm.StoreDisk);
        ((string?)store.Element("source")!.Attribute("startupPolicy")).Should().Be("optional");
        ((string?)store.Element("driver")!.Attribute("type")).Should().Be("qcow2");
        ((string?)store.Element("driver")!.Attribute("discard")).Should().Be("unmap");
        ((string?)store.Element("serial")).Should().Be("vbmc-store");
        store.Element("readonly").Should().BeNull();
        store.Element("transient").Should().BeNull("the stores are kept across starts");
        new Domain(Boot2014()).Disks.Should().HaveCount(2, "no store-disk-size, no store disk");
    }

    [Fact]
    public void The_kernel_initrd_and_command_line_are_the_installed_ones()
    {
        var vm = Boot2014();
        var domain = new Domain(vm);
        ((string?)domain.One("os/kernel")).Should().Be("/var/lib/vbmc/boot-2014/boot-2014.vmlinuz");
        ((string?)domain.One("os/initrd")).Should().Be("/var/lib/vbmc/boot-2014/boot-2014.initrd");
        ((string?)domain.One("os/cmdline")).Should().Be(vm.Image.KernelCommandLine).And.Contain("root=/dev/vda1").And.Contain("systemd.clock_usec=");
    }

    [Fact]
    public void The_vm_stops_instead_of_rebooting_and_has_what_the_script_has_only()
    {
        var domain = new Domain(Boot2014());
        ((string?)domain.One("on_reboot")).Should().Be("destroy");
        ((string?)domain.One("on_poweroff")).Should().Be("destroy");
        domain.One("features").Element("acpi").Should().NotBeNull("the guest's poweroff ends QEMU through ACPI");
        ((string?)domain.One("devices/rng/backend").Attribute("model")).Should().Be("builtin");
        ((string?)domain.One("devices/memballoon").Attribute("model")).Should().Be("none");
        ((string?)domain.One("devices/controller").Attribute("model")).Should().Be("none");
        var serials = domain.One("devices").Elements("serial").ToList();
        serials.Should().HaveCount(2, "the journal's port and the root shell's (vbmc console)");
        ((string?)serials[0].Element("log")!.Attribute("file")).Should().Be("/var/log/vbmc/boot-2014.log");
        ((string?)serials[1].Element("target")!.Attribute("port")).Should().Be("1", "the guest's ttyS1");
        serials[1].Element("log").Should().BeNull("the shell's port is not logged");
    }

    [Fact]
    public void Name_and_uuid_are_the_vms_own_and_stable()
    {
        var a = new Domain(Boot2014());
        ((string?)a.One("name")).Should().Be("vbmc-boot-2014");
        var uuid = (string?)a.One("uuid");
        Guid.TryParse(uuid, out _).Should().BeTrue();
        uuid.Should().Be(LibvirtDomainUuid.Of("boot-2014")).And.NotBe(LibvirtDomainUuid.Of("boot-2015"));
        uuid![14].Should().Be('8', "RFC 9562 version 8");
        ((string?)new Domain(LoweredPlans.Vm("(name 'other)")).One("uuid")).Should().NotBe(uuid);
    }

    [Fact]
    public void The_artifact_is_libvirt_NAME_xml_of_its_kind_and_mode()
    {
        var artifact = new Domain(Boot2014()).Artifact;
        artifact.RelativePath.Should().Be("libvirt/boot-2014.xml");
        artifact.Kind.Should().Be(ArtifactKind.LibvirtDomain);
        artifact.Mode.Should().Be(Artifact.Regular);
        var descriptor = ArtifactCatalog.Standard.Of(ArtifactKind.LibvirtDomain)!;
        descriptor.CompilePaths("boot-2014").Should().Equal("libvirt/boot-2014.xml");
        descriptor.InstalledPath("boot-2014", "libvirt/boot-2014.xml").Should().Be("/var/lib/vbmc/boot-2014/libvirt.xml");
    }
}
