namespace Vbmc.Lowering;

/// <summary>
/// What a configuration lowers to: plain values, no Scheme objects, so that emitters, the image
/// builder and apply never run user code. Lists keep the configuration's order (determinism).
/// </summary>
/// <param name="SourcePath">The configuration file as given on the command line.</param>
/// <param name="SourceSha256">Lower-case hex sha256 of the configuration file's bytes.</param>
/// <param name="Vms">The virtual build machines, in service-list order.</param>
/// <param name="BuildMachines">
/// Every offload machine for the machine files: one per VM with an SSH forward (<see cref="BuildMachinePlan.Vm"/>
/// set), then the ones the configuration wrote itself (guix-configuration's build-machines, or a
/// machines file's list), in order.
/// </param>
public sealed record CompilePlan(
    string SourcePath,
    string SourceSha256,
    IReadOnlyList<VmPlan> Vms,
    IReadOnlyList<BuildMachinePlan> BuildMachines)
{
    /// <summary>The other files the evaluation read (load, include, user modules), absolute, in order.</summary>
    public IReadOnlyList<Vbmc.Evaluation.ReadFile> Inputs { get; init; } = [];

    /// <summary>Host accounts of the configuration's own services (not the VMs'): see AccountLowering.</summary>
    public HostAccounts Accounts { get; init; } = HostAccounts.None;
}

/// <summary>One virtual build machine, lowered.</summary>
public sealed record VmPlan
{
    /// <summary>The VM's name (a valid account-name suffix, checked by BuildVmNameCheck).</summary>
    public required string Name { get; init; }

    /// <summary>QEMU's program, from the first of <see cref="Systems"/>: qemu-system-x86_64, -i386, -aarch64...</summary>
    public required string QemuProgram { get; init; }

    /// <summary>The -cpu model (may carry QEMU feature flags after commas, as the user wrote it).</summary>
    public required string Cpu { get; init; }

    public required int CpuCount { get; init; }

    public required long MemoryMiB { get; init; }

    /// <summary>The configured date in UTC.</summary>
    public required DateTimeOffset Date { get; init; }

    /// <summary>The -rtc base value, YYYY-MM-DDTHH:MM:SS in UTC.</summary>
    public required string RtcBase { get; init; }

    public required IReadOnlyList<PortForward> PortForwardings { get; init; }

    /// <summary>The host port forwarded to the guest's port 22, if any.</summary>
    public int? SshHostPort => PortForwardings.FirstOrDefault(p => p.GuestPort == 22)?.HostPort;

    /// <summary>Guix system types the VM builds for, e.g. x86_64-linux.</summary>
    public required IReadOnlyList<string> Systems { get; init; }

    public required bool AutoStart { get; init; }

    /// <summary>Features the guest's daemons build (both machine files; the guest's nix.conf system-features).</summary>
    public IReadOnlyList<string> Features { get; init; } = [];

    /// <summary>Nix's mandatory features of the VM's entry (also in the guest's system-features).</summary>
    public IReadOnlyList<string> MandatoryFeatures { get; init; } = [];

    /// <summary>Whether guest processes may connect out of the VM (QEMU's user network without restrict=on).</summary>
    public bool NetworkAccess { get; init; }

    /// <summary>The size of the persistent disk that keeps the guest daemons' stores across starts; null: none (stores start empty).</summary>
    public long? StoreDiskBytes { get; init; }

    /// <summary>Where apply makes the store disk (when the VM has one).</summary>
    public string? StoreDisk => StoreDiskBytes is null ? null : InstallLayout.StoreDisk(Name);

    /// <summary>The guest daemons' substitute servers (none: builds run offline).</summary>
    public IReadOnlyList<string> SubstituteUrls { get; init; } = [];

    public required ImagePlan Image { get; init; }

    public required HostAccount Account { get; init; }

    public required GuestAccount Guest { get; init; }

    /// <summary>The keys apply makes for the VM (from the fold: its vbmc-secret records).</summary>
    public required VmSecrets Secrets { get; init; }

    /// <summary>
    /// The build daemons the guest runs (guix-daemon, nix-daemon: <see cref="Vbmc.Services.Checks.GuestDaemons"/>),
    /// from its image's base. They decide the machine files the VM is listed in.
    /// </summary>
    public IReadOnlyList<string> Daemons => Image.Base.Daemons;

    /// <summary>The sockets of <see cref="Daemons"/>, in that order: where offload and `vbmc test` reach them.</summary>
    public IReadOnlyList<string> DaemonSockets => Daemons.Select(Vbmc.Services.Checks.GuestDaemons.SocketOf).ToList();

