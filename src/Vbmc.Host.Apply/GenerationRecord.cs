using System.Text.Json;
using System.Text.Json.Serialization;
using Vbmc.Lowering;

namespace Vbmc.Host.Apply;

/// <summary>
/// generation.json: what one generation installs. A generation folder
/// (/var/lib/vbmc/generations/N/) holds this record, the compile folder's manifest.json (byte for
/// byte; `vbmc test` reads the VMs there) and files/PATH, the installed copy of every file at its
/// host path. The host's PATH is a symlink to /var/lib/vbmc/current/files/PATH.
/// </summary>
public sealed record GenerationRecord
{
    public const int CurrentSchema = 1;
    public const string FileName = "generation.json";
    public const string ManifestFileName = "manifest.json";

    /// <summary>
    /// Written once the generation has been switched to. A numbered folder without it that is not
    /// current was left by an interrupted apply and is removed by the next apply or rollback.
    /// </summary>
    public const string BecameCurrentMarker = "became-current";

    public int Schema { get; init; } = CurrentSchema;
    public required int Number { get; init; }
    public required string Vbmc { get; init; }

    /// <summary>When it was made (UTC, ISO 8601): shown by `vbmc generations`, never installed.</summary>
    public required string Made { get; init; }

    public required ManifestSource Source { get; init; }
    public required IReadOnlyList<string> Vms { get; init; }

    /// <summary>Installed files, sorted by path: each is a symlink into current/files/.</summary>
    public required IReadOnlyList<InstalledFile> Files { get; init; }

    /// <summary>Installed symlinks with a fixed target (units enabled by WantedBy=), sorted by path.</summary>
    public required IReadOnlyList<InstalledLink> Links { get; init; }

    /// <summary>Machine-file paths whose person's file is kept at PATH.vbmc-orig and merged into ours.</summary>
    public required IReadOnlyList<string> Originals { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, GenerationRecordJsonContext.Default.GenerationRecord).Replace("\r\n", "\n") + "\n";

    public static GenerationRecord Parse(string json) =>
        JsonSerializer.Deserialize(json, GenerationRecordJsonContext.Default.GenerationRecord) ?? throw new JsonException("generation.json is null");

    /// <summary>Every host path this generation puts a symlink at.</summary>
    public IEnumerable<string> InstalledPaths => Files.Select(f => f.Path).Concat(Links.Select(l => l.Path));

    /// <summary>Same installed content (what "nothing to do" compares): files, links, originals.</summary>
    public bool SameContent(GenerationRecord other) =>
        Files.SequenceEqual(other.Files) && Links.SequenceEqual(other.Links) && Originals.SequenceEqual(other.Originals);
}

/// <param name="Path">Host path, e.g. /etc/nix/machines.</param>
/// <param name="Mode">Octal, e.g. "0644".</param>
/// <param name="Vm">The VM it belongs to; null for machine files.</param>
public sealed record InstalledFile(string Path, ArtifactKind Kind, string Sha256, long Size, string Mode, string? Vm);

/// <param name="Path">Host path of the symlink.</param>
/// <param name="Target">The symlink's target, exactly as written.</param>
public sealed record InstalledLink(string Path, string Target, string? Vm);
