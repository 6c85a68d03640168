using System.Text.RegularExpressions;

namespace Vbmc.Services;

/// <summary>
/// The naming rule of a VM, defined once for every stage: its name becomes its Shepherd service
/// and systemd unit, its host account and group (<see cref="AccountPrefix"/>NAME) and its folders,
/// so it must fit the strictest of those, a portable user name (useradd: at most 32 characters
/// of <c>[a-z_][a-z0-9_-]*</c>), which also makes a valid unit name and file name.
/// </summary>
public static partial class VmNames
{
    public const int MaxAccountNameLength = 32;
    public const string AccountPrefix = "build-vm-";

    [GeneratedRegex("^[a-z_][a-z0-9_-]*$")]
    private static partial Regex PortableName();

    /// <summary>Names of vbmc's own folders beside the VMs' in /var/lib/vbmc (current, generations) and /etc/vbmc (shepherd).</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal) { "current", "generations", "shepherd" };

    /// <summary>Whether <paramref name="name"/> is a portable account or group name (at most 32 characters).</summary>
    public static bool IsAccountName(string name) => name.Length is > 0 and <= MaxAccountNameLength && PortableName().IsMatch(name);

    /// <summary>Whether a VM may be named so (its account name is portable; reserved names aside).</summary>
    public static bool IsValid(string name) => name.Length > 0 && IsAccountName(AccountPrefix + name);
}
