using System.Collections.Concurrent;
using System.Diagnostics;

namespace Vbmc.Processes;

/// <summary>
/// Every program vbmc has started and not yet seen end. When vbmc is interrupted or exits (see
/// <see cref="Interruption"/>), each is killed with its process tree, so that no mmdebstrap or
/// ssh outlives the vbmc that started it.
/// </summary>
/// <remarks>
/// A SIGKILL of vbmc runs no handler; its children then end when their own work is done, as
/// before. The tree is the one the children form when they are killed: a grandchild that its
/// parent left behind (a daemon) is no longer in it. The programs vbmc runs start none.
/// </remarks>
internal static class ChildRegistry
{
    private static readonly ConcurrentDictionary<Process, byte> Running = new(ReferenceEqualityComparer.Instance);

    public static void Add(Process process)
    {
        Interruption.EnsureHandlers();
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
}
