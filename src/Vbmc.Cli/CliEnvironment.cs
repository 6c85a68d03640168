using System.Runtime.InteropServices;

namespace Vbmc.Cli;

/// <summary>
/// Everything the CLI takes from its surroundings, passed in so tests can run it in-process
/// with captured output. <see cref="WorkingDirectory"/> is what SARIF URIs are made relative to;
/// file arguments are opened as given (relative to the process's current directory).
/// </summary>
public sealed record CliEnvironment(TextWriter Out, TextWriter Error, bool ColorOutput, string WorkingDirectory)
{
    /// <summary>The real console: colour only for a terminal, and never when NO_COLOR is set (no-color.org).</summary>
    public static CliEnvironment FromConsole() => new(
        Console.Out,
        Console.Error,
        ColorOutput: !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
        WorkingDirectory: Directory.GetCurrentDirectory());

    /// <summary>The Guix system type of this host, the default of --system (%current-system).</summary>
    public static string HostSystem => RuntimeInformation.OSArchitecture switch
    {
        Architecture.Arm64 => "aarch64-linux",
        Architecture.Arm => "armhf-linux",
        Architecture.X86 => "i686-linux",
        Architecture.RiscV64 => "riscv64-linux",
        Architecture.Ppc64le => "powerpc64le-linux",
        _ => "x86_64-linux",
    };
}
