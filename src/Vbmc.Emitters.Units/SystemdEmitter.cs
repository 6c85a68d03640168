using Vbmc.Lowering;

namespace Vbmc.Emitters.Units;

/// <summary>
/// systemd/NAME.service, sysusers.d/vbmc-NAME.conf, tmpfiles.d/vbmc-NAME.conf: the VM as a
/// service of a systemd host, its account and its folders (InstallLayout describes them).
/// </summary>
public static class SystemdEmitter
{
    /// <summary>The unit, the sysusers file and the tmpfiles file, in that order.</summary>
    public static IReadOnlyList<Artifact> Emit(VmPlan vm) =>
    [
        Artifact.Text(InstallLayout.SystemdUnitPath(vm.Name), Unit(vm), ArtifactKind.SystemdUnit),
        Artifact.Text(InstallLayout.SysusersPath(vm.Name), Sysusers(vm), ArtifactKind.Sysusers),
        Artifact.Text(InstallLayout.TmpfilesPath(vm.Name), Tmpfiles(vm), ArtifactKind.Tmpfiles),
    ];

    public static string Unit(VmPlan vm)
    {
        var unit = new SystemdUnitWriter()
            .Comment(Generated(vm))
            .Comment($"Runs the launch script of '{vm.Name}' as the account {vm.Account.Name}.")
            .Section("Unit")
            // The date ends the text on purpose: free text must not end with a backslash.
            .Text("Description", $"vbmc virtual build machine {vm.Name}, clock from {vm.RtcBase} UTC")
            .Text("After", "network.target")
            .Section("Service")
            .Comment("The script execs QEMU: QEMU is the main process, so stop signals reach it, and")
            .Comment("the serial console (standard output) goes to the journal.")
            .Text("Type", "exec")
            .Command("ExecStart", [vm.InstalledScript])
            .Comment($"Own account and group: the secrets drive in {vm.SecretDirectory} is the account's")
            .Comment("(0600); the supplementary kvm group opens /dev/kvm.")
            .Accounts("User", [vm.Account.Name])
            .Accounts("Group", [vm.Account.Group]);
        if (vm.Account.SupplementaryGroups.Count > 0) unit.Accounts("SupplementaryGroups", vm.Account.SupplementaryGroups);
        unit.Comment("QEMU's -snapshot overlay goes to TMPDIR: the service's own private /tmp.")
            .Environment("Environment", [new("TMPDIR", "/tmp")])
            .Text("Restart", "on-failure")
            .Text("RestartSec", "10s")
            .Comment("QEMU exits on SIGTERM (the guest disk is a throw-away snapshot: nothing to flush);")
            .Comment("whatever is left after the timeout gets SIGKILL.")
            .Text("KillMode", "mixed")
            .Text("KillSignal", "SIGTERM")
            .Text("TimeoutStopSec", "30s");
        Hardening(unit, vm);
        if (vm.WantedBy.Count > 0)
            unit.Section("Install").Text("WantedBy", string.Join(' ', vm.WantedBy));
        return unit.ToString();
    }

    /// <summary>The sandbox: what QEMU tolerates both under TCG and under KVM.</summary>
    private static void Hardening(SystemdUnitWriter unit, VmPlan vm)
    {
        unit.Comment("Hardening QEMU tolerates under both TCG and KVM.")
            .Text("NoNewPrivileges", "yes")
            .Empty("CapabilityBoundingSet")
            .Empty("AmbientCapabilities")
            .Text("ProtectSystem", "strict")
            .Comment(vm.StoreDisk is null
                ? "The pid file and nothing else is written outside the private /tmp (tmpfiles.d makes the folder)."
                : "The pid file and the store disk and nothing else are written outside the private /tmp (tmpfiles.d makes the folders).")
            .Paths("ReadWritePaths", vm.StoreDisk is null ? [vm.RuntimeDirectory] : [vm.RuntimeDirectory, InstallLayout.StoreDiskDirectory(vm.Name)])
            .Text("ProtectHome", "yes")
            .Text("PrivateTmp", "yes")
            .Comment("PrivateDevices= would hide /dev/kvm: DevicePolicy=closed keeps the basic devices")
            .Comment("(/dev/null, /dev/urandom, /dev/tty...) and DeviceAllow= adds /dev/kvm.")
            .Text("PrivateDevices", "no")
            .Text("DevicePolicy", "closed")
            .Text("DeviceAllow", "/dev/kvm rw")
            .Text("ProtectKernelTunables", "yes")
            .Text("ProtectKernelModules", "yes")
            .Text("ProtectKernelLogs", "yes")
            .Text("ProtectControlGroups", "yes")
            .Text("ProtectClock", "yes")
            .Text("ProtectHostname", "yes")
            .Text("RestrictSUIDSGID", "yes")
            .Text("RestrictRealtime", "yes")
            .Text("RestrictNamespaces", "yes")
            .Text("LockPersonality", "yes")
            .Comment("Left out on purpose: MemoryDenyWriteExecute= (TCG writes translated guest code into")
            .Comment("memory and then runs it), SystemCallFilter= and RestrictAddressFamilies= (what QEMU")
            .Comment("needs varies with its version, accelerator and devices).");
    }

    public static string Sysusers(VmPlan vm)
    {
        var account = vm.Account;
        var users = new SysusersWriter()
            .Comment(Generated(vm))
            .Comment("The account QEMU runs as: a system user with its own group"
                + (account.SupplementaryGroups.Count > 0 ? $", in {string.Join(", ", account.SupplementaryGroups)}" : "") + ", no login.")
            .Group(account.Group)
            .User(account.Name, account.Group, account.Comment, account.Home, account.Shell);
        foreach (var group in account.SupplementaryGroups)
        {
            // "g kvm -" does nothing where kvm exists (most hosts) and makes it elsewhere, so "m" always has its group.
            users.Group(group).Member(account.Name, group);
        }
        return users.ToString();
    }

    /// <summary>sysusers.d/vbmc.conf: the accounts and groups the configuration's own services add.</summary>
    public static Artifact ConfigurationSysusers(CompilePlan plan)
    {
        var users = new SysusersWriter()
            .Comment("Generated by vbmc: the accounts the configuration's own services give account-service-type.")
            .Comment("Do not edit: vbmc compile writes it again.");
        foreach (var group in plan.Accounts.Groups) users.Group(group.Name);
        foreach (var account in plan.Accounts.Users)
        {
            users.Group(account.Group).User(account.Name, account.Group, account.Comment, account.Home, account.Shell);
            foreach (var group in account.SupplementaryGroups) users.Group(group).Member(account.Name, group);
        }
        return Artifact.Text(InstallLayout.ConfigurationSysusersPath, users.ToString(), ArtifactKind.ConfigurationSysusers);
    }

    public static string Tmpfiles(VmPlan vm)
    {
        var writer = new TmpfilesWriter()
            .Comment(Generated(vm))
            .Comment("The VM's folders (VmPlan.Folders, src/Vbmc.Lowering/CompilePlan.cs); age '-': never cleaned.");
        foreach (var folder in vm.Folders) writer.Directory(folder.Path, folder.Mode, folder.User, folder.Group);
        return writer.ToString();
    }

    internal static string Generated(VmPlan vm) =>
        $"Generated by vbmc for the virtual build machine '{vm.Name}'. Do not edit: vbmc compile writes it again.";
}
