namespace Vbmc.Cli;

/// <summary>
/// Caps the managed heap of the vbmc process, so that a configuration that makes ever larger
/// values ends in a located diagnostic (the evaluator turns the runtime's OutOfMemoryException
/// into VBM2014) instead of growing until the machine swaps or the kernel kills it. Without a
/// limit, .NET's heap may grow to the machine's memory; in a container it already stops at 75%
/// of the cgroup's limit, and a smaller limit given by the user (DOTNET_GCHeapHardLimit) is kept.
/// </summary>
public static class MemoryLimit
{
    /// <summary>The heap vbmc allows itself: with the runtime's own memory the process stays under 1 GiB.</summary>
    public const long HeapBytes = 768L * 1024 * 1024;

    public static void Apply()
    {
        var current = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (current > 0 && current <= HeapBytes) return;
        // GC.RefreshMemoryLimit re-reads GCHeapHardLimit from the app context (documented for .NET 8+).
        AppContext.SetData("GCHeapHardLimit", (ulong)HeapBytes);
        GC.RefreshMemoryLimit();
    }
}
