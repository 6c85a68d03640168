using System.Text.RegularExpressions;

namespace Vbmc.Host.Probe;

/// <summary>
/// What `ssh -v` said about a connection, in the order things happen: the host key is verified
/// during key exchange, before authentication; when it does not match ssh stops there
/// ("Host key verification failed.") and never authenticates, so no command runs.
/// </summary>
public sealed partial record SshTranscript(
    bool HostKeyMatched,
    bool HostKeyRejected,
    string? PresentedFingerprint,
    string? PresentedKeyType,
    bool Authenticated,
    string? AuthenticationError,
    IReadOnlyList<string> Errors)
{
    [GeneratedRegex(@"The fingerprint for the (\S+) key sent by the remote host is\s*\r?\n(SHA256:[A-Za-z0-9+/]+)")]
    private static partial Regex PresentedKey();

    public static SshTranscript Parse(string stderr)
    {
        var lines = stderr.Replace("\r", "", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var presented = PresentedKey().Match(stderr);
        // ssh's own messages without the -v chatter, for failure details.
        var errors = lines.Where(l => !l.StartsWith("debug", StringComparison.Ordinal)
                                      && !l.StartsWith("OpenSSH_", StringComparison.Ordinal)
                                      && !l.StartsWith("Transferred:", StringComparison.Ordinal)
                                      && !l.StartsWith("Bytes per second", StringComparison.Ordinal)
                                      && !l.StartsWith("Authenticated to ", StringComparison.Ordinal)
                                      && !l.StartsWith('@'))
            .ToList();
        return new SshTranscript(
            HostKeyMatched: lines.Any(l => l.Contains("is known and matches the", StringComparison.Ordinal)),
            HostKeyRejected: lines.Any(l => l.Contains("Host key verification failed", StringComparison.Ordinal)),
            PresentedFingerprint: presented.Success ? presented.Groups[2].Value : null,
            PresentedKeyType: presented.Success ? presented.Groups[1].Value : null,
            Authenticated: lines.Any(l => l.StartsWith("Authenticated to ", StringComparison.Ordinal)),
            AuthenticationError: lines.FirstOrDefault(l => l.Contains("Permission denied", StringComparison.Ordinal)
                                                            || l.StartsWith("Load key ", StringComparison.Ordinal)
                                                            || l.Contains("UNPROTECTED PRIVATE KEY FILE", StringComparison.Ordinal)
                                                            || l.Contains("not accessible", StringComparison.Ordinal)),
            Errors: errors);
    }

    /// <summary>The last few lines ssh printed itself, joined, for a failure's detail.</summary>
    public string Tail(int count = 3) => Errors.Count == 0 ? "ssh printed no error" : string.Join(" / ", Errors.TakeLast(count));
}