    public bool ServesGuix => Daemons.Contains(Vbmc.Services.Checks.GuestDaemons.Guix);

    public bool ServesNix => Daemons.Contains(Vbmc.Services.Checks.GuestDaemons.Nix);

    /// <summary>Where the VM is written in the configuration, for diagnostics of later stages.</summary>
    public Vbmc.Diagnostics.SourceSpan Place { get; init; }

    // Installed paths (see InstallLayout).
    public string StateDirectory => InstallLayout.StateDirectory(Name);
    public string RuntimeDirectory => InstallLayout.RuntimeDirectory(Name);
    public string PidFile => InstallLayout.PidFile(Name);
    public string ConsoleSocket => InstallLayout.ConsoleSocket(Name);
    public string SecretDirectory => InstallLayout.SecretDirectory(Name);
    public string SecretsDrive => InstallLayout.SecretsDrive(Name);
    public string GuestHostKey => Secrets.GuestHostKey;
    public string GuestHostPublicKey => Secrets.GuestHostKey + ".pub";
    public string OffloadKey => Secrets.OffloadKey;
    public string OffloadPublicKey => Secrets.OffloadKey + ".pub";
    public string SerialLog => InstallLayout.SerialLog(Name);
    public string ScriptFileName => InstallLayout.ScriptFileName(Name);
    public string InstalledScript => $"{StateDirectory}/{ScriptFileName}";
    public string KernelFileName => InstallLayout.KernelFileName(Name);
    public string InitrdFileName => InstallLayout.InitrdFileName(Name);

    /// <summary>The VM's GNU Shepherd service (from the fold: the record its service gives shepherd-root).</summary>
    public required ShepherdServicePlan Shepherd { get; init; }

    /// <summary>The installed systemd unit's name (vbmc-NAME.service).</summary>
    public string SystemdUnitName => InstallLayout.SystemdUnitName(Name);

    /// <summary>The targets the systemd unit is enabled for ([Install] WantedBy=): multi-user.target when it starts at boot.</summary>
    public IReadOnlyList<string> WantedBy => AutoStart ? ["multi-user.target"] : [];

    /// <summary>
    /// The host folders the VM needs (tmpfiles.d makes them; apply checks them): open folders,
    /// since guix offload, run by an unprivileged guix-daemon account on hosts such as Debian,
    /// reads the pid file and the public host key; private files have their own modes.
    /// </summary>
    public IReadOnlyList<HostFolder> Folders =>
    [
        new(InstallLayout.StateRoot, HostFolder.Open, "root", "root"),
        new(StateDirectory, HostFolder.Open, "root", "root"),
        new(RuntimeDirectory, HostFolder.Open, Account.Name, Account.Group),
        new(InstallLayout.SecretRoot, HostFolder.Open, "root", "root"),
        new(SecretDirectory, HostFolder.Open, "root", "root"),
        new(InstallLayout.LogRoot, HostFolder.Open, "root", "root"),
        .. StoreDiskBytes is null ? [] : new[] { new HostFolder(InstallLayout.StoreDiskDirectory(Name), HostFolder.Private, Account.Name, Account.Group) },
    ];
}

/// <summary>A host folder a VM needs, with its mode and owner.</summary>
public sealed record HostFolder(string Path, int Mode, string User, string Group)
{
    public const int Open = 0b111_101_101; // 0755
    public const int Private = 0b111_000_000; // 0700
}

/// <summary>A QEMU user-network forward; vbmc always binds the host side to 127.0.0.1.</summary>
public sealed record PortForward(int HostPort, int GuestPort);

/// <summary>The host account the VM runs as: system account, own group, supplementary groups.</summary>
public sealed record HostAccount(
    string Name,
    string Group,
    IReadOnlyList<string> SupplementaryGroups,
    string Comment,
    string Home,
    string Shell);

/// <summary>A VM's keys as its service declares them (vbmc-secret records): where apply makes each pair, and who owns the host key.</summary>
/// <param name="GuestHostKey">The guest's SSH host key (private; the public one is PATH.pub).</param>
/// <param name="GuestHostKeyOwner">The VM's account, or root.</param>
/// <param name="OffloadKey">The key the build daemons log in to the guest with (root's, or guix-daemon's where that runs unprivileged).</param>
public sealed partial record VmSecrets(string GuestHostKey, string GuestHostKeyOwner, string OffloadKey)
{
    /// <summary>
    /// Whether apply may make a key pair at <paramref name="path"/> for the VM: a plain file name
    /// in its secrets folder, not a name of the files apply makes there itself.
    /// </summary>
    public static bool IsKeyPath(string path, string vm)
    {
        var folder = InstallLayout.SecretDirectory(vm) + "/";
        if (!path.StartsWith(folder, StringComparison.Ordinal)) return false;
        var file = path[folder.Length..];
        return KeyFileName().IsMatch(file) && !file.EndsWith(".pub", StringComparison.Ordinal)
               && file is not ("secrets.tar" or "known_hosts") && !file.StartsWith("guix-signing-key.", StringComparison.Ordinal);
    }

