using System.Diagnostics;
using Vbmc.Diagnostics;

namespace Vbmc.Host.Apply;

/// <summary>
/// Runs the host programs apply relies on (ssh-keygen, systemd-sysusers, systemd-tmpfiles,
/// systemctl). Arguments are passed as a list (no shell); no secret is ever an argument.
/// </summary>
internal static class HostTool
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <summary>The program's path; an <see cref="ApplyException"/> naming the Debian package when missing.</summary>
    public static string Require(string program, string debianPackage)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/usr/bin", "/sbin", "/bin"])
            .Select(dir => Path.Join(dir, program))
            .FirstOrDefault(File.Exists);
        return path ?? throw new ApplyException(DiagnosticIds.ApplyFailed, program, $"{program} is not installed",
            $"install it (Debian: apt-get install {debianPackage})");
    }

    public static Result Run(string executable, IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        var psi = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) psi.ArgumentList.Add(argument);
        psi.Environment["LC_ALL"] = "C.UTF-8";
        using var process = Process.Start(psi) ?? throw new ApplyException(DiagnosticIds.ApplyFailed, executable, "could not start");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new ApplyException(DiagnosticIds.ApplyFailed, executable, "did not finish in time");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs and throws (with the program's own message) unless it exits 0.</summary>
    public static Result RunChecked(string executable, IReadOnlyList<string> arguments, string what)
    {
        var result = Run(executable, arguments);
        if (result.ExitCode != 0)
        {
            var message = (result.Stderr.Trim().Length > 0 ? result.Stderr : result.Stdout).Trim();
            throw new ApplyException(DiagnosticIds.ApplyFailed, Path.GetFileName(executable),
                $"{what} failed (exit {result.ExitCode}): {message}");
        }
        return result;
    }
}
