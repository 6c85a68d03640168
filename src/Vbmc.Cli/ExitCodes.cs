namespace Vbmc.Cli;

/// <summary>The process exit codes of every vbmc command (documented in README.md and in vbmc(1)).</summary>
public static class ExitCodes
{
    /// <summary>No error (warnings and notes may have been printed).</summary>
    public const int Ok = 0;

    /// <summary>The configuration has errors.</summary>
    public const int ConfigurationErrors = 1;

    /// <summary>Bad usage (unknown option, missing argument) or a file that cannot be read.</summary>
    public const int UsageOrIo = 2;

    /// <summary>Each code with what it means to a user, for the manual page's EXIT STATUS.</summary>
    public static readonly IReadOnlyList<(int Code, string Meaning)> Meanings =
    [
        (Ok, "No errors (warnings and notes may have been printed)."),
        (ConfigurationErrors, "The configuration has errors; for vbmc test, a machine failed a check."),
        (UsageOrIo, "Not the configuration's fault: a usage error, a file that cannot be read, a file in compile's "
                    + "output folder that vbmc did not write or another compile writing it, a missing tool or base "
                    + "for images, not being root, a host apply or rollback cannot work on, or an internal error."),
    ];
}
