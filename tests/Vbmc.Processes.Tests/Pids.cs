using System.Globalization;

namespace Vbmc.Processes.Tests;

/// <summary>Whether a process lives, read from /proc (a zombie counts as ended: nothing may reap it in a container).</summary>
public static class Pids
{
    public static bool IsAlive(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        // "PID (COMM) STATE ...": COMM may hold spaces and parentheses, so the state follows the last ')'.
        var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
        return state is not ("Z" or "X");
    }

    /// <summary>True once <paramref name="pid"/> has ended, waiting at most <paramref name="within"/>.</summary>
    public static bool Ends(int pid, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (IsAlive(pid))
        {
            if (DateTime.UtcNow > deadline) return false;
            Thread.Sleep(20);
        }
        return true;
    }

    public static int Parse(string line) => int.Parse(line.Trim(), NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>Kills a process the test started, if a test failed before it ended.</summary>
    public static void KillQuietly(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            process.Kill();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }
}
