namespace Vbmc.Host.Probe;

/// <summary>
/// Outcome of one check. <see cref="Warn"/> reports something worth knowing that does not make
/// the machine unusable; <see cref="Skip"/> is a check that could not run because an earlier
/// one failed (it counts as not passed).
/// </summary>
public enum CheckStatus
{
    Pass,
    Warn,
    Fail,
    Skip,
}

/// <summary>The checks, in the order they run; each needs the ones before it.</summary>
public static class CheckIds
{
    public const string Reachable = "reachable";
    public const string HostKey = "host-key";
    public const string Login = "login";
    public const string Daemon = "daemon";
    public const string Clock = "clock";
    public const string Load = "load";
    public const string Disk = "disk";

    public static readonly IReadOnlyList<string> All = [Reachable, HostKey, Login, Daemon, Clock, Load, Disk];
}

/// <param name="Values">Measured values for tooling (numbers and strings), in a fixed order.</param>
public sealed record CheckResult(string Id, CheckStatus Status, string Detail, IReadOnlyList<KeyValuePair<string, object>>? Values = null)
{
    public IReadOnlyList<KeyValuePair<string, object>> MeasuredValues => Values ?? [];

    public static CheckResult Pass(string id, string detail, params KeyValuePair<string, object>[] values) => new(id, CheckStatus.Pass, detail, values);

    public static CheckResult Warn(string id, string detail, params KeyValuePair<string, object>[] values) => new(id, CheckStatus.Warn, detail, values);

    public static CheckResult Fail(string id, string detail, params KeyValuePair<string, object>[] values) => new(id, CheckStatus.Fail, detail, values);

    public static CheckResult Skip(string id, string why) => new(id, CheckStatus.Skip, "not run: " + why);

    public static KeyValuePair<string, object> Value(string name, object value) => new(name, value);
}

/// <summary>Every check of one machine.</summary>
public sealed record MachineReport(ProbeTarget Target, IReadOnlyList<CheckResult> Checks)
{
    public bool Passed => Checks.All(c => c.Status is CheckStatus.Pass or CheckStatus.Warn);

    public CheckResult? this[string id] => Checks.FirstOrDefault(c => c.Id == id);

    /// <summary>The first check that did not pass, for one-line summaries.</summary>
    public CheckResult? FirstFailure => Checks.FirstOrDefault(c => c.Status is CheckStatus.Fail);
}

/// <summary>The whole run: `vbmc test` exits 0 only when <see cref="Passed"/>.</summary>
public sealed record ProbeReport(string Source, IReadOnlyList<MachineReport> Machines)
{
    public bool Passed => Machines.All(m => m.Passed);
}
