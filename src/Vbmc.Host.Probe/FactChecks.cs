using System.Globalization;

namespace Vbmc.Host.Probe;

/// <summary>Checks 5-7, from what the remote script reported. Pure functions of the facts, so their rules are tested directly.</summary>
public static class FactChecks
{
    /// <summary>A VM's clock may drift this far from its configured date plus its uptime.</summary>
    public static readonly TimeSpan VmClockTolerance = TimeSpan.FromDays(1);

    /// <summary>Beyond this skew from the local clock, another machine's clock is worth a warning.</summary>
    public static readonly TimeSpan HostClockTolerance = TimeSpan.FromMinutes(5);

    /// <summary>guix offload sends no build to a machine with less free space in its store (its %minimum-disk-space).</summary>
    public const long MinimumFreeBytes = 100L << 20;

    /// <summary>Below this, free space is reported as a warning.</summary>
    public const long LowFreeBytes = 1L << 30;

    /// <summary>
    /// Check 5, clock. A VM boots at its configured date and its clock then runs with it, so its
    /// clock should read date + uptime: a VM in the past is the point, not a problem. It fails when
    /// it is more than a day off (time synchronisation moved it, or systemd advanced it to its
    /// build date). Other machines are compared with this host's clock; a skew only warns.
    /// </summary>
    public static CheckResult Clock(RemoteFacts facts, DateTimeOffset? vmDate, DateTimeOffset localNow)
    {
        if (facts.Now is not { } now) return CheckResult.Fail(CheckIds.Clock, "the machine did not report its clock (date -u +%s)");
        var remote = DateTimeOffset.FromUnixTimeSeconds(now);
        if (vmDate is { } date)
        {
            if (facts.UptimeSeconds is not { } uptime) return CheckResult.Fail(CheckIds.Clock, "the VM did not report its uptime (/proc/uptime)");
            var expected = date + TimeSpan.FromSeconds(uptime);
            var offset = remote - expected;
            var values = new[]
            {
                CheckResult.Value("remote", Iso(remote)), CheckResult.Value("configuredDate", Iso(date)),
                CheckResult.Value("uptimeSeconds", Math.Round(uptime)), CheckResult.Value("offsetSeconds", (long)offset.TotalSeconds),
            };
            var said = $"clock {Iso(remote)}, configured date {Iso(date)} + uptime {Duration(TimeSpan.FromSeconds(uptime))}: offset {Signed(offset)}";
            return offset.Duration() <= VmClockTolerance
                ? CheckResult.Pass(CheckIds.Clock, said + " (a build VM in the past is expected)", values)
                : CheckResult.Fail(CheckIds.Clock, said + $": more than {Duration(VmClockTolerance)} off, the VM does not keep its configured date " +
                                                   "(time synchronisation, or a clock-epoch later than the date?)", values);
        }
        var skew = remote - localNow;
        var hostValues = new[] { CheckResult.Value("remote", Iso(remote)), CheckResult.Value("skewSeconds", (long)skew.TotalSeconds) };
        var text = $"clock {Iso(remote)}, {Signed(skew)} from this host's";
        return skew.Duration() <= HostClockTolerance
            ? CheckResult.Pass(CheckIds.Clock, text, hostValues)
            : CheckResult.Warn(CheckIds.Clock, text + $": more than {Duration(HostClockTolerance)} apart", hostValues);
    }

    /// <summary>
    /// Check 6, load: the 1-minute load divided by the machine's cores, against the machine's
    /// overload-threshold, as guix offload's scheduler judges it. An overloaded machine only
    /// waits for its builds, so this never fails.
    /// </summary>
    public static CheckResult Load(RemoteFacts facts, double? threshold, int parallelBuilds)
    {
        if (facts.Load1 is not { } load || facts.Cores is not { } cores)
            return CheckResult.Warn(CheckIds.Load, "the machine did not report its load (/proc/loadavg, nproc)");
        var normalized = load / cores;
        var values = new List<KeyValuePair<string, object>>
        {
            CheckResult.Value("load1", load), CheckResult.Value("cores", cores), CheckResult.Value("normalized", Math.Round(normalized, 3)),
            CheckResult.Value("parallelBuilds", parallelBuilds),
        };
        var text = $"load {Number(load)} on {cores} cores ({Number(normalized)} per core), parallel-builds {parallelBuilds}";
        if (threshold is not { } limit) return CheckResult.Pass(CheckIds.Load, text + "; overload-threshold #f: the load is disregarded", [.. values]);
        values.Add(CheckResult.Value("overloadThreshold", limit));
        return normalized < limit
            ? CheckResult.Pass(CheckIds.Load, text + $", below overload-threshold {Number(limit)}", [.. values])
            : CheckResult.Warn(CheckIds.Load, text + $": at or above overload-threshold {Number(limit)}, guix offload sends it no build now", [.. values]);
    }

    /// <summary>
    /// Check 7, free disk in the store (/gnu/store or /nix/store) and /tmp: fails below 100 MiB,
    /// where guix offload stops sending builds; warns below 1 GiB.
    /// </summary>
    public static CheckResult Disk(RemoteFacts facts)
    {
        if (facts.Disks.Count == 0) return CheckResult.Warn(CheckIds.Disk, "the machine did not report free disk space (df -Pk)");
        var values = facts.Disks.Select(d => CheckResult.Value(d.Path, d.AvailableBytes)).ToArray();
        var text = string.Join(", ", facts.Disks.Select(d => $"{d.Path} {Bytes(d.AvailableBytes)} free"));
        var least = facts.Disks.MinBy(d => d.AvailableBytes)!;
        if (least.AvailableBytes < MinimumFreeBytes)
            return CheckResult.Fail(CheckIds.Disk, text + $": {least.Path} has less than {Bytes(MinimumFreeBytes)}, guix offload sends no build there", values);
        if (least.AvailableBytes < LowFreeBytes)
            return CheckResult.Warn(CheckIds.Disk, text + $": {least.Path} has less than {Bytes(LowFreeBytes)}", values);
        var store = facts.Disks.Any(d => d.Path != "/tmp") ? "" : " (no /gnu/store or /nix/store)";
        return CheckResult.Pass(CheckIds.Disk, text + store, values);
    }

    public static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string Number(double d) => d.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Signed(TimeSpan t) => (t < TimeSpan.Zero ? "-" : "+") + Duration(t.Duration());

    /// <summary>A duration in its largest sensible unit: 42 s, 12 min, 5 h, 3 d, 12 years.</summary>
    public static string Duration(TimeSpan t) => t.TotalSeconds switch
    {
        < 120 => $"{t.TotalSeconds:0} s",
        < 7200 => $"{t.TotalMinutes:0} min",
        < 172800 => $"{t.TotalHours:0} h",
        < 365 * 86400 * 2.0 => $"{t.TotalDays:0} d",
        _ => $"{t.TotalDays / 365.25:0} years",
    };

    public static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{(bytes / (double)(1L << 30)).ToString("0.#", CultureInfo.InvariantCulture)} GiB",
        >= 1L << 20 => $"{bytes >> 20} MiB",
        _ => $"{bytes >> 10} KiB",
    };
}
