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
    /// nix/machines as installed: the person's text (if any), then vbmc's lines from the
    /// manifest's intents, each VM's with its base64 host key filled in from its public key line
    /// (a VM whose key is not there yet keeps <c>-</c>: ssh then uses root's known_hosts).
    /// </summary>
    public static string Nix(IReadOnlyList<ManifestNixMachine> machines, string sourceSha256, Func<string, string?> hostPublicKey, string? personText)
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
        text.Append(ManifestNixMachine.Header(sourceSha256));
        foreach (var machine in machines)
        {
            var key = machine.HostKeyOf is { } vm ? hostPublicKey(vm) : null;
            text.Append(machine.Line(key is { Length: > 0 } && !key.Trim().Contains('\n') ? key : null)).Append('\n');
        }
        return text.ToString();
    }
}
