namespace Vbmc.Services.Checks;

/// <summary>
/// The build daemons a VM's guest runs, which decide the machine files it is listed in:
/// guix-daemon (machines.scm, guix offload) and nix-daemon (nix/machines). One rule for the
/// checks and for lowering.
/// </summary>
public static class GuestDaemons
{
    public const string Guix = "guix-daemon";
    public const string Nix = "nix-daemon";

    public const string GuixSocket = "/var/guix/daemon-socket/socket";
    public const string NixSocket = "/nix/var/nix/daemon-socket/socket";

    /// <summary>
    /// A Debian base's daemons, from its packages: Debian's <c>guix</c> package brings
    /// guix-daemon (its unit enabled), <c>nix-bin</c> brings nix-daemon (with nix-setup-systemd's
    /// units). In this order: guix-daemon first.
    /// </summary>
    public static IReadOnlyList<string> OfDebianPackages(IEnumerable<string> packages)
    {
        var set = packages.ToHashSet(StringComparer.Ordinal);
        var daemons = new List<string>();
        if (set.Contains("guix")) daemons.Add(Guix);
        if (set.Contains("nix-bin")) daemons.Add(Nix);
        return daemons;
    }

    public static string SocketOf(string daemon) => daemon == Nix ? NixSocket : GuixSocket;
}
