using Vbmc.Lowering;

namespace Vbmc.Image.Guest;

/// <summary>
/// The files vbmc puts on top of every base root (Debian's or the user's), from the VM's plan:
/// sshd for the offloading account only, the secrets unit, DHCP, the console, no time
/// synchronisation, the clock epoch, host name and fstab, guix-daemon's keys and ordering. Account databases are edited by
/// <see cref="GuestAccounts"/>; leftovers of the base's installation are removed by <see cref="GuestCleanup"/>.
/// </summary>
internal static class GuestFiles
{
    /// <summary>Where Debian's packages install units (/lib is a link to usr/lib).</summary>
    public const string UnitFolder = "/lib/systemd/system";

    /// <summary>
    /// Units that must never run in a build VM: time synchronisation (the clock must stay at the
    /// configured date), apt's timers (the guest must not change itself), the first-boot wizard
    /// (it waits for answers on the console), e2scrub (LVM snapshots the guest has none of;
    /// 15 s of a boot without KVM), and tmp.mount: Debian from trixie on mounts /tmp as a tmpfs
    /// of half the memory, too small for builds (nix-daemon builds in /tmp), while the image's
    /// disk is large and thrown away at each start anyway.
    /// Then <see cref="IdleUnits"/>.
    /// </summary>
    public static readonly IReadOnlyList<string> MaskedUnits =
    [
        "apt-daily-upgrade.timer",
        "apt-daily.timer",
        "chrony.service",
        "e2scrub_all.timer",
        "e2scrub_reap.service",
        "ntp.service",
        "ntpsec.service",
        "systemd-firstboot.service",
        "systemd-time-wait-sync.service",
        "systemd-timesyncd.service",
        "tmp.mount",
    ];

    /// <summary>
    /// Units with nothing to do in a build VM, masked because each costs seconds of a boot without
    /// KVM (systemd-analyze blame under TCG: 5-14 s each, all competing for the guest's CPUs while
    /// sshd starts): the text console's getty (no display; the serial console keeps its own), the modules and file
    /// systems of graphics, pstore, configfs, debugfs, tracefs, huge pages and FUSE's control
    /// folder (FUSE itself still works), and the journal's flush, random seed and networkd state
    /// that a guest whose disk is thrown away at each start never keeps. Also steps on the way to
    /// sysinit.target, which every service waits for (systemd-analyze critical-chain under TCG:
    /// 1-2.5 s each): static device nodes of modules not loaded (kmod-static-nodes: nothing in a
    /// build VM loads a module by opening its device), the early pass of /dev's tmpfiles (the
    /// later one still runs), udev's credentials, and the remount of a root the initrd mounted
    /// read-write already (bench/boot.sh, 2 runs each: banner 23.0 s, with these 19.8-22.3 s).
    /// </summary>
    public static readonly IReadOnlyList<string> IdleUnits =
    [
        "dev-hugepages.mount",
        "kmod-static-nodes.service",
        "systemd-remount-fs.service",
        "systemd-tmpfiles-setup-dev-early.service",
        "systemd-udev-load-credentials.service",
        "getty@tty1.service",
        "modprobe@configfs.service",
        "modprobe@drm.service",
        "modprobe@efi_pstore.service",
        "sys-fs-fuse-connections.mount",
        "sys-kernel-config.mount",
        "sys-kernel-debug.mount",
        "sys-kernel-tracing.mount",
        "systemd-journal-flush.service",
        "systemd-networkd-persistent-storage.service",
        "systemd-pstore.service",
        "systemd-random-seed.service",
    ];

