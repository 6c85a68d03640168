using Vbmc.Diagnostics;
using Vbmc.Host.Apply;

[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

// Vbmc.Host.Apply.FaultHost STEP DIR ROOT: `vbmc apply DIR --root ROOT` through the library, which
// kills this process with SIGKILL as it enters STEP (one of ApplySteps.All). Exit codes: 137 when
// killed (the shell's 128 + 9), 0 when apply ended without reaching STEP, 1 when it failed, 2 for
// a usage error.
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: Vbmc.Host.Apply.FaultHost STEP DIR ROOT");
    return 2;
}
var (step, folder, root) = (args[0], args[1], args[2]);
if (!ApplySteps.All.Contains(step))
{
    Console.Error.WriteLine($"{step} names no step of apply; steps: {string.Join(", ", ApplySteps.All)}");
    return 2;
}

var diagnostics = HostApplier.Apply(folder, new ApplyOptions
{
    Root = root,
    Out = Console.Out,
    VbmcVersion = "test",
    BeforeStep = entered =>
    {
        if (entered != step) return;
        Console.Out.Flush();
        System.Diagnostics.Process.GetCurrentProcess().Kill();
    },
});
Console.Out.Flush();
foreach (var diagnostic in diagnostics) Console.Error.WriteLine(diagnostic);
return diagnostics.Any(d => d.Severity == Severity.Error) ? 1 : 0;
