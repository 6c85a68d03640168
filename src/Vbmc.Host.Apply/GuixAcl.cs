using System.Text;

namespace Vbmc.Host.Apply;

/// <summary>
/// guix-daemon's /etc/guix/acl: the public keys whose signatures it accepts on store items it
/// imports (what <c>guix archive --authorize</c> edits). vbmc writes the guest's ACL whole (the
/// host's key only) and adds each guest's key to the host's, as upstream's build VMs do with
/// guix-configuration's authorized-keys; an entry is only ever added, and the file's other
/// entries, owner and mode are kept.
/// </summary>
public static class GuixAcl
{
    public const string HostFile = "/etc/guix/acl";

    /// <summary>An ACL that authorizes exactly <paramref name="publicKeyTexts"/> (Guix's public key files' text).</summary>
    public static string Of(IEnumerable<string> publicKeyTexts)
    {
        var text = new StringBuilder("(acl\n");
        foreach (var key in publicKeyTexts) text.Append(Entry(key));
        return text.Append(" )\n").ToString();
    }

    /// <summary>Whether <paramref name="aclText"/> has an entry for the key whose public point is <paramref name="point"/>.</summary>
    public static bool Authorizes(string aclText, byte[] point) =>
        aclText.Contains("#" + Convert.ToHexString(point) + "#", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The ACL's text with an entry for <paramref name="publicKeyText"/> added before the closing
    /// bracket of its <c>(acl ...)</c> list (an empty or missing file: a new ACL).
    /// </summary>
    /// <exception cref="FormatException">The text is not an ACL list.</exception>
    public static string Add(string? aclText, string publicKeyText)
    {
        if (string.IsNullOrWhiteSpace(aclText)) return Of([publicKeyText]);
        var trimmed = aclText.TrimStart();
        var close = aclText.LastIndexOf(')');
        if (!trimmed.StartsWith("(acl", StringComparison.Ordinal) || close < 0 || aclText[(close + 1)..].Trim().Length > 0)
            throw new FormatException("it is not an (acl ...) list");
        return aclText[..close] + Entry(publicKeyText).TrimStart() + " " + aclText[close..];
    }

    private static string Entry(string publicKeyText)
    {
        var key = string.Join("\n", publicKeyText.Trim().Split('\n').Select(line => "  " + line.TrimEnd('\r')));
        return $" (entry\n{key}\n  (tag\n   (guix import)\n   )\n  )\n";
    }
}