    /// <summary>
    /// The guest's own files. <paramref name="networkFromInitrd"/>: vbmc's initrd sets the NIC's
    /// address (QEMU's user network gives 10.0.2.15/24 behind 10.0.2.2 to every guest), so the root
    /// runs no DHCP client; with the base's own initrd systemd-networkd asks by DHCP. Measured with
    /// bench/boot.sh: networkd waited for udev and DHCP on the way to network.target, which sshd
    /// is ordered after (banner 29.0 s, without it 23.0 s).
    /// </summary>
    public static IReadOnlyList<GuestFile> For(VmPlan vm, bool networkFromInitrd = false)
    {
        var user = vm.Guest.Name;
        // systemd accepts letters, digits, '-' and '.' only: a VM's name with '_' is changed.
        var hostName = vm.Image.HostName ?? vm.Name.Replace('_', '-');
        var files = new List<GuestFile>
        {
            GuestFile.Regular("/etc/hostname", hostName + "\n"),
            GuestFile.Regular("/etc/hosts", $"127.0.0.1\tlocalhost\n127.0.1.1\t{hostName}\n::1\tlocalhost ip6-localhost ip6-loopback\n"),
            GuestFile.Regular("/etc/fstab", "# vbmc: the image's only partition.\n/dev/vda1\t/\text4\trw,errors=remount-ro\t0\t1\n"),
            GuestFile.Regular("/etc/resolv.conf", "# vbmc: QEMU's user network answers DNS here.\nnameserver 10.0.2.3\n"),
            // Empty: systemd makes a machine id at each boot (no id is shared by every copy of the image)
            // and, unlike "uninitialized", an empty file is not a first boot (no wizard, no presets).
            GuestFile.Regular("/etc/machine-id", "", 0b100_100_100),
            // systemd moves a clock that is earlier than this file's mtime (or than its own build
            // date when the file is missing) forward to it: the image's timestamps are the configured date.
            GuestFile.Regular("/usr/lib/clock-epoch", ""),
            GuestFile.Regular("/etc/.updated", GuestUnits.UpdatedStamp),
            GuestFile.Regular("/var/.updated", GuestUnits.UpdatedStamp),
            GuestFile.Regular("/etc/ssh/sshd_config.d/vbmc.conf", SshdConfig(user)),
            GuestFile.Regular(GuestUnits.SecretsScriptPath, GuestUnits.SecretsScript, GuestFile.Program),
            GuestFile.Regular("/etc/systemd/system/vbmc-secrets.service", GuestUnits.SecretsService),
            GuestFile.Regular("/etc/systemd/system/ssh.service.d/vbmc-secrets.conf", GuestUnits.SshDropIn),
            GuestFile.Regular("/etc/systemd/system/guix-daemon.service.d/vbmc.conf", GuestDaemonSettings.GuixDaemonDropIn(vm)),
            GuestFile.Mask(GuestDaemonSettings.ReadOnlyStoreMount),
            GuestFile.Regular("/etc/systemd/system/vbmc-poweroff.path", GuestUnits.PoweroffPath),
            GuestFile.Regular("/etc/systemd/system/vbmc-poweroff.service", GuestUnits.PoweroffService),
            GuestFile.Regular("/etc/systemd/system/vbmc-console.service", GuestUnits.ConsoleService),
            GuestFile.Regular("/etc/tmpfiles.d/vbmc.conf", Tmpfiles(vm.Guest)),
            GuestFile.Regular("/etc/systemd/journald.conf.d/vbmc-console.conf", GuestUnits.Journald),
            GuestFile.Regular("/etc/modprobe.d/vbmc-legacy-devices.conf", GuestUnits.LegacyDeviceBlacklist),
            GuestFile.WantedBy("multi-user.target", "vbmc-secrets.service", "/etc/systemd/system"),
            GuestFile.WantedBy("paths.target", "vbmc-poweroff.path", "/etc/systemd/system"),
            GuestFile.WantedBy("multi-user.target", "vbmc-console.service", "/etc/systemd/system"),
        };
        if (networkFromInitrd)
        {
            files.AddRange(GuestBoot.WithVbmcsInitrd.Select(GuestFile.Mask));
            files.Add(GuestBoot.LateDbus);
        }
        else
        {
            files.Add(GuestFile.Regular("/etc/systemd/network/80-vbmc-virtio.network", GuestUnits.Network));
            files.Add(GuestFile.WantedBy("multi-user.target", "systemd-networkd.service", UnitFolder));
            files.Add(GuestFile.WantedBy("sockets.target", "systemd-networkd.socket", UnitFolder));
        }
        if (vm.StoreDisk is not null)
        {
            files.Add(GuestFile.Regular(GuestStoreDisk.ScriptPath, GuestStoreDisk.Script, GuestFile.Program));
            files.Add(GuestFile.Regular("/etc/systemd/system/" + GuestStoreDisk.UnitName, GuestStoreDisk.Unit));
            files.Add(GuestFile.WantedBy("sysinit.target", GuestStoreDisk.UnitName, "/etc/systemd/system"));
        }
        files.AddRange(MaskedUnits.Concat(IdleUnits).Select(GuestFile.Mask));
        files.AddRange(GuestBoot.MaskedGenerators.Select(GuestBoot.MaskGenerator));
        return files;
    }

    /// <summary>
    /// A drop-in: Debian's sshd_config includes sshd_config.d/*.conf first and sshd keeps the first
    /// value it reads, so these win. AllowUsers makes the one authorized keys file the account's.
    /// </summary>
    public static string SshdConfig(string user) => $"""
        # vbmc: only the offloading account logs in, with a key from the secrets drive.
        # No PAM: no password is ever asked, and each offload session skips a logind session
        # and a systemd user manager (seconds per login without KVM).
        # Local forwards stay allowed: guix offload and `vbmc test` reach the build daemon's
        # socket through one (streamlocal needs AllowTcpForwarding local too); the account can
        # run commands anyway, so a local forward gives it nothing new.
        UsePAM no
        AllowUsers {user}
        PermitRootLogin no
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        PubkeyAuthentication yes
        HostKey {GuestUnits.HostKeyPath}
        AuthorizedKeysFile {GuestUnits.AuthorizedKeysPath}
        AllowTcpForwarding local
        AllowStreamLocalForwarding local
        AllowAgentForwarding no
        X11Forwarding no
        PermitTunnel no

        """;

    /// <summary>The power-off request folder belongs to the offloading account alone.</summary>
    public static string Tmpfiles(GuestAccount guest) =>
        $"# vbmc: run-time folders.\nd /run/vbmc 0755 root root -\nd /run/vbmc/control 0700 {guest.Name} {guest.Group} -\n";
}
