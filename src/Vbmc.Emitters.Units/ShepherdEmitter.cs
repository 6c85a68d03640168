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

    /// <summary>
    /// Services of Guix System's Shepherd that other Shepherds lack: required only when one is
    /// registered when the file is loaded (otherwise `herd start` would fail with "service
    /// 'user-processes' could not be found"). With it, VMs stop before users' processes are killed.
    /// </summary>
    private static readonly IReadOnlySet<string> GuixSystemOnly = new HashSet<string>(StringComparer.Ordinal) { "user-processes" };

    public static string Text(VmPlan vm)
    {
        var shepherd = vm.Shepherd;
        var name = SchemeWriter.QuotedSymbols(shepherd.Provision);
        var text = new StringBuilder();
        foreach (var line in Header(vm)) text.Append(SchemeWriter.Comment(line)).Append('\n');
        text.Append('\n')
            .Append(SchemeWriter.Comment("The VM's <shepherd-service> record, from the service fold (vbmc eval --json shows it).")).Append('\n')
            .Append("(let ((vm (service\n")
            .Append("           ").Append(name).Append('\n')
            .Append("           #:documentation\n")
            .Append("           ").Append(SchemeWriter.String(shepherd.Documentation)).Append('\n')
            .Append("           #:requirement ").Append(Requirement(shepherd.Requirement)).Append('\n')
            .Append("           #:respawn? ").Append(shepherd.Respawn ? "#t" : "#f").Append('\n')
            .Append("           #:start ").Append(SchemeWriter.Write(Scheme(shepherd.Start), 20)).Append('\n')
            .Append("           #:stop ").Append(SchemeWriter.Write(Scheme(shepherd.Stop), 19)).Append(")))\n")
            .Append("  (register-services (list vm))\n");
        if (shepherd.AutoStart) text.Append("  (start-in-the-background ").Append(name).Append(")\n");
        text.Append("  vm)\n");
        return text.ToString();
    }

    /// <summary>The requirement list; a Guix-System-only service is in it when the loading Shepherd has it.</summary>
    private static string Requirement(IReadOnlyList<string> requirement)
    {
        var always = SchemeWriter.QuotedSymbols(requirement.Where(r => !GuixSystemOnly.Contains(r)));
        var optional = requirement.Where(GuixSystemOnly.Contains).ToList();
        if (optional.Count == 0) return always;
        var parts = optional.Select(r => $"(if (lookup-service '{SchemeWriter.Symbol(r)}) {SchemeWriter.QuotedSymbols([r])} '())").ToList();
        return requirement.Count == optional.Count && parts.Count == 1 ? parts[0] : $"(append {string.Join(' ', parts)} {always})";
    }

    /// <summary>Lowered code as the Scheme writer's values (its one quoting routine for strings, symbols and keywords).</summary>
    public static SchemeValue Scheme(SchemeDatum datum) => datum switch
    {
        DatumList list => new SchemeForm([.. list.Items.Select(Scheme)], FormLayout.Auto),
        DatumSymbol s => SchemeValue.Symbol(s.Name),
        DatumKeyword k => new SchemeKeyword(k.Name),
        DatumString s => SchemeValue.Of(s.Value),
        DatumInteger i when i.Value >= long.MinValue && i.Value <= long.MaxValue => SchemeValue.Of((long)i.Value),
        DatumInteger i => throw new ArgumentException($"integer {i.Value} is out of range for a Shepherd file", nameof(datum)),
        DatumBoolean b => SchemeValue.Of(b.Value),
        _ => throw new ArgumentException($"not a datum: {datum.GetType().Name}", nameof(datum)),
    };

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
