using Vbmc.Processes;

namespace Vbmc.Host.Operate;

public enum ServiceManagerKind
{
    /// <summary>The running systemd: `systemctl VERB vbmc-NAME.service`.</summary>
    Systemd,
    /// <summary>A running GNU Shepherd: `herd -s SOCKET VERB NAME`.</summary>
    Shepherd,
    /// <summary>Neither: vbmc runs the installed launch script itself, with its pid file.</summary>
    Script,
}

/// <summary>
/// What runs a VM, and the command lines that act through it. systemd only on the host itself
/// (root /) when it runs (/run/systemd/system, as sd_booted(3) checks) and the VM's unit is
/// installed: as apply, vbmc never touches systemd for a --root folder. Shepherd when its socket
/// is there (R/var/run/shepherd/socket, Shepherd's default for root, or --shepherd-socket) and
/// the VM's Shepherd file is installed. Otherwise the script.
/// </summary>
public sealed record ServiceManager(ServiceManagerKind Kind, string? ShepherdSocket = null)
{
    /// <summary>Shepherd's socket for root, as `herd` finds it by default (under the root).</summary>
    public const string DefaultShepherdSocket = "/var/run/shepherd/socket";

    public static ServiceManager Detect(InstalledVm vm, string? shepherdSocket, string systemdRuntimeFolder = "/run/systemd/system")
    {
        var socket = shepherdSocket ?? vm.Under(DefaultShepherdSocket);
        return Choose(vm.RootIsHost, Directory.Exists(systemdRuntimeFolder), File.Exists(vm.SystemdUnit),
            IsSocket(socket) ? socket : null, File.Exists(vm.ShepherdFile));
    }

    /// <summary>The rule, from the facts <see cref="Detect"/> gathers.</summary>
    /// <param name="shepherdSocket">The Shepherd socket found, or null.</param>
    public static ServiceManager Choose(bool rootIsHost, bool systemdRuns, bool unitInstalled, string? shepherdSocket, bool shepherdFileInstalled)
    {
        if (rootIsHost && systemdRuns && unitInstalled) return new ServiceManager(ServiceManagerKind.Systemd);
        if (shepherdSocket is not null && shepherdFileInstalled) return new ServiceManager(ServiceManagerKind.Shepherd, shepherdSocket);
        return new ServiceManager(ServiceManagerKind.Script);
    }

    /// <summary>The program and arguments that do <paramref name="verb"/> (start, stop, restart) through this manager; null for the script.</summary>
    public (HostProgram Program, IReadOnlyList<string> Arguments)? Command(string verb, InstalledVm vm) => Kind switch
    {
        ServiceManagerKind.Systemd => (HostProgram.Systemctl, [verb, Vbmc.Lowering.InstallLayout.SystemdUnitName(vm.Name)]),
        // The Shepherd service is named after the VM (its provision, see ShepherdLowering).
        ServiceManagerKind.Shepherd => (HostProgram.Herd, ["-s", ShepherdSocket!, verb, vm.Name]),
        _ => null,
    };

    /// <summary>
    /// The command whose answer says the manager holds the service stopped (or failed), and how
    /// to read that answer: `systemctl is-active` prints its state, Shepherd 1.0.9's `herd status`
    /// says "It is stopped". Null for the script.
    /// </summary>
    public (HostProgram Program, IReadOnlyList<string> Arguments, Func<string, bool> SaysStopped)? StoppedQuery(InstalledVm vm) => Kind switch
    {
        ServiceManagerKind.Systemd => (HostProgram.Systemctl, ["is-active", Vbmc.Lowering.InstallLayout.SystemdUnitName(vm.Name)],
            answer => answer.Trim() is "inactive" or "failed"),
        ServiceManagerKind.Shepherd => (HostProgram.Herd, ["-s", ShepherdSocket!, "status", vm.Name],
            answer => answer.Contains("It is stopped", StringComparison.Ordinal)),
        _ => null,
    };

    /// <summary>How status says it: "systemd (vbmc-NAME.service)".</summary>
    public string Describe(InstalledVm vm) => Kind switch
    {
        ServiceManagerKind.Systemd => $"systemd ({Vbmc.Lowering.InstallLayout.SystemdUnitName(vm.Name)})",
        ServiceManagerKind.Shepherd => $"GNU Shepherd (service {vm.Name}, socket {ShepherdSocket})",
        _ => $"its launch script ({vm.Script}; no systemd or Shepherd manages it here)",
    };

    private static bool IsSocket(string path) => Posix.FileType(path) == Posix.SocketType;
}
