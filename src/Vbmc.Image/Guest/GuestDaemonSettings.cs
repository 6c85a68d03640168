using System.Globalization;
using System.Text;
using Vbmc.Lowering;

namespace Vbmc.Image.Guest;

/// <summary>
/// How the guest's build daemons build, written by vbmc whatever the base has: in a sandbox, from
/// what the host sends (no substitutes unless the VM names servers), for the offloading account,
/// with the VM's features.
/// </summary>
internal static class GuestDaemonSettings
{
    /// <summary>The static shell the Nix sandbox gets as /bin/sh (Debian's busybox-static).</summary>
    public const string SandboxShell = "/bin/busybox";

    /// <summary>
    /// /etc/nix/nix.conf. <c>sandbox-fallback = false</c>: a build that cannot be sandboxed fails
    /// instead of running unsandboxed. <c>system-features</c> must list what the host's machines
    /// file says the VM supports: the guest's daemon checks a derivation's required features again.
    /// Debian's Nix has no sandbox shell of its own, so a build whose builder is /bin/sh needs
    /// <paramref name="hasSandboxShell"/> (busybox-static in the base).
    /// </summary>
    public static string NixConf(VmPlan vm, bool hasSandboxShell)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# /etc/nix/nix.conf of the build VM {vm.Name}: written by vbmc (the base's is replaced).\n");
        text.Append("build-users-group = nixbld\n");
        text.Append("sandbox = true\n");
        text.Append("sandbox-fallback = false\n");
        if (hasSandboxShell) text.Append("sandbox-paths = /bin/sh=").Append(SandboxShell).Append('\n');
        else text.Append("# no sandbox-paths: the base has no static shell (busybox-static) for the sandbox's /bin/sh\n");
        text.Append("substituters =").Append(string.Concat(vm.SubstituteUrls.Select(u => " " + u))).Append('\n');
        text.Append("trusted-users = root ").Append(vm.Guest.Name).Append('\n');
        text.Append("max-jobs = ").Append(vm.CpuCount.ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append("system-features =").Append(string.Concat(vm.Features.Concat(vm.MandatoryFeatures).Distinct(StringComparer.Ordinal).Select(f => " " + f))).Append('\n');
        return text.ToString();
    }

    /// <summary>
    /// Guix's read-only bind of /gnu/store (gnu-store.mount): it keeps the unprivileged daemon's
    /// account from writing to the store outside the daemon's mount namespace. In a build VM nothing
    /// runs as that account but the daemon, whose namespace sees a writable store anyway.
    /// </summary>
    public const string ReadOnlyStoreMount = "gnu-store.mount";

    /// <summary>
    /// Debian's guix-daemon unit with vbmc's settings: started after the secrets unit (which puts
    /// the signing key and ACL in place), builds isolated (Guix's default), and substitutes only
    /// from the VM's servers (none: <c>--no-substitutes</c>). Without its two systemctl runs: they
    /// take <see cref="ReadOnlyStoreMount"/> away around the daemon's start, so that the daemon's own
    /// mount namespace gets a writable store, and the guest masks that mount (4-19 s of the boot
    /// without KVM went to these two runs of systemctl).
    /// </summary>
    public static string GuixDaemonDropIn(VmPlan vm)
    {
        var text = new StringBuilder();
        text.Append("[Unit]\nWants=vbmc-secrets.service\nAfter=vbmc-secrets.service\n\n[Service]\nExecStartPre=\nExecStartPost=\nExecStart=\n");
        text.Append("ExecStart=/usr/bin/guix-daemon");
        // URLs are checked at lowering (no white space, quotes, '%', '$' or '\'): quotes around the one with spaces suffice.
        foreach (var argument in GuixDaemonArguments(vm)) text.Append(' ').Append(argument.Contains(' ', StringComparison.Ordinal) ? $"\"{argument}\"" : argument);
        text.Append('\n');
        return text.ToString();
    }

    /// <summary>
    /// guix-daemon's options in a build VM: no discovery of other daemons on the network, and
    /// substitutes only from the VM's servers (none: <c>--no-substitutes</c>).
    /// </summary>
    public static IReadOnlyList<string> GuixDaemonArguments(VmPlan vm) =>
        ["--discover=no", vm.SubstituteUrls.Count == 0 ? "--no-substitutes" : "--substitute-urls=" + string.Join(' ', vm.SubstituteUrls)];
}
