using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Vbmc.Image.Disk;

/// <summary>
/// mke2fs -d copies each file's atime, mtime and ctime from the staged folder (and a ctime cannot
/// be set back on the host), so after it every inode in use gets the request's time with debugfs.
/// Its crtime is not copied: mke2fs sets it to E2FSPROGS_FAKE_TIME, the request's time already,
/// so the batch leaves it out (a quarter fewer commands).
/// </summary>
public static partial class TimestampNormaliser
{
    private static readonly string[] TimeFields = ["atime", "mtime", "ctime"];

    /// <summary>
    /// The inodes in use, read from dumpe2fs's listing of each group's free inodes: root (2) and
    /// every used inode from the first ordinary one (11) on. Reserved inodes 1 and 3-10 are left
    /// alone: mke2fs gives the journal and resize inodes the fake time and the others stay zero.
    /// </summary>
    public static IReadOnlyList<long> InodesInUse(string dumpe2fsOutput)
    {
        long inodesPerGroup = 0, inodeCount = 0, firstInode = 11;
        var freeByGroup = new List<string>();
        var inGroups = false; // the superblock part has a "Free inodes:" count too
        foreach (var rawLine in dumpe2fsOutput.Split('\n'))
        {
            var line = rawLine.Trim();
            if (GroupHeading().IsMatch(line)) inGroups = true;
            else if (TryValue(line, "Inodes per group:", out var perGroup)) inodesPerGroup = perGroup;
            else if (TryValue(line, "Inode count:", out var count)) inodeCount = count;
            else if (TryValue(line, "First inode:", out var first)) firstInode = first;
            else if (inGroups && line.StartsWith("Free inodes:", StringComparison.Ordinal)) freeByGroup.Add(line["Free inodes:".Length..].Trim());
        }
        if (inodesPerGroup <= 0 || inodeCount <= 0 || freeByGroup.Count * inodesPerGroup != inodeCount)
            throw new FormatException("dumpe2fs's output does not list every group's free inodes");

        var used = new List<long>();
        for (var group = 0; group < freeByGroup.Count; group++)
        {
            var low = group * inodesPerGroup + 1;
            var high = (group + 1) * inodesPerGroup;
            var next = low;
            foreach (var (from, to) in Ranges(freeByGroup[group]))
            {
                for (var inode = next; inode < from; inode++) used.Add(inode);
                next = to + 1;
            }
            for (var inode = next; inode <= high; inode++) used.Add(inode);
        }
        return used.Where(inode => inode == 2 || inode >= firstInode).ToList();
    }

    /// <summary>debugfs's batch: one `sif` (set inode field) per copied time field of every inode.</summary>
    public static string DebugfsBatch(IEnumerable<long> inodes, long unixSeconds)
    {
        var time = "@" + unixSeconds.ToString(CultureInfo.InvariantCulture);
        var batch = new StringBuilder();
        foreach (var inode in inodes)
        {
            foreach (var field in TimeFields)
                batch.Append("sif <").Append(inode.ToString(CultureInfo.InvariantCulture)).Append("> ")
                     .Append(field).Append(' ').Append(time).Append('\n');
        }
        return batch.ToString();
    }

    /// <summary>
    /// Lines of debugfs's standard error that report a problem: debugfs exits 0 even when a
    /// batch command fails, so its only sign is an error line (the version banner is not one).
    /// </summary>
    public static IReadOnlyList<string> ErrorLines(string debugfsStderr) =>
        debugfsStderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.StartsWith("debugfs ", StringComparison.Ordinal))
            .ToList();

    private static IEnumerable<(long From, long To)> Ranges(string list)
    {
        foreach (var item in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var dash = item.IndexOf('-');
            if (dash < 0)
            {
                var single = long.Parse(item, CultureInfo.InvariantCulture);
                yield return (single, single);
            }
            else
            {
                yield return (long.Parse(item[..dash], CultureInfo.InvariantCulture), long.Parse(item[(dash + 1)..], CultureInfo.InvariantCulture));
            }
        }
    }

    private static bool TryValue(string line, string label, out long value)
    {
        value = 0;
        return line.StartsWith(label, StringComparison.Ordinal)
               && long.TryParse(line[label.Length..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    [GeneratedRegex(@"^Group \d+:")]
    private static partial Regex GroupHeading();
}
