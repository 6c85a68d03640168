using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace Vbmc.Processes;

/// <summary>
/// What vbmc does when it is interrupted (SIGINT, i.e. Ctrl+C; SIGTERM; SIGHUP; SIGQUIT) or
/// exits (ProcessExit, the default load context unloading): kill the programs it started, with
/// their trees, then remove its temporary folders. The handlers do not cancel the signal: vbmc
/// still ends as it would have. Installed once, when the first program or folder is registered.
/// </summary>
internal static class Interruption
{
    private static readonly object Gate = new();
    private static List<PosixSignalRegistration>? _signals;

    public static void EnsureHandlers()
    {
        if (Volatile.Read(ref _signals) is not null) return;
        lock (Gate)
        {
            if (_signals is not null) return;
            AppDomain.CurrentDomain.ProcessExit += (_, _) => CleanUp();
            AssemblyLoadContext.Default.Unloading += _ => CleanUp();
            var signals = new List<PosixSignalRegistration>();
            foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT })
            {
                try
                {
                    signals.Add(PosixSignalRegistration.Create(signal, _ => CleanUp()));
                }
                catch (PlatformNotSupportedException)
                {
                    // SIGHUP and SIGQUIT have no meaning on Windows; ProcessExit still covers it.
                }
            }
            Volatile.Write(ref _signals, signals);
        }
    }

    private static void CleanUp()
    {
        ChildRegistry.KillAll();
        TemporaryFolders.RemoveAll();
    }
}
