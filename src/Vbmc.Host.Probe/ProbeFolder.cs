using System.Text.RegularExpressions;
using Vbmc.Evaluation;

namespace Vbmc.Host.Probe;

/// <summary>
/// A private temporary folder (0700) for one machine's probe: the pinned known_hosts file and
/// the local end of the daemon socket forward. Its path goes into ssh options, where spaces and
/// '%' would be read as syntax, and into a Unix socket address (at most 107 bytes); a TMPDIR that
/// does not suit falls back to /tmp.
/// </summary>
public sealed partial class ProbeFolder : IDisposable
{
    [GeneratedRegex("^[A-Za-z0-9/._-]+$")]
    private static partial Regex PlainPath();

    public string Path { get; }

    public ProbeFolder()
    {
        var temp = System.IO.Path.GetTempPath().TrimEnd('/');
        if (!PlainPath().IsMatch(temp) || temp.Length > 60) temp = "/tmp";
        Path = System.IO.Path.Join(temp, "vbmc-probe-" + Guid.NewGuid().ToString("N")[..12]);
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(Path);
        else Directory.CreateDirectory(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public string File(string name) => System.IO.Path.Join(Path, name);

    /// <summary>Writes a known_hosts file holding only the pinned key, for the name ssh will look up.</summary>
    public string WriteKnownHosts(string host, int port, OpenSshPublicKey key)
    {
        var file = File("known_hosts");
        System.IO.File.WriteAllText(file, $"{SshValues.KnownHostsName(host, port)} {key.Type} {key.Base64}\n");
        return file;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the folder holds no secret (public key, a dead socket).
        }
    }
}
