namespace Vbmc.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        try
        {
            // Before anything is written: folders 0755 and files 0644 (private ones get their own mode).
            Vbmc.Processes.CreationMask.UseStandard();
            MemoryLimit.Apply();
            return CliApp.Run(args, CliEnvironment.FromConsole());
        }
        catch (Exception e)
        {
            // Last resort: CliApp.Run already turns failures into diagnostics; this only guards
            // against a failure while writing them.
            Console.Error.WriteLine($"vbmc: error: internal error: {e.GetType().Name}: {e.Message} [{Vbmc.Diagnostics.DiagnosticIds.InternalError}]");
            return ExitCodes.UsageOrIo;
        }
    }
}
