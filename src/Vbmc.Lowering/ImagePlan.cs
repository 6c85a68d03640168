namespace Vbmc.Lowering;

/// <summary>The guest disk image of a VM, as the image record describes it.</summary>
/// <param name="Format">"compressed-qcow2", "qcow2" or "raw" (Guix's 'disk-image is raw).</param>
/// <param name="SizeBytes">Virtual size of the disk.</param>
/// <param name="PartitionTable">"mbr" (the only one vbmc writes).</param>
/// <param name="FileName">The image's file name in the compile folder and in the state directory.</param>
public sealed record ImagePlan(
    string Format,
    long SizeBytes,
    string PartitionTable,
    string FileName)
{
    /// <summary>
    /// The kernel command line for direct boot (-append): the root file system is the first
    /// partition of the first virtio disk (the image is always attached first). no_timer_check:
    /// the kernel's check of the timer interrupt fails under TCG on a busy host ("IO-APIC + timer
    /// doesn't work!", a panic at 0.04 s, measured at load 15 on 2 cores); a VM's timer is QEMU's.
    /// net.ifnames=0: the NIC keeps the kernel's name eth0, which vbmc's initrd gives its address
    /// (udev would rename it, and cannot rename an interface that is up).
    /// Lowering adds <see cref="ClockArgument"/>.
    /// </summary>
    public string KernelCommandLine { get; init; } = "console=ttyS0 root=/dev/vda1 rw no_timer_check net.ifnames=0";

    /// <summary>
    /// <c>systemd.clock_usec=</c>: systemd sets the clock to the VM's date before anything else.
    /// Without it, a systemd-based initrd (sid's dracut) moves a clock that is earlier than
    /// systemd's own build date forward to that date before the root's /usr/lib/clock-epoch is
    /// seen, and the guest would not live at its date. The clock then starts at the date at the
    /// moment systemd starts (a few seconds after QEMU's RTC did).
    /// </summary>
    public static string ClockArgument(DateTimeOffset date) =>
        "systemd.clock_usec=" + ((date.ToUniversalTime() - DateTimeOffset.UnixEpoch).Ticks / 10).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>QEMU's -drive format= of the file: qcow2 for both qcow2 kinds, else raw.</summary>
    public string QemuFormat => Format is "raw" ? "raw" : "qcow2";

    /// <summary>
    /// The guest's host name (/etc/hostname): the image's operating-system <c>host-name</c> when
    /// the user set one, else null, and the guest is named after its VM.
    /// </summary>
    public string? HostName { get; init; }

    /// <summary>Where the guest's root file system comes from (the image record's <c>base</c> field).</summary>
    public ImageBase Base { get; init; } = DebianImageBase.Default;
}

/// <summary>The origin of the guest's root file system, before vbmc adds its own guest files.</summary>
public abstract record ImageBase
{
    /// <summary>The build daemons the guest runs (<see cref="Vbmc.Services.Checks.GuestDaemons"/> names).</summary>
    public abstract IReadOnlyList<string> Daemons { get; }
}

/// <summary>
/// A Debian root made with mmdebstrap (variant minbase): vbmc's own packages (kernel, systemd, sshd...)
/// plus <paramref name="Packages"/>, from <paramref name="Suite"/> at <paramref name="Mirror"/>
/// (null: the mirror the building host's apt is configured with, read when the image is built).
/// <paramref name="CheckValidUntil"/>: whether apt refuses a Release file past its validity date.
/// </summary>
public sealed record DebianImageBase(string Suite, string? Mirror, IReadOnlyList<string> Packages, bool CheckValidUntil = false) : ImageBase
{
    /// <summary>sid: the only Debian suite with Guix (1.5.0), which trixie cannot take alone (it needs sid's libstdc++ and libgcrypt).</summary>
    public const string DefaultSuite = "sid";

    /// <summary>Both build daemons, as stdlib/gnu/image.scm's %debian-base-default-packages.</summary>
    public static IReadOnlyList<string> DefaultPackages { get; } = ["guix", "nix-bin", "nix-setup-systemd", "busybox-static"];

    public static DebianImageBase Default { get; } = new(DefaultSuite, null, DefaultPackages);

    public override IReadOnlyList<string> Daemons => Vbmc.Services.Checks.GuestDaemons.OfDebianPackages(Packages);
}

/// <summary>
/// A root file system the user made: an absolute path to a folder or a (compressed) tar archive,
/// and the build daemons the user says it runs.
/// </summary>
public sealed record RootImageBase(string Path, IReadOnlyList<string> RootDaemons) : ImageBase
{
    public override IReadOnlyList<string> Daemons => RootDaemons;
}
