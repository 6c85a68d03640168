namespace Vbmc.Image.Guest;

/// <summary>
/// What a build VM's boot leaves out so that sshd and the build daemons come up first: without
/// KVM every process the boot starts costs the guest's two CPUs a second or more, and they all
/// compete with sshd. Each cut below was measured from the guest's console (systemd-analyze
/// blame and critical-chain, then <c>bench/boot.sh</c>); <see cref="GuestFiles.IdleUnits"/> holds
/// the units masked before these.
/// </summary>
internal static class GuestBoot
{
    /// <summary>
    /// systemd's generators with nothing to generate in a vbmc guest, masked (a link to /dev/null in
    /// /etc/systemd/system-generators, systemd.generator(7)): systemd runs every generator before it
    /// loads a single unit, so each one delays the whole boot (under TCG, masking these took the
    /// span from "Hostname set" to the first job from 4.5 s to 3.3 s). The fstab is vbmc's own (the
    /// root only, mounted by the initrd); the serial console's login prompt (getty) was unusable (no
    /// account has a password: vbmc console has its own port); the image has no EFI, encryption,
    /// TPM, swap or GPT partitions; sshd listens on the network, not on the AF_UNIX and AF_VSOCK
    /// sockets the ssh generator adds; the kernel command line is vbmc's (debug and run generators).
    /// Generators of other packages, the SysV scripts' and rc.local's still run.
    /// </summary>
    public static readonly IReadOnlyList<string> MaskedGenerators =
    [
        "systemd-bless-boot-generator",
        "systemd-cryptsetup-generator",
        "systemd-debug-generator",
        "systemd-factory-reset-generator",
        "systemd-fstab-generator",
        "systemd-getty-generator",
        "systemd-gpt-auto-generator",
        "systemd-hibernate-resume-generator",
        "systemd-integritysetup-generator",
        "systemd-run-generator",
        "systemd-ssh-generator",
        "systemd-system-update-generator",
        "systemd-tpm2-generator",
        "systemd-veritysetup-generator",
    ];

    /// <summary>
    /// Masked when vbmc's initrd boots the guest (it loaded the disk and NIC drivers and gave the NIC
    /// its address): udev, whose coldplug of every device sysinit.target waited for (6-11 s under
    /// TCG, with udevd's own start); the login manager, which nothing in a build VM uses (sshd runs
    /// without PAM, so no session is registered; the console's autologin does without), and which
    /// started D-Bus at boot (D-Bus itself stays, started when a client first connects: systemctl
    /// run by the offloading account needs it); and the generic initrd's shutdown hook. What is
    /// lost: /dev/disk/by-* links (vbmc's scripts find their drives in sysfs), modules loaded by
    /// device alias (the VM's devices are fixed and their drivers are built in or loaded by the
    /// initrd) and the ACPI power button, which logind handles only for devices udev tagged
    /// (libvirt's <c>virsh shutdown</c>; vbmc stops QEMU itself, and the image is thrown away at
    /// each start).
    /// </summary>
    public static readonly IReadOnlyList<string> WithVbmcsInitrd =
    [
        "dracut-shutdown.service",
        "systemd-logind.service",
        "systemd-logind-varlink.socket",
        "systemd-udev-settle.service",
        "systemd-udev-trigger.service",
        "systemd-udevd-control.socket",
        "systemd-udevd-kernel.socket",
        "systemd-udevd-varlink.socket",
        "systemd-udevd.service",
    ];

    /// <summary>
    /// With vbmc's initrd: D-Bus starts after sshd and guix-daemon. Something connects to its socket
    /// during the boot (D-Bus then took 2.7 s of the guest's CPU time under TCG, beside sshd's start),
    /// while nothing on the way to sshd or the daemons uses it: a client that comes early waits.
    /// </summary>
    public static readonly GuestFile LateDbus = GuestFile.Regular("/etc/systemd/system/dbus.service.d/vbmc.conf",
        "# vbmc: the offloading services first; nothing they need uses D-Bus.\n[Unit]\nAfter=ssh.service guix-daemon.service\n");

    public static GuestFile MaskGenerator(string name) => GuestFile.Link("/etc/systemd/system-generators/" + name, "/dev/null");

    /// <summary>Where systemd-modules-load reads the modules to load at boot (modules-load.d(5)).</summary>
    private static readonly string[] ModuleListFolders = ["/etc/modules-load.d", "/run/modules-load.d", "/usr/local/lib/modules-load.d", "/usr/lib/modules-load.d"];

    /// <summary>
    /// Whether the base names a kernel module to load at boot. Debian's base has only
    /// /etc/modules-load.d/modules.conf, a link to an /etc/modules of comments, which is enough to
    /// start systemd-modules-load (a second of the boot without KVM, to load nothing).
    /// </summary>
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public static bool ListsKernelModules(RootFolder root)
    {
        foreach (var folder in ModuleListFolders)
        {
            if (root.FolderPath(folder) is not { } host || !Directory.Exists(host)) continue;
            // What systemd-modules-load reads: the *.conf files (not hidden ones, as the enumeration's default).
            foreach (var name in Directory.EnumerateFileSystemEntries(host, "*.conf").Select(Path.GetFileName).Order(StringComparer.Ordinal))
            {
                var lines = root.Read(folder + "/" + name).Split('\n');
                if (lines.Any(line => line.Trim() is { Length: > 0 } text && text[0] is not ('#' or ';'))) return true;
            }
        }
        return false;
    }

    /// <summary>
    /// nix-daemon starts when a client first connects to its socket, as Nix's units intend, instead of
    /// at every boot next to sshd: the base's package also enables the service itself. Left as it is
    /// when the base has no socket unit for it.
    /// </summary>
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public static void StartNixDaemonOnDemand(RootFolder root)
    {
        if (!root.Exists(GuestFiles.UnitFolder + "/nix-daemon.socket")) return;
        root.Remove("/etc/systemd/system/multi-user.target.wants/nix-daemon.service");
        root.Write(GuestFile.WantedBy("sockets.target", "nix-daemon.socket", GuestFiles.UnitFolder));
    }
}
