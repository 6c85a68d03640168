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
}
