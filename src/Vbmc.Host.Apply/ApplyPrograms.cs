using Vbmc.Diagnostics;
using Vbmc.Processes;

namespace Vbmc.Host.Apply;

/// <summary>
/// Apply's use of the host programs it relies on (ssh-keygen, systemd-sysusers, systemd-tmpfiles,
/// systemctl), run by <see cref="ProgramRunner"/>: a missing program or a failed run is an
/// <see cref="ApplyException"/>. Arguments are a list (no shell); no secret is ever an argument.
/// </summary>
internal static class ApplyPrograms
{
    /// <summary>The program's path; an <see cref="ApplyException"/> naming the Debian package when missing.</summary>
    public static string Require(HostProgram program) =>
        program.Locate() ?? throw new ApplyException(DiagnosticIds.ApplyFailed, program.Name, program.NotInstalled,
            $"install it (Debian: {program.InstallHint})");

    /// <summary>Runs and throws (with the program's own message) unless it exits 0 within its time limit.</summary>
    public static ProgramResult RunChecked(HostProgram program, string executable, IReadOnlyList<string> arguments, string what)
    {
        var result = ProgramRunner.Run(program.Request(executable, arguments));
        if (!result.Succeeded)
        {
            throw new ApplyException(DiagnosticIds.ApplyFailed, Path.GetFileName(executable),
                $"{what} failed ({result.Outcome}): {result.Explanation}");
        }
        return result;
    }
}
