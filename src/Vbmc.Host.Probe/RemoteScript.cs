using System.Globalization;

namespace Vbmc.Host.Probe;

/// <summary>
/// The one command the probe runs on a machine after logging in: a fixed POSIX shell script
/// that prints what the clock, load and disk checks need, one labelled line each. Nothing from
/// the machine file is part of it. It is sent as <c>sh -c '...'</c>: the remote login shell
/// parses that, and single quotes around a text with no quote or backslash mean the same text
/// in every Bourne-style shell (and fish).
/// </summary>
public static class RemoteScript
{
    /// <summary>The first line of the output, proof that the script (not a banner or motd) answered.</summary>
    public const string Marker = "vbmc-probe 1";

    /// <summary>The stores the disk check looks at (Guix's, Nix's) and /tmp, where builds unpack.</summary>
    public static readonly IReadOnlyList<string> DiskPaths = ["/gnu/store", "/nix/store", "/tmp"];

    public const string Script =
        "exec 2>&1; " +
        "echo \"" + Marker + "\"; " +
        "echo \"now $(date -u +%s)\"; " +
        "echo \"uptime $(cat /proc/uptime)\"; " +
        "echo \"loadavg $(cat /proc/loadavg)\"; " +
        "echo \"cores $(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN)\"; " +
        "for d in /gnu/store /nix/store /tmp; do " +
        "if [ -d \"$d\" ]; then echo \"df $d $(df -Pk \"$d\" | tail -n 1)\"; fi; " +
        "done";

    /// <summary>The ssh command argument: the script quoted for the remote shell.</summary>
    public static string Command => "sh -c " + QuoteForShell(Script);

    /// <summary>POSIX single-quote quoting: '...' with each ' written as '\''.</summary>
    public static string QuoteForShell(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>Reads the script's output; values it lacks stay null.</summary>
    public static RemoteFacts Parse(string output)
    {
        var lines = output.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        var facts = new RemoteFacts { Answered = lines.Contains(Marker) };
        var disks = new List<DiskSpace>();
        foreach (var line in lines)
        {
            var space = line.IndexOf(' ');
            if (space < 0) continue;
            var (label, rest) = (line[..space], line[(space + 1)..].Trim());
            switch (label)
            {
                case "now" when long.TryParse(rest, NumberStyles.Integer, CultureInfo.InvariantCulture, out var now):
                    facts = facts with { Now = now };
                    break;
                case "uptime" when Number(First(rest)) is { } uptime:
                    facts = facts with { UptimeSeconds = uptime };
                    break;
                case "loadavg" when Number(First(rest)) is { } load:
                    facts = facts with { Load1 = load };
                    break;
                case "cores" when int.TryParse(rest, NumberStyles.Integer, CultureInfo.InvariantCulture, out var cores) && cores > 0:
                    facts = facts with { Cores = cores };
                    break;
                case "df" when DfLine(rest) is { } disk:
                    disks.Add(disk);
                    break;
            }
        }
        return facts with { Disks = disks };
    }

    private static string First(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";

    private static double? Number(string s) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;

    /// <summary>
    /// "PATH FILESYSTEM 1024-BLOCKS USED AVAILABLE CAPACITY% MOUNTPOINT" (df -P). The file system
    /// name or mount point may hold spaces, so the columns are found from the "N%" capacity.
    /// </summary>
    private static DiskSpace? DfLine(string rest)
    {
        var words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 6 || !DiskPaths.Contains(words[0])) return null;
        for (var i = 5; i < words.Length; i++)
        {
            if (!words[i].EndsWith('%') || !int.TryParse(words[i][..^1], NumberStyles.None, CultureInfo.InvariantCulture, out _)) continue;
            if (long.TryParse(words[i - 1], NumberStyles.None, CultureInfo.InvariantCulture, out var available)
                && long.TryParse(words[i - 3], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
                return new DiskSpace(words[0], available * 1024, size * 1024);
        }
        return null;
    }
}

/// <summary>What the remote script reported.</summary>
public sealed record RemoteFacts
{
    /// <summary>The marker line came back: the script ran.</summary>
    public bool Answered { get; init; }

    /// <summary>The machine's clock, seconds since the epoch (UTC).</summary>
    public long? Now { get; init; }

    public double? UptimeSeconds { get; init; }

    public double? Load1 { get; init; }

    public int? Cores { get; init; }

    public IReadOnlyList<DiskSpace> Disks { get; init; } = [];
}

public sealed record DiskSpace(string Path, long AvailableBytes, long SizeBytes);
