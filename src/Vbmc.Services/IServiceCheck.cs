using Vbmc.Diagnostics;

namespace Vbmc.Services;

/// <summary>
/// One check pass over the folded service graph. Every public, non-abstract class of the
/// Vbmc.Services assembly that implements this interface and has a parameterless constructor is
/// run by <see cref="ConfigurationAnalyzer"/> (see <see cref="ServiceChecks"/>), so a new check is
/// a new file and needs no edit of the engine.
/// Passes run on the evaluation thread, inside the evaluation's context: they may read thunked
/// record fields (<c>Record.Get</c>) and call Scheme procedures (<c>Interpreter.Apply</c>). A
/// <c>SchemeError</c> escaping a pass is reported as a diagnostic; passes should still catch
/// their own to keep checking past a bad value.
/// </summary>
public interface IServiceCheck
{
    /// <summary>Adds every problem found to <paramref name="diagnostics"/>, each at its location.</summary>
    void Run(ServiceGraphView graph, DiagnosticBag diagnostics);
}
