using System.Globalization;

namespace Vbmc.Image.Base;

/// <summary>
/// What mmdebstrap's unshare mode needs to make a Debian base as a user other than root: a user
/// namespace holding the guest's ids 0-65535, mapped from the user's subordinate ids
/// (/etc/subuid, /etc/subgid) by the set-user-id helpers newuidmap and newgidmap, with user
/// namespaces allowed by the kernel. Checked before mmdebstrap runs, so a missing piece is named
/// with its fix instead of surfacing as mmdebstrap's own failure minutes later.
/// </summary>
internal sealed record UnshareRequirements(string UserName, int Uid, string SubuidText, string SubgidText,
    bool HasNewuidmap, bool HasNewgidmap, string? UnprivilegedUsernsClone, string? MaxUserNamespaces, string? AppArmorRestriction)
{
    /// <summary>The ids a guest root uses (nobody is 65534): mmdebstrap maps 0-65535.</summary>
    public const int NeededIds = 65536;

    /// <summary>This process's user and host.</summary>
    public static UnshareRequirements OfThisHost()
    {
        static string Read(string path)
        {
            try
            {
                return File.Exists(path) ? File.ReadAllText(path) : "";
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return "";
            }
        }
        static string? Setting(string path) => Read(path).Trim() is { Length: > 0 } value ? value : null;
        return new UnshareRequirements(Environment.UserName, EffectiveUid(Read("/proc/self/status")), Read("/etc/subuid"), Read("/etc/subgid"),
            Vbmc.Processes.ProgramSearch.Locate("newuidmap") is not null, Vbmc.Processes.ProgramSearch.Locate("newgidmap") is not null,
            Setting("/proc/sys/kernel/unprivileged_userns_clone"), Setting("/proc/sys/user/max_user_namespaces"),
            Setting("/proc/sys/kernel/apparmor_restrict_unprivileged_userns"));
    }

    /// <summary>The effective uid on /proc/self/status's "Uid:" line (real, effective, saved, file system).</summary>
    internal static int EffectiveUid(string status)
    {
        var line = status.Split('\n').FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
        var fields = line?.Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
        return fields is { Length: >= 3 } && int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var uid) ? uid : -1;
    }

    /// <summary>What is missing, each with its fix; empty when mmdebstrap --mode=unshare can run.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!HasNewuidmap || !HasNewgidmap)
            problems.Add("newuidmap and newgidmap are not installed (as root: apt-get install uidmap)");
        foreach (var (file, text, option) in new[] { ("/etc/subuid", SubuidText, "--add-subuids"), ("/etc/subgid", SubgidText, "--add-subgids") })
        {
            if (!HasRange(text))
                problems.Add($"{file} gives the user {UserName} no range of {NeededIds} subordinate ids " +
                    $"(as root: usermod {option} 100000-165535 {UserName}, with a range no other user has)");
        }
        if (UnprivilegedUsernsClone == "0")
            problems.Add("the kernel forbids user namespaces to ordinary users (as root: sysctl -w kernel.unprivileged_userns_clone=1)");
        if (MaxUserNamespaces == "0")
            problems.Add("the kernel allows no user namespace (as root: sysctl -w user.max_user_namespaces=15000)");
        if (AppArmorRestriction == "1")
            problems.Add("AppArmor forbids user namespaces to ordinary users (as root: sysctl -w kernel.apparmor_restrict_unprivileged_userns=0)");
        return problems;
    }

    /// <summary>A line "USER-OR-UID:START:COUNT" for this user with COUNT of at least <see cref="NeededIds"/>.</summary>
    private bool HasRange(string text) =>
        text.Split('\n').Select(l => l.Trim().Split(':')).Any(f =>
            f.Length == 3 && (f[0] == UserName || f[0] == Uid.ToString(CultureInfo.InvariantCulture))
            && long.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out _)
            && long.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= NeededIds);
}
