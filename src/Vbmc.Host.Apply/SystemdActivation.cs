using Vbmc.Lowering;
using Vbmc.Processes;

namespace Vbmc.Host.Apply;

/// <summary>
/// The running systemd, told about a switched generation: only when the root is / and systemd
/// runs (/run/systemd/system exists, as sd_booted(3) checks); a --root folder is never a live host.
/// Enabling is not done here: the WantedBy= links are part of the generation (see InstallPlan).
/// </summary>
internal static class SystemdActivation
{
    public static bool IsLive(string root) => Accounts.IsHostRoot(root) && Directory.Exists("/run/systemd/system");

    public static void Reload()
    {
        var systemctl = ApplyPrograms.Require(HostProgram.Systemctl);
        ApplyPrograms.RunChecked(HostProgram.Systemctl, systemctl, ["daemon-reload"], "systemctl daemon-reload");
    }

    /// <summary>
    /// Starts the VMs with auto-start (restarted when their files or secrets changed), restarts a
    /// changed VM without auto-start only if it runs, and stops VMs the generation dropped.
    /// Returns what it did.
    /// </summary>
    public static IReadOnlyList<string> StartUnits(IReadOnlyList<ManifestVm> vms, ISet<string> changedVms, IEnumerable<string> droppedVms)
    {
        var systemctl = ApplyPrograms.Require(HostProgram.Systemctl);
        var done = new List<string>();
        foreach (var vm in droppedVms)
        {
            Run(systemctl, "stop", vm, done);
        }
        foreach (var vm in vms)
        {
            var changed = changedVms.Contains(vm.Name);
            if (vm.AutoStart) Run(systemctl, changed ? "restart" : "start", vm.Name, done);
            else if (changed) Run(systemctl, "try-restart", vm.Name, done);
        }
        return done;
    }

    private static void Run(string systemctl, string verb, string vm, List<string> done)
    {
        var unit = HostPaths.SystemdUnitName(vm);
        ApplyPrograms.RunChecked(HostProgram.Systemctl, systemctl, [verb, unit], $"systemctl {verb} {unit}");
        done.Add($"systemctl {verb} {unit}");
    }
}
