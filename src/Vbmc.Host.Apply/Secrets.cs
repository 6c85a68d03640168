using Vbmc.Diagnostics;
using Vbmc.Lowering;
using Vbmc.Processes;
using static Vbmc.Lowering.SecretsDrive;

namespace Vbmc.Host.Apply;

/// <summary>
/// A VM's secrets, made by apply on the host (never by compile, never inside a generation), kept
/// across applies and rollbacks, and never deleted by vbmc (a VM removed from the configuration
/// keeps its folder: adding it back keeps its keys, so machine files and ACLs stay valid):
/// <code>
/// /etc/vbmc/NAME/                      root:root 0755 (every private file has its own mode)
///   ssh_host_ed25519_key(.pub)         guest's SSH host key     build-vm-NAME 0600 / 0644
///   offload_ed25519(.pub)              key the daemons log in with   root 0600 / 0644, or
///                                      guix-daemon:root where Guix's daemon runs unprivileged
///   guix-signing-key.sec(.pub)         the guest guix-daemon's signing key (VMs that run it)
///                                                               root 0600 / 0644
///   secrets.tar                        the secrets drive        build-vm-NAME 0600
/// </code>
/// Keys come from ssh-keygen (-N '' is an empty passphrase, the only value on its command line;
/// keys are files). The drive holds the host key pair, the offload public key as the guest's
/// authorized_keys and, for a guest that runs guix-daemon, its signing key pair and its
/// /etc/guix/acl, which authorizes the host daemon's /etc/guix/signing-key.pub when the host has
/// one (so the guest imports what guix offload sends). The host's own /etc/guix/acl gets the
/// guest's public signing key when the host has Guix (an ACL or /var/guix), so that the host
/// imports the results.
/// Debian's guix-daemon runs as the unprivileged account guix-daemon and runs guix offload as
/// that account: it must read the offload key, hence its owner (<see cref="OffloadKeyOwner"/>).
/// </summary>
internal static class Secrets
{
    private const string NewPrefix = ".new-";

    /// <summary>The account Debian's (and Guix's own unprivileged) guix-daemon runs as.</summary>
    public const string GuixDaemonAccount = "guix-daemon";

    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Public = Private | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                                        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
                                        | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    /// <summary>Whether the VM's guest runs guix-daemon (a manifest without daemons, from before they were listed: yes).</summary>
    public static bool ServesGuix(ManifestVm vm) =>
        vm.DaemonSockets is not { } sockets || sockets.Contains(Vbmc.Services.Checks.GuestDaemons.GuixSocket);

    /// <summary>What apply would make or change for these VMs (keys, modes, the drive, ACL entries), for --dry-run and "nothing to do".</summary>
    public static IReadOnlyList<string> Missing(string root, IEnumerable<ManifestVm> vms)
    {
        var missing = new List<string>();
        var offloadOwner = OffloadKeyOwner(root);
        foreach (var vm in vms)
        {
            var name = vm.Name;
            var keys = vm.Secrets;
            var hostKey = HostPaths.Under(root, keys.GuestHostKey);
            var offloadKey = HostPaths.Under(root, keys.OffloadKey);
            if (!RootFiles.FileExists(hostKey)) missing.Add(keys.GuestHostKey);
            else if (!RootFiles.FileExists(hostKey + ".pub")) missing.Add(keys.GuestHostKey + ".pub");
            else if (OwnerOf(root, keys.GuestHostKeyOwner) is { } owner && !HasOwnerAndMode(hostKey, owner.Uid, owner.Gid, Private))
                missing.Add($"{keys.GuestHostKey} (owned by {keys.GuestHostKeyOwner})");
            if (!RootFiles.FileExists(offloadKey)) missing.Add(keys.OffloadKey);
            else
            {
                if (!RootFiles.FileExists(offloadKey + ".pub")) missing.Add(keys.OffloadKey + ".pub");
                if (!HasOwnerAndMode(offloadKey, offloadOwner, 0, Private))
                    missing.Add(keys.OffloadKey + OwnerNote(offloadOwner));
            }
            if (ServesGuix(vm))
            {
                var signing = HostPaths.Under(root, InstallLayout.GuixSigningKey(name));
                var signingPublic = HostPaths.Under(root, InstallLayout.GuixSigningPublicKey(name));
                if (!RootFiles.FileExists(signing) || !RootFiles.FileExists(signingPublic)) missing.Add(InstallLayout.GuixSigningKey(name));
                else if (HostAclLacks(root, signingPublic)) missing.Add($"{GuixAcl.HostFile} (authorize {InstallLayout.GuixSigningPublicKey(name)})");
            }
            if (DriveBytes(root, vm) is not { } drive || !SameBytes(HostPaths.Under(root, InstallLayout.SecretsDrive(name)), drive))
                missing.Add(InstallLayout.SecretsDrive(name));
            if (KnownHostsBytes(root, vm) is not { } knownHosts || !SameBytes(HostPaths.Under(root, InstallLayout.KnownHosts(name)), knownHosts))
                missing.Add(InstallLayout.KnownHosts(name));
        }
        return missing;
    }

