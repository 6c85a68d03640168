using Vbmc.Services.Checks;

namespace Vbmc.Services;

/// <summary>
/// The registry of check passes, in the order they run (deterministic diagnostics order). A new
/// pass is one class implementing <see cref="IServiceCheck"/> and one line here; a test fails
/// when a pass of this assembly is not listed. Registered explicitly, not discovered by
/// reflection, so that a trimmed (Native AOT) vbmc keeps every pass.
/// </summary>
public static class ServiceChecks
{
    /// <summary>Fresh instances (a pass may keep state for one run).</summary>
    public static IEnumerable<IServiceCheck> Create() =>
    [
        new AccountGroupsCheck(),
        new BuildVmNameCheck(),
        new ConfigurationValueCheck(),
        new CpuModelCheck(),
        new EtcEntriesCheck(),
        new GuestDaemonCheck(),
        new HostPortConflictCheck(),
        new OffloadMachineCheck(),
        new QemuCpuModelCheck(),
        new RootFileSystemCheck(),
        new SshForwardCheck(),
        new ShepherdChecks(),
    ];
}
