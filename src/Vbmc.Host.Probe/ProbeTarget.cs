using Vbmc.Diagnostics;

namespace Vbmc.Host.Probe;

/// <summary>
/// One build machine to test, with every value the probe needs already resolved: key paths
/// under the --root folder, the pinned host key read from its file for VM entries.
/// </summary>
public sealed record ProbeTarget
{
    /// <summary>The machine's host name, as the machine file gives it (guix's build-machine name).</summary>
    public required string Host { get; init; }

    public required int Port { get; init; }

    public required string User { get; init; }

    /// <summary>The private key file ssh reads (already under --root for VM entries).</summary>
    public required string PrivateKeyFile { get; init; }

    /// <summary>The pinned OpenSSH public host key ("TYPE BASE64 [COMMENT]"); null when <see cref="HostKeyProblem"/> says why there is none.</summary>
    public string? HostKey { get; init; }

    /// <summary>Why there is no pinned host key (e.g. its file cannot be read); the probe then logs in nowhere.</summary>
    public string? HostKeyProblem { get; init; }

    /// <summary>The build daemons' sockets on the machine (a VM's guest may run guix-daemon and nix-daemon).</summary>
    public IReadOnlyList<string> DaemonSockets { get; init; } = ["/var/guix/daemon-socket/socket"];

    /// <summary>null: the offload scheduler disregards the machine's load (#f).</summary>
    public double? OverloadThreshold { get; init; } = 0.8;

    public int ParallelBuilds { get; init; } = 1;

    /// <summary>The virtual build machine this entry belongs to, or null for a machine written in the file.</summary>
    public string? Vm { get; init; }

    /// <summary>The VM's configured date (its clock at boot); null for other machines.</summary>
    public DateTimeOffset? VmDate { get; init; }

    /// <summary>Where the entry comes from in the configuration, for located diagnostics.</summary>
    public SourceSpan? Place { get; init; }

    /// <summary>How many entries of the input had this (host, port): guix offload test tests each once.</summary>
    public int Listed { get; init; } = 1;

    /// <summary>host:port as people write it, with brackets around an IPv6 literal.</summary>
    public string Display => Host.Contains(':') ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
