using System.Security.Cryptography;
using System.Text;
using Vbmc.Diagnostics;
using Vbmc.Image.Base;
using Vbmc.Image.Disk;
using Vbmc.Image.Guest;
using Vbmc.Lowering;

namespace Vbmc.Image;

/// <summary>
/// Builds a VM's guest disk image (and its kernel and initrd) into the compile folder: the base
/// root (cached Debian root, or the user's), a staged copy with vbmc's guest files on top, then
/// the disk assembler (MBR + ext4 with mke2fs -d, owners set by debugfs, qcow2 written by vbmc),
/// all without mounts and without root: root and an ordinary user build the same bytes.
/// </summary>
public static class GuestImageBuilder
{
    /// <summary>
    /// Writes the image, kernel and initrd of <paramref name="vm"/> into <paramref name="outputDirectory"/>
    /// and returns them; on failure reports diagnostics and returns null.
    /// </summary>
    public static IReadOnlyList<FileArtifact>? Build(VmPlan vm, string outputDirectory, ImageBuildSettings settings, DiagnosticBag diagnostics)
    {
        var place = vm.Place;
        if (!OnLinux)
        {
            diagnostics.Error(DiagnosticIds.UnsupportedForCompile, place, "unsupported: building guest images on a system other than Linux",
                "use --no-image to write every other artifact");
            return null;
        }
        if (Unsupported(vm) is { } reason)
        {
            diagnostics.Error(DiagnosticIds.UnsupportedForCompile, place, "unsupported: " + reason,
                "run vbmc compile with --no-image to write every other artifact");
            return null;
        }
        var progress = new ImageProgress(settings, vm.Name);
        ImageStaging? staging = null;
        try
        {
            if (BaseSource(vm, settings, progress, diagnostics) is not var (source, identity)) return null;

            progress.Step("staging the guest's root folder");
            staging = ImageStaging.Create(settings.CacheDirectory, vm.Name);
            var root = Path.Combine(staging.Path, "root");
            Directory.CreateDirectory(root);
            if (GuestStager.CopyBase(source, root, diagnostics, place) is not { } owners) return null;
            if (!GuestStager.HasGuestPrograms(root, owners, diagnostics, place)) return null;
            if (KernelFiles.Find(root, diagnostics, place) is not var (kernel, initrd)) return null;
            // The initrd is chosen before the guest's files: vbmc's sets up the network itself.
            var version = Path.GetFileName(kernel)["vmlinuz-".Length..];
            var (ownInitrd, why) = GuestInitrd.Make(root, version, Timestamp(vm));
            if (!GuestStager.AddGuestFiles(vm, root, owners, diagnostics, place, networkFromInitrd: ownInitrd is not null)) return null;
            // vbmc's init comes with vbmc's initrd, which starts it (the base's initrd starts systemd).
            var init = ownInitrd is not null ? GuestStager.AddGuestInit(vm, root, owners) : "systemd (the base's initrd starts it)";

            progress.Step($"disk image {vm.Image.FileName} ({vm.Image.Format}, {vm.Image.SizeBytes >> 20} MiB)");
            Directory.CreateDirectory(outputDirectory);
            var request = new DiskImageRequest(root, Path.Combine(outputDirectory, vm.Image.FileName), vm.Image.Format,
                vm.Image.SizeBytes, Seed(vm, identity), Timestamp(vm), owners.For(root));
            if (!DiskAssembler.Assemble(request, progress, diagnostics, place)) return null;
            KernelFiles.Copy(kernel, Path.Combine(outputDirectory, vm.KernelFileName));
            if (ownInitrd is not null)
            {
                progress.Step($"initrd: vbmc's ({why}); init: {init}");
                KernelFiles.Write(ownInitrd, Path.Combine(outputDirectory, vm.InitrdFileName));
            }
            else
            {
                progress.Step($"initrd: the base's ({why}); init: {init}");
                KernelFiles.Copy(initrd, Path.Combine(outputDirectory, vm.InitrdFileName));
            }
            return
            [
                new FileArtifact(vm.Image.FileName, ArtifactKind.DiskImage),
                new FileArtifact(vm.KernelFileName, ArtifactKind.Kernel),
                new FileArtifact(vm.InitrdFileName, ArtifactKind.Initrd),
            ];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticIds.ImageBuildFailed, place, $"cannot build the image of virtual build machine '{vm.Name}': {e.Message}");
            return null;
        }
        finally
        {
            progress.Finish();
            staging?.Dispose();
        }
    }

    /// <summary>
    /// The seed of the file system's UUIDs and hash seed: what the image is made of (the VM's name
    /// and date, the base), so that two builds of one configuration give the same bytes.
    /// </summary>
    internal static string Seed(VmPlan vm, string baseIdentity) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"vbmc guest image\nname: {vm.Name}\ndate: {vm.RtcBase}\nbase: {baseIdentity}\n")));

    /// <summary>Every timestamp in the image: the configured date, so no file is newer than the guest's clock.</summary>
    internal static DateTimeOffset Timestamp(VmPlan vm) =>
        DateTimeOffset.FromUnixTimeSeconds(vm.Date.ToUnixTimeSeconds());

    [System.Runtime.Versioning.SupportedOSPlatformGuard("linux")]
    private static bool OnLinux => OperatingSystem.IsLinux();

    private static string? Unsupported(VmPlan vm)
    {
        if (vm.Systems.FirstOrDefault() is not "x86_64-linux")
            return $"guest images for {string.Join(", ", vm.Systems)} (vbmc builds x86_64-linux guests) for virtual build machine '{vm.Name}'";
        return null;
    }

    /// <summary>The base root to copy (an archive or a folder) and what identifies it in the seed; null after a diagnostic.</summary>
    private static (string Source, string Identity)? BaseSource(VmPlan vm, ImageBuildSettings settings, ImageProgress progress, DiagnosticBag diagnostics)
    {
        switch (vm.Image.Base)
        {
            case RootImageBase root:
                progress.Step($"base root: {root.Path}");
                return (root.Path, "root " + root.Path);
            case DebianImageBase debian:
                var recipe = DebianBaseRecipe.For(debian);
                return BaseRootCache.Ensure(recipe, settings.CacheDirectory, progress, diagnostics, vm.Place) is { } archive
                    ? (archive, "debian " + recipe.Key)
                    : null;
            default:
                diagnostics.Error(DiagnosticIds.UnsupportedForCompile, vm.Place, $"unsupported: image base {vm.Image.Base.GetType().Name}");
                return null;
        }
    }
}
