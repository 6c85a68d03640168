using System.Text.RegularExpressions;

namespace Vbmc.Host.Probe;

/// <summary>
/// Values from the machine file that become ssh arguments. Each is an argument of its own (no
/// shell), but ssh itself still interprets some: a destination or user starting with '-' would
/// be an option, '%' and '${' in file names are expanded (ssh_config TOKENS), ':' separates a
/// forward's two ends, and known_hosts treats '*', '?', ',' and '!' in host names as patterns.
/// So only values that mean exactly themselves to ssh are used; others are refused, by name.
/// </summary>
public static partial class SshValues
{
    // DNS names, IPv4 and IPv6 literals.
    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9._-]*$|^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$")]
    private static partial Regex HostName();

    // POSIX portable user names (plus '$' at the end is not needed by any guest account: refused).
    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9._-]*$")]
    private static partial Regex UserName();

    /// <summary>The first problem that keeps the target from being probed safely, or null.</summary>
    public static string? Problem(ProbeTarget target)
    {
        if (HostProblem(target) is { } host) return host;
        if (target.User.Length > 64 || !UserName().IsMatch(target.User))
            return $"user name '{Shown(target.User)}' is not a portable user name (letters, digits, '.', '_', '-'; not starting with '-')";
        if (FileProblem(target.PrivateKeyFile) is { } key) return $"private key {key}";
        return null;
    }

    /// <summary>Why the host and port cannot be contacted as written, or null.</summary>
    public static string? HostProblem(ProbeTarget target)
    {
        if (target.Host.Length > 253 || !HostName().IsMatch(target.Host))
            return $"host name '{Shown(target.Host)}' is not a DNS name or IP address";
        return target.Port is < 1 or > 65535 ? $"port {target.Port} is not a TCP port" : null;
    }

    /// <summary>Why ssh cannot be given this path as -L's remote end, or null.</summary>
    public static string? SocketProblem(string path) =>
        FileProblem(path) ?? (path.Contains(':') ? $"path '{Shown(path)}' contains ':', which separates the two ends of an OpenSSH forward" : null);

    private static string? FileProblem(string path)
    {
        if (!path.StartsWith('/')) return $"path '{Shown(path)}' is not absolute";
        if (path.Any(char.IsControl)) return $"path '{Shown(path)}' contains control characters";
        if (path.Contains('%') || path.Contains("${", StringComparison.Ordinal))
            return $"path '{Shown(path)}' contains '%' or '${{', which OpenSSH expands";
        return null;
    }

    /// <summary>The name ssh looks up in known_hosts: "[host]:port", or the bare host on port 22 (lower case, as ssh does).</summary>
    public static string KnownHostsName(string host, int port) =>
        port == 22 ? host.ToLowerInvariant() : $"[{host.ToLowerInvariant()}]:{port}";

    private static string Shown(string s) => new(s.Take(60).Select(c => char.IsControl(c) ? '?' : c).ToArray());
}
