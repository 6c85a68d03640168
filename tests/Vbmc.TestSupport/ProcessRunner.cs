using System.Diagnostics;

namespace Vbmc.TestSupport;

/// <summary>Runs a real program and captures its output (tests use real tools, never mocks).</summary>
public static class ProcessRunner
{
    public static ProcessResult Run(string executable, IEnumerable<string> arguments, string? workingDirectory = null,
        TimeSpan? timeout = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var psi = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Directory.GetCurrentDirectory(),
        };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        psi.Environment["LANG"] = "C.UTF-8";
        psi.Environment["LC_ALL"] = "C.UTF-8";
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                if (value is null) psi.Environment.Remove(key);
                else psi.Environment[key] = value;
            }
        }
        using var process = StartRetryingWhileBusy(psi) ?? throw new InvalidOperationException("could not start " + executable);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{executable} {string.Join(' ', arguments)} did not finish in time");
        }
        return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>
    /// Process.Start, retried a few times on ETXTBSY ("Text file busy"): a script a test has just
    /// written can still be open for writing in a child another test thread is forking at that
    /// moment (it inherits the descriptor until its exec), which makes exec fail for a few ms.
    /// </summary>
    private static Process? StartRetryingWhileBusy(ProcessStartInfo psi)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return Process.Start(psi);
            }
            catch (System.ComponentModel.Win32Exception e) when (e.NativeErrorCode == 26 && attempt < 20)
            {
                Thread.Sleep(50);
            }
        }
    }

    /// <summary>Finds a program on PATH (null when missing).</summary>
    public static string? FindOnPath(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}

public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr);