    /// <summary>The guest host public key line of a VM, or null when not made yet.</summary>
    public static string? HostPublicKey(string root, ManifestVm vm)
    {
        var path = HostPaths.Under(root, vm.Secrets.GuestHostKey + ".pub");
        return RootFiles.FileExists(path) ? RootFiles.ReadAllText(path).Trim() : null;
    }

    /// <summary>Makes what is missing; returns what it made. The VM's account must exist (accounts step).</summary>
    public static IReadOnlyList<string> Make(string root, IEnumerable<ManifestVm> vms)
    {
        var made = new List<string>();
        var offloadOwner = OffloadKeyOwner(root);
        foreach (var vm in vms)
        {
            var name = vm.Name;
            var account = InstallLayout.AccountName(name);
            var (uid, gid) = Accounts.User(root, account) ?? throw new ApplyException(DiagnosticIds.ApplyFailed,
                HostPaths.Under(root, "/etc/passwd"), $"the account {account} does not exist after systemd-sysusers");
            var folder = HostPaths.Under(root, InstallLayout.SecretDirectory(name));
            RootFiles.CreateFolder(folder);
            RootFiles.SetOwnerAndMode(folder, (0, 0), Folder);
            RemoveLeftovers(folder);

            var keys = vm.Secrets;
            var (hostKeyUid, hostKeyGid) = keys.GuestHostKeyOwner == account ? (uid, gid) : (0u, 0u);
            if (MakeKeyPair(root, keys.GuestHostKey, $"vbmc-{name}-host", hostKeyUid, hostKeyGid, Private)) made.Add(keys.GuestHostKey);
            if (RepairOwnerAndMode(root, keys.GuestHostKey, hostKeyUid, hostKeyGid))
                made.Add($"{keys.GuestHostKey} (owned by {keys.GuestHostKeyOwner})");
            if (MakeKeyPair(root, keys.OffloadKey, $"vbmc-{name}-offload", offloadOwner, 0, Private))
                made.Add(keys.OffloadKey);
            if (RepairOwnerAndMode(root, keys.OffloadKey, offloadOwner, 0))
                made.Add(keys.OffloadKey + OwnerNote(offloadOwner));
            if (ServesGuix(vm))
            {
                if (MakeGuixSigningKey(root, name)) made.Add(InstallLayout.GuixSigningKey(name));
                if (AuthorizeOnHost(root, HostPaths.Under(root, InstallLayout.GuixSigningPublicKey(name))))
                    made.Add($"{GuixAcl.HostFile} (authorized {InstallLayout.GuixSigningPublicKey(name)})");
            }

            var drive = DriveBytes(root, vm)!;
            var drivePath = HostPaths.Under(root, InstallLayout.SecretsDrive(name));
            if (!SameBytes(drivePath, drive))
            {
                WriteSecretFile(drivePath, drive, Private, uid, gid);
                made.Add(InstallLayout.SecretsDrive(name));
            }
            var knownHosts = KnownHostsBytes(root, vm)!;
            var knownHostsPath = HostPaths.Under(root, InstallLayout.KnownHosts(name));
            if (!SameBytes(knownHostsPath, knownHosts))
            {
                WriteSecretFile(knownHostsPath, knownHosts, Public, 0, 0);
                made.Add(InstallLayout.KnownHosts(name));
            }
        }
        return made;
    }

