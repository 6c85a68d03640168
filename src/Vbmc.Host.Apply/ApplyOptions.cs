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

    /// <summary>The artifacts apply knows (their installed paths, merging, activation): vbmc's own, or more in tests.</summary>
    public Vbmc.Lowering.ArtifactCatalog Artifacts { get; init; } = Vbmc.Lowering.ArtifactCatalog.Standard;

    /// <summary>Where the report goes (the CLI's standard output).</summary>
    public TextWriter Out { get; init; } = TextWriter.Null;

    /// <summary>
    /// Test seam, never set by vbmc itself: called with each step's name (<see cref="ApplySteps.All"/>)
    /// as apply enters it. Tests fail a step by throwing <see cref="InjectedFaultException"/> from it,
    /// or kill the process there (tests/Vbmc.Host.Apply.FaultHost, a test-only program). Nothing
    /// in the environment or on the command line sets it.
    /// </summary>
    public Action<string>? BeforeStep { get; init; }
}
