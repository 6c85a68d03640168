using System.Runtime.CompilerServices;
using Microsoft.Win32.SafeHandles;

namespace Vbmc.Host.Files;

/// <summary>
/// The file operations apply, rollback, gc, vbmc test and the verbs make under a --root folder R,
/// each resolved by the kernel beneath R at the moment it is made. Paths stay the strings the
/// callers build (R/etc/vbmc/...: what messages show); inside an <see cref="Enter"/> scope, a
/// path under R has its folder opened with openat2(RESOLVE_IN_ROOT) from a descriptor of R taken
/// at the start, and the operation names that descriptor (/proc/PID/fd/N/LEAF). A folder swapped
/// for a link between building the path and using it is thus followed inside R only, as
/// systemd-tmpfiles does with --root; the last component is never followed where that matters
/// (owners and modes through an O_NOFOLLOW descriptor, reads, creation with O_EXCL, rename and
/// unlink of the name itself).
/// </summary>
/// <remarks>
/// Outside a scope, or for paths not under its R (the compile folder), or with R = "/", each
/// operation is the plain one on the path. Child programs get the /proc/PID/fd path, which they
/// resolve to the same folder while the operation holds its descriptor.
/// </remarks>
public static class RootFiles
{
    private static readonly AsyncLocal<Scope?> Current = new();

    private sealed class Scope(string root, SafeFileHandle handle, Scope? outer) : IDisposable
    {
        public string Root { get; } = root;
        public SafeFileHandle Handle { get; } = handle;

        public void Dispose()
        {
            Current.Value = outer;
            Handle.Dispose();
        }
    }

    private sealed class NoScope : IDisposable
    {
        public void Dispose() { }
    }

