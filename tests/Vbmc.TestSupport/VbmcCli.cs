namespace Vbmc.TestSupport;

/// <summary>
/// Runs the real `vbmc` program (vbmc.dll, copied next to the tests by their project reference
/// to Vbmc.Cli) as a separate process, as a user or CI would.
/// </summary>
public static class VbmcCli
{
    public static string Dll
    {
        get
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "vbmc.dll");
            return File.Exists(dll) ? dll : throw new InvalidOperationException(
                "vbmc.dll is not next to the tests: the test project must reference src/Vbmc.Cli");
        }
    }

    /// <summary>The dotnet host that runs the tests (DOTNET_HOST_PATH is set by the SDK), else `dotnet` on PATH.</summary>
    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : ProcessRunner.FindOnPath("dotnet") ?? throw new InvalidOperationException("dotnet is not on PATH");

    public static ProcessResult Run(IEnumerable<string> arguments, string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null) =>
        ProcessRunner.Run(DotnetHost, [Dll, .. arguments], workingDirectory, TimeSpan.FromMinutes(3), environment);
}
