using System.Globalization;
using System.Text;
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
        Directory.CreateDirectory(HostPaths.Under(root, "/etc"));
        var arguments = new List<string>();
        if (!IsHostRoot(root)) arguments.Add("--root=" + root);
        arguments.AddRange(sysusersFiles);
        ApplyPrograms.RunChecked(HostProgram.SystemdSysusers, sysusers, arguments, "systemd-sysusers");
    }

    public static bool IsHostRoot(string root) => Path.GetFullPath(root) == "/";

    /// <summary>What the sysusers files declare that the root's passwd/group lack ("user X", "group X", "X in group Y").</summary>
    public static IReadOnlyList<string> Missing(string root, IEnumerable<string> sysusersTexts)
    {
        var users = ReadDatabase(root, "passwd");
        var groups = ReadDatabase(root, "group");
        var missing = new List<string>();
        foreach (var text in sysusersTexts)
        {
            foreach (var line in text.Split('\n'))
            {
                var fields = SplitFields(line);
                if (fields.Count < 2) continue;
                switch (fields[0])
                {
                    case "u" when !users.ContainsKey(fields[1]):
                        missing.Add($"user {fields[1]}");
                        break;
                    case "g" when !groups.ContainsKey(fields[1]):
                        missing.Add($"group {fields[1]}");
                        break;
                    case "m" when fields.Count >= 3 && !(groups.TryGetValue(fields[2], out var g) && Members(g).Contains(fields[1])):
                        missing.Add($"{fields[1]} in group {fields[2]}");
                        break;
                }
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
        if (!File.Exists(path)) return entries;
        foreach (var line in File.ReadAllLines(path))
        {
            var fields = line.Split(':');
            if (fields.Length > 0 && fields[0].Length > 0) entries.TryAdd(fields[0], fields);
        }
        return entries;
    }

    /// <summary>Splits a sysusers.d line into fields: whitespace-separated, "..." or '...' quoted, # comments.</summary>
    internal static List<string> SplitFields(string line)
    {
        var fields = new List<string>();
        var trimmed = line.Trim();
        if (trimmed.Length == 0 || trimmed[0] == '#') return fields;
        var current = new StringBuilder();
        var inField = false;
        char? quote = null;
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (quote is { } q)
            {
                if (c == q) quote = null;
                else if (c == '\\' && i + 1 < trimmed.Length) current.Append(trimmed[++i]);
                else current.Append(c);
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inField = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inField) fields.Add(current.ToString());
                current.Clear();
                inField = false;
            }
            else
            {
                if (c == '\\' && i + 1 < trimmed.Length) c = trimmed[++i];
                current.Append(c);
                inField = true;
            }
        }
        if (inField) fields.Add(current.ToString());
        return fields;
    }
}
