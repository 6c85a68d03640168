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
    /// partition of the first virtio disk (the image is always attached first).
    /// </summary>
    public string KernelCommandLine { get; init; } = "console=ttyS0 root=/dev/vda1 rw";

    /// <summary>QEMU's -drive format= of the file: qcow2 for both qcow2 kinds, else raw.</summary>
    public string QemuFormat => Format is "raw" ? "raw" : "qcow2";

    /// <summary>Where the guest's root file system comes from (the image record's <c>base</c> field).</summary>
    public ImageBase Base { get; init; } = DebianImageBase.Default;
}

/// <summary>The origin of the guest's root file system, before vbmc adds its own guest files.</summary>
public abstract record ImageBase;

/// <summary>
/// A Debian root made with mmdebstrap (variant minbase): vbmc's own packages (kernel, systemd, sshd...)
/// plus <paramref name="Packages"/>, from <paramref name="Suite"/> at <paramref name="Mirror"/>
/// (null: the mirror the building host's apt is configured with, read when the image is built).
/// </summary>
public sealed record DebianImageBase(string Suite, string? Mirror, IReadOnlyList<string> Packages) : ImageBase
{
    public const string DefaultSuite = "bookworm";

    /// <summary>The build daemon the guest runs by default: Debian 12's Nix (it has no Guix package).</summary>
    public static IReadOnlyList<string> DefaultPackages { get; } = ["nix-bin", "nix-setup-systemd"];

    public static DebianImageBase Default { get; } = new(DefaultSuite, null, DefaultPackages);
}

/// <summary>A root file system the user made: an absolute path to a folder or a (compressed) tar archive.</summary>
public sealed record RootImageBase(string Path) : ImageBase;
