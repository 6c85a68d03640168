using Vbmc.Diagnostics;
using Vbmc.Lowering;

namespace Vbmc.Host.Apply;

/// <summary>
/// A VM's secrets, made by apply on the host (never by compile, never inside a generation), kept
/// across applies and rollbacks, and never deleted by vbmc (a VM removed from the configuration
/// keeps its folder: adding it back keeps its host key, so machine files stay valid):
/// <code>
/// /etc/vbmc/NAME/                      root:build-vm-NAME 0750
///   ssh_host_ed25519_key(.pub)         guest's host key      build-vm-NAME 0600 / 0644
///   offload_ed25519(.pub)              key guix offload uses root 0600 / 0644
///   secrets.tar                        the secrets drive     build-vm-NAME 0600
/// </code>
/// Keys come from ssh-keygen (-N '' is an empty passphrase, the only value on its command line;
/// keys are files). The drive holds the host key pair, the offload public key as the guest's
/// authorized_keys and, when the host has one, guix-daemon's /etc/guix/signing-key.pub (the guest
/// daemon must authorize it to import what guix offload sends). vbmc makes no signing key:
/// guix-daemon makes its own pair (`guix archive --generate-key`).
/// </summary>
internal static class Secrets
{
    private const string NewPrefix = ".new-";

    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Public = Private | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                                        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute;

    /// <summary>What apply would make for these VMs (missing keys, a drive to write), for --dry-run and "nothing to do".</summary>
    public static IReadOnlyList<string> Missing(string root, IEnumerable<string> vms)
    {
        var missing = new List<string>();
        foreach (var vm in vms)
        {
            var hostKey = HostPaths.Under(root, InstallLayout.GuestHostKey(vm));
            var offloadKey = HostPaths.Under(root, InstallLayout.OffloadKey(vm));
            if (!File.Exists(hostKey)) missing.Add(InstallLayout.GuestHostKey(vm));
            else if (!File.Exists(hostKey + ".pub")) missing.Add(InstallLayout.GuestHostPublicKey(vm));
            if (!File.Exists(offloadKey)) missing.Add(InstallLayout.OffloadKey(vm));
            else if (!File.Exists(offloadKey + ".pub")) missing.Add(InstallLayout.OffloadPublicKey(vm));
            if (DriveBytes(root, vm) is not { } drive || !SameBytes(HostPaths.Under(root, InstallLayout.SecretsDrive(vm)), drive))
                missing.Add(InstallLayout.SecretsDrive(vm));
        }
        return missing;
    }

    /// <summary>The guest host public key line of a VM, or null when not made yet.</summary>
    public static string? HostPublicKey(string root, string vm)
    {
        var path = HostPaths.Under(root, InstallLayout.GuestHostPublicKey(vm));
        return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }

    /// <summary>Makes what is missing; returns what it made. The VM's account must exist (accounts step).</summary>
    public static IReadOnlyList<string> Make(string root, IEnumerable<string> vms)
    {
        var made = new List<string>();
        foreach (var vm in vms)
        {
            var account = InstallLayout.AccountName(vm);
            var (uid, gid) = Accounts.User(root, account) ?? throw new ApplyException(DiagnosticIds.ApplyFailed,
                HostPaths.Under(root, "/etc/passwd"), $"the account {account} does not exist after systemd-sysusers");
            var folder = HostPaths.Under(root, InstallLayout.SecretDirectory(vm));
            Directory.CreateDirectory(folder);
            Posix.Chown(folder, 0, gid);
            File.SetUnixFileMode(folder, Folder);
            RemoveLeftovers(folder);

            if (MakeKeyPair(root, InstallLayout.GuestHostKey(vm), $"vbmc-{vm}-host", uid, gid)) made.Add(InstallLayout.GuestHostKey(vm));
            if (MakeKeyPair(root, InstallLayout.OffloadKey(vm), $"vbmc-{vm}-offload", 0, 0)) made.Add(InstallLayout.OffloadKey(vm));

            var drive = DriveBytes(root, vm)!;
            var drivePath = HostPaths.Under(root, InstallLayout.SecretsDrive(vm));
            if (!SameBytes(drivePath, drive))
            {
                WriteSecretFile(drivePath, drive, Private, uid, gid);
                made.Add(InstallLayout.SecretsDrive(vm));
            }
        }
        return made;
    }

