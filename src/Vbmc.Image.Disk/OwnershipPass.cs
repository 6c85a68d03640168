using System.Globalization;
using System.Text;

namespace Vbmc.Image.Disk;

/// <summary>
/// Applies an <see cref="InodeOwnership"/> to a file system made by <c>mke2fs -d</c>: device nodes
/// first, with debugfs (its mknod is mke2fs's own code, so they are made as mke2fs makes them),
/// then every inode's owner and mode, written by vbmc into the inode tables (<see cref="Ext4Inodes"/>).
/// Both depend only on the ownership, never on who runs vbmc, so two builds of one guest write the
/// same bytes.
/// </summary>
public static class OwnershipPass
{
    /// <summary>
    /// Why the ownership cannot be applied, or null: a path that is not absolute, or a device
    /// node's name that debugfs cannot be given (it reads one command a line). The inodes' names
    /// are looked up by vbmc, line breaks and all.
    /// </summary>
    public static string? Problem(InodeOwnership ownership)
    {
        foreach (var path in ownership.Inodes.Select(i => i.GuestPath).Concat(ownership.Devices.Select(d => d.GuestPath)))
            if (!path.StartsWith('/')) return $"{path}: not an absolute guest path";
        foreach (var device in ownership.Devices)
        {
            if (device.GuestPath.IndexOfAny(['\n', '\r', '\0']) >= 0)
                return $"the device node name {Printable(device.GuestPath)} holds a line break, which debugfs cannot be given to make it";
            var type = device.Mode & DeviceNode.TypeMask;
            if (type != DeviceNode.CharacterDevice && type != DeviceNode.BlockDevice)
                return $"{device.GuestPath}: mode {Octal(device.Mode)} is not a device's";
            if (device.GuestPath.EndsWith('/'))
                return $"{device.GuestPath}: a device node needs a name";
        }
        return null;
    }

    /// <summary>
    /// The debugfs batch that makes the device nodes (see <see cref="Problem"/> first), each with
    /// its owner and mode.
    /// </summary>
    public static string DeviceBatch(InodeOwnership ownership)
    {
        var batch = new StringBuilder();
        foreach (var device in ownership.Devices)
        {
            // debugfs's mknod takes a name in its current folder.
            var slash = device.GuestPath.LastIndexOf('/');
            var folder = slash == 0 ? "/" : device.GuestPath[..slash];
            var kind = (device.Mode & DeviceNode.TypeMask) == DeviceNode.CharacterDevice ? 'c' : 'b';
            var quoted = Quote(device.GuestPath);
            batch.Append("cd ").Append(Quote(folder)).Append('\n');
            batch.Append("mknod ").Append(Quote(device.GuestPath[(slash + 1)..])).Append(' ').Append(kind).Append(' ')
                .Append(device.Major.ToString(CultureInfo.InvariantCulture)).Append(' ')
                .Append(device.Minor.ToString(CultureInfo.InvariantCulture)).Append('\n');
            batch.Append("sif ").Append(quoted).Append(" mode ").Append(Octal(device.Mode)).Append('\n');
            batch.Append("sif ").Append(quoted).Append(" uid ").Append(device.Uid.ToString(CultureInfo.InvariantCulture)).Append('\n');
            batch.Append("sif ").Append(quoted).Append(" gid ").Append(device.Gid.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        return batch.ToString();
    }

    /// <summary>
    /// Gives every listed inode its owner and mode; returns the paths not found in the file system.
    /// Folder by folder, in the order the folders first appear, as the debugfs batch that did this
    /// before named them (each folder's entries after one cd): where two paths are one inode (a
    /// hard link), the same one wins.
    /// </summary>
    internal static List<string> Apply(InodeOwnership ownership, Ext4Inodes inodes)
    {
        var missing = new List<string>();
        foreach (var (folder, members) in ByFolder(ownership.Inodes))
        {
            foreach (var (name, owner) in members)
            {
                var path = folder == "/" ? "/" + name : folder + "/" + name;
                if (inodes.Lookup(path) is { } inode) inodes.SetOwner(inode, owner.Uid, owner.Gid, owner.Mode);
                else missing.Add(owner.GuestPath);
            }
        }
        return missing;
    }

    /// <summary>The inodes grouped by their folder (the root's entries under "/"), each with its name in it.</summary>
    private static List<(string Folder, List<(string Name, InodeOwner Inode)> Inodes)> ByFolder(IEnumerable<InodeOwner> inodes)
    {
        var groups = new List<(string, List<(string, InodeOwner)>)>();
        var index = new Dictionary<string, List<(string, InodeOwner)>>(StringComparer.Ordinal);
        foreach (var inode in inodes)
        {
            var path = inode.GuestPath.TrimEnd('/');
            if (path.Length == 0)
            {
                path = "/."; // the root itself: "." in it
            }
            var slash = path.LastIndexOf('/');
            var folder = slash == 0 ? "/" : path[..slash];
            if (!index.TryGetValue(folder, out var members))
            {
                index[folder] = members = [];
                groups.Add((folder, members));
            }
            members.Add((path[(slash + 1)..], inode));
        }
        return groups;
    }

    /// <summary>
    /// Lines of debugfs's standard error that report a problem: debugfs exits 0 even when a
    /// batch command fails, so its only sign is an error line (the version banner is not one).
    /// </summary>
    public static IReadOnlyList<string> ErrorLines(string debugfsStderr) =>
        debugfsStderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.StartsWith("debugfs ", StringComparison.Ordinal))
            .ToList();

    /// <summary>debugfs's quoting (its command parser, libss): inside double quotes, a doubled quote is one quote.</summary>
    internal static string Quote(string path) => "\"" + path.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Octal(int mode) => "0" + Convert.ToString(mode, 8);

    private static string Printable(string path) => path.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal)
        .Replace("\0", "\\0", StringComparison.Ordinal);
}
