using System.Globalization;
using System.Text;
using System.Xml;
using Vbmc.Lowering;

namespace Vbmc.Emitters.Libvirt;

/// <summary>
/// libvirt/NAME.xml: the VM as a libvirt domain (QEMU driver, libvirt 9.0 and later), with the
/// launch script's semantics: the same CPU model, CPUs, memory, RTC base and clock, the image
/// as the first virtio disk never written (&lt;transient/&gt;), direct kernel boot, the
/// secrets drive read-only with the serial the guest looks for and the store disk, each
/// attached only when its file exists (startupPolicy='optional', as the script does), the user
/// network with the forwards bound to 127.0.0.1 and restrict=on, a virtio RNG, no reboot.
/// Written with <see cref="XmlWriter"/>: every value is escaped by the XML writer.
/// </summary>
/// <remarks>
/// What the domain does differently from run-NAME.sh, on purpose (also in the file's comments
/// and the README): the accelerator is KVM (type='kvm': libvirt cannot choose at start as the
/// script's probe does); the user network is QEMU's own, passed with &lt;qemu:commandline&gt;,
/// because libvirt's &lt;interface type='user'&gt; forwards ports only with its passt backend, which
/// has no equivalent of restrict=on and which Debian 12's libvirtd 9.0 refuses at define (its
/// schema allows it), while a &lt;portForward&gt; without it is defined and gets no hostfwd; QEMU runs as libvirt's account, not the VM's, and writes no
/// pid file where machines.scm looks for one.
/// </remarks>
public static class LibvirtDomainEmitter
{
    public const string QemuNamespace = "http://libvirt.org/schemas/domain/qemu/1.0";

    /// <summary>The id of the user network's -netdev (and of its NIC's netdev=).</summary>
    public const string NetworkId = "vbmc-net";

    /// <summary>
    /// The NIC's PCI slot on pci.0: libvirt gives its own devices slots from 2 upwards and knows
    /// nothing of a device on the QEMU command line, which would otherwise take slot 2 first
    /// (QEMU then refuses libvirt's first disk: "PCI: slot 2 function 0 not available").
    /// </summary>
    public const string NicSlot = "0x1f";

    public static Artifact Emit(VmPlan vm) =>
        Artifact.Text(InstallLayout.LibvirtDomainPath(vm.Name), Text(vm), ArtifactKind.LibvirtDomain);

    /// <summary>
    /// What the domain of each VM cannot say, as (VM, message): compile warns, and the file leaves it out.
    /// </summary>
    public static IReadOnlyList<(VmPlan Vm, string Message)> Problems(CompilePlan plan) =>
        [.. plan.Vms.SelectMany(vm => LibvirtCpu.From(vm.Cpu).Unexpressed.Select(item => (vm,
            $"unsupported: {InstallLayout.LibvirtDomainPath(vm.Name)} leaves out '{item}' of the cpu of virtual build machine '{vm.Name}': " +
            "libvirt's <cpu> turns features on or off and has no element for other QEMU CPU properties (run-NAME.sh passes it)")))];

    public static string Text(VmPlan vm)
    {
        var text = new StringBuilder();
        var settings = new XmlWriterSettings
        {
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
            OmitXmlDeclaration = true,
            Encoding = new UTF8Encoding(false),
        };
        using (var w = XmlWriter.Create(text, settings))
        {
            Header(w, vm);
            w.WriteStartElement("domain");
            w.WriteAttributeString("type", "kvm");
            w.WriteAttributeString("xmlns", "qemu", null, QemuNamespace);
            w.WriteElementString("name", InstallLayout.LibvirtDomainName(vm.Name));
            w.WriteElementString("uuid", LibvirtDomainUuid.Of(vm.Name));
            w.WriteElementString("description", Description(vm));
            Element(w, "memory", vm.MemoryMiB.ToString(CultureInfo.InvariantCulture), ("unit", "MiB"));
            Element(w, "vcpu", vm.CpuCount.ToString(CultureInfo.InvariantCulture), ("placement", "static"));
            OperatingSystem(w, vm);
            w.WriteStartElement("features");
            w.WriteElementString("acpi", ""); // the guest's poweroff (ACPI) ends QEMU, as in the script
            w.WriteElementString("apic", "");
            w.WriteEndElement();
            Cpu(w, vm);
            Clock(w, vm);
            // -no-reboot: a guest that reboots or crashes stops, as under the script.
            w.WriteElementString("on_poweroff", "destroy");
            w.WriteElementString("on_reboot", "destroy");
            w.WriteElementString("on_crash", "destroy");
            Devices(w, vm);
            QemuCommandLine(w, vm);
            w.WriteEndElement();
        }
        return text.Append('\n').ToString();
    }

