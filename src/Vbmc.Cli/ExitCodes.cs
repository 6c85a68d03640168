namespace Vbmc.Cli;

/// <summary>The process exit codes of every vbmc command (documented in README.md).</summary>
public static class ExitCodes
{
    /// <summary>No error (warnings and notes may have been printed).</summary>
    public const int Ok = 0;

    /// <summary>The configuration has errors.</summary>
    public const int ConfigurationErrors = 1;

    /// <summary>Bad usage (unknown option, missing argument) or a file that cannot be read.</summary>
    public const int UsageOrIo = 2;
}
