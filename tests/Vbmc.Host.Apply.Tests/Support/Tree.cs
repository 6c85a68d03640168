using System.Security.Cryptography;
using Vbmc.TestSupport;

namespace Vbmc.Host.Apply.Tests.Support;

/// <summary>One entry of a folder tree: type (f, d, l), octal mode, numeric owner and group, and the sha256 of a file's bytes or a link's target.</summary>
public sealed record TreeEntry(string Type, string Mode, string Uid, string Gid, string Content)
{
    public override string ToString() => $"{Type} {Mode} {Uid}:{Gid} {Content}";
}

/// <summary>Snapshots of a root folder, taken with find(1), and their comparison.</summary>
public static class Tree
{
    /// <summary>Every entry under the folder, by relative path ('/' separated).</summary>
    public static SortedDictionary<string, TreeEntry> Take(string folder)
    {
        var result = ProcessRunner.Run("find", [folder, "-mindepth", "1", "-printf", @"%P\0%y\0%m\0%U\0%G\0%l\0"]);
        if (result.ExitCode != 0) throw new InvalidOperationException("find failed: " + result.Stderr);
        var fields = result.Stdout.Split('\0');
        var entries = new SortedDictionary<string, TreeEntry>(StringComparer.Ordinal);
        for (var i = 0; i + 5 < fields.Length; i += 6)
        {
            var (path, type) = (fields[i], fields[i + 1]);
            var content = type switch
            {
                "f" => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, path)))),
                "l" => "-> " + fields[i + 5],
                _ => "",
            };
            entries[path] = new TreeEntry(type, fields[i + 2], fields[i + 3], fields[i + 4], content);
        }
        return entries;
    }

    /// <summary>
    /// The account databases systemd-sysusers writes (with its "-" backups and lock): accounts
    /// are additive, so they may gain lines, never lose or change one.
    /// </summary>
    public static readonly IReadOnlySet<string> AccountDatabases = new HashSet<string>
    {
        "etc/passwd", "etc/group", "etc/shadow", "etc/gshadow",
        "etc/passwd-", "etc/group-", "etc/shadow-", "etc/gshadow-", "etc/.pwd.lock",
    };

    /// <summary>
    /// What `after` may have that `before` does not, by design (apply's documented non-generation
    /// state): accounts, the lock file, secrets folders (/etc/vbmc/NAME/), and folders.
    /// </summary>
    public static bool IsAllowedAddition(string path, TreeEntry entry) =>
        AccountDatabases.Contains(path)
        || path == "var/lib/vbmc/.lock"
        || (path.StartsWith("etc/vbmc/", StringComparison.Ordinal) && path.Count(c => c == '/') >= 3 && !path.StartsWith("etc/vbmc/shepherd/", StringComparison.Ordinal))
        || entry.Type == "d";

    /// <summary>
    /// The differences that make `after` NOT "before plus allowed additions": an entry of before
    /// missing or changed in after (account databases may only gain lines), or an entry added in
    /// after that is not an allowed addition. <paramref name="ignore"/> leaves paths out of both.
    /// </summary>
    public static IReadOnlyList<string> Differences(string beforeRoot, SortedDictionary<string, TreeEntry> before,
        string afterRoot, SortedDictionary<string, TreeEntry> after, Func<string, bool>? ignore = null)
    {
        ignore ??= _ => false;
        var problems = new List<string>();
        foreach (var (path, entry) in before)
        {
            if (ignore(path)) continue;
            if (!after.TryGetValue(path, out var now)) problems.Add($"removed: {path} ({entry})");
            else if (AccountDatabases.Contains(path) && entry.Type == "f")
            {
                problems.AddRange(AccountChanges(path, File.ReadAllLines(Path.Combine(beforeRoot, path)), File.ReadAllLines(Path.Combine(afterRoot, path))));
            }
            else if (now != entry) problems.Add($"changed: {path}: {entry} => {now}");
        }
        foreach (var (path, entry) in after)
        {
            if (ignore(path) || before.ContainsKey(path)) continue;
            if (!IsAllowedAddition(path, entry)) problems.Add($"added: {path} ({entry})");
        }
        return problems;
    }

    /// <summary>
    /// Entries of an account database that were lost or changed: every entry (by name) must still
    /// be there with the same fields, except that the member list of a group may only grow.
    /// </summary>
    private static IEnumerable<string> AccountChanges(string path, string[] before, string[] after)
    {
        var now = after.Select(l => l.Split(':')).GroupBy(f => f[0]).ToDictionary(g => g.Key, g => g.First());
        var isGroup = path.StartsWith("etc/group", StringComparison.Ordinal) || path.StartsWith("etc/gshadow", StringComparison.Ordinal);
        foreach (var line in before.Where(l => l.Length > 0))
        {
            var fields = line.Split(':');
            if (!now.TryGetValue(fields[0], out var current)) yield return $"{path} lost {line}";
            else if (isGroup && fields.Length == current.Length)
            {
                var sameHead = fields[..^1].SequenceEqual(current[..^1]);
                var members = fields[^1].Split(',', StringSplitOptions.RemoveEmptyEntries);
                if (!sameHead || members.Except(current[^1].Split(',')).Any()) yield return $"{path} changed {line} into {string.Join(':', current)}";
            }
            else if (!fields.SequenceEqual(current)) yield return $"{path} changed {line} into {string.Join(':', current)}";
        }
    }

    /// <summary>Paths of the generations area (generation folders and the current link), compared separately.</summary>
    public static bool IsGenerationsArea(string path) =>
        path.StartsWith("var/lib/vbmc/generations", StringComparison.Ordinal) || path.StartsWith("var/lib/vbmc/current", StringComparison.Ordinal);
}
