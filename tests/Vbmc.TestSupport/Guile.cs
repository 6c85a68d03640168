using System.Diagnostics;

namespace Vbmc.TestSupport;

/// <summary>
/// Runs the reference implementation, GNU Guile 3.0 (Debian package guile-3.0, installed by
/// .ci/run), for differential tests. One process per batch keeps the suite fast: callers put
/// many cases in one program and split its output.
/// </summary>
public static class Guile
{
    private static readonly Lazy<string?> ExecutableLazy = new(Find);

    /// <summary>Path of guile-3.0, or null when it is not installed.</summary>
    public static string? Executable => ExecutableLazy.Value;

    /// <summary>
    /// Differential tests must not pass by skipping: in CI (CI=true) a missing Guile is a failure;
    /// on a developer machine without it the test fails with a message saying how to install it.
    /// </summary>
    public static string Require() =>
        Executable ?? throw new InvalidOperationException(
            "guile-3.0 is not installed: apt-get install -y guile-3.0 (the differential tests need the reference implementation)");

    /// <summary>Runs <paramref name="program"/> (Scheme source) and returns its standard output.</summary>
    public static GuileResult Run(string program, TimeSpan? timeout = null)
    {
        var exe = Require();
        var file = Path.Combine(Path.GetTempPath(), $"vbmc-guile-{Guid.NewGuid():N}.scm");
        File.WriteAllText(file, program);
        try
        {
            var psi = new ProcessStartInfo(exe)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            psi.ArgumentList.Add("--no-auto-compile");
            psi.ArgumentList.Add("-s");
            psi.ArgumentList.Add(file);
            // A fixed UTF-8 locale: Guile escapes non-ASCII characters in `write` under the C locale.
            psi.Environment["LANG"] = "C.UTF-8";
            psi.Environment["LC_ALL"] = "C.UTF-8";
            psi.Environment["GUILE_AUTO_COMPILE"] = "0";
            using var process = Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("guile-3.0 did not finish in time");
            }
            return new GuileResult(process.ExitCode, stdout.Result, stderr.Result);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string? Find()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
        {
            foreach (var name in new[] { "guile-3.0", "guile" })
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }
}

public sealed record GuileResult(int ExitCode, string Stdout, string Stderr);
