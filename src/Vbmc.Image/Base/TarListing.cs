using System.Globalization;
using System.Text;

namespace Vbmc.Image.Base;

/// <summary>One member of a tar archive as GNU tar lists it.</summary>
/// <param name="Name">The name as stored (what tar's --exclude matches).</param>
/// <param name="Path">The path it is extracted to, relative to the target folder ("" for the folder itself).</param>
/// <param name="Type">tar's type letter: '-' file, 'd' folder, 'l' symbolic link, 'h' hard link, 'c'/'b' device, 'p' FIFO...</param>
/// <param name="Permissions">The 12 permission bits (set-user-id, set-group-id and sticky included).</param>
/// <param name="LinkTarget">For a hard link, the path (as <paramref name="Path"/>) of the member it links to.</param>
/// <param name="Xattrs">The names of its extended attributes.</param>
internal sealed record TarMember(string Name, string Path, char Type, int Permissions, int Uid, int Gid, int Major, int Minor,
    string? LinkTarget, IReadOnlyList<string> Xattrs)
{
    public bool IsDevice => Type is 'c' or 'b';
}

/// <summary>
/// Reads the listing of <c>tar -t -vv --xattrs --numeric-owner --quoting-style=c</c>: one line a
/// member (mode, uid/gid, size or major,minor, date, time, quoted name, then " -> target" or
/// " link to target"), each followed by "  x: SIZE NAME" lines for its extended attributes.
/// The host's tar reads every format and compression it extracts, so what is listed is what
/// is extracted.
/// </summary>
internal static class TarListing
{
    public static readonly IReadOnlyList<string> ListArguments = ["-t", "-vv", "--xattrs", "--numeric-owner", "--quoting-style=c", "--full-time"];

    /// <summary>The members, in the archive's order; a FormatException names a line that is not a member.</summary>
    public static IReadOnlyList<TarMember> Parse(string listing)
    {
        var members = new List<TarMember>();
        foreach (var line in listing.Split('\n'))
        {
            if (line.Length == 0) continue;
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("x: ", StringComparison.Ordinal) && members.Count > 0)
            {
                var words = trimmed.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
                if (words.Length == 3)
                    members[^1] = members[^1] with { Xattrs = [.. members[^1].Xattrs, words[2]] };
                continue;
            }
            members.Add(Member(line));
        }
        return members;
    }

    private static TarMember Member(string line)
    {
        // Five fields separated by spaces (the size is right-aligned), then the quoted name.
        var position = 0;
        var fields = new string[5];
        for (var i = 0; i < fields.Length; i++)
        {
            while (position < line.Length && line[position] == ' ') position++;
            var end = line.IndexOf(' ', position);
            if (end < 0) throw new FormatException($"not a member of tar's listing: {line}");
            fields[i] = line[position..end];
            position = end;
        }
        while (position < line.Length && line[position] == ' ') position++;
        var name = Quoted(line, ref position);
        string? target = null;
        const string hardLink = " link to ", symbolicLink = " -> ";
        if (string.CompareOrdinal(line, position, hardLink, 0, hardLink.Length) == 0)
        {
            position += hardLink.Length;
            target = Quoted(line, ref position);
        }
        else if (string.CompareOrdinal(line, position, symbolicLink, 0, symbolicLink.Length) == 0)
        {
            position += symbolicLink.Length;
            Quoted(line, ref position);
        }
        if (position != line.Length) throw new FormatException($"not a member of tar's listing: {line}");

        var mode = fields[0].TrimEnd('*', '+', '.');
        if (mode.Length != 10) throw new FormatException($"not a mode in tar's listing: {line}");
        var ids = fields[1].Split('/');
        if (ids.Length != 2 || !int.TryParse(ids[0], NumberStyles.None, CultureInfo.InvariantCulture, out var uid)
            || !int.TryParse(ids[1], NumberStyles.None, CultureInfo.InvariantCulture, out var gid))
            throw new FormatException($"not numeric owners in tar's listing: {line}");
        int major = 0, minor = 0;
        if (mode[0] is 'c' or 'b')
        {
            var numbers = fields[2].Split(',');
            if (numbers.Length != 2 || !int.TryParse(numbers[0], NumberStyles.None, CultureInfo.InvariantCulture, out major)
                || !int.TryParse(numbers[1], NumberStyles.None, CultureInfo.InvariantCulture, out minor))
                throw new FormatException($"not a device's numbers in tar's listing: {line}");
        }
        return new TarMember(name, Normalise(name), mode[0], Permissions(mode, line), uid, gid, major, minor,
            target is null ? null : Normalise(target), []);
    }

    /// <summary>Where tar extracts a name: leading slashes and "./" removed, no trailing slash.</summary>
    internal static string Normalise(string name)
    {
        var parts = name.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".");
        return string.Join('/', parts);
    }

    /// <summary>"rwsr-x--T" and the like as bits.</summary>
    private static int Permissions(string mode, string line)
    {
        var bits = 0;
        for (var i = 0; i < 9; i++)
        {
            var c = mode[1 + i];
            var read = i % 3 == 0;
            var write = i % 3 == 1;
            var bit = 1 << (8 - i);
            if (c == '-') continue;
            if (read && c == 'r' || write && c == 'w' || !read && !write && c == 'x') bits |= bit;
            else if (!read && !write && (c is 's' or 't')) bits |= bit | Special(i);
            else if (!read && !write && (c is 'S' or 'T')) bits |= Special(i);
            else throw new FormatException($"not a mode in tar's listing: {line}");
        }
        return bits;
    }

    /// <summary>The set-user-id, set-group-id or sticky bit shown in the execute place of permission <paramref name="index"/>.</summary>
    private static int Special(int index) => index switch { 2 => 0x800, 5 => 0x400, _ => 0x200 };

    /// <summary>A name in C quoting (--quoting-style=c): double quotes, backslash escapes, octal bytes.</summary>
    private static string Quoted(string line, ref int position)
    {
        if (position >= line.Length || line[position] != '"') throw new FormatException($"no quoted name in tar's listing: {line}");
        var bytes = new List<byte>();
        position++;
        while (true)
        {
            if (position >= line.Length) throw new FormatException($"unterminated name in tar's listing: {line}");
            var c = line[position++];
            if (c == '"') break;
            if (c != '\\')
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
                continue;
            }
            if (position >= line.Length) throw new FormatException($"unterminated name in tar's listing: {line}");
            var e = line[position++];
            if (e is >= '0' and <= '7')
            {
                var value = e - '0';
                for (var n = 0; n < 2 && position < line.Length && line[position] is >= '0' and <= '7'; n++) value = value * 8 + (line[position++] - '0');
                bytes.Add((byte)value);
                continue;
            }
            bytes.Add(e switch
            {
                'a' => 7, 'b' => 8, 'f' => 12, 'n' => 10, 'r' => 13, 't' => 9, 'v' => 11,
                '\\' or '"' or '\'' or '?' => (byte)e,
                _ => throw new FormatException($"unknown escape \\{e} in tar's listing: {line}"),
            });
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
