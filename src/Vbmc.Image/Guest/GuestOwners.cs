using Vbmc.Image.Base;
using Vbmc.Image.Disk;

namespace Vbmc.Image.Guest;

/// <summary>
/// The guest's owners, modes and device nodes of a staged root, kept beside it rather than in it:
/// the staged files belong to whoever runs vbmc (root or not, the same way), and the image gets
/// the guest's owners from this table after mke2fs (<see cref="InodeOwnership"/>). Entries come
/// from the base archive's listing; vbmc's own files are root's unless it gives them an owner.
/// </summary>
internal sealed class GuestOwners
{
    private const int TypeDirectory = 0x4000, TypeFile = 0x8000, TypeLink = 0xA000, TypeFifo = 0x1000;

    private readonly Dictionary<string, (int Mode, int Uid, int Gid)> _base = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TarMember> _devices = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Uid, int Gid)> _given = new(StringComparer.Ordinal);

    /// <summary>The table of a base made of <paramref name="members"/> (later members replace earlier ones, as tar does).</summary>
    public static GuestOwners FromListing(IEnumerable<TarMember> members)
    {
        var owners = new GuestOwners();
        foreach (var member in members)
        {
            if (member.Path.Length == 0) continue; // the root: mke2fs makes it 0755 root:root
            owners._devices.Remove(member.Path);
            owners._base.Remove(member.Path);
            if (member.IsDevice)
            {
                owners._devices[member.Path] = member;
                continue;
            }
            if (member.Type == 'h')
            {
                // A hard link is the inode of the member it names.
                if (member.LinkTarget is { } target && owners._base.TryGetValue(target, out var linked)) owners._base[member.Path] = linked;
                continue;
            }
            var type = member.Type switch
            {
                'd' => TypeDirectory,
                'l' => TypeLink,
                'p' => TypeFifo,
                _ => TypeFile,
            };
            owners._base[member.Path] = (type | member.Permissions, member.Uid, member.Gid);
        }
        return owners;
    }

    /// <summary>The base's device nodes (tar cannot make them as an ordinary user: they are made in the image).</summary>
    public IEnumerable<TarMember> Devices => _devices.Values;

    /// <summary>vbmc replaced or removed what is at <paramref name="relativePath"/> (and below it): the base's owners no longer apply.</summary>
    public void Forget(string relativePath)
    {
        var below = relativePath + "/";
        bool Under(string key) => relativePath.Length == 0 || key == relativePath || key.StartsWith(below, StringComparison.Ordinal);
        foreach (var key in _base.Keys.Where(Under).ToList()) _base.Remove(key);
        foreach (var key in _devices.Keys.Where(Under).ToList()) _devices.Remove(key);
        foreach (var key in _given.Keys.Where(Under).ToList()) _given.Remove(key);
    }

    /// <summary>The guest owner of a file vbmc wrote (its mode is the staged one).</summary>
    public void Own(string relativePath, int uid, int gid) => _given[relativePath] = (uid, gid);

    /// <summary>
    /// Every entry of the staged root <paramref name="stagedRoot"/> with its guest owner, in path
    /// order, and the base's device nodes vbmc left in place.
    /// </summary>
    public InodeOwnership For(string stagedRoot)
    {
        var inodes = new List<InodeOwner>();
        foreach (var relative in Entries(stagedRoot))
        {
            var guestPath = "/" + relative;
            if (_given.TryGetValue(relative, out var given)) inodes.Add(new InodeOwner(guestPath, given.Uid, given.Gid, null));
            // The mode of every base entry is set: the staged one may have been opened to its owner
            // (see GuestStager), and a link's is always 0777.
            else if (_base.TryGetValue(relative, out var entry))
                inodes.Add(new InodeOwner(guestPath, entry.Uid, entry.Gid, (entry.Mode & 0xF000) == TypeLink ? null : entry.Mode));
            else inodes.Add(new InodeOwner(guestPath, 0, 0, null));
        }
        var devices = _devices.Values.OrderBy(d => d.Path, StringComparer.Ordinal)
            .Select(d => new DeviceNode("/" + d.Path, d.Major, d.Minor, d.Uid, d.Gid,
                (d.Type == 'c' ? DeviceNode.CharacterDevice : DeviceNode.BlockDevice) | d.Permissions))
            .ToList();
        return new InodeOwnership(inodes, devices);
    }

    /// <summary>The staged root's entries (relative paths), links not followed, in ordinal order.</summary>
    private static List<string> Entries(string stagedRoot)
    {
        var found = new List<string>();
        var pending = new Stack<string>([""]);
        while (pending.Count > 0)
        {
            var relative = pending.Pop();
            var folder = new DirectoryInfo(relative.Length == 0 ? stagedRoot : Path.Combine(stagedRoot, relative));
            foreach (var entry in folder.EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = FileAttributes.None }))
            {
                var path = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
                found.Add(path);
                if (entry is DirectoryInfo { LinkTarget: null }) pending.Push(path);
            }
        }
        found.Sort(StringComparer.Ordinal);
        return found;
    }
}
