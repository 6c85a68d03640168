using System.Globalization;
using System.Text;
using Vbmc.Diagnostics;
using Vbmc.Lowering;

namespace Vbmc.Host.Probe;

/// <summary>
/// The build machines of a Nix machines file (<c>/etc/nix/machines</c>), read as nix-daemon reads
/// it: one machine a line, <c>URI SYSTEMS KEY MAX-JOBS SPEED SUPPORTED MANDATORY BASE64-HOST-KEY</c>
/// (<c>-</c> or a missing field: none). A host that is a VM's ssh alias (<c>vbmc-NAME</c>) is
/// resolved through the alias's block in root's ssh_config as apply installs it
/// (<see cref="InstallLayout.SshConfigFile"/> under --root), as ssh resolves it for nix-daemon.
/// A line that cannot work is a diagnostic at its line that names the field.
/// </summary>
public static class NixMachinesTargets
{
    public const string NixSocket = "/nix/var/nix/daemon-socket/socket";

    /// <summary>Whether <paramref name="text"/> is a Nix machines file rather than Scheme: no line opens a form.</summary>
    public static bool Looks(string text)
    {
        var lines = Lines(text).ToList();
        return lines.Count > 0 && lines.All(l => !l.Text.Contains('(') && !l.Text.Contains(';'));
    }

    public static ProbeInput Load(string file, string text, string root)
    {
        var targets = new List<ProbeTarget>();
        var diagnostics = new List<Diagnostic>();
        var aliases = SshAliases.Read(ProbeTargets.UnderRoot(root, InstallLayout.SshConfigFile));
        foreach (var (number, line) in Lines(text))
        {
            var at = new SourceSpan(file, number, 1, number, line.Length + 1);
            var fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (Target(fields, aliases, root, out var problem) is { } target) targets.Add(target);
            else diagnostics.Add(Diagnostic.Error(DiagnosticIds.MachineTestFailed, at, problem!,
                "fields: store URI, systems, SSH identity, max jobs, speed factor, supported features, mandatory features, base64 host key"));
        }
        return new ProbeInput(file, ProbeTargets.Deduplicate(targets), diagnostics);
    }

    private static ProbeTarget? Target(string[] fields, IReadOnlyDictionary<string, SshAliases.Alias> aliases, string root, out string? problem)
    {
        problem = null;
        var uri = fields[0];
        var scheme = uri.StartsWith("ssh-ng://", StringComparison.Ordinal) ? "ssh-ng://" : uri.StartsWith("ssh://", StringComparison.Ordinal) ? "ssh://" : "";
        if (scheme.Length == 0 && uri.Contains("://"))
        {
            problem = $"store URI {uri}: vbmc test reaches machines over ssh:// or ssh-ng:// only";
            return null;
        }
        var authority = uri[scheme.Length..];
        var at = authority.LastIndexOf('@');
        var user = at >= 0 ? authority[..at] : null;
        var host = at >= 0 ? authority[(at + 1)..] : authority;
        int? port = null;
        if (host.LastIndexOf(':') is var colon and > 0 && !host.EndsWith(']') && int.TryParse(host[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var p))
        {
            port = p;
            host = host[..colon];
        }
        host = host.Trim('[', ']');
        string? Field(int i) => fields.Length > i && fields[i] != "-" ? fields[i] : null;
        var key = Field(2);
        string? vm = null;
        if (aliases.TryGetValue(host, out var alias))
        {
            vm = host.StartsWith("vbmc-", StringComparison.Ordinal) ? host["vbmc-".Length..] : null;
            host = alias.HostName ?? host;
            port ??= alias.Port;
            user ??= alias.User;
            key ??= alias.IdentityFile;
        }
        else if (host.StartsWith("vbmc-", StringComparison.Ordinal))
        {
            problem = $"host {host} is not defined in {InstallLayout.SshConfigFile}: nix-daemon's ssh cannot resolve it (run vbmc apply, or check that /etc/ssh/ssh_config includes ssh_config.d/*.conf)";
            return null;
        }
        if (key is null)
        {
            problem = $"host {host}: no SSH identity (third field), so ssh would use root's own keys";
            return null;
        }
        if (Field(3) is { } jobs && !int.TryParse(jobs, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            problem = $"max jobs (fourth field) {jobs} is not a number";
            return null;
        }
        string? hostKey = null, hostKeyProblem = null;
        if (Field(7) is { } base64)
        {
            try
            {
                hostKey = Encoding.UTF8.GetString(Convert.FromBase64String(base64)).Trim();
            }
            catch (FormatException)
            {
                problem = "base64 host key (eighth field) is not base64";
                return null;
            }
        }
        else hostKeyProblem = "the line pins no host key (eighth field is \"-\"; vbmc apply fills it in for its VMs)";
        return new ProbeTarget
        {
            Host = host,
            Port = port ?? 22,
            User = user ?? "root",
            PrivateKeyFile = key.StartsWith(InstallLayout.SecretRoot + "/", StringComparison.Ordinal) ? ProbeTargets.UnderRoot(root, key) : key,
            HostKey = hostKey,
            HostKeyProblem = hostKeyProblem,
            DaemonSockets = [NixSocket],
            OverloadThreshold = null,
            ParallelBuilds = Field(3) is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 1,
            Vm = vm,
        };
    }

    private static IEnumerable<(int Number, string Text)> Lines(string text) =>
        text.Split('\n').Select((l, i) => (i + 1, StripComment(l).Trim())).Where(l => l.Item2.Length > 0);

    private static string StripComment(string line) => line.IndexOf('#') is var i and >= 0 ? line[..i] : line;
}

/// <summary>The <c>Host</c> blocks of vbmc's installed ssh_config (its own simple format: one name a block).</summary>
internal static class SshAliases
{
    public sealed record Alias(string? HostName, int? Port, string? User, string? IdentityFile);

    public static IReadOnlyDictionary<string, Alias> Read(string path)
    {
        var aliases = new Dictionary<string, Alias>(StringComparer.Ordinal);
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return aliases;
        }
        string? current = null;
        foreach (var raw in lines)
        {
            var parts = raw.Trim().Split([' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || parts[0].StartsWith('#')) continue;
            var (key, value) = (parts[0].ToLowerInvariant(), parts[1].Trim());
            if (key == "host")
            {
                current = value;
                aliases[current] = new Alias(null, null, null, null);
                continue;
            }
            if (current is null) continue;
            var a = aliases[current];
            aliases[current] = key switch
            {
                "hostname" => a with { HostName = value },
                "port" => a with { Port = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : null },
                "user" => a with { User = value },
                "identityfile" => a with { IdentityFile = value },
                _ => a,
            };
        }
        return aliases;
    }
}