    private static void Header(XmlWriter w, VmPlan vm)
    {
        // Comments hold vbmc's own text only: a value there could hold "--", which XML forbids.
        foreach (var line in new[]
        {
            " libvirt domain of a virtual build machine of vbmc; do not edit: change the configuration and run 'vbmc compile' again. ",
            " vbmc apply installs it as /var/lib/vbmc/NAME/libvirt.xml; define it as root: virsh -c qemu:///system define FILE ",
            " It mirrors the launch script run-NAME.sh: CPU model, CPUs, memory, date (RTC base, clock=vm), the image never ",
            " written (transient), direct kernel boot, the secrets drive and store disk when their files exist, forwards from ",
            " 127.0.0.1 only, restrict=on unless network-access?, a virtio RNG, no reboot. Differences: type='kvm' (the script ",
            " probes and falls back to TCG; on a host without a usable KVM change it to type='qemu'); the user network is ",
            " QEMU's own on <qemu:commandline> (libvirt forwards ports of <interface type='user'> only with passt, which has ",
            " no restrict=on); QEMU runs as libvirt's account, which libvirt gives the disk files by changing their owner ",
            " (read-only ones, the secrets drive too, are not given back: chown build-vm-NAME: /etc/vbmc/NAME/secrets.tar ",
            " before the unit or run-NAME.sh starts the VM again), and writes no pid file where machines.scm looks, so ",
            " guix offload does not see the VM started this way (nix/machines and the ssh alias do). A guest booted by vbmc's ",
            " initrd runs vbmc's small init, which ignores the ACPI power button (virsh shutdown): end it with virsh ",
            " destroy, as vbmc stop ends QEMU (the image is thrown away at each start anyway). ",
        })
        {
            w.WriteComment(line);
        }
    }

    private static string Description(VmPlan vm) =>
        $"vbmc virtual build machine '{vm.Name}': clock from {vm.RtcBase} UTC, cpu {vm.Cpu}, {vm.CpuCount} CPUs, {vm.MemoryMiB} MiB" +
        (vm.SshHostPort is { } port ? string.Create(CultureInfo.InvariantCulture, $", SSH on 127.0.0.1:{port}") : "");

    private static void OperatingSystem(XmlWriter w, VmPlan vm)
    {
        w.WriteStartElement("os");
        var arch = Architecture(vm.QemuProgram);
        w.WriteStartElement("type");
        w.WriteAttributeString("arch", arch);
        // QEMU's default machine, as the script (no -machine); libvirt records the versioned name.
        if (arch is "x86_64" or "i686") w.WriteAttributeString("machine", "pc");
        w.WriteString("hvm");
        w.WriteEndElement();
        // vbmc's images are booted directly (they have no boot loader): the files apply installs beside the image.
        w.WriteElementString("kernel", $"{vm.StateDirectory}/{vm.KernelFileName}");
        w.WriteElementString("initrd", $"{vm.StateDirectory}/{vm.InitrdFileName}");
        w.WriteElementString("cmdline", vm.Image.KernelCommandLine);
        w.WriteEndElement();
    }

    /// <summary>The libvirt architecture of QEMU's program (qemu-system-ARCH; i386's guests are i686).</summary>
    private static string Architecture(string qemuProgram)
    {
        const string prefix = "qemu-system-";
        var arch = qemuProgram.StartsWith(prefix, StringComparison.Ordinal) ? qemuProgram[prefix.Length..] : qemuProgram;
        return arch == "i386" ? "i686" : arch;
    }

