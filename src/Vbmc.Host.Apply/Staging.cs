using System.Security.Cryptography;
using Vbmc.Diagnostics;

namespace Vbmc.Host.Apply;

/// <summary>
/// Writes a generation folder under its temporary name, generations/N.partial/: files/PATH for
/// every installed file (mode from the manifest, owner root), manifest.json and generation.json.
/// Everything is flushed to disk before the folder is sealed by renaming it to N.
/// </summary>
internal static class Staging
{
    public static void WriteFiles(GenerationStore store, string folder, IEnumerable<PlannedFile> files)
    {
        var older = store.Numbers().Select(n => (Number: n, Record: store.Read(n))).Where(g => g.Record is not null).ToList();
        foreach (var file in files)
        {
            var destination = HostPaths.InGeneration(folder, file.File.Path);
            RootFiles.CreateFolder(Path.GetDirectoryName(destination)!);
            GenerationStore.DeleteIfPresent(destination);
            if (file.Content is { } content)
            {
                Write(destination, content, file.File.Mode);
            }
            else if (older.Select(g => SameFileIn(store, g.Number, g.Record!, file.File)).FirstOrDefault(p => p is not null) is { } same)
            {
                // An unchanged image: one more name for the same inode, no copy (read-only in every generation).
                RootFiles.HardLink(same, destination);
            }
            else
            {
                Copy(file.SourcePath!, destination, file.File);
            }
        }
    }

    public static void Write(string destination, byte[] content, string mode)
    {
        using (var stream = RootFiles.CreateNew(destination, ModeOf(mode)))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
            // Through the descriptor written: the mode whatever the umask, on this very file.
            File.SetUnixFileMode(stream.SafeFileHandle, ModeOf(mode));
        }
    }

    public static void Seal(GenerationStore store, int number)
    {
        var staging = store.StagingFolder(number);
        RootFiles.SyncFolder(staging);
        RootFiles.Rename(staging, store.Folder(number));
        RootFiles.SyncFolder(store.GenerationsFolder);
    }

    public static UnixFileMode ModeOf(string octal) => (UnixFileMode)Convert.ToInt32(octal, 8);

    /// <summary>A file of an older generation with the same bytes and mode, if any is left (generation files never change).</summary>
    private static string? SameFileIn(GenerationStore store, int number, GenerationRecord record, InstalledFile wanted)
    {
        if (record.Files.FirstOrDefault(f => f.Sha256 == wanted.Sha256 && f.Mode == wanted.Mode) is not { } same)
            return null;
        var path = HostPaths.InGeneration(store.Folder(number), same.Path);
        return RootFiles.Kind(path) is (UnixFileKind.File, var size) && size == wanted.Size ? path : null;
    }

    /// <summary>Copies a large artifact, hashing what it copies: a file changed since verification is refused.</summary>
    private static void Copy(string source, string destination, InstalledFile file)
    {
        using (var input = File.OpenRead(source))
        using (var output = RootFiles.CreateNew(destination, ModeOf(file.Mode)))
        using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            var buffer = new byte[1 << 20];
            int read;
            while ((read = input.Read(buffer)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                output.Write(buffer, 0, read);
            }
            output.Flush(flushToDisk: true);
            if (Convert.ToHexStringLower(hash.GetHashAndReset()) != file.Sha256)
                throw new ApplyException(DiagnosticIds.ApplyFailed, source,
                    "changed while vbmc apply was copying it (its sha256 no longer matches the manifest)");
            File.SetUnixFileMode(output.SafeFileHandle, ModeOf(file.Mode));
        }
    }
}