    /// <summary>
    /// Gives a private key that exists the owner and mode it must have (an earlier apply may have
    /// made it for another owner, e.g. root before guix-daemon's account existed); true when it changed.
    /// </summary>
    private static bool RepairOwnerAndMode(string root, string hostPath, uint uid, uint gid)
    {
        var key = HostPaths.Under(root, hostPath);
        if (HasOwnerAndMode(key, uid, gid, Private)) return false;
        RootFiles.SetOwnerAndMode(key, (uid, gid), Private);
        return true;
    }

    /// <summary>Removes half-made files of an interrupted apply (temporary names in the VM's folder).</summary>
    public static void RemoveLeftovers(string folder)
    {
        // Every kind of entry: a link (to a folder too) or a folder planted under a temporary
        // name would otherwise stop ssh-keygen at every later apply.
        foreach (var entry in RootFiles.Entries(folder, NewPrefix + "*")) Recovery.DeleteTree(entry);
    }

    /// <summary>The drive's bytes from the keys on disk; null while a key is missing.</summary>
    private static byte[]? DriveBytes(string root, ManifestVm vm)
    {
        string? Read(string hostPath) =>
            RootFiles.FileExists(HostPaths.Under(root, hostPath)) ? RootFiles.ReadAllText(HostPaths.Under(root, hostPath)) : null;
        var name = vm.Name;
        var keys = vm.Secrets;
        if (Read(keys.GuestHostKey) is not { } hostPrivate
            || Read(keys.GuestHostKey + ".pub") is not { } hostPublic
            || Read(keys.OffloadKey + ".pub") is not { } offloadPublic) return null;
        GuestGuix? guix = null;
        if (ServesGuix(vm))
        {
            if (Read(InstallLayout.GuixSigningKey(name)) is not { } signingSecret
                || Read(InstallLayout.GuixSigningPublicKey(name)) is not { } signingPublic) return null;
            var hostDaemonKey = Read(HostPaths.GuixSigningKey);
            guix = new GuestGuix(signingPublic, signingSecret, GuixAcl.Of(hostDaemonKey is null ? [] : [hostDaemonKey]));
        }
        using var stream = new MemoryStream();
        SecretsDrive.Write(stream, hostPrivate, hostPublic, authorizedKeys: offloadPublic, guix);
        return stream.ToArray();
    }