    /// <summary>Whether a manifest's keys are ones compile can write for the VM (apply checks a hand-edited manifest).</summary>
    public bool IsValidFor(string vm) =>
        IsKeyPath(GuestHostKey, vm) && IsKeyPath(OffloadKey, vm) && GuestHostKey != OffloadKey
        && (GuestHostKeyOwner is "root" || GuestHostKeyOwner == InstallLayout.AccountName(vm));

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9._-]{0,99}$")]
    private static partial System.Text.RegularExpressions.Regex KeyFileName();

    /// <summary>The keys of a VM whose manifest names none (written before vbmc took them from the fold): the paths vbmc used then.</summary>
    public static VmSecrets Standard(string vm) =>
        new(InstallLayout.GuestHostKey(vm), InstallLayout.AccountName(vm), InstallLayout.OffloadKey(vm));
}

/// <summary>
/// The guest's account builds are offloaded to. Its authorized key arrives on the secrets drive;
/// nothing about it is secret.
/// </summary>
public sealed record GuestAccount(
    string Name,
    int Uid,
    string Group,
    int Gid,
    string Home,
    string Shell,
    string Comment)
{
    /// <summary>The groups the account is in where the base has them (its duties: upstream's kvm, the Nix daemon's socket).</summary>
    public static readonly IReadOnlyList<string> DutyGroups = ["kvm", "nix-users"];

    /// <summary>Why the account cannot be written in the guest's colon-separated databases (passwd, group), or null.</summary>
    public string? Problem()
    {
        if (!Vbmc.Services.VmNames.IsAccountName(Name)) return $"'{Name}' is not a valid account name";
        if (!Vbmc.Services.VmNames.IsAccountName(Group)) return $"'{Group}' is not a valid group name";
        foreach (var (what, text) in new[] { ("comment", Comment), ("home", Home), ("shell", Shell) })
        {
            if (text.Any(c => c is ':' or '\n' or '\r' or '\0')) return $"the account's {what} {text} contains ':' or a line break";
        }
        if (!Home.StartsWith('/') || !Shell.StartsWith('/')) return "the account's home and shell must be absolute paths";
        return null;
    }
}

/// <summary>
/// One entry of the machine files (guix <c>build-machine</c> fields). For a VM's own entry
/// <see cref="Vm"/> names the VM, <see cref="HostKey"/> is null (apply knows it:
/// <see cref="HostKeyFile"/>), and guix's machines.scm lists it only while the VM runs.
/// </summary>
public sealed record BuildMachinePlan
{
    public string? Vm { get; init; }
    public required string Name { get; init; }
    public required int Port { get; init; }
    public required IReadOnlyList<string> Systems { get; init; }
    public required string User { get; init; }
    public required string PrivateKey { get; init; }

    /// <summary>The OpenSSH public host key ("TYPE BASE64 [COMMENT]"), or null when only apply can know it.</summary>
    public string? HostKey { get; init; }

    /// <summary>Where the public host key file will be (VM entries), read when the machine file is loaded.</summary>
    public string? HostKeyFile { get; init; }

    public string Compression { get; init; } = "zlib@openssh.com,zlib";
    public int CompressionLevel { get; init; } = 3;
    public string DaemonSocket { get; init; } = "/var/guix/daemon-socket/socket";

    /// <summary>Whether machines.scm (guix offload) lists the machine: a VM's entry only when its guest runs guix-daemon.</summary>
    public bool ForGuix { get; init; } = true;

    /// <summary>Whether nix/machines lists the machine: a VM's entry only when its guest runs nix-daemon.</summary>
    public bool ForNix { get; init; } = true;

    /// <summary>null: the scheduler disregards the machine's load (#f).</summary>
    public double? OverloadThreshold { get; init; } = 0.8;

    public int ParallelBuilds { get; init; } = 1;
    public double Speed { get; init; } = 1.0;
    public IReadOnlyList<string> Features { get; init; } = [];

    /// <summary>Nix's mandatory features: only derivations that require all of them are sent (Guix has none).</summary>
    public IReadOnlyList<string> MandatoryFeatures { get; init; } = [];

    /// <summary>Where the machine (or its VM) is written, for diagnostics of later stages.</summary>
    public Vbmc.Diagnostics.SourceSpan Place { get; init; }
}
