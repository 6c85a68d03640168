using Vbmc.Lowering;

namespace Vbmc.Host.Apply;

/// <summary>
/// Where apply installs each artifact on the host, and where it keeps its generations. Paths are
/// host paths ("/etc/nix/machines"), as units and machine files name them; <see cref="Under"/>
/// places them under the root folder apply works on.
/// </summary>
/// <remarks>
/// Every installed file is a symlink into <see cref="CurrentLink"/>/files/, and <c>current</c> is a
/// symlink to one generation folder: switching it with one rename(2) switches every file at once.
/// Links are relative so that they resolve inside a --root folder as they will once that folder
/// is the host's root.
/// </remarks>
public static class HostPaths
{
    public const string CurrentLink = InstallLayout.StateRoot + "/current";
    public const string CurrentLinkTemp = CurrentLink + ".tmp";
    public const string Generations = InstallLayout.GenerationsRoot;

    /// <summary>Held (flock) while apply or rollback changes the host: two at once would interleave.</summary>
    public const string LockFile = InstallLayout.StateRoot + "/.lock";

    /// <summary>A person's file at a machine-file path is kept under this suffix, once, and merged.</summary>
    public const string OriginalSuffix = ".vbmc-orig";

    /// <summary>Suffix of a symlink being put in place (created, then renamed over the path).</summary>
    public const string TemporarySuffix = ".vbmc-tmp";

    /// <summary>
    /// The systemd unit's installed name. The prefix keeps a VM from ever replacing a unit of the
    /// host's own: a VM named "ssh" installs vbmc-ssh.service, never ssh.service.
    /// </summary>
    public static string SystemdUnitName(string vm) => InstallLayout.SystemdUnitName(vm);

    public const string SystemdUnitFolder = "/etc/systemd/system";
    public const string GuixMachines = InstallLayout.GuixMachinesFile;
    public const string NixMachines = InstallLayout.NixMachinesFile;

    /// <summary>vbmc's own machines.scm when a person's machines.scm is merged with it (see <see cref="MachineFileMerge"/>).</summary>
    public const string GuixMachinesOfVbmc = InstallLayout.SecretRoot + "/guix-machines.scm";

    public const string ShepherdFolder = InstallLayout.ShepherdDirectory;

    /// <summary>guix-daemon's public signing key, put on the secrets drive when the host has one.</summary>
    public const string GuixSigningKey = "/etc/guix/signing-key.pub";

    /// <summary>
    /// A host path under a root folder ("/" gives the host path itself), every link in it
    /// resolved beneath the root (<see cref="RootedPath"/>): the path of what vbmc reads or writes.
    /// </summary>
    public static string Under(string root, string hostPath) => RootedPath.Resolve(root, hostPath, followLast: true);

    /// <summary>
    /// As <see cref="Under"/>, but a link at the path itself is not followed: the path of an
    /// installed link (or of the file standing where one goes), to inspect, replace or remove it.
    /// </summary>
    public static string LinkUnder(string root, string hostPath) => RootedPath.Resolve(root, hostPath, followLast: false);

    /// <summary>The folder of generation <paramref name="number"/> (host path).</summary>
    public static string Generation(int number) => $"{Generations}/{number}";

    /// <summary>Where a generation keeps the installed copy of a host path.</summary>
    public static string InGeneration(string generationFolder, string hostPath) => Path.Join(generationFolder, "files", hostPath.TrimStart('/'));

    /// <summary>
    /// The symlink target of an installed file: relative from the link's folder to
    /// /var/lib/vbmc/current/files/PATH, so that it resolves the same under any root.
    /// </summary>
    public static string LinkTarget(string hostPath)
    {
        var folder = Path.GetDirectoryName(hostPath)!.TrimStart('/');
        var depth = folder.Length == 0 ? 0 : folder.Split('/').Length;
        var up = string.Concat(Enumerable.Repeat("../", depth));
        return $"{up}{CurrentLink.TrimStart('/')}/files/{hostPath.TrimStart('/')}";
    }
}
