using System.Globalization;
using System.Text;

namespace Vbmc.Image;

/// <summary>
/// Writes a cpio archive in the "newc" format, the one the Linux kernel unpacks as an initramfs.
/// Every entry gets the same owner (root), time and a sequential inode number, in the order they
/// are added: the same entries give the same bytes.
/// </summary>
internal sealed class CpioArchive(long mtime)
{
    private const int Directory = 0x4000;
    private const int Regular = 0x8000;
    private const int CharacterDevice = 0x2000;

    private readonly MemoryStream _bytes = new();
    private int _inode;

    public void AddFolder(string name) => Add(name, Directory | 0b111_101_101, [], 2, 0, 0);

    public void AddFile(string name, byte[] content, int permissions) => Add(name, Regular | permissions, content, 1, 0, 0);

    public void AddCharacterDevice(string name, int permissions, int major, int minor) =>
        Add(name, CharacterDevice | permissions, [], 1, major, minor);

    /// <summary>The archive with its trailer.</summary>
    public byte[] ToArray()
    {
        Add("TRAILER!!!", 0, [], 1, 0, 0);
        return _bytes.ToArray();
    }

    private void Add(string name, int mode, byte[] content, int links, int rdevMajor, int rdevMinor)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name + "\0");
        var header = new StringBuilder("070701");
        // ino, mode, uid, gid, nlink, mtime, filesize, devmajor, devminor, rdevmajor, rdevminor, namesize, check
        long[] fields = [++_inode, mode, 0, 0, links, mtime, content.Length, 0, 0, rdevMajor, rdevMinor, nameBytes.Length, 0];
        foreach (var field in fields) header.Append(field.ToString("X8", CultureInfo.InvariantCulture));
        _bytes.Write(Encoding.ASCII.GetBytes(header.ToString()));
        _bytes.Write(nameBytes);
        Pad();
        _bytes.Write(content);
        Pad();
    }

    /// <summary>Names and contents start on 4-byte boundaries.</summary>
    private void Pad()
    {
        while (_bytes.Length % 4 != 0) _bytes.WriteByte(0);
    }
}
