using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vbmc.Lowering;

/// <summary>
/// manifest.json of a compile folder: what was compiled, the VMs (what apply and test need
/// without re-reading the configuration), and every artifact with its sha256. Written by compile,
/// read by apply and test. Deterministic: no times, no absolute paths, artifacts sorted by path.
/// </summary>
public sealed record Manifest
{
    public const int CurrentSchema = 1;

    public int Schema { get; init; } = CurrentSchema;

    /// <summary>vbmc's version that wrote it.</summary>
    public required string Vbmc { get; init; }

    public required ManifestSource Source { get; init; }

    /// <summary>
    /// The other files the configuration read (load, include, user modules from the load path),
    /// in reading order, relative to the configuration's folder; null when there are none.
    /// </summary>
    public IReadOnlyList<ManifestInput>? Inputs { get; init; }

    public required IReadOnlyList<ManifestVm> Vms { get; init; }

    public required IReadOnlyList<ManifestArtifact> Artifacts { get; init; }

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Options).Replace("\r\n", "\n") + "\n";

    /// <summary>Parses a manifest; throws <see cref="JsonException"/> on malformed input.</summary>
    public static Manifest Parse(string json) =>
        JsonSerializer.Deserialize<Manifest>(json, Options) ?? throw new JsonException("manifest.json is null");
}

/// <param name="File">The configuration's file name (not its folder: the same file compiled from two places gives the same manifest).</param>
public sealed record ManifestSource(string File, string Sha256);

/// <param name="Path">Relative to the configuration's folder, '/' separated (may start with ../).</param>
public sealed record ManifestInput(string Path, string Sha256);

/// <summary>What apply and test need to know of a VM.</summary>
public sealed record ManifestVm(
    string Name,
    string Account,
    bool AutoStart,
    int? SshPort,
    IReadOnlyList<string> Systems,
    string Date,
    string Cpu,
    int CpuCount,
    long MemoryMiB,
    IReadOnlyList<string>? DaemonSockets = null)
{
    public static ManifestVm From(VmPlan vm) => new(vm.Name, vm.Account.Name, vm.AutoStart, vm.SshHostPort, vm.Systems,
        vm.Date.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        vm.Cpu, vm.CpuCount, vm.MemoryMiB, vm.DaemonSockets);
}

/// <param name="Path">Relative to the compile folder, '/' separated.</param>
/// <param name="Mode">Octal Unix mode, e.g. "0755".</param>
/// <param name="Vm">The VM the artifact belongs to; null for the machine files.</param>
public sealed record ManifestArtifact(string Path, ArtifactKind Kind, string Sha256, long Size, string Mode, string? Vm);
