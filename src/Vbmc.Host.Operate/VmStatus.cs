using System.Globalization;
using Vbmc.Host.Probe;

namespace Vbmc.Host.Operate;

/// <summary>
/// What `vbmc status` says of a VM: what runs it, whether QEMU runs (pid, uptime), its forwarded
/// SSH port and whether the guest's sshd answers there (its banner, read as `vbmc test` reads it),
/// and the last `vbmc test` result.
/// </summary>
public sealed record VmStatus(InstalledVm Vm, ServiceManager Manager, QemuProcess? Qemu, CheckResult? Banner, LastTestRecord? LastTest)
{
    /// <summary>How long status waits for the SSH banner: a running guest answers in milliseconds.</summary>
    public static readonly TimeSpan BannerTimeout = TimeSpan.FromSeconds(3);

    public static VmStatus Of(InstalledVm vm, ServiceManager manager)
    {
        var qemu = QemuProcess.Find(vm);
        CheckResult? banner = null;
        if (qemu is not null && vm.Vm.SshPort is { } port)
            banner = BannerProbe.RunAsync("127.0.0.1", port, BannerTimeout).GetAwaiter().GetResult();
        return new VmStatus(vm, manager, qemu, banner, LastTestRecord.Read(vm.Root, vm.Name));
    }

    /// <summary>The text block: a heading line and indented "field: value" lines, control characters escaped.</summary>
    public IEnumerable<string> Lines()
    {
        yield return Vm.Name;
        yield return "  runs through: " + Manager.Describe(Vm);
        yield return "  state:        " + (Qemu is { } q
            ? $"running, QEMU pid {q.Pid.ToString(CultureInfo.InvariantCulture)}" + (q.Uptime is { } up ? $", up {QemuProcess.Describe(up)}" : "")
            : "stopped");
        yield return "  ssh port:     " + (Vm.Vm.SshPort is { } port ? $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)} -> guest port 22" : "none forwarded");
        yield return "  ssh banner:   " + (Banner is { } b
            ? (b.Status == CheckStatus.Pass ? b.Detail : "no answer: " + b.Detail)
            : Qemu is null ? "not checked (stopped)" : "not checked (no forwarded port)");
        yield return "  last test:    " + (LastTest is { } t
            ? $"{(t.Passed ? "passed" : $"failed the {t.FailedCheck} check")} at {t.Time}: {t.Detail}"
            : "never run (vbmc test records it)");
    }

    public IEnumerable<string> PrintableLines() => Lines().Select(ReportWriter.Printable);
}
