using System.Security.Cryptography;
using System.Text;
using Vbmc.Lowering;

namespace Vbmc.Image.Base;

/// <summary>
/// Everything that decides the content of a Debian base root: what the cache is keyed by and how
/// mmdebstrap is run. The key is the sha256 of <see cref="KeyText"/>; any change to the recipe
/// below must bump <see cref="RecipeVersion"/> so that old cached roots are not reused.
/// </summary>
internal sealed record DebianBaseRecipe(string Suite, string Mirror, IReadOnlyList<string> Packages, bool CheckValidUntil = false)
{
    public const int RecipeVersion = 2;
    public const string Variant = "minbase";

    /// <summary>
    /// What every vbmc guest needs, whatever the user adds: a kernel for direct boot (the cloud
    /// flavour: virtio drivers, half the size of linux-image-amd64), systemd as init, udev (for
    /// /dev/disk/by-id, where the secrets drive appears), sshd, and ip/ps for whoever logs in.
    /// </summary>
    public static readonly IReadOnlyList<string> RequiredPackages =
        ["iproute2", "linux-image-cloud-amd64", "openssh-server", "procps", "systemd-sysv", "udev"];

    /// <summary>
    /// dpkg leaves out documentation, manual pages and translations (about 60 MB a build VM never
    /// reads); the copyright files stay, as Debian's licences ask.
    /// </summary>
    public static readonly IReadOnlyList<string> DpkgOptions =
    [
        "path-exclude=/usr/share/doc/*",
        "path-include=/usr/share/doc/*/copyright",
        "path-exclude=/usr/share/man/*",
        "path-exclude=/usr/share/info/*",
        "path-exclude=/usr/share/locale/*",
    ];

    public static DebianBaseRecipe For(DebianImageBase plan, Func<string, string>? defaultMirror = null) =>
        new(plan.Suite,
            plan.Mirror ?? (defaultMirror ?? (suite => AptSources.DefaultMirror(suite)))(plan.Suite),
            RequiredPackages.Concat(plan.Packages).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            plan.CheckValidUntil);

    /// <summary>The inputs, one per line (also written beside the cached root, for people).</summary>
    public string KeyText =>
        $"vbmc debian base\nrecipe: {RecipeVersion}\nvariant: {Variant}\nsuite: {Suite}\nmirror: {Mirror}\n" +
        $"packages: {string.Join(' ', Packages)}\ndpkg: {string.Join(' ', DpkgOptions)}\n" +
        $"check-valid-until: {(CheckValidUntil ? "yes" : "no")}\n";

    public string Key => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(KeyText)));

    /// <summary>
    /// mmdebstrap's arguments to write the root as a tar archive at <paramref name="output"/>:
    /// as root in a chroot, else (<paramref name="privileged"/> false) in a user namespace with
    /// the user's subordinate ids (unshare mode), which writes the same owners into the archive.
    /// The mode is named rather than left to mmdebstrap's "auto", which would fall back to
    /// fakechroot, a root with other contents.
    /// </summary>
    public IReadOnlyList<string> MmdebstrapArguments(string output, bool privileged = true) =>
    [
        "--mode=" + (privileged ? "root" : "unshare"),
        "--variant=" + Variant,
        "--include=" + string.Join(',', Packages),
        // apt's own setting: snapshots and frozen mirrors serve Release files past their
        // Valid-Until date (signatures are checked either way).
        "--aptopt=Acquire::Check-Valid-Until \"" + (CheckValidUntil ? "true" : "false") + "\"",
        .. DpkgOptions.Select(o => "--dpkgopt=" + o),
        "--format=tar",
        "--",
        Suite,
        output,
        Mirror,
    ];
}
