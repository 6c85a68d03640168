using System.Globalization;
using System.Text;

namespace Vbmc.Host.Operate;

/// <summary>
/// The QEMU of a VM, found by its pid file. A pid file outlives the process it names when QEMU is
/// killed, and the pid may then be another program's: the process counts as the VM's QEMU only
/// when it is a qemu-system program started with -pidfile naming this very file.
/// </summary>
public sealed record QemuProcess(int Pid, TimeSpan? Uptime)
{
    /// <summary>The VM's running QEMU, or null (no pid file, or it names no QEMU of this VM).</summary>
    public static QemuProcess? Find(InstalledVm vm)
    {
        if (ReadPid(vm.PidFile) is not { } pid || !IsAlive(pid) || !IsQemuOf(pid, vm)) return null;
        return new QemuProcess(pid, UptimeOf(pid));
    }

    public static int? ReadPid(string pidFile)
    {
        try
        {
            var info = new FileInfo(pidFile);
            if (!info.Exists || info.Length > 64) return null;
            return int.TryParse(File.ReadAllText(pidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 1 ? pid : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Whether the process runs: it exists and is no zombie (a parent that does not reap, such as a container's init, keeps those).</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..];
            return state.Length > 0 && state[0] is not ('Z' or 'X');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    /// <summary>
    /// QEMU of this VM: its command is qemu-system-*, and its -pidfile argument is the VM's pid
    /// file (the host path under systemd and Shepherd, the path under the root when vbmc started it;
    /// the pid was read from the root's pid file, which a QEMU of another root does not write).
    /// </summary>
    public static bool IsQemuOf(int pid, InstalledVm vm)
    {
        var arguments = CommandLine(pid);
        if (arguments is not [var program, ..] || !Path.GetFileName(program).StartsWith("qemu-system-", StringComparison.Ordinal)) return false;
        var at = arguments.IndexOf("-pidfile");
        if (at < 0 || at + 1 >= arguments.Count) return false;
        var named = arguments[at + 1];
        // A service manager of the root runs the script as the root sees it, so QEMU names the host path.
        return named == vm.PidFile || named == Vbmc.Lowering.InstallLayout.PidFile(vm.Name);
    }

    private static List<string>? CommandLine(int pid)
    {
        try
        {
            var bytes = File.ReadAllBytes($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cmdline");
            return Encoding.UTF8.GetString(bytes).Split('\0', StringSplitOptions.RemoveEmptyEntries).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>How long the process has run: now (/proc/uptime) minus its start (/proc/PID/stat, field 22, in clock ticks since boot).</summary>
    private static TimeSpan? UptimeOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            // The command (field 2) is in parentheses and may hold spaces: count fields after its last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var startTicks = long.Parse(fields[22 - 3], CultureInfo.InvariantCulture);
            var sinceBoot = double.Parse(File.ReadAllText("/proc/uptime").Split(' ')[0], CultureInfo.InvariantCulture);
            var seconds = sinceBoot - (double)startTicks / Posix.ClockTicksPerSecond;
            return TimeSpan.FromSeconds(Math.Max(0, seconds));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>"3 h 02 min", "4 min 05 s", "12 s".</summary>
    public static string Describe(TimeSpan span) =>
        span.TotalDays >= 1 ? $"{(int)span.TotalDays} d {span.Hours:00} h"
        : span.TotalHours >= 1 ? $"{(int)span.TotalHours} h {span.Minutes:00} min"
        : span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes} min {span.Seconds:00} s"
        : $"{(int)span.TotalSeconds} s";
}
