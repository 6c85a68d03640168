using System.Formats.Tar;

namespace Vbmc.Lowering;

/// <summary>
/// The secrets drive: how a VM's keys reach its guest without any network port. A plain tar
/// archive (POSIX ustar/pax, written by System.Formats.Tar), kept on the host at
/// <see cref="InstallLayout.SecretsDrive"/> (readable by root and the VM's account only), attached
/// read-only as a virtio disk whose serial is <see cref="InstallLayout.SecretsDriveSerial"/>; the
/// guest reads it from /dev/disk/by-id/virtio-vbmc-secrets before sshd starts. Entries, in order:
/// <list type="bullet">
/// <item><c>ssh_host_ed25519_key</c> (0600): the guest's SSH host key;</item>
/// <item><c>ssh_host_ed25519_key.pub</c> (0644);</item>
/// <item><c>authorized_keys</c> (0644): the public keys allowed to log in as the offloading account;</item>
/// <item>for a guest that runs guix-daemon: <c>guix-signing-key.pub</c> (0644) and
/// <c>guix-signing-key.sec</c> (0600), the guest daemon's own signing key, and <c>guix-acl</c>
/// (0644), the guest's /etc/guix/acl (it authorizes the host daemon's key when the host has one).</item>
/// </list>
/// Timestamps are 0 and owners root, so that the same keys give the same bytes.
/// </summary>
public static class SecretsDrive
{
    public const string HostKeyEntry = "ssh_host_ed25519_key";
    public const string HostPublicKeyEntry = "ssh_host_ed25519_key.pub";
    public const string AuthorizedKeysEntry = "authorized_keys";
    public const string GuixSigningPublicKeyEntry = "guix-signing-key.pub";
    public const string GuixSigningKeyEntry = "guix-signing-key.sec";
    public const string GuixAclEntry = "guix-acl";

    /// <summary>What a guest that runs guix-daemon receives: its signing key pair and its ACL (Guix's file formats).</summary>
    public sealed record GuestGuix(string SigningPublicKey, string SigningKey, string Acl);

    /// <summary>Writes the archive. Text is written as UTF-8 exactly as given (keys end with a newline).</summary>
    public static void Write(Stream output, string hostPrivateKey, string hostPublicKey, string authorizedKeys, GuestGuix? guix = null)
    {
        using var writer = new TarWriter(output, TarEntryFormat.Ustar, leaveOpen: true);
        Add(writer, HostKeyEntry, hostPrivateKey, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Add(writer, HostPublicKeyEntry, hostPublicKey, Public);
        Add(writer, AuthorizedKeysEntry, authorizedKeys, Public);
        if (guix is null) return;
        Add(writer, GuixSigningPublicKeyEntry, guix.SigningPublicKey, Public);
        Add(writer, GuixSigningKeyEntry, guix.SigningKey, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Add(writer, GuixAclEntry, guix.Acl, Public);
    }

    /// <summary>Reads the entries back (name → text), for apply's checks and the tests.</summary>
    public static IReadOnlyDictionary<string, string> Read(Stream input)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = new TarReader(input, leaveOpen: true);
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.DataStream is null) continue;
            using var text = new StreamReader(entry.DataStream, new System.Text.UTF8Encoding(false));
            entries[entry.Name] = text.ReadToEnd();
        }
        return entries;
    }

    private const UnixFileMode Public = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private static void Add(TarWriter writer, string name, string text, UnixFileMode mode)
    {
        var entry = new UstarTarEntry(TarEntryType.RegularFile, name)
        {
            Mode = mode,
            ModificationTime = DateTimeOffset.UnixEpoch,
            Uid = 0,
            Gid = 0,
            UserName = "root",
            GroupName = "root",
            DataStream = new MemoryStream(new System.Text.UTF8Encoding(false).GetBytes(text)),
        };
        writer.WriteEntry(entry);
    }
}
