namespace Vbmc.Image.Disk;

/// <summary>Turns a staged root folder into a bootable-partitioned disk image (placeholder: being written).</summary>
public static class DiskAssembler
{
}
