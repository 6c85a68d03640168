namespace Vbmc.Host.Apply;

/// <summary>
/// The steps of `vbmc apply`, in the order they run. Every step calls
/// <see cref="ApplyOptions.BeforeStep"/> on entry, and the tests fail apply at each name of
/// <see cref="All"/> in turn, so a step added here is tested without anyone remembering to.
/// </summary>
public static class ApplySteps
{
    /// <summary>Read manifest.json and check every artifact's sha256 (changes nothing).</summary>
    public const string Verify = "verify";

    /// <summary>Clean up after an interrupted apply or rollback (<see cref="Recovery"/>).</summary>
    public const string Recover = "recover";

    /// <summary>Write generations/N.partial/ with every file but the machine files.</summary>
    public const string Stage = "stage";

    /// <summary>systemd-sysusers: the VMs' accounts (additive, not undone).</summary>
    public const string Accounts = "accounts";

    /// <summary>systemd-tmpfiles --create: the VMs' folders (additive, not undone).</summary>
    public const string Folders = "folders";

    /// <summary>ssh-keygen and the secrets drive, for VMs without them (kept, not undone).</summary>
    public const string Secrets = "secrets";

    /// <summary>Render the machine files with the host keys and a person's machines; finish generation.json.</summary>
    public const string MachineFiles = "machine-files";

    /// <summary>Rename generations/N.partial to generations/N.</summary>
    public const string Seal = "seal";

    /// <summary>Point `current` at generation N (one rename).</summary>
    public const string Switch = "switch";

    /// <summary>Make the installed symlinks those of generation N.</summary>
    public const string Link = "link";

    /// <summary>systemctl daemon-reload (live host only). The last step undone on failure: the commit point follows it.</summary>
    public const string ReloadUnits = "reload-units";

    /// <summary>Start/restart/stop the VMs' units (live host only, not with --no-start). After the commit point.</summary>
    public const string StartUnits = "start-units";

    public static readonly IReadOnlyList<string> All =
        [Verify, Recover, Stage, Accounts, Folders, Secrets, MachineFiles, Seal, Switch, Link, ReloadUnits, StartUnits];

    /// <summary>Steps after which a failure no longer rolls back: the new generation stays installed.</summary>
    public static readonly IReadOnlySet<string> AfterCommit = new HashSet<string>(StringComparer.Ordinal) { StartUnits };
}

/// <summary>
/// Where apply enters each step: the call of <see cref="ApplyOptions.BeforeStep"/>, the seam the
/// tests fail apply through. Without a hook (the vbmc program) it does nothing.
/// </summary>
internal static class FaultInjection
{
    public static void At(string step, ApplyOptions options) => options.BeforeStep?.Invoke(step);
}

/// <summary>What a test's <see cref="ApplyOptions.BeforeStep"/> throws to fail a step; apply reports it as a failure of that step.</summary>
public sealed class InjectedFaultException(string step) : Exception($"injected fault at step '{step}'")
{
    public string Step { get; } = step;
}
