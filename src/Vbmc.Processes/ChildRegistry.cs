using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace Vbmc.Processes;

/// <summary>
/// Every program vbmc has started and not yet seen end. When vbmc is interrupted (SIGINT, i.e.
/// Ctrl+C; SIGTERM; SIGHUP; SIGQUIT) or exits (ProcessExit, the default load context unloading),
/// each is killed with its process tree, so that no mmdebstrap or ssh outlives the vbmc that
/// started it. The handlers do not cancel the signal: vbmc still ends as it would have.
/// </summary>
/// <remarks>
/// A SIGKILL of vbmc runs no handler; its children then end when their own work is done, as
/// before. The tree is the one the children form when they are killed: a grandchild that its
/// parent left behind (a daemon) is no longer in it. The programs vbmc runs start none.
/// </remarks>
internal static class ChildRegistry
{
    private static readonly ConcurrentDictionary<Process, byte> Running = new(ReferenceEqualityComparer.Instance);
    private static readonly object Gate = new();
    private static List<PosixSignalRegistration>? _signals;

    public static void Add(Process process)
    {
        EnsureHandlers();
        Running.TryAdd(process, 0);
    }

    public static void Remove(Process process) => Running.TryRemove(process, out _);

    /// <summary>How many started programs have not ended yet (tests).</summary>
    public static int Count => Running.Count;

    /// <summary>Kills every registered program with its process tree.</summary>
    public static void KillAll()
    {
        foreach (var process in Running.Keys) KillTree(process);
    }

    /// <summary>Kills <paramref name="process"/> and its descendants; nothing when it has ended.</summary>
    public static void KillTree(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            // It ended meanwhile, or was disposed: nothing left to kill.
        }
    }

    private static void EnsureHandlers()
    {
        if (Volatile.Read(ref _signals) is not null) return;
        lock (Gate)
        {
            if (_signals is not null) return;
            AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
            AssemblyLoadContext.Default.Unloading += _ => KillAll();
            var signals = new List<PosixSignalRegistration>();
            foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT })
            {
                try
                {
                    signals.Add(PosixSignalRegistration.Create(signal, _ => KillAll()));
                }
                catch (PlatformNotSupportedException)
                {
                    // SIGHUP and SIGQUIT have no meaning on Windows; ProcessExit still covers it.
                }
            }
            Volatile.Write(ref _signals, signals);
        }
    }
}