    /// <summary>Removes half-made files of an interrupted apply (temporary names in the VM's folder).</summary>
    public static void RemoveLeftovers(string folder)
    {
        if (!Directory.Exists(folder)) return;
        foreach (var file in Directory.EnumerateFiles(folder, NewPrefix + "*")) File.Delete(file);
    }

    /// <summary>The drive's bytes from the keys on disk; null while a key is missing.</summary>
    private static byte[]? DriveBytes(string root, string vm)
    {
        string? Read(string hostPath) =>
            File.Exists(HostPaths.Under(root, hostPath)) ? File.ReadAllText(HostPaths.Under(root, hostPath)) : null;
        if (Read(InstallLayout.GuestHostKey(vm)) is not { } hostPrivate
            || Read(InstallLayout.GuestHostPublicKey(vm)) is not { } hostPublic
            || Read(InstallLayout.OffloadPublicKey(vm)) is not { } offloadPublic) return null;
        using var stream = new MemoryStream();
        SecretsDrive.Write(stream, hostPrivate, hostPublic, authorizedKeys: offloadPublic, guixSigningKey: Read(HostPaths.GuixSigningKey));
        return stream.ToArray();
    }

    /// <summary>
    /// Makes the pair with ssh-keygen under temporary names, sets owners and modes, then renames
    /// the public key and the private key into place: a kill leaves either no key or both.
    /// </summary>
    private static bool MakeKeyPair(string root, string hostPath, string comment, uint uid, uint gid)
    {
        var key = HostPaths.Under(root, hostPath);
        var sshKeygen = HostTool.Require("ssh-keygen", "openssh-client");
        if (File.Exists(key))
        {
            if (File.Exists(key + ".pub")) return false;
            // The public half can always be derived again from the private key.
            var derived = HostTool.RunChecked(sshKeygen, ["-y", "-f", key], "ssh-keygen -y").Stdout;
            WriteSecretFile(key + ".pub", System.Text.Encoding.UTF8.GetBytes(derived.Trim() + "\n"), Public, uid, gid);
            return true;
        }
        var temporary = Path.Join(Path.GetDirectoryName(key)!, NewPrefix + Path.GetFileName(key));
        HostTool.RunChecked(sshKeygen, ["-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", temporary], "ssh-keygen");
        foreach (var (file, mode) in new[] { (temporary, Private), (temporary + ".pub", Public) })
        {
            Posix.Chown(file, uid, gid);
            File.SetUnixFileMode(file, mode);
        }
        Posix.Rename(temporary + ".pub", key + ".pub");
        Posix.Rename(temporary, key);
        Posix.SyncDirectory(Path.GetDirectoryName(key)!);
        return true;
    }

    private static void WriteSecretFile(string path, byte[] bytes, UnixFileMode mode, uint uid, uint gid)
    {
        var temporary = Path.Join(Path.GetDirectoryName(path)!, NewPrefix + Path.GetFileName(path));
        GenerationStore.DeleteIfPresent(temporary);
        // Created with its final mode, so that the content is never readable by others, even briefly.
        using (var stream = new FileStream(temporary, new FileStreamOptions
               {
                   Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = mode,
               }))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }
        Posix.Chown(temporary, uid, gid);
        File.SetUnixFileMode(temporary, mode);
        Posix.Rename(temporary, path);
        Posix.SyncDirectory(Path.GetDirectoryName(path)!);
    }

    private static bool SameBytes(string path, byte[] bytes) =>
        File.Exists(path) && new FileInfo(path).Length == bytes.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes);
}