    /// <summary>The guest daemon's signing pair, made by ssh-keygen and written in Guix's format; false when it exists.</summary>
    private static bool MakeGuixSigningKey(string root, string vm)
    {
        var secret = HostPaths.Under(root, InstallLayout.GuixSigningKey(vm));
        var pub = HostPaths.Under(root, InstallLayout.GuixSigningPublicKey(vm));
        if (RootFiles.FileExists(secret) && RootFiles.FileExists(pub)) return false;
        var folder = Path.GetDirectoryName(secret)!;
        var temporary = Path.Join(folder, NewPrefix + "guix-ssh-key");
        GenerationStore.DeleteIfPresent(temporary);
        GenerationStore.DeleteIfPresent(temporary + ".pub");
        try
        {
            var sshKeygen = ApplyPrograms.Require(HostProgram.SshKeygen);
            RootFiles.At(temporary, file => ApplyPrograms.RunChecked(HostProgram.SshKeygen, sshKeygen,
                ["-q", "-t", "ed25519", "-N", "", "-C", $"vbmc-{vm}-guix", "-f", file], "ssh-keygen"));
            GuixSigningKey key;
            try
            {
                key = GuixSigningKey.FromOpenSshPrivateKey(RootFiles.ReadAllText(temporary));
            }
            catch (FormatException e)
            {
                throw new ApplyException(DiagnosticIds.ApplyFailed, temporary, $"ssh-keygen wrote a key vbmc cannot read: {e.Message}");
            }
            WriteSecretFile(pub, System.Text.Encoding.ASCII.GetBytes(key.PublicText), Public, 0, 0);
            WriteSecretFile(secret, System.Text.Encoding.ASCII.GetBytes(key.SecretText), Private, 0, 0);
            return true;
        }
        finally
        {
            GenerationStore.DeleteIfPresent(temporary);
            GenerationStore.DeleteIfPresent(temporary + ".pub");
        }
    }

    /// <summary>
    /// Whether the host has a guix-daemon (its ACL, or its state folder /var/guix: not /etc/guix,
    /// where vbmc itself installs machines.scm) and its ACL lacks the key of <paramref name="publicKeyFile"/>.
    /// </summary>
    private static bool HostAclLacks(string root, string publicKeyFile)
    {
        var hasGuix = RootFiles.FileExists(HostPaths.Under(root, GuixAcl.HostFile)) || RootFiles.FolderExists(HostPaths.Under(root, "/var/guix"));
        if (!hasGuix || !RootFiles.FileExists(publicKeyFile)) return false;
        if (GuixSigningKey.PointOf(RootFiles.ReadAllText(publicKeyFile)) is not { } point) return false;
        var acl = HostPaths.Under(root, GuixAcl.HostFile);
        return !RootFiles.FileExists(acl) || !GuixAcl.Authorizes(RootFiles.ReadAllText(acl), point);
    }

    /// <summary>
    /// Adds the key to the host's /etc/guix/acl when the host has Guix and lacks it, keeping the
    /// file's owner and mode (a new file: root 0644, as guix writes it); true when it changed.
    /// </summary>
    private static bool AuthorizeOnHost(string root, string publicKeyFile)
    {
        if (!HostAclLacks(root, publicKeyFile)) return false;
        var acl = HostPaths.Under(root, GuixAcl.HostFile);
        var existing = RootFiles.FileExists(acl) ? RootFiles.ReadAllText(acl) : null;
        string text;
        try
        {
            text = GuixAcl.Add(existing, RootFiles.ReadAllText(publicKeyFile));
        }
        catch (FormatException e)
        {
            throw new ApplyException(DiagnosticIds.ApplyFailed, acl,
                $"cannot add the guest's signing key to {GuixAcl.HostFile}: {e.Message}; authorize {publicKeyFile} with 'guix archive --authorize'");
        }
        var mode = existing is null ? Public : RootFiles.Mode(acl);
        var (uid, gid) = existing is null ? (0u, 0u) : RootFiles.Owner(acl) ?? (0u, 0u);
        WriteSecretFile(acl, System.Text.Encoding.UTF8.GetBytes(text), mode, uid, gid);
        return true;
    }

    private static bool HasOwnerAndMode(string path, uint uid, uint gid, UnixFileMode mode) =>
        RootFiles.FileExists(path) && RootFiles.Owner(path) is var (u, g) && u == uid && g == gid && RootFiles.Mode(path) == mode;

    /// <summary>
    /// Who owns the offload key: the guix-daemon account where the host has one (Debian's
    /// unprivileged daemon runs guix offload as that account), else root. Root reads it anyway,
    /// and OpenSSH refuses a key that is readable by others than its owner only when the owner is
    /// the user running ssh: a key of guix-daemon's, mode 0600, serves nix-daemon's ssh (root) too,
    /// where one readable by a group would not.
    /// </summary>
    private static uint OffloadKeyOwner(string root) => Accounts.User(root, GuixDaemonAccount)?.Uid ?? 0;

