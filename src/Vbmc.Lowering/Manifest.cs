using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vbmc.Lowering;

/// <summary>
/// manifest.json of a compile folder: what was compiled, the VMs (what apply and test need
/// without re-reading the configuration), every artifact with its sha256, and the intents: what
/// apply does beside placing files (accounts and folders to check, units to enable, machine-file
/// entries with their host-key slot), so that apply never parses the files compile emitted.
/// Written by compile, read by apply and test. Deterministic: no times, no absolute paths,
/// artifacts sorted by path.
/// </summary>
public sealed record Manifest
{
    /// <summary>2: intents added (a folder of schema 1 is compiled again).</summary>
    public const int CurrentSchema = 2;

    public int Schema { get; init; } = CurrentSchema;

    /// <summary>vbmc's version that wrote it.</summary>
    public required string Vbmc { get; init; }

    public required ManifestSource Source { get; init; }

    /// <summary>
    /// The other files the configuration read (load, include, user modules from the load path),
    /// in reading order, relative to the configuration's folder; null when there are none.
    /// </summary>
    public IReadOnlyList<ManifestInput>? Inputs { get; init; }

    public required IReadOnlyList<ManifestVm> Vms { get; init; }

    public required IReadOnlyList<ManifestArtifact> Artifacts { get; init; }

    public ManifestIntents Intents { get; init; } = ManifestIntents.None;

    public string ToJson() => JsonSerializer.Serialize(this, ManifestJsonContext.Default.Manifest).Replace("\r\n", "\n") + "\n";

    /// <summary>Parses a manifest; throws <see cref="JsonException"/> on malformed input.</summary>
    public static Manifest Parse(string json) =>
        JsonSerializer.Deserialize(json, ManifestJsonContext.Default.Manifest) ?? throw new JsonException("manifest.json is null");
}

/// <param name="File">The configuration's file name (not its folder: the same file compiled from two places gives the same manifest).</param>
public sealed record ManifestSource(string File, string Sha256);

/// <param name="Path">Relative to the configuration's folder, '/' separated (may start with ../).</param>
public sealed record ManifestInput(string Path, string Sha256);

/// <summary>What apply and test need to know of a VM.</summary>
public sealed record ManifestVm(
    string Name,
    string Account,
    bool AutoStart,
    int? SshPort,
    IReadOnlyList<string> Systems,
    string Date,
    string Cpu,
    int CpuCount,
    long MemoryMiB,
    IReadOnlyList<string>? DaemonSockets = null,
    VmSecrets? Keys = null,
    string? GuestUser = null,
    long? StoreDiskBytes = null)
{
    public static ManifestVm From(VmPlan vm) => new(vm.Name, vm.Account.Name, vm.AutoStart, vm.SshHostPort, vm.Systems,
        vm.Date.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        vm.Cpu, vm.CpuCount, vm.MemoryMiB, vm.DaemonSockets, vm.Secrets, vm.Guest.Name, vm.StoreDiskBytes);

    /// <summary>The keys apply makes (a manifest written before they were listed: the paths vbmc used then).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public VmSecrets Secrets => Keys ?? VmSecrets.Standard(Name);

    /// <summary>The guest account the daemons log in as (a manifest written before it was listed: "offload").</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string OffloadUser => GuestUser ?? InstallLayout.GuestOffloadUser;
}

/// <param name="Path">Relative to the compile folder, '/' separated.</param>
/// <param name="Mode">Octal Unix mode, e.g. "0755".</param>
/// <param name="Vm">The VM the artifact belongs to; null for the machine files.</param>
public sealed record ManifestArtifact(string Path, ArtifactKind Kind, string Sha256, long Size, string Mode, string? Vm);

