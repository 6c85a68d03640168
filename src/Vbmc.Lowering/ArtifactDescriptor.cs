namespace Vbmc.Lowering;

/// <summary>How apply puts an artifact at its installed path.</summary>
public enum InstallMerge
{
    /// <summary>vbmc's file, as compile wrote it.</summary>
    Replace,

    /// <summary>nix/machines: rendered from the manifest's intents with each VM's host key, after a person's own lines.</summary>
    NixMachines,

    /// <summary>machines.scm: vbmc's, or, beside a person's file, a wrapper that appends vbmc's to theirs.</summary>
    GuixMachines,
}

/// <summary>What apply does with an installed artifact beside placing it.</summary>
public enum InstallActivation
{
    None,

    /// <summary>A systemd unit, enabled for the targets of its intent in the manifest.</summary>
    EnableUnit,

    /// <summary>A sysusers.d file, given to systemd-sysusers.</summary>
    MakeAccounts,

    /// <summary>A tmpfiles.d file, given to systemd-tmpfiles --create.</summary>
    MakeFolders,
}

/// <summary>
/// Everything vbmc knows about one kind of artifact, in one place: where compile may write it,
/// where apply installs it, how and what apply does with it. Compile, apply and the checks of a
/// compile folder read descriptors; none of them switches on the kind.
/// </summary>
public sealed record ArtifactDescriptor
{
    public required ArtifactKind Kind { get; init; }

    /// <summary>Whether each artifact belongs to one VM (manifest.json's "vm") or to none (the machine files).</summary>
    public required bool PerVm { get; init; }

    /// <summary>The compile-folder paths an artifact of this kind may have, given its VM (null for shared ones): anything else is refused.</summary>
    public required Func<string?, IReadOnlyList<string>> CompilePaths { get; init; }

    /// <summary>The host path apply installs it at, given its VM and compile-folder path.</summary>
    public required Func<string?, string, string> InstalledPath { get; init; }

    /// <summary>Large files (images): copied by streaming, shared between generations by hard link.</summary>
    public bool Large { get; init; }

    public InstallMerge Merge { get; init; } = InstallMerge.Replace;

    public InstallActivation Activation { get; init; } = InstallActivation.None;
}

/// <summary>The descriptors of a compilation: vbmc's own (<see cref="Standard"/>), or those plus more (tests).</summary>
public sealed class ArtifactCatalog
{
    private readonly Dictionary<ArtifactKind, ArtifactDescriptor> byKind;

    public ArtifactCatalog(IEnumerable<ArtifactDescriptor> descriptors)
    {
        byKind = [];
        foreach (var d in descriptors)
        {
            if (!byKind.TryAdd(d.Kind, d)) throw new ArgumentException($"two descriptors of the artifact kind '{d.Kind}'", nameof(descriptors));
        }
        All = [.. byKind.Values];
    }

    public IReadOnlyList<ArtifactDescriptor> All { get; }

    /// <summary>The descriptor of a kind, or null for a kind this catalog does not know (a folder vbmc did not write).</summary>
    public ArtifactDescriptor? Of(ArtifactKind kind) => byKind.GetValueOrDefault(kind);

    /// <summary>This catalog and one more kind.</summary>
    public ArtifactCatalog With(ArtifactDescriptor descriptor) => new([.. All, descriptor]);

    private static string InState(string? vm, string path) => $"{InstallLayout.StateDirectory(vm!)}/{path}";

    /// <summary>vbmc's artifacts (the layout: <see cref="InstallLayout"/>).</summary>
    public static ArtifactCatalog Standard { get; } = new(
    [
        new() { Kind = ArtifactKind.LaunchScript, PerVm = true, CompilePaths = vm => [InstallLayout.ScriptFileName(vm!)], InstalledPath = InState },
        new() { Kind = ArtifactKind.DiskImage, PerVm = true, CompilePaths = vm => [$"{vm}.qcow2", $"{vm}.img"], InstalledPath = InState, Large = true },
        new() { Kind = ArtifactKind.Kernel, PerVm = true, CompilePaths = vm => [InstallLayout.KernelFileName(vm!)], InstalledPath = InState, Large = true },
        new() { Kind = ArtifactKind.Initrd, PerVm = true, CompilePaths = vm => [InstallLayout.InitrdFileName(vm!)], InstalledPath = InState, Large = true },
        new()
        {
            Kind = ArtifactKind.SystemdUnit, PerVm = true, CompilePaths = vm => [InstallLayout.SystemdUnitPath(vm!)],
            InstalledPath = (vm, _) => $"/etc/systemd/system/{InstallLayout.SystemdUnitName(vm!)}", Activation = InstallActivation.EnableUnit,
        },
        new()
        {
            Kind = ArtifactKind.Sysusers, PerVm = true, CompilePaths = vm => [InstallLayout.SysusersPath(vm!)],
            InstalledPath = (_, path) => $"/etc/sysusers.d/{Path.GetFileName(path)}", Activation = InstallActivation.MakeAccounts,
        },
        new()
        {
            Kind = ArtifactKind.ConfigurationSysusers, PerVm = false, CompilePaths = _ => [InstallLayout.ConfigurationSysusersPath],
            InstalledPath = (_, path) => $"/etc/sysusers.d/{Path.GetFileName(path)}", Activation = InstallActivation.MakeAccounts,
        },
        new()
        {
            Kind = ArtifactKind.Tmpfiles, PerVm = true, CompilePaths = vm => [InstallLayout.TmpfilesPath(vm!)],
            InstalledPath = (_, path) => $"/etc/tmpfiles.d/{Path.GetFileName(path)}", Activation = InstallActivation.MakeFolders,
        },
        new()
        {
            Kind = ArtifactKind.ShepherdService, PerVm = true, CompilePaths = vm => [InstallLayout.ShepherdPath(vm!)],
            InstalledPath = (vm, _) => $"{InstallLayout.ShepherdDirectory}/{vm}.scm",
        },
        // The accounts' description (the sysusers file is what makes them) stays beside the VM's files.
        new() { Kind = ArtifactKind.Accounts, PerVm = true, CompilePaths = vm => [InstallLayout.AccountsPath(vm!)], InstalledPath = (vm, _) => InState(vm, "accounts.json") },
        // Beside the image, kernel and initrd it names; `virsh define` reads it from there.
        new()
        {
            Kind = ArtifactKind.LibvirtDomain, PerVm = true, CompilePaths = vm => [InstallLayout.LibvirtDomainPath(vm!)],
            InstalledPath = (vm, _) => InState(vm, InstallLayout.LibvirtDomainFileName),
        },
        new()
        {
            Kind = ArtifactKind.GuixMachines, PerVm = false, CompilePaths = _ => [InstallLayout.GuixMachinesPath],
            InstalledPath = (_, _) => InstallLayout.GuixMachinesFile, Merge = InstallMerge.GuixMachines,
        },
        new()
        {
            Kind = ArtifactKind.NixMachines, PerVm = false, CompilePaths = _ => [InstallLayout.NixMachinesPath],
            InstalledPath = (_, _) => InstallLayout.NixMachinesFile, Merge = InstallMerge.NixMachines,
        },
        new() { Kind = ArtifactKind.SshConfig, PerVm = false, CompilePaths = _ => [InstallLayout.SshConfigPath], InstalledPath = (_, _) => InstallLayout.SshConfigFile },
    ]);
}
