using System.Security.Cryptography;
using Vbmc.Lowering;

namespace Vbmc.Compile;

/// <summary>The artifact list of manifest.json: every file of the folder but manifest.json, sorted by path (ordinal).</summary>
public static class ManifestEntries
{
    public static ManifestArtifact ForContent(string path, ArtifactKind kind, byte[] content, int mode, string? vm) =>
        new(path, kind, Convert.ToHexStringLower(SHA256.HashData(content)), content.LongLength, Entries.OctalMode(mode), vm);

    /// <summary>Hashes a file that is already on disk (images: streamed, never held in memory).</summary>
    public static ManifestArtifact ForFile(string nativePath, string path, ArtifactKind kind, int mode, string? vm)
    {
        using var stream = new FileStream(nativePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        var hash = SHA256.HashData(stream);
        return new ManifestArtifact(path, kind, Convert.ToHexStringLower(hash), stream.Length, Entries.OctalMode(mode), vm);
    }

    public static Manifest Complete(Manifest header, IEnumerable<ManifestArtifact> artifacts) =>
        header with { Artifacts = artifacts.OrderBy(a => a.Path, StringComparer.Ordinal).ToList() };

    /// <summary>
    /// The manifest kept in the folder while its files are being replaced one by one: it lists
    /// every path of the old and the new manifest, so that a compile killed half-way leaves a
    /// folder whose files are all still ours (the next compile replaces them without a conflict)
    /// and whose hashes do not all match (apply, which checks them, refuses it).
    /// </summary>
    public static Manifest Transitional(Manifest? previous, Manifest next)
    {
        var byPath = new Dictionary<string, ManifestArtifact>(StringComparer.Ordinal);
        foreach (var artifact in previous?.Artifacts ?? [])
        {
            if (artifact?.Path is { } path && RelativePaths.IsSafe(path)) byPath[path] = artifact;
        }
        foreach (var artifact in next.Artifacts) byPath.TryAdd(artifact.Path, artifact);
        return Complete(next, byPath.Values);
    }
}
