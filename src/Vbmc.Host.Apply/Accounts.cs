using System.Globalization;
using Vbmc.Lowering;
using Vbmc.Processes;

namespace Vbmc.Host.Apply;

/// <summary>
/// The host accounts of the VMs, made by systemd-sysusers from the sysusers.d files compile
/// wrote (with --root for a root folder). Accounts are additive and outside generations: a
/// rollback or a removed VM leaves them (as systemd-sysusers itself never deletes accounts).
/// </summary>
internal static class Accounts
{
    /// <summary>Applies exactly the given sysusers.d files (absolute paths) to the root's /etc/passwd and /etc/group.</summary>
    public static void Create(string root, IReadOnlyList<string> sysusersFiles)
    {
        if (sysusersFiles.Count == 0) return;
        var sysusers = ApplyPrograms.Require(HostProgram.SystemdSysusers);
        // systemd-sysusers locks ROOT/etc/.pwd.lock and cannot make the folder itself.
        RootFiles.CreateFolder(HostPaths.Under(root, "/etc"));
        var arguments = new List<string>();
        if (!IsHostRoot(root)) arguments.Add("--root=" + root);
        arguments.AddRange(sysusersFiles);
        ApplyPrograms.RunChecked(HostProgram.SystemdSysusers, sysusers, arguments, "systemd-sysusers");
    }

    public static bool IsHostRoot(string root) => Path.GetFullPath(root) == "/";

    /// <summary>The files systemd-sysusers writes under the root (no link may stand on their paths).</summary>
    public static readonly string[] Files =
        ["/etc/passwd", "/etc/group", "/etc/shadow", "/etc/gshadow", "/etc/.pwd.lock", "/etc/passwd-", "/etc/group-", "/etc/shadow-", "/etc/gshadow-"];

    /// <summary>What the manifest's accounts (what the sysusers.d files make) lack in the root's passwd/group ("user X", "group X", "X in group Y").</summary>
    public static IReadOnlyList<string> Missing(string root, IEnumerable<ManifestAccount> accounts)
    {
        var users = ReadDatabase(root, "passwd");
        var groups = ReadDatabase(root, "group");
        var missing = new List<string>();
        foreach (var account in accounts)
        {
            if (!groups.ContainsKey(account.Group)) missing.Add($"group {account.Group}");
            if (account.Name is null) continue; // a group alone
            if (!users.ContainsKey(account.Name)) missing.Add($"user {account.Name}");
            foreach (var group in account.SupplementaryGroups)
            {
                if (!groups.TryGetValue(group, out var g)) missing.Add($"group {group}");
                if (g is null || !Members(g).Contains(account.Name)) missing.Add($"{account.Name} in group {group}");
            }
        }
        return missing.Distinct().ToList();
    }

    /// <summary>uid and gid of a user in the root's /etc/passwd.</summary>
    public static (uint Uid, uint Gid)? User(string root, string name) =>
        ReadDatabase(root, "passwd").TryGetValue(name, out var fields) && fields.Length > 3
        && uint.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var uid)
        && uint.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var gid)
            ? (uid, gid) : null;

    /// <summary>gid of a group in the root's /etc/group.</summary>
    public static uint? Group(string root, string name) =>
        ReadDatabase(root, "group").TryGetValue(name, out var fields) && fields.Length > 2
        && uint.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var gid) ? gid : null;

    private static IEnumerable<string> Members(string[] groupFields) =>
        groupFields.Length > 3 ? groupFields[3].Split(',', StringSplitOptions.RemoveEmptyEntries) : [];

    private static Dictionary<string, string[]> ReadDatabase(string root, string name)
    {
        var entries = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var path = HostPaths.Under(root, "/etc/" + name);
        if (!RootFiles.FileExists(path)) return entries;
        foreach (var line in RootFiles.ReadAllText(path).Split('\n'))
        {
            var fields = line.Split(':');
            if (fields.Length > 0 && fields[0].Length > 0) entries.TryAdd(fields[0], fields);
        }
        return entries;
    }
}
