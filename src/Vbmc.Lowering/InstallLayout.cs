namespace Vbmc.Lowering;

/// <summary>
/// Where each artifact of a virtual build machine lives on an installed host (what
/// <c>vbmc apply</c> writes under its root, what units and machine files name) and in the folder
/// <c>vbmc compile</c> writes. One place, so that compile, the image, apply and test agree.
/// </summary>
/// <remarks>
/// Installed host:
/// <code>
/// /var/lib/vbmc/NAME/                 root:root 0755   run-NAME.sh, the image, kernel, initrd,
///                                     libvirt.xml (the libvirt domain), accounts.json
/// /var/lib/vbmc/NAME/run/             build-vm-NAME 0755  qemu.pid (QEMU's -pidfile, 0644: guix
///                                     offload reads it, as the unprivileged guix-daemon account),
///                                     console.sock (the guest's root console, 0700: vbmc console)
/// /etc/vbmc/NAME/                     root:root 0755 (each private file has its own mode)
///   ssh_host_ed25519_key(.pub)        the guest's host key pair      (build-vm-NAME 0600 / 0644)
///   offload_ed25519(.pub)             the key the daemons log in with (root 0600, or owned by
///                                     guix-daemon where Guix's daemon runs unprivileged / 0644)
///   guix-signing-key.sec(.pub)        the guest guix-daemon's signing key (root 0600 / 0644)
///   secrets.tar                       the secrets drive given to the guest (build-vm-NAME 0600)
///   known_hosts                       "vbmc-NAME KEY": the host key under the ssh alias (0644)
/// /etc/ssh/ssh_config.d/vbmc.conf     root's ssh alias vbmc-NAME of each VM (host, port, key)
/// /var/log/vbmc/NAME.log              serial console log under Shepherd
/// </code>
/// Compile folder (flat, so that run-NAME.sh finds the image beside itself in both places):
/// <code>
/// run-NAME.sh  NAME.qcow2|NAME.img  NAME.vmlinuz  NAME.initrd
/// systemd/NAME.service  sysusers.d/vbmc-NAME.conf  sysusers.d/vbmc.conf  tmpfiles.d/vbmc-NAME.conf
/// shepherd/NAME.scm  accounts/NAME.json  libvirt/NAME.xml  machines.scm  nix/machines  ssh/vbmc.conf  manifest.json
/// </code>
/// </remarks>
public static class InstallLayout
{
    public const string StateRoot = "/var/lib/vbmc";
    public const string SecretRoot = "/etc/vbmc";
    public const string LogRoot = "/var/log/vbmc";
    public const string ShepherdDirectory = "/etc/vbmc/shepherd";
    public const string GenerationsRoot = "/var/lib/vbmc/generations";
    public const string GuixMachinesFile = "/etc/guix/machines.scm";
    public const string NixMachinesFile = "/etc/nix/machines";
    /// <summary>root's ssh_config for the VMs (Debian's /etc/ssh/ssh_config includes ssh_config.d/*.conf).</summary>
    public const string SshConfigFile = "/etc/ssh/ssh_config.d/vbmc.conf";
    public const string AccountPrefix = Vbmc.Services.VmNames.AccountPrefix;

    /// <summary>The stable serial of the secrets drive: the guest finds it at /dev/disk/by-id/virtio-vbmc-secrets.</summary>
    public const string SecretsDriveSerial = "vbmc-secrets";

    /// <summary>The guest's account builds are offloaded to (upstream: "offloading").</summary>
    public const string GuestOffloadUser = "offload";

