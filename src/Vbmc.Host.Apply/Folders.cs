using Vbmc.Lowering;
using Vbmc.Processes;

namespace Vbmc.Host.Apply;

/// <summary>
/// The VMs' folders (state, runtime, secrets, logs), made by systemd-tmpfiles from the tmpfiles.d
/// files compile wrote, with --root for a root folder. Folders are additive and outside
/// generations: a rollback leaves them, with whatever the VMs wrote there.
/// </summary>
internal static class Folders
{
    public static void Create(string root, IReadOnlyList<string> tmpfilesFiles, IEnumerable<ManifestFolder> folders)
    {
        if (tmpfilesFiles.Count == 0) return;
        LinkRefusal.RefuseLinks(root, folders.Select(f => f.Path), "systemd-tmpfiles");
        var tmpfiles = ApplyPrograms.Require(HostProgram.SystemdTmpfiles);
        var arguments = new List<string> { "--create" };
        if (!Accounts.IsHostRoot(root)) arguments.Add("--root=" + root);
        arguments.AddRange(tmpfilesFiles);
        ApplyPrograms.RunChecked(HostProgram.SystemdTmpfiles, tmpfiles, arguments, "systemd-tmpfiles --create");
    }

    /// <summary>The folders of the manifest's intents (what the tmpfiles.d files make) that do not exist under the root.</summary>
    public static IReadOnlyList<string> Missing(string root, IEnumerable<ManifestFolder> folders) =>
        folders.Select(f => f.Path).Where(p => !RootFiles.FolderExists(HostPaths.Under(root, p))).Distinct().ToList();
}
