using Vbmc.Lowering;

namespace Vbmc.Image.Guest;

/// <summary>
/// Adds the offloading account to the guest's account databases (/etc/passwd, shadow, group,
/// gshadow) as text, without running useradd in the guest: no chroot, no root-only mounts.
/// The account has no password (shadow '*': no password login, yet not "locked", which sshd
/// would refuse even with a key); its supplementary groups are those of its duties that the base
/// has: kvm (upstream's offloading account) and nix-users (the Nix daemon's socket).
/// </summary>
internal static class GuestAccounts
{
    public static IReadOnlyList<string> SupplementaryGroups => GuestAccount.DutyGroups;

    /// <summary>The databases' new text, from their current text (missing files: empty).</summary>
    public static (string Passwd, string Shadow, string Group, string Gshadow) Edit(GuestAccount guest,
        string passwd, string shadow, string group, string gshadow)
    {
        var groupLines = Lines(group).ToList();
        var gshadowLines = Lines(gshadow).ToList();
        // The primary group: the base's when it has one of that name (Debian: users, 100).
        var gid = guest.Gid.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (groupLines.FirstOrDefault(l => Field(l, 0) == guest.Group) is { } existing)
        {
            gid = Field(existing, 2) ?? gid;
        }
        else
        {
            groupLines.Add($"{guest.Group}:x:{gid}:");
            gshadowLines.Add($"{guest.Group}:!::");
        }
        foreach (var name in SupplementaryGroups)
        {
            groupLines = groupLines.Select(l => Field(l, 0) == name ? AddMember(l, 3, guest.Name) : l).ToList();
            gshadowLines = gshadowLines.Select(l => Field(l, 0) == name ? AddMember(l, 3, guest.Name) : l).ToList();
        }
        var passwdLines = Lines(passwd).Where(l => Field(l, 0) != guest.Name)
            .Append($"{guest.Name}:x:{guest.Uid}:{gid}:{guest.Comment}:{guest.Home}:{guest.Shell}");
        var shadowLines = Lines(shadow).Where(l => Field(l, 0) != guest.Name)
            .Append($"{guest.Name}:*::0:99999:7:::");
        return (Join(passwdLines), Join(shadowLines), Join(groupLines), Join(gshadowLines));
    }

    private static IEnumerable<string> Lines(string text) => text.Split('\n').Where(l => l.Length > 0);

    private static string Join(IEnumerable<string> lines) => string.Concat(lines.Select(l => l + "\n"));

    private static string? Field(string line, int index) => line.Split(':') is var f && f.Length > index ? f[index] : null;

    private static string AddMember(string line, int index, string member)
    {
        var fields = line.Split(':');
        if (fields.Length <= index) return line;
        var members = fields[index].Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (!members.Contains(member)) members.Add(member);
        fields[index] = string.Join(',', members);
        return string.Join(':', fields);
    }
}