    public static string StateDirectory(string vm) => $"{StateRoot}/{vm}";
    public static string RuntimeDirectory(string vm) => $"{StateRoot}/{vm}/run";
    public static string PidFile(string vm) => $"{StateRoot}/{vm}/run/qemu.pid";
    /// <summary>
    /// The socket of the guest's second serial port, where a root shell waits (vbmc console): in
    /// the run folder, which only the VM's account writes; the script's umask 077 makes it 0700 (connecting needs write permission).
    /// </summary>
    public static string ConsoleSocket(string vm) => $"{StateRoot}/{vm}/run/console.sock";
    public static string SecretDirectory(string vm) => $"{SecretRoot}/{vm}";
    public static string GuestHostKey(string vm) => $"{SecretRoot}/{vm}/ssh_host_ed25519_key";
    public static string GuestHostPublicKey(string vm) => GuestHostKey(vm) + ".pub";
    public static string OffloadKey(string vm) => $"{SecretRoot}/{vm}/offload_ed25519";
    public static string OffloadPublicKey(string vm) => OffloadKey(vm) + ".pub";
    public static string GuixSigningKey(string vm) => $"{SecretRoot}/{vm}/guix-signing-key.sec";
    public static string GuixSigningPublicKey(string vm) => $"{SecretRoot}/{vm}/guix-signing-key.pub";
    public static string SecretsDrive(string vm) => $"{SecretRoot}/{vm}/secrets.tar";
    /// <summary>The guest's host key under <see cref="SshHostAlias"/>, for ssh clients that use the alias (apply writes it).</summary>
    public static string KnownHosts(string vm) => $"{SecretRoot}/{vm}/known_hosts";
    /// <summary>The ssh host name of a VM in <see cref="SshConfigFile"/>: what nix/machines names.</summary>
    public static string SshHostAlias(string vm) => $"vbmc-{vm}";
    public static string SerialLog(string vm) => $"{LogRoot}/{vm}.log";
    /// <summary>The folder of the VM's persistent store disk: the VM's account's, never part of a generation.</summary>
    public static string StoreDiskDirectory(string vm) => $"{StateRoot}/{vm}/store";
    public static string StoreDisk(string vm) => $"{StateRoot}/{vm}/store/store.qcow2";
    /// <summary>The serial the guest finds the store disk by (/sys/block/vdX/serial).</summary>
    public const string StoreDiskSerial = "vbmc-store";
    public static string AccountName(string vm) => AccountPrefix + vm;

    // File names inside the compile folder (and inside StateDirectory once installed).
    public static string ScriptFileName(string vm) => $"run-{vm}.sh";
    public static string KernelFileName(string vm) => $"{vm}.vmlinuz";
    public static string InitrdFileName(string vm) => $"{vm}.initrd";
    /// <summary>The unit's name once installed: prefixed, so that a VM named "ssh" never replaces the host's ssh.service.</summary>
    public static string SystemdUnitName(string vm) => $"vbmc-{vm}.service";
    public static string SystemdUnitPath(string vm) => $"systemd/{vm}.service";
    public static string SysusersPath(string vm) => $"sysusers.d/vbmc-{vm}.conf";
    public static string TmpfilesPath(string vm) => $"tmpfiles.d/vbmc-{vm}.conf";
    /// <summary>The configuration's own accounts (a VM's file is vbmc-NAME.conf: the two never meet).</summary>
    public const string ConfigurationSysusersPath = "sysusers.d/vbmc.conf";
    public static string ShepherdPath(string vm) => $"shepherd/{vm}.scm";
    public static string AccountsPath(string vm) => $"accounts/{vm}.json";
    /// <summary>The VM's libvirt domain in the compile folder; installed beside the image as <see cref="LibvirtDomainFileName"/>.</summary>
    public static string LibvirtDomainPath(string vm) => $"libvirt/{vm}.xml";
    public const string LibvirtDomainFileName = "libvirt.xml";
    /// <summary>The libvirt domain's name: prefixed, as the systemd unit's, so that it never takes a domain of the host's own.</summary>
    public static string LibvirtDomainName(string vm) => $"vbmc-{vm}";
    public const string GuixMachinesPath = "machines.scm";
    public const string NixMachinesPath = "nix/machines";
    public const string SshConfigPath = "ssh/vbmc.conf";
    public const string ManifestPath = "manifest.json";
}