    /// <summary>Makes every operation below on paths under <paramref name="root"/> kernel-resolved beneath it, until disposed.</summary>
    public static IDisposable Enter(string root)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        if (full is "/" or "") return new NoScope();
        var scope = new Scope(full, Posix.OpenFolder(full), Current.Value);
        Current.Value = scope;
        return scope;
    }

    /// <summary>
    /// Runs <paramref name="operation"/> on the path's last component, by its name, in its folder
    /// as the kernel resolves that folder beneath the scope's root now (opened with openat2, named
    /// through /proc): for operations on the name itself (create, rename, link, unlink, lstat,
    /// readlink, an O_NOFOLLOW open). Errors name the given path.
    /// </summary>
    public static T At<T>(string path, Func<string, T> operation)
    {
        if (Beneath(path) is not var (scope, relative)) return operation(path);
        var slash = relative.LastIndexOf('/');
        var (folder, leaf) = slash < 0 ? ("", relative) : (relative[..slash], relative[(slash + 1)..]);
        using var handle = Posix.OpenFolderBeneath(scope.Handle, folder)
                           ?? throw new DirectoryNotFoundException($"Could not find a part of the path '{path}'.");
        // "/." for the root itself: the folder, not /proc's link to it.
        return Named(Pinned(handle) + "/" + (leaf.Length > 0 ? leaf : "."), path, operation);
    }

    public static void At(string path, Action<string> operation) => At(path, p =>
    {
        operation(p);
        return true;
    });

    /// <summary>
    /// Runs <paramref name="operation"/> on what the path leads to, every link in it (the last
    /// too) followed beneath the root (the whole path opened with openat2, named through /proc);
    /// null when nothing is there.
    /// </summary>
    private static T? Following<T>(string path, Func<string, T?> operation) where T : class
    {
        if (Beneath(path) is not var (scope, relative)) return operation(path);
        using var handle = Posix.OpenPathBeneath(scope.Handle, relative);
        return handle is null ? null : Named(Pinned(handle), path, operation);
    }

    private static string Pinned(SafeFileHandle handle) => $"/proc/{Environment.ProcessId}/fd/{handle.DangerousGetHandle()}";

    /// <summary>Runs the operation on the /proc name; an error names <paramref name="path"/> instead.</summary>
    private static T Named<T>(string pinned, string path, Func<string, T> operation)
    {
        try
        {
            return operation(pinned);
        }
        catch (FileNotFoundException e)
        {
            throw new FileNotFoundException(e.Message.Replace(pinned, path, StringComparison.Ordinal), path);
        }
        catch (DirectoryNotFoundException e)
        {
            throw new DirectoryNotFoundException(e.Message.Replace(pinned, path, StringComparison.Ordinal));
        }
        catch (IOException e)
        {
            throw new IOException(e.Message.Replace(pinned, path, StringComparison.Ordinal), e.HResult);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new UnauthorizedAccessException(e.Message.Replace(pinned, path, StringComparison.Ordinal));
        }
    }

    /// <summary>The path below the root ("" for the root itself), or null when it is not under it.</summary>
    private static string? Relative(string root, string path)
    {
        if (path == root) return "";
        return path.StartsWith(root + "/", StringComparison.Ordinal) ? path[(root.Length + 1)..].TrimEnd('/') : null;
    }

    /// <summary>The scope and the path below its root, when <paramref name="path"/> is under a scope's root.</summary>
    private static (Scope Scope, string Relative)? Beneath(string path) =>
        Current.Value is { } scope && Relative(scope.Root, path) is { } relative ? (scope, relative) : null;

    /// <summary>What is at the path, the last component not followed; null when nothing (or its folder is missing).</summary>
    public static (UnixFileKind Kind, long Size)? Kind(string path) => AtIfFolder(path, p => Posix.Kind(p));

    /// <summary>As <see cref="At{T}"/> for a query: null when the path's folder does not exist.</summary>
    private static T? AtIfFolder<T>(string path, Func<string, T?> query) where T : struct
    {
        try
        {
            return At(path, query);
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>What the path leads to, links followed (beneath the root, in a scope).</summary>
    private static UnixFileKind? KindFollowing(string path) =>
        Following(path, p => Posix.Kind(p, follow: true) is { } facts ? new StrongBox<UnixFileKind>(facts.Kind) : null)?.Value;

    /// <summary>Whether the path leads to a regular file (as File.Exists: links followed, beneath the root in a scope).</summary>
    public static bool FileExists(string path) => KindFollowing(path) == UnixFileKind.File;

    /// <summary>Whether the path leads to a folder (as Directory.Exists: links followed, beneath the root in a scope).</summary>
    public static bool FolderExists(string path) => KindFollowing(path) == UnixFileKind.Folder;

    /// <summary>Whether anything is at the name, a link included (not followed).</summary>
    public static bool Exists(string path) => Kind(path) is not null;

    /// <summary>The inode and device of the path itself (null when absent).</summary>
    public static (ulong Device, ulong Inode)? Identity(string path) => AtIfFolder(path, Posix.Identity);

    public static bool SameFile(string a, string b) => Identity(a) is { } x && Identity(b) is { } y && x == y;

    /// <summary>The owner of the path itself (a link is not followed); null when absent.</summary>
    public static (uint Uid, uint Gid)? Owner(string path) => AtIfFolder(path, Posix.Owner);

    /// <summary>The mode of the file or folder the path leads to (links followed, beneath the root in a scope).</summary>
    public static UnixFileMode Mode(string path) =>
        Following(path, p => new StrongBox<UnixFileMode>(File.GetUnixFileMode(p)))?.Value
        ?? throw new FileNotFoundException($"Could not find file '{path}'.", path);

    /// <summary>The target of a symlink at the path, or null when it is not one.</summary>
    public static string? LinkTarget(string path)
    {
        try
        {
            return At(path, p => Posix.Kind(p)?.Kind == UnixFileKind.Link ? new FileInfo(p).LinkTarget : null);
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The bytes of the file the path leads to (links followed, beneath the root in a scope).</summary>
    public static byte[] ReadAllBytes(string path)
    {
        if (Beneath(path) is not var (scope, relative)) return File.ReadAllBytes(path);
        using var handle = Posix.OpenToReadBeneath(scope.Handle, relative)
                           ?? throw new FileNotFoundException($"Could not find file '{path}'.", path);
        using var stream = new FileStream(handle, FileAccess.Read);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static string ReadAllText(string path) => System.Text.Encoding.UTF8.GetString(ReadAllBytes(path));

    /// <summary>A new file, created with its mode (O_CREAT | O_EXCL: nothing at the path is followed or reused).</summary>
    public static FileStream CreateNew(string path, UnixFileMode mode) => At(path, p => new FileStream(p, new FileStreamOptions
    {
        Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = mode,
    }));

    /// <summary>Makes the folder and its missing parents, one at a time, each beneath the root.</summary>
    public static void CreateFolder(string path)
    {
        if (Beneath(path) is not var (scope, relative))
        {
            Directory.CreateDirectory(path);
            return;
        }
        var prefix = scope.Root;
        foreach (var part in relative.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            prefix += "/" + part;
            if (!FolderExists(prefix)) At(prefix, p => Directory.CreateDirectory(p));
        }
    }

    /// <summary>Sets owner (when given) and mode through a descriptor of the path itself (a link there is an error).</summary>
    public static void SetOwnerAndMode(string path, (uint Uid, uint Gid)? owner, UnixFileMode mode) =>
        At(path, p => Posix.SetOwnerAndMode(p, owner, mode));

    public static void Rename(string from, string to) => At(from, f => At(to, t => Posix.Rename(f, t)));

    public static void HardLink(string existing, string newPath) => At(existing, e => At(newPath, n => Posix.HardLink(e, n)));

    public static void CreateSymbolicLink(string path, string target) => At(path, p => File.CreateSymbolicLink(p, target));

    /// <summary>Removes a file or symlink (not following it); no error when absent.</summary>
    public static void DeleteIfPresent(string path)
    {
        if (Exists(path)) At(path, File.Delete);
    }

    /// <summary>Removes an empty folder.</summary>
    public static void DeleteEmptyFolder(string path) => At(path, p => Directory.Delete(p));

    /// <summary>Deletes a folder (symlinks inside are removed, never followed) or a file or link.</summary>
    public static void DeleteTree(string path)
    {
        if (Kind(path)?.Kind == UnixFileKind.Folder) At(path, p => Directory.Delete(p, recursive: true));
        else DeleteIfPresent(path);
    }

    /// <summary>The entries of the folder the path leads to (full paths under the given one), or none when there is none.</summary>
    public static IReadOnlyList<string> Entries(string folder, string pattern = "*") =>
        Following(folder, p => Directory.Exists(p)
            ? Directory.EnumerateFileSystemEntries(p, pattern).Select(e => Path.Join(folder, Path.GetFileName(e))).Order(StringComparer.Ordinal).ToList()
            : null) ?? [];

    /// <summary>Runs <paramref name="operation"/> on the folder the path leads to (links followed, beneath the root in a scope).</summary>
    public static T InFolder<T>(string folder, Func<string, T> operation) where T : class =>
        Following(folder, operation) ?? throw new DirectoryNotFoundException($"Could not find a part of the path '{folder}'.");

    /// <summary>Makes the entries of the folder the path leads to durable.</summary>
    public static void SyncFolder(string path) => Following(path, p =>
    {
        Posix.SyncDirectory(p);
        return p;
    });

    /// <summary>Takes the exclusive lock of a lock file (made 0600 if missing); null when another process holds it.</summary>
    public static SafeFileHandle? Lock(string path) => At(path, Posix.LockFile);
}
