using Vbmc.TestSupport;

namespace Vbmc.Emitters.Units.Tests;

/// <summary>
/// systemd's own programs, run for real on generated files: <c>systemd-analyze verify</c>,
/// systemd's unit parser (the manager's test mode, which dumps every parsed setting),
/// <c>systemd-sysusers</c> and <c>systemd-tmpfiles</c>, each against a temporary root folder.
/// </summary>
public static class SystemdTools
{
    public static string Analyze => HostTools.Require("systemd-analyze", "systemd");
    public static string Sysusers => HostTools.Require("systemd-sysusers", "systemd");
    public static string Tmpfiles => HostTools.Require("systemd-tmpfiles", "systemd");
    public static string Systemctl => HostTools.Require("systemctl", "systemd");

    private static string Manager =>
        new[] { "/usr/lib/systemd/systemd", "/lib/systemd/systemd" }.FirstOrDefault(File.Exists)
        ?? HostTools.Require("/usr/lib/systemd/systemd", "systemd");

    private const string SystemUnits = "/usr/lib/systemd/system";

    /// <summary>
    /// Makes a root folder where a unit can be verified as installed: the host's own systemd
    /// units (sysinit.target and the other targets every service depends on by default),
    /// the unit at /etc/systemd/system/NAME, and each given program as an executable script.
    /// </summary>
    public static void InstallUnit(TempFolder root, string unitName, string unitText, IEnumerable<string> programs)
    {
        CopyTree(SystemUnits, root.Inside(SystemUnits));
        if (!Directory.Exists(root.Inside("/lib"))) File.CreateSymbolicLink(root.Inside("/lib"), "usr/lib");
        root.Write("/etc/systemd/system/" + unitName, unitText);
        foreach (var program in programs) root.Write(program, "#!/bin/sh\nexit 0\n", (UnixFileMode)0b111_101_101);
    }

    /// <summary>
    /// <c>systemd-analyze verify</c> of an installed unit. Every line it prints is a problem (it
    /// prints nothing for a clean unit, and exits 0 even for unknown keys), as is a failing exit.
    /// </summary>
    public static IReadOnlyList<string> Verify(TempFolder root, string unitName)
    {
        var result = ProcessRunner.Run(Analyze, ["verify", "--root=" + root.Path, "/etc/systemd/system/" + unitName]);
        var problems = (result.Stdout + result.Stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (result.ExitCode != 0) problems.Add($"systemd-analyze verify exited with {result.ExitCode}");
        return problems;
    }

    /// <summary>
    /// Every setting of a unit as systemd's own parser read it: the manager's test mode
    /// (<c>systemd --test --system</c>) loads the unit and dumps it. systemd refuses that mode as
    /// root, so it runs as nobody (setpriv), on a folder it can read.
    /// </summary>
    public static SystemdUnitDump Dump(string unitName, string unitText)
    {
        using var folder = new TempFolder("dump");
        folder.Write(unitName, unitText);
        var setpriv = HostTools.Require("setpriv", "util-linux");
        var result = ProcessRunner.Run(setpriv,
            ["--reuid=65534", "--regid=65534", "--clear-groups", Manager, "--test", "--system", "--unit=" + unitName, "--no-pager"],
            workingDirectory: "/",
            environment: new Dictionary<string, string?>
            {
                // The folder first, then (trailing ':') the host's usual unit folders for the targets.
                ["SYSTEMD_UNIT_PATH"] = folder.Path + ":",
                ["HOME"] = "/",
                ["XDG_CONFIG_HOME"] = null,
            });
        return SystemdUnitDump.Parse(unitName, result.Stdout, result.Stderr);
    }

    /// <summary><c>systemd-sysusers --root</c> with one configuration file; returns its messages.</summary>
    public static ProcessResult ApplySysusers(TempFolder root, string configuration)
    {
        var file = root.Write("/run/vbmc-test/sysusers.conf", configuration);
        Directory.CreateDirectory(root.Inside("/etc")); // where sysusers takes its lock and writes passwd
        return ProcessRunner.Run(Sysusers, ["--root=" + root.Path, file]);
    }

    /// <summary><c>systemd-tmpfiles --create --root</c> with one configuration file.</summary>
    public static ProcessResult ApplyTmpfiles(TempFolder root, string configuration)
    {
        var file = root.Write("/run/vbmc-test/tmpfiles.conf", configuration);
        return ProcessRunner.Run(Tmpfiles, ["--create", "--root=" + root.Path, file]);
    }

    /// <summary>One passwd or group entry of the root folder, split on ':' (null when absent).</summary>
    public static string[]? Entry(TempFolder root, string file, string name) =>
        File.Exists(root.Inside("/etc/" + file))
            ? File.ReadAllLines(root.Inside("/etc/" + file)).Select(l => l.Split(':')).FirstOrDefault(f => f[0] == name)
            : null;

    /// <summary>Mode (octal), uid and gid of a file, by stat(1).</summary>
    public static (string Mode, int Uid, int Gid) Stat(string path)
    {
        var result = ProcessRunner.Run("stat", ["-c", "%a %u %g", path]);
        if (result.ExitCode != 0) throw new InvalidOperationException("stat failed: " + result.Stderr);
        var parts = result.Stdout.Trim().Split(' ');
        return (parts[0], int.Parse(parts[1]), int.Parse(parts[2]));
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var entry in new DirectoryInfo(from).EnumerateFileSystemInfos())
        {
            var target = Path.Combine(to, entry.Name);
            if (entry.LinkTarget is { } link) File.CreateSymbolicLink(target, link);
            else if (entry is DirectoryInfo) CopyTree(entry.FullName, target);
            else File.Copy(entry.FullName, target);
        }
    }
}
