using System.IO.Enumeration;

namespace Vbmc.Image.Disk;

/// <summary>What the staged root folder holds, for progress and for "does not fit" messages.</summary>
public static class StagedContent
{
    /// <summary>
    /// The sum of the sizes of the folder's files (symbolic links not followed, unreadable folders
    /// skipped, hard links counted each time): an estimate, not what the file system will use.
    /// </summary>
    public static long ApparentBytes(string folder)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            // Count every file: the default skips hidden ones, and dot files are guest content.
            AttributesToSkip = FileAttributes.None,
            ReturnSpecialDirectories = false,
        };
        var sizes = new FileSystemEnumerable<long>(folder, (ref FileSystemEntry entry) => entry.IsDirectory ? 0 : entry.Length, options)
        {
            // A symbolic link to a folder is a link in the image, not the folder's content.
            ShouldRecursePredicate = (ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0,
        };
        return sizes.Sum();
    }
}
