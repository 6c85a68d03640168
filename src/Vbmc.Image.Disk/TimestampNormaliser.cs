namespace Vbmc.Image.Disk;

/// <summary>
/// mke2fs -d copies each file's atime, mtime and ctime from the staged folder (and a ctime cannot
/// be set back on the host), so after it every inode in use gets the request's time, written into
/// the inode tables (<see cref="Ext4Inodes"/>). Its crtime is not copied: mke2fs sets it to
/// E2FSPROGS_FAKE_TIME, the request's time already. The reserved inodes 1 and 3-10 are left
/// alone: mke2fs gives the journal and resize inodes the fake time and the others stay zero.
/// </summary>
public static class TimestampNormaliser
{
    /// <summary>Gives every inode in use that holds a file (root's and from the first ordinary one on) the time <paramref name="unixSeconds"/>.</summary>
    internal static void Apply(Ext4Inodes inodes, long unixSeconds)
    {
        foreach (var inode in inodes.FileInodesInUse()) inodes.SetTimes(inode, unixSeconds);
    }
}
