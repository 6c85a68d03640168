using System.Text.Json;
using Vbmc.Lowering;

namespace Vbmc.Compile;

/// <summary>
/// What the output folder holds before a compile, and which of it is ours. "Ours" is exactly
/// manifest.json, when it is a vbmc manifest, and the paths its artifact list names: whatever
/// else is in the folder belongs to someone else and is never overwritten or deleted.
/// </summary>
public sealed record PreviousOutput
{
    /// <summary>What is at the output folder's own path (a link is not followed).</summary>
    public required EntryKind Kind { get; init; }

    /// <summary>
    /// The path is a folder, or a symbolic link to one (the user's way of putting the folder
    /// elsewhere: followed for reading and writing files, but the link itself is never replaced).
    /// </summary>
    public bool IsFolder { get; init; }

    /// <summary>The previous manifest, when manifest.json is one.</summary>
    public Manifest? Manifest { get; init; }

    /// <summary>Why an existing manifest.json is not ours (unreadable, not a vbmc manifest); null otherwise.</summary>
    public string? ManifestProblem { get; init; }

    /// <summary>Our paths: manifest.json and the artifacts the previous manifest lists (safe paths only).</summary>
    public IReadOnlySet<string> Owned { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public static PreviousOutput Read(string directory)
    {
        var kind = Entries.KindOf(directory);
        if (!Directory.Exists(directory)) return new PreviousOutput { Kind = kind };

        var manifestPath = Path.Combine(directory, InstallLayout.ManifestPath);
        switch (Entries.KindOf(manifestPath))
        {
            case EntryKind.None:
                return new PreviousOutput { Kind = kind, IsFolder = true };
            case EntryKind.File:
                break;
            default:
                return new PreviousOutput { Kind = kind, IsFolder = true, ManifestProblem = "it is not a regular file" };
        }
        try
        {
            var manifest = Lowering.Manifest.Parse(File.ReadAllText(manifestPath));
            var owned = new HashSet<string>(StringComparer.Ordinal) { InstallLayout.ManifestPath };
            foreach (var artifact in manifest.Artifacts ?? [])
            {
                if (artifact?.Path is { } path && RelativePaths.IsSafe(path)) owned.Add(path);
            }
            return new PreviousOutput { Kind = kind, IsFolder = true, Manifest = manifest, Owned = owned };
        }
        catch (JsonException e)
        {
            return new PreviousOutput { Kind = kind, IsFolder = true, ManifestProblem = "it is not a vbmc manifest (" + e.Message + ")" };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new PreviousOutput { Kind = kind, IsFolder = true, ManifestProblem = "it cannot be read (" + e.Message + ")" };
        }
    }
}