    /// <summary>An account's ids (root's without reading passwd); null when it does not exist yet.</summary>
    private static (uint Uid, uint Gid)? OwnerOf(string root, string account) =>
        account == "root" ? (0u, 0u) : Accounts.User(root, account) is { } ids ? (ids.Uid, ids.Gid) : null;

    private static string OwnerNote(uint owner) => owner == 0 ? " (root's)" : $" (owned by {GuixDaemonAccount}, which runs guix offload)";

    /// <summary>
    /// Makes the pair with ssh-keygen under temporary names, sets owners and modes, then renames
    /// the public key and the private key into place: a kill leaves either no key or both.
    /// </summary>
    private static bool MakeKeyPair(string root, string hostPath, string comment, uint uid, uint gid, UnixFileMode privateMode)
    {
        var key = HostPaths.Under(root, hostPath);
        var sshKeygen = ApplyPrograms.Require(HostProgram.SshKeygen);
        if (RootFiles.FileExists(key))
        {
            if (RootFiles.FileExists(key + ".pub")) return false;
            // The public half can always be derived again from the private key.
            var derived = RootFiles.At(key, file => ApplyPrograms.RunChecked(HostProgram.SshKeygen, sshKeygen, ["-y", "-f", file], "ssh-keygen -y")).Stdout;
            WriteSecretFile(key + ".pub", System.Text.Encoding.UTF8.GetBytes(derived.Trim() + "\n"), Public, uid, gid);
            return true;
        }
        var temporary = Path.Join(Path.GetDirectoryName(key)!, NewPrefix + Path.GetFileName(key));
        RootFiles.At(temporary, file =>
            ApplyPrograms.RunChecked(HostProgram.SshKeygen, sshKeygen, ["-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", file], "ssh-keygen"));
        foreach (var (file, mode) in new[] { (temporary, privateMode), (temporary + ".pub", Public) })
            RootFiles.SetOwnerAndMode(file, (uid, gid), mode);
        RootFiles.Rename(temporary + ".pub", key + ".pub");
        RootFiles.Rename(temporary, key);
        RootFiles.SyncFolder(Path.GetDirectoryName(key)!);
        return true;
    }

    private static void WriteSecretFile(string path, byte[] bytes, UnixFileMode mode, uint uid, uint gid)
    {
        var temporary = Path.Join(Path.GetDirectoryName(path)!, NewPrefix + Path.GetFileName(path));
        GenerationStore.DeleteIfPresent(temporary);
        // Created with its final mode, so that the content is never readable by others, even briefly.
        using (var stream = RootFiles.CreateNew(temporary, mode))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }
        RootFiles.SetOwnerAndMode(temporary, (uid, gid), mode);
        RootFiles.Rename(temporary, path);
        RootFiles.SyncFolder(Path.GetDirectoryName(path)!);
    }

    /// <summary>
    /// The VM's known_hosts: its host key under its ssh alias (the HostKeyAlias of
    /// /etc/ssh/ssh_config.d/vbmc.conf), for ssh clients that use the alias; null before the key exists.
    /// </summary>
    private static byte[]? KnownHostsBytes(string root, ManifestVm vm) =>
        HostPublicKey(root, vm) is { } key ? System.Text.Encoding.UTF8.GetBytes($"{InstallLayout.SshHostAlias(vm.Name)} {key}\n") : null;

    private static bool SameBytes(string path, byte[] bytes) =>
        RootFiles.Kind(path) is (UnixFileKind.File, var size) && size == bytes.Length && RootFiles.ReadAllBytes(path).AsSpan().SequenceEqual(bytes);
}
