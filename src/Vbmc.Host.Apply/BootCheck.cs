using Vbmc.Diagnostics;
using Vbmc.Lowering;

namespace Vbmc.Host.Apply;

/// <summary>What apply checks of the host's mounts after installing.</summary>
public static class BootCheck
{
    /// <summary>
    /// Units are symlinks into /var/lib/vbmc. systemd loads units before it mounts a separate
    /// /var, so on such a host the VMs' units are not found at boot (the same limit as
    /// `systemctl link`): say so rather than let auto-start silently not happen.
    /// </summary>
    public static Diagnostic? UnitsOnAnotherFileSystem(string root)
    {
        var units = RootFiles.Identity(HostPaths.Under(root, HostPaths.SystemdUnitFolder));
        var generations = RootFiles.Identity(HostPaths.Under(root, HostPaths.Generations));
        if (units is null || generations is null || units.Value.Device == generations.Value.Device) return null;
        return Diagnostic.Warning(DiagnosticIds.ApplyConflict, SourceSpan.FileOnly(HostPaths.Under(root, HostPaths.Generations)),
            $"{InstallLayout.StateRoot} is on another file system than {HostPaths.SystemdUnitFolder}: systemd reads units before it mounts it, "
            + "so the VMs' units (symlinks into it) are not found at boot and auto-start? VMs do not start then",
            $"keep {InstallLayout.StateRoot} on the root file system, or start the VMs once /var is mounted (systemctl start vbmc-NAME.service)");
    }
}
