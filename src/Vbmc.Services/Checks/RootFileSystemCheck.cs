using Vbmc.Data;
using Vbmc.Diagnostics;
using Vbmc.Evaluation.Records;

namespace Vbmc.Services.Checks;

/// <summary>
/// An operating-system needs a file system mounted on <c>/</c>: Guix refuses one without ("missing
/// root file system", at the operating-system form) while it makes the system's services. A file
/// system list vbmc does not fully know (an opaque value in it) is left alone.
/// </summary>
public sealed class RootFileSystemCheck : IServiceCheck
{
    public void Run(ServiceGraphView graph, DiagnosticBag diagnostics)
    {
        if (graph.Configuration is not Record { Type.Name: "<operating-system>" } os || os.Type.IndexOf("file-systems") < 0) return;
        if (Lists.ToListOrNull(os.Get("file-systems")) is not { } fileSystems) return;
        if (fileSystems.Any(Evaluation.Guix.OpaqueValue.Involves)) return;
        if (fileSystems.OfType<Record>().Any(fs => fs.Type.IndexOf("mount-point") >= 0 && fs.Get("mount-point") is "/")) return;
        diagnostics.Error(DiagnosticIds.MissingRootFileSystem, os.Span.HasPosition ? os.Span : graph.FileSpan,
            "missing root file system",
            "add a file-system whose mount-point is \"/\" to the operating-system's file-systems");
    }
}
