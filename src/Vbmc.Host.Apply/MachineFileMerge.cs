using System.Text;
using Vbmc.Lowering;

namespace Vbmc.Host.Apply;

/// <summary>
/// The installed machine files: compile's files with the VMs' real host keys, merged with a file
/// a person wrote at the same path. A person's file is never lost: the first apply that finds
/// one gives it a second name, PATH.vbmc-orig (a hard link: same inode, same owner and mode), and
/// from then on PATH is vbmc's and holds the person's machines and vbmc's:
/// <list type="bullet">
/// <item>/etc/nix/machines: the person's lines, as they are in machines.vbmc-orig when apply runs,
/// then vbmc's (Nix's format has no include);</item>
/// <item>/etc/guix/machines.scm: <c>(append (primitive-load ".../machines.scm.vbmc-orig")
/// (primitive-load "/etc/vbmc/guix-machines.scm"))</c>, with vbmc's own file installed at
/// /etc/vbmc/guix-machines.scm: guix offload loads the file with primitive-load, so the person's
/// file is read, unchanged, each time guix offload runs.</item>
/// </list>
/// To change their machines, people edit PATH.vbmc-orig (then, for Nix, apply again). When a
/// generation no longer installs PATH, the person's file gets its name back.
/// </summary>
public static class MachineFileMerge
{
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>The guix wrapper that appends vbmc's machines to the person's.</summary>
    public static string GuixWrapper() =>
        ";;; /etc/guix/machines.scm: written by vbmc apply; do not edit.\n" +
        ";;; Your own machines file was kept as /etc/guix/machines.scm.vbmc-orig: edit that one.\n" +
        ";;; The value is the list of its build machines followed by vbmc's (/etc/vbmc/guix-machines.scm).\n" +
        $"(append (primitive-load \"{HostPaths.GuixMachines}{HostPaths.OriginalSuffix}\")\n" +
        $"        (primitive-load \"{HostPaths.GuixMachinesOfVbmc}\"))\n";

    /// <summary>
    /// nix/machines as installed: the person's text (if any) then compile's, with each VM's
    /// base64 host key field filled in from its public key line.
    /// </summary>
    public static string Nix(string compiled, IReadOnlyList<ManifestVm> vms, Func<string, string?> hostPublicKey, string? personText)
    {
        var text = new StringBuilder();
        if (personText is not null)
        {
            text.Append("# /etc/nix/machines: written by vbmc apply; do not edit.\n");
            text.Append("# Your own lines come first, copied from /etc/nix/machines.vbmc-orig when vbmc apply ran:\n");
            text.Append("# edit that file, then run vbmc apply again. vbmc's machines follow.\n");
            text.Append(personText);
            if (personText.Length > 0 && !personText.EndsWith('\n')) text.Append('\n');
            text.Append("# --- vbmc's machines ---\n");
        }
        text.Append(FillHostKeys(compiled, vms, hostPublicKey));
        return text.ToString();
    }

    /// <summary>
    /// Fills the 8th field (base64 of the public host key line) of each VM's line. A VM's line is
    /// the one whose SSH identity (3rd field) is the VM's offload key, /etc/vbmc/NAME/offload_ed25519,
    /// and whose store URI names the VM's ssh alias vbmc-NAME: both come from the install layout,
    /// so no line a person wrote can be taken for a VM's.
    /// </summary>
    public static string FillHostKeys(string compiled, IReadOnlyList<ManifestVm> vms, Func<string, string?> hostPublicKey)
    {
        var lines = compiled.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith('#')) continue;
            var fields = line.Split(' ');
            if (fields.Length != 8) continue;
            var vm = vms.FirstOrDefault(v => fields[2] == InstallLayout.OffloadKey(v.Name) && ReachesVm(fields[0], v));
            if (vm is null || hostPublicKey(vm.Name) is not { } key) continue;
            fields[7] = Convert.ToBase64String(Utf8.GetBytes(key.Trim()));
            lines[i] = string.Join(' ', fields);
        }
        return string.Join('\n', lines);
    }

    private static bool ReachesVm(string storeUri, ManifestVm vm)
    {
        var at = storeUri.LastIndexOf('@');
        if (!storeUri.StartsWith("ssh", StringComparison.Ordinal) || at < 0) return false;
        var authority = storeUri[(at + 1)..];
        return authority == InstallLayout.SshHostAlias(vm.Name);
    }
}
