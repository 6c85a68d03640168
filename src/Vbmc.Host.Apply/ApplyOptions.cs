namespace Vbmc.Host.Apply;

/// <summary>Options of apply and rollback.</summary>
public sealed record ApplyOptions
{
    /// <summary>The root folder to install under ("/" for the host itself).</summary>
    public string Root { get; init; } = "/";

    /// <summary>Print what would change and change nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>On a live systemd host: reload units but start, restart and stop none.</summary>
    public bool NoStart { get; init; }

    /// <summary>vbmc's version, recorded in each generation.</summary>
    public string VbmcVersion { get; init; } = "0.0.0";

    /// <summary>Where the report goes (the CLI's standard output).</summary>
    public TextWriter Out { get; init; } = TextWriter.Null;

    /// <summary>Test hook: fail at this step of <see cref="ApplySteps.All"/> (apply only).</summary>
    public string? FaultStep { get; init; }

    public FaultKind FaultKind { get; init; } = FaultKind.Throw;
}
