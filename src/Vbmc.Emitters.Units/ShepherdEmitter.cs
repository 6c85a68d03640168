using System.Text;
using Vbmc.Emitters.Scheme;
using Vbmc.Lowering;

namespace Vbmc.Emitters.Units;

/// <summary>
/// shepherd/NAME.scm: the VM as a GNU Shepherd (0.10 or later) service. Loading the file from
/// a Shepherd configuration defines the service, registers it, and starts it in the background
/// when the VM has <c>auto-start? #t</c> (Shepherd 0.10's <c>service</c> has no auto-start
/// keyword: a configuration starts what it wants with <c>start-in-the-background</c>).
/// </summary>
/// <remarks>
/// The service runs the launch script with no option: the serial console goes to standard
/// output, which shepherd writes to <see cref="VmPlan.SerialLog"/> (#:log-file). shepherd opens
/// that file itself, as root, so /var/log/vbmc can stay root's; passing <c>--serial-log</c>
/// instead would make QEMU, running as the VM's account, create a file there, which it may not.
/// The provision is the VM's name, as upstream Guix's virtual-build-machine service has it
/// (and as <c>vbmc check</c> checks it against the configuration's other Shepherd services).
/// </remarks>
public static class ShepherdEmitter
{
    public static Artifact Emit(VmPlan vm) =>
        Artifact.Text(InstallLayout.ShepherdPath(vm.Name), Text(vm), ArtifactKind.ShepherdService);

    public static string Text(VmPlan vm)
    {
        var name = SchemeWriter.QuotedSymbols([vm.Name]);
        var text = new StringBuilder();
        foreach (var line in Header(vm)) text.Append(SchemeWriter.Comment(line)).Append('\n');
        text.Append('\n')
            .Append("(let ((vm (service\n")
            .Append("           ").Append(name).Append('\n')
            .Append("           #:documentation\n")
            .Append("           ").Append(SchemeWriter.String(
                $"Run the vbmc virtual build machine {vm.Name} (its clock starts at {vm.RtcBase} UTC).")).Append('\n')
            .Append("           ;; Guix System's Shepherd provides user-processes (VMs then stop before the\n")
            .Append("           ;; processes of users are killed at shutdown); other Shepherds have none.\n")
            .Append("           #:requirement (if (lookup-service 'user-processes) '(user-processes) '())\n")
            .Append("           #:respawn? #t\n")
            .Append("           #:start (make-forkexec-constructor\n")
            .Append("                    (list ").Append(SchemeWriter.String(vm.InstalledScript)).Append(")\n")
            .Append("                    #:user ").Append(SchemeWriter.String(vm.Account.Name)).Append('\n')
            .Append("                    ").Append(SchemeWriter.Comment($"Own group first: the secrets in {vm.SecretDirectory} are readable through it.")).Append('\n')
            .Append("                    #:group ").Append(SchemeWriter.String(vm.Account.Group)).Append('\n')
            .Append("                    #:supplementary-groups ").Append(SchemeWriter.QuotedStrings(vm.Account.SupplementaryGroups)).Append('\n')
            .Append("                    ;; shepherd's own environment (PATH finds QEMU), with QEMU's snapshot overlay in /tmp.\n")
            .Append("                    #:environment-variables\n")
            .Append("                    (cons \"TMPDIR=/tmp\"\n")
            .Append("                          (filter (lambda (variable) (not (string-prefix? \"TMPDIR=\" variable)))\n")
            .Append("                                  (default-environment-variables)))\n")
            .Append("                    #:log-file ").Append(SchemeWriter.String(vm.SerialLog)).Append(")\n")
            .Append("           ;; The launch script execs QEMU, which exits on SIGTERM.\n")
            .Append("           #:stop (make-kill-destructor))))\n")
            .Append("  (register-services (list vm))\n");
        if (vm.AutoStart) text.Append("  (start-in-the-background ").Append(name).Append(")\n");
        text.Append("  vm)\n");
        return text.ToString();
    }

    private static IEnumerable<string> Header(VmPlan vm) =>
    [
        SystemdEmitter.Generated(vm),
        "",
        $"A GNU Shepherd (0.10 or later) service that runs the VM's launch script as the account {vm.Account.Name}.",
        "Load it from the Shepherd configuration (/etc/shepherd.scm), where 'service' and the other",
        "procedures of (shepherd service) are visible:",
        "",
        .. ConfigurationLines(vm).Select(line => "  " + line),
        "",
        vm.AutoStart
            ? "Loading registers the service and starts it in the background (auto-start? is #t)."
            : $"Loading registers the service; start it with: herd start {vm.Name}",
        $"The serial console and QEMU's messages go to {vm.SerialLog}.",
        "Needs the account made by sysusers.d.",
    ];

    /// <summary>
    /// What the Shepherd configuration needs for this VM, as the header (and README) show it: one
    /// line. The service requires user-processes only where a service provides it when the file
    /// is loaded (Guix System); elsewhere `herd start` would fail with "service 'user-processes'
    /// could not be found".
    /// </summary>
    private static IReadOnlyList<string> ConfigurationLines(VmPlan vm) =>
    [
        $"(load {SchemeWriter.String("/etc/vbmc/shepherd/" + vm.Name + ".scm")})",
    ];
}