/// <summary>What apply does beside placing files, as data.</summary>
/// <param name="Accounts">The host accounts the sysusers.d files make (apply's --dry-run and checks list the missing ones).</param>
/// <param name="Folders">The host folders the tmpfiles.d files make.</param>
/// <param name="Units">The systemd units apply enables (its [Install] section, as data).</param>
/// <param name="NixMachines">The lines of nix/machines as fields; a VM's line leaves its host key to apply.</param>
public sealed record ManifestIntents(
    IReadOnlyList<ManifestAccount> Accounts,
    IReadOnlyList<ManifestFolder> Folders,
    IReadOnlyList<ManifestUnit> Units,
    IReadOnlyList<ManifestNixMachine> NixMachines)
{
    public static ManifestIntents None { get; } = new([], [], [], []);
}

/// <summary>A host account: a system user in its group and supplementary groups, or a group alone (<paramref name="Name"/> null).</summary>
/// <param name="Vm">The VM whose account it is; null for an account of the configuration's own services.</param>
public sealed record ManifestAccount(string? Vm, string? Name, string Group, IReadOnlyList<string> SupplementaryGroups)
{
    public static ManifestAccount From(VmPlan vm) => new(vm.Name, vm.Account.Name, vm.Account.Group, vm.Account.SupplementaryGroups);

    public static IEnumerable<ManifestAccount> From(HostAccounts accounts) =>
        accounts.Groups.Select(g => new ManifestAccount(null, null, g.Name, []))
            .Concat(accounts.Users.Select(u => new ManifestAccount(null, u.Name, u.Group, u.SupplementaryGroups)));
}

/// <param name="Mode">Octal, e.g. "0755".</param>
public sealed record ManifestFolder(string Vm, string Path, string Mode, string User, string Group)
{
    public static IEnumerable<ManifestFolder> From(VmPlan vm) =>
        vm.Folders.Select(f => new ManifestFolder(vm.Name, f.Path, "0" + Convert.ToString(f.Mode, 8), f.User, f.Group));
}

/// <param name="Name">The installed unit's name (vbmc-NAME.service).</param>
/// <param name="WantedBy">Targets whose .wants/ folder gets a link to the unit (empty: installed, not enabled).</param>
public sealed record ManifestUnit(string Vm, string Name, IReadOnlyList<string> WantedBy)
{
    public static ManifestUnit From(VmPlan vm) => new(vm.Name, vm.SystemdUnitName, vm.WantedBy);
}

/// <summary>One line of nix/machines: its eight fields as compile wrote them.</summary>
/// <param name="HostKeyOf">The VM whose public host key apply writes in the eighth field (null: a machine of the configuration, whose key is written).</param>
public sealed record ManifestNixMachine(IReadOnlyList<string> Fields, string? HostKeyOf)
{
    public const int HostKeyField = 7;

    /// <summary>
    /// The comment nix/machines starts with, in compile's file and in the one apply installs
    /// (which is compile's with the VMs' host keys filled in).
    /// </summary>
    public static string Header(string sourceSha256) =>
        "# nix/machines: the remote builders of nix-daemon (Nix's machines file, /etc/nix/machines).\n" +
        "# Generated by vbmc from the configuration whose sha256 is\n" +
        "# " + new string(sourceSha256.Where(char.IsAsciiHexDigit).ToArray()) + ".\n" +
        "# Do not edit: vbmc compile and vbmc apply write this file again from the configuration.\n" +
        "# Fields: store URI, systems, SSH identity, max jobs, speed factor, supported features,\n" +
        "# mandatory features, base64 public host key. A VM is its ssh alias vbmc-NAME, defined in\n" +
        "# /etc/ssh/ssh_config.d/vbmc.conf (vbmc apply installs it).\n";

    /// <summary>The eighth field for a public key line: base64 of the whole line, as the Nix manual says.</summary>
    public static string HostKeyFieldOf(string publicKeyLine) =>
        Convert.ToBase64String(new System.Text.UTF8Encoding(false).GetBytes(publicKeyLine.Trim()));

    /// <summary>The line, with <paramref name="hostKey"/> (a public key line) in the eighth field when given.</summary>
    public string Line(string? hostKey)
    {
        var fields = Fields.ToArray();
        if (hostKey is not null) fields[HostKeyField] = HostKeyFieldOf(hostKey);
        return string.Join(' ', fields);
    }
}
