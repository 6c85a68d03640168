using System.Globalization;
using System.Text.Json;

namespace Vbmc.Host.Apply;

/// <summary>
/// The generations of one root folder: R/var/lib/vbmc/generations/N/ and the symlink
/// R/var/lib/vbmc/current → generations/N.
/// </summary>
public sealed class GenerationStore
{
    public string Root { get; }

    public GenerationStore(string root) => Root = root;

    public string GenerationsFolder => HostPaths.Under(Root, HostPaths.Generations);
    public string CurrentLink => HostPaths.LinkUnder(Root, HostPaths.CurrentLink);
    public string Folder(int number) => Path.Join(GenerationsFolder, number.ToString(CultureInfo.InvariantCulture));

    /// <summary>Folder where generation N is assembled before it is sealed by a rename to its number.</summary>
    public string StagingFolder(int number) => Path.Join(GenerationsFolder, $"{number}.partial");

    /// <summary>The number `current` points to, or null (no generation yet, or not a link of ours).</summary>
    public int? Current
    {
        get
        {
            if (RootFiles.LinkTarget(CurrentLink) is not { } target) return null;
            const string prefix = "generations/";
            return target.StartsWith(prefix, StringComparison.Ordinal)
                   && int.TryParse(target[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? n : null;
        }
    }

    /// <summary>Numbered (sealed) generation folders, ascending.</summary>
    public IReadOnlyList<int> Numbers()
    {
        return RootFiles.Entries(GenerationsFolder)
            .Select(Path.GetFileName)
            .Select(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var x) ? x : -1)
            .Where(n => n > 0)
            .Order()
            .ToList();
    }

    public int NextNumber() => (Numbers().LastOrDefault()) + 1;

    public GenerationRecord? Read(int number)
    {
        var file = Path.Join(Folder(number), GenerationRecord.FileName);
        try
        {
            return GenerationRecord.Parse(RootFiles.ReadAllText(file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    public GenerationRecord? ReadCurrent() => Current is { } n ? Read(n) : null;

    public bool BecameCurrent(int number) => RootFiles.FileExists(Path.Join(Folder(number), GenerationRecord.BecameCurrentMarker));

    public void MarkBecameCurrent(int number)
    {
        var marker = Path.Join(Folder(number), GenerationRecord.BecameCurrentMarker);
        if (RootFiles.FileExists(marker)) return;
        RootFiles.CreateNew(marker, Staging.ModeOf("0644")).Dispose();
        RootFiles.SyncFolder(Folder(number));
    }

    /// <summary>
    /// Points `current` at generation N (or removes it for null) with one rename(2): a reader
    /// sees the old target or the new one, never neither.
    /// </summary>
    public void Switch(int? number)
    {
        var temporary = HostPaths.LinkUnder(Root, HostPaths.CurrentLinkTemp);
        if (number is not { } n)
        {
            if (RootFiles.LinkTarget(CurrentLink) is not null) RootFiles.DeleteIfPresent(CurrentLink);
            return;
        }
        DeleteIfPresent(temporary);
        RootFiles.CreateSymbolicLink(temporary, $"generations/{n.ToString(CultureInfo.InvariantCulture)}");
        RootFiles.Rename(temporary, CurrentLink);
        RootFiles.SyncFolder(Path.GetDirectoryName(CurrentLink)!);
    }

    /// <summary>Deletes a file or symlink (not following it); no error when absent.</summary>
    public static void DeleteIfPresent(string path) => RootFiles.DeleteIfPresent(path);
}
