using Vbmc.Processes;

namespace Vbmc.Host.Apply;

/// <summary>
/// The VMs' folders (state, runtime, secrets, logs), made by systemd-tmpfiles from the tmpfiles.d
/// files compile wrote, with --root for a root folder. Folders are additive and outside
/// generations: a rollback leaves them, with whatever the VMs wrote there.
/// </summary>
internal static class Folders
{
    public static void Create(string root, IReadOnlyList<string> tmpfilesFiles)
    {
        if (tmpfilesFiles.Count == 0) return;
        var tmpfiles = ApplyPrograms.Require(HostProgram.SystemdTmpfiles);
        var arguments = new List<string> { "--create" };
        if (!Accounts.IsHostRoot(root)) arguments.Add("--root=" + root);
        arguments.AddRange(tmpfilesFiles);
        ApplyPrograms.RunChecked(HostProgram.SystemdTmpfiles, tmpfiles, arguments, "systemd-tmpfiles --create");
    }

    /// <summary>Folders ('d' and 'D' lines) the tmpfiles.d texts declare that do not exist under the root.</summary>
    public static IReadOnlyList<string> Missing(string root, IEnumerable<string> tmpfilesTexts) =>
        Declared(tmpfilesTexts).Where(p => !Directory.Exists(HostPaths.Under(root, p))).Distinct().ToList();

    /// <summary>Every folder ('d', 'D') the tmpfiles.d texts declare, as host paths.</summary>
    public static IEnumerable<string> Declared(IEnumerable<string> tmpfilesTexts) =>
        tmpfilesTexts.SelectMany(t => t.Split('\n'))
            .Select(Accounts.SplitFields)
            .Where(f => f.Count >= 2 && f[0].TrimEnd('!', '-', '=', '~', '^', '+') is "d" or "D")
            .Select(f => f[1]);
}
