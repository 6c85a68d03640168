using Vbmc.Diagnostics;
using Vbmc.Lowering;
using Vbmc.Processes;

namespace Vbmc.Host.Apply;

/// <summary>
/// The persistent store disks of the VMs that have one (store-disk-size): an empty qcow2 of that
/// virtual size, made by qemu-img in the VM's store folder (tmpfiles makes it, the VM's account's,
/// 0700), the account's, 0600; the guest formats it at its first start. Like the keys, a disk is
/// state: kept across applies and rollbacks, never part of a generation, never deleted by vbmc
/// (remove /var/lib/vbmc/NAME/store to start again with empty stores). A disk that exists is
/// never resized: growing it needs the guest's file system grown too.
/// </summary>
internal static class StoreDisks
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static IReadOnlyList<string> Missing(string root, IEnumerable<ManifestVm> vms) =>
        [.. vms.Where(vm => vm.StoreDiskBytes is not null && !RootFiles.FileExists(HostPaths.Under(root, InstallLayout.StoreDisk(vm.Name))))
            .Select(vm => InstallLayout.StoreDisk(vm.Name))];

    /// <summary>
    /// The disks that exist with another virtual size than their VM's store-disk-size now says
    /// (qemu-img info): apply leaves them as they are, and says so.
    /// </summary>
    public static IReadOnlyList<string> SizeNotes(string root, IEnumerable<ManifestVm> vms)
    {
        var notes = new List<string>();
        foreach (var vm in vms)
        {
            if (vm.StoreDiskBytes is not { } wanted) continue;
            var disk = HostPaths.Under(root, InstallLayout.StoreDisk(vm.Name));
            if (!RootFiles.FileExists(disk) || HostProgram.QemuImg.Locate() is not { } qemuImg) continue;
            var info = RootFiles.At(disk, file => ProgramRunner.Run(HostProgram.QemuImg.Request(qemuImg, ["info", "--output=json", "-U", file])));
            if (!info.Succeeded) continue;
            try
            {
                using var json = System.Text.Json.JsonDocument.Parse(info.Stdout);
                var size = json.RootElement.GetProperty("virtual-size").GetInt64();
                if (size != wanted)
                    notes.Add($"the store disk {InstallLayout.StoreDisk(vm.Name)} is {size >> 20} MiB and stays so (store-disk-size says {wanted >> 20} MiB): " +
                              "vbmc never resizes it; remove it to start again with an empty one of the new size");
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                // qemu-img said something else: the disk is the user's to look at; nothing to compare.
            }
        }
        return notes;
    }

    /// <summary>Makes the missing disks; returns what it made. The accounts and folders exist (earlier steps).</summary>
    public static IReadOnlyList<string> Make(string root, IEnumerable<ManifestVm> vms)
    {
        var made = new List<string>();
        foreach (var vm in vms)
        {
            if (vm.StoreDiskBytes is not { } bytes) continue;
            var disk = HostPaths.Under(root, InstallLayout.StoreDisk(vm.Name));
            if (RootFiles.FileExists(disk)) continue;
            var account = InstallLayout.AccountName(vm.Name);
            var (uid, gid) = Accounts.User(root, account) ?? throw new ApplyException(DiagnosticIds.ApplyFailed,
                HostPaths.Under(root, "/etc/passwd"), $"the account {account} does not exist after systemd-sysusers");
            // Made under a temporary name and renamed: a kill leaves no half-made disk behind the real name.
            var temporary = Path.Join(Path.GetDirectoryName(disk)!, ".new-" + Path.GetFileName(disk));
            Recovery.DeleteTree(temporary);
            var qemuImg = ApplyPrograms.Require(HostProgram.QemuImg);
            RootFiles.At(temporary, file => ApplyPrograms.RunChecked(HostProgram.QemuImg, qemuImg,
                ["create", "-q", "-f", "qcow2", file, bytes.ToString(System.Globalization.CultureInfo.InvariantCulture)], "qemu-img create"));
            RootFiles.SetOwnerAndMode(temporary, (uid, gid), Private);
            RootFiles.Rename(temporary, disk);
            made.Add($"{InstallLayout.StoreDisk(vm.Name)} ({bytes / (1L << 20)} MiB, empty)");
        }
        return made;
    }
}
