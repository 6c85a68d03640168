namespace Vbmc.TestSupport;

/// <summary>
/// Runs the real `vbmc` program as a separate process, as a user or CI would: the native program
/// that VBMC_EXECUTABLE names (tests/run-all.sh publishes it with tests/publish-native.sh: the
/// Native AOT build the README installs), else vbmc.dll, copied next to the tests by their project
/// reference to Vbmc.Cli, run by dotnet.
/// </summary>
public static class VbmcCli
{
    /// <summary>The variable that names the native program the tests run (an absolute path).</summary>
    public const string ExecutableVariable = "VBMC_EXECUTABLE";

    /// <summary>
    /// The native program VBMC_EXECUTABLE names, or null when the variable is unset or empty.
    /// Throws when it names no executable file: a suite asked to test a build must not quietly
    /// test another one.
    /// </summary>
    public static string? NativeExecutable => Native(Environment.GetEnvironmentVariable(ExecutableVariable));

    /// <summary>What <see cref="NativeExecutable"/> answers for a value of the variable.</summary>
    public static string? Native(string? variable)
    {
        if (string.IsNullOrEmpty(variable)) return null;
        if (!Path.IsPathFullyQualified(variable))
            throw new InvalidOperationException(
                $"{ExecutableVariable}={variable} is not an absolute path (the tests run vbmc from other folders)");
        if (!File.Exists(variable))
            throw new InvalidOperationException(
                $"{ExecutableVariable}={variable}: no such file (publish it with: bash tests/publish-native.sh)");
        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(variable) & anyExecute) == 0)
            throw new InvalidOperationException($"{ExecutableVariable}={variable} is not executable");
        return variable;
    }

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

    /// <summary>The program and first arguments that start vbmc: [native program] or [dotnet, vbmc.dll].</summary>
    public static IReadOnlyList<string> Launcher => NativeExecutable is { } native ? [native] : [DotnetHost, Dll];

    /// <summary>The whole command line of `vbmc ARGUMENTS`, for tests that start it themselves (in a shell, a namespace).</summary>
    public static IReadOnlyList<string> CommandLine(IEnumerable<string> arguments) => [.. Launcher, .. arguments];

    /// <summary>Which build the tests run, for their output.</summary>
    public static string Description =>
        NativeExecutable is { } native ? $"{native} (native, {ExecutableVariable})" : $"{Dll} (run by {DotnetHost})";

    public static ProcessResult Run(IEnumerable<string> arguments, string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        var command = CommandLine(arguments);
        return ProcessRunner.Run(command[0], command.Skip(1), workingDirectory, timeout ?? TimeSpan.FromMinutes(3), environment);
    }
}
