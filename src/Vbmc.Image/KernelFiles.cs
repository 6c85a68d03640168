using Vbmc.Diagnostics;
using Vbmc.Image.Guest;

namespace Vbmc.Image;

/// <summary>
/// The guest's kernel and initrd, copied out of the staged root for direct boot (QEMU's -kernel,
/// -initrd, -append). Direct boot rather than a bootloader in the image: installing GRUB needs the
/// image mounted (root, loop devices) or grub-install's own image writer, and the assembler
/// writes only an MBR partition table; QEMU loads the kernel itself, and the kernel command line
/// lives in the launch script where a person can read it.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal static class KernelFiles
{
    /// <summary>The staged kernel and initrd of the newest kernel version in /boot; null after a diagnostic.</summary>
    public static (string Kernel, string Initrd)? Find(string stagedRoot, DiagnosticBag diagnostics, SourceSpan place)
    {
        var root = new RootFolder(stagedRoot);
        var boot = root.FolderPath("/boot");
        var versions = boot is null || !Directory.Exists(boot) ? [] : Directory.GetFiles(boot, "vmlinuz-*")
            .Select(f => Path.GetFileName(f)["vmlinuz-".Length..])
            .Where(v => File.Exists(Path.Combine(boot, "initrd.img-" + v)))
            .Order(KernelVersionOrder.Instance)
            .ToList();
        if (versions.Count == 0)
        {
            diagnostics.Error(DiagnosticIds.ImageBaseInvalid, place, "the image's base root has no kernel and initrd (/boot/vmlinuz-VERSION and /boot/initrd.img-VERSION)",
                "install a kernel in the base, e.g. Debian's linux-image-cloud-amd64 (it brings initramfs-tools)");
            return null;
        }
        var version = versions[^1];
        return (Path.Combine(boot!, "vmlinuz-" + version), Path.Combine(boot!, "initrd.img-" + version));
    }

    /// <summary>Copies <paramref name="source"/> to <paramref name="target"/> (0644), through a temporary file.</summary>
    public static void Copy(string source, string target) => Replace(target, temporary => File.Copy(source, temporary));

    /// <summary>Writes <paramref name="content"/> to <paramref name="target"/> (0644), through a temporary file.</summary>
    public static void Write(byte[] content, string target) => Replace(target, temporary => File.WriteAllBytes(temporary, content));

    private static void Replace(string target, Action<string> make)
    {
        var temporary = target + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            make(temporary);
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>Orders "6.1.0-9-cloud-amd64" before "6.1.0-10-cloud-amd64": numbers compare as numbers.</summary>
    private sealed class KernelVersionOrder : IComparer<string>
    {
        public static readonly KernelVersionOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            var a = Parts(x ?? "");
            var b = Parts(y ?? "");
            for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
            {
                var c = long.TryParse(a[i], out var m) && long.TryParse(b[i], out var n) ? m.CompareTo(n) : string.CompareOrdinal(a[i], b[i]);
                if (c != 0) return c;
            }
            return a.Count.CompareTo(b.Count);
        }

        private static List<string> Parts(string version) =>
            System.Text.RegularExpressions.Regex.Matches(version, "[0-9]+|[^0-9]+").Select(m => m.Value).ToList();
    }
}
