namespace Vbmc.TestSupport;

/// <summary>
/// Host programs the tests use for real (shellcheck, systemd-analyze, qemu, sshd...). A missing
/// tool fails the test with the package to install: tests never skip silently. tests/run-all.sh
/// installs them all.
/// </summary>
public static class HostTools
{
    /// <summary>The tool's full path; throws when it is not installed.</summary>
    public static string Require(string program, string debianPackage)
    {
        var found = program.Contains('/') ? (File.Exists(program) ? program : null)
            : ProcessRunner.FindOnPath(program)
              ?? new[] { "/usr/sbin", "/sbin", "/usr/bin" }.Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);
        return found ?? throw new InvalidOperationException(
            $"{program} is not installed: apt-get install {debianPackage} (tests/run-all.sh installs it)");
    }
}