    private static void Cpu(XmlWriter w, VmPlan vm)
    {
        var cpu = LibvirtCpu.From(vm.Cpu);
        w.WriteStartElement("cpu");
        w.WriteAttributeString("mode", cpu.Mode);
        if (cpu.Model is not null) w.WriteAttributeString("match", "exact");
        // check='none': QEMU gets -cpu MODEL as from the script, without libvirt comparing it to the host's CPU first.
        w.WriteAttributeString("check", "none");
        if (cpu.Model is { } model) Element(w, "model", model, ("fallback", "forbid"));
        // QEMU's -smp cpus=N on its current machines: one socket of N cores (libvirt's default would be N sockets).
        w.WriteStartElement("topology");
        w.WriteAttributeString("sockets", "1");
        w.WriteAttributeString("dies", "1");
        w.WriteAttributeString("cores", vm.CpuCount.ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("threads", "1");
        w.WriteEndElement();
        foreach (var (name, policy) in cpu.Features)
        {
            w.WriteStartElement("feature");
            w.WriteAttributeString("policy", policy);
            w.WriteAttributeString("name", name);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static void Clock(XmlWriter w, VmPlan vm)
    {
        w.WriteStartElement("clock");
        var start = vm.Date.ToUnixTimeSeconds();
        if (start >= 0)
        {
            // -rtc base=DATE: libvirt writes the start (seconds since 1970, UTC) back as QEMU's date.
            w.WriteAttributeString("offset", "absolute");
            w.WriteAttributeString("start", start.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            // libvirt's start cannot go before 1970: the -rtc of <qemu:commandline> (QEMU merges
            // both -rtc options, the later base wins) sets the date instead.
            w.WriteAttributeString("offset", "utc");
        }
        // clock=vm: the guest's clock runs with the VM, not the host's wall clock.
        w.WriteStartElement("timer");
        w.WriteAttributeString("name", "rtc");
        w.WriteAttributeString("track", "guest");
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Devices(XmlWriter w, VmPlan vm)
    {
        w.WriteStartElement("devices");
        // The image first (vda, the root the kernel command line names): libvirt overlays it
        // with IMAGE.TRANSIENT-DOMAIN beside it and deletes that at the end, like snapshot=on.
        Disk(w, vm.Image.QemuFormat, $"{vm.StateDirectory}/{vm.Image.FileName}", "vda", optional: false, readOnly: false, transient: true, serial: null, discard: false);
        Disk(w, "raw", vm.SecretsDrive, "vdb", optional: true, readOnly: true, transient: false, serial: InstallLayout.SecretsDriveSerial, discard: false);
        if (vm.StoreDisk is { } store)
            Disk(w, "qcow2", store, "vdc", optional: true, readOnly: false, transient: false, serial: InstallLayout.StoreDiskSerial, discard: true);

        // The script has no USB and no balloon; libvirt would add both.
        w.WriteStartElement("controller");
        w.WriteAttributeString("type", "usb");
        w.WriteAttributeString("model", "none");
        w.WriteEndElement();

        // The serial console (the guest's journal): a pty for `virsh console`, logged where the Shepherd service logs it.
        w.WriteStartElement("serial");
        w.WriteAttributeString("type", "pty");
        w.WriteStartElement("log");
        w.WriteAttributeString("file", vm.SerialLog);
        w.WriteAttributeString("append", "off");
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteStartElement("console");
        w.WriteAttributeString("type", "pty");
        w.WriteEndElement();
        // The second serial port (ttyS1), where the guest's root shell waits: the launch script's
        // console socket (vbmc console); here `virsh console DOMAIN serial1`.
        w.WriteComment(" the guest's root shell (vbmc console): virsh console DOMAIN serial1 ");
        w.WriteStartElement("serial");
        w.WriteAttributeString("type", "pty");
        w.WriteStartElement("target");
        w.WriteAttributeString("port", "1");
        w.WriteEndElement();
        w.WriteEndElement();

        // -device virtio-rng-pci: QEMU's built-in source (getrandom).
        w.WriteStartElement("rng");
        w.WriteAttributeString("model", "virtio");
        w.WriteStartElement("backend");
        w.WriteAttributeString("model", "builtin");
        w.WriteEndElement();
        w.WriteEndElement();

        w.WriteStartElement("memballoon");
        w.WriteAttributeString("model", "none");
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Disk(XmlWriter w, string format, string file, string target, bool optional, bool readOnly, bool transient, string? serial, bool discard)
    {
        w.WriteStartElement("disk");
        w.WriteAttributeString("type", "file");
        w.WriteAttributeString("device", "disk");
        w.WriteStartElement("driver");
        w.WriteAttributeString("name", "qemu");
        w.WriteAttributeString("type", format);
        if (discard) w.WriteAttributeString("discard", "unmap");
        w.WriteEndElement();
        w.WriteStartElement("source");
        w.WriteAttributeString("file", file);
        // Optional: a missing file leaves the disk out at start (the script's "when it exists").
        if (optional) w.WriteAttributeString("startupPolicy", "optional");
        w.WriteEndElement();
        w.WriteStartElement("target");
        w.WriteAttributeString("dev", target);
        w.WriteAttributeString("bus", "virtio");
        w.WriteEndElement();
        if (readOnly) w.WriteElementString("readonly", "");
        if (transient) w.WriteElementString("transient", "");
        if (serial is not null) w.WriteElementString("serial", serial);
        if (transient)
        {
            w.WriteStartElement("boot");
            w.WriteAttributeString("order", "1");
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    /// <summary>QEMU's arguments that libvirt has no element for: the user network, and a date before 1970.</summary>
    public static IReadOnlyList<string> QemuArguments(VmPlan vm)
    {
        var netdev = $"user,id={NetworkId}" + (vm.NetworkAccess ? "" : ",restrict=on") + string.Concat(vm.PortForwardings.Select(p =>
            string.Create(CultureInfo.InvariantCulture, $",hostfwd=tcp:127.0.0.1:{p.HostPort}-:{p.GuestPort}")));
        List<string> arguments = ["-netdev", netdev, "-device", $"virtio-net-pci,netdev={NetworkId},bus=pci.0,addr={NicSlot}"];
        if (vm.Date.ToUnixTimeSeconds() < 0) arguments.AddRange(["-rtc", $"base={vm.RtcBase},clock=vm"]);
        return arguments;
    }

    private static void QemuCommandLine(XmlWriter w, VmPlan vm)
    {
        w.WriteStartElement("qemu", "commandline", QemuNamespace);
        foreach (var argument in QemuArguments(vm))
        {
            w.WriteStartElement("qemu", "arg", QemuNamespace);
            w.WriteAttributeString("value", argument);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static void Element(XmlWriter w, string name, string value, params (string Name, string Value)[] attributes)
    {
        w.WriteStartElement(name);
        foreach (var (attribute, text) in attributes) w.WriteAttributeString(attribute, text);
        w.WriteString(value);
        w.WriteEndElement();
    }
}
