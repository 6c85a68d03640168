using System.Text.RegularExpressions;
using Vbmc.Diagnostics;
using Vbmc.Evaluation.Records;

namespace Vbmc.Lowering;

/// <summary>What vbmc takes from the image's operating-system: the guest's host name and its offload account.</summary>
internal sealed record GuestSettings(string? HostName, GuestAccount Offload);

/// <summary>
/// The image's <c>operating-system</c>. vbmc's guest is a Debian root, not a Guix System: of a
/// Guix operating-system it lowers the host name and the account builds are offloaded to
/// (<see cref="GuestAccountLowering"/>), and rejects, field by field, whatever else differs from
/// the standard build-VM system (the one the default image holds).
/// </summary>
internal static partial class GuestOperatingSystem
{
    /// <param name="user">The account the VM's offload entry logs in as.</param>
    public static GuestSettings? Lower(string vmName, Record image, Record? standardImage, string user, SourceSpan at, DiagnosticBag bag)
    {
        var standard = standardImage is null ? null : FoldedRecords.Field(standardImage, "operating-system") as Record;
        var osField = FoldedRecords.Field(image, "operating-system");
        if (osField is Vbmc.Evaluation.Guix.OpaqueValue opaque)
        {
            bag.Warning(DiagnosticIds.UnsupportedForCompile, FoldedRecords.PlaceOf(image, "operating-system", at),
                $"unsupported: the guest operating-system of virtual build machine '{vmName}' comes from {opaque.Description}, which vbmc does not model: " +
                "it is neither checked nor used, and the guest is vbmc's standard one",
                "to add software to the guest, list Debian packages in the image's (base (debian-base (packages ...)))");
            return Standard(vmName, standard, user, at, bag);
        }
        // Not an operating-system: a type error of the image, reported by the analysis.
        if (osField is not Record { Type.Name: "<operating-system>" } os) return Standard(vmName, standard, user, at, bag);
        if (standard is null || ReferenceEquals(os, standard) || !ReferenceEquals(os.Type, standard.Type))
            return Standard(vmName, standard ?? os, user, at, bag);
        var osAt = FoldedRecords.PlaceOf(image, "operating-system", at);
        var description = $"the guest operating-system of virtual build machine '{vmName}'";
        var ok = new UnsupportedFields(description, InsteadByField, InsteadOtherwise).Report(os, standard, Consumed, osAt, bag);
        var offload = GuestAccountLowering.Lower(vmName, os, standard, user, osAt, bag);

        string? hostName = null;
        if (FoldedRecords.Field(os, "host-name") is string written && FoldedRecords.Field(standard, "host-name") is string standardName && written != standardName)
        {
            if (IsHostName(written)) hostName = written;
            else
            {
                bag.Error(DiagnosticIds.NotExpressible, FoldedRecords.PlaceOf(os, "host-name", osAt),
                    $"host-name {Printing.Printer.Write(written)} of {description} is not a host name the guest's systemd accepts",
                    "use at most 64 letters, digits, '-' and '.', as in \"build-2014\"");
                ok = false;
            }
        }
        return ok && offload is not null ? new GuestSettings(hostName, offload) : null;
    }

    /// <summary>The standard system's settings: its host name is the image's default, its offload account is lowered from it.</summary>
    private static GuestSettings? Standard(string vmName, Record? standard, string user, SourceSpan at, DiagnosticBag bag)
    {
        if (standard is null)
        {
            bag.Error(DiagnosticIds.UnsupportedForCompile, at,
                $"virtual build machine '{vmName}' has no guest operating-system to take its offload account from", "keep the image's operating-system");
            return null;
        }
        return GuestAccountLowering.Lower(vmName, standard, standard, user, at, bag) is { } offload ? new GuestSettings(null, offload) : null;
    }

    // hostname(7): labels of letters, digits and '-', joined by '.', at most 64 characters in all.
    [GeneratedRegex("^(?=.{1,64}$)[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$")]
    private static partial Regex HostNamePattern();

    public static bool IsHostName(string text) => HostNamePattern().IsMatch(text);

    /// <summary>
    /// Read above (<c>host-name</c>, <c>users</c>), or unused by a build VM in Guix as well: the VM boots its
    /// kernel directly (no bootloader, no menu label) and gets its file systems from the VM
    /// (Guix's virtualized-operating-system replaces them; vbmc writes the guest's fstab).
    /// </summary>
    private static readonly IReadOnlySet<string> Consumed = new HashSet<string>(StringComparer.Ordinal)
    {
        "host-name", "users", "bootloader", "label", "file-systems",
    };

    private const string Accounts = "the guest has root and the account builds are offloaded to (from 'users'), made by vbmc; nothing else logs in";
    private const string Boot = "the guest boots the kernel and initrd of its Debian base (see the image's 'base')";
    private const string Services = "the guest runs sshd and the build daemons of its base (debian-base packages, or root-base daemons), as vbmc sets them up";
    private const string Locale = "the guest keeps its Debian base's settings, in UTC at the VM's date";

    private static readonly IReadOnlyDictionary<string, string> InsteadByField = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["groups"] = Accounts, ["skeletons"] = Accounts, ["sudoers-file"] = Accounts,
        ["pam-services"] = Accounts, ["privileged-programs"] = Accounts, ["setuid-programs"] = Accounts,
        ["kernel"] = Boot, ["kernel-loadable-modules"] = Boot, ["kernel-arguments"] = Boot, ["initrd"] = Boot,
        ["initrd-modules"] = Boot, ["firmware"] = Boot, ["hurd"] = Boot, ["mapped-devices"] = Boot, ["swap-devices"] = Boot,
        ["packages"] = "the guest is Debian: name Debian packages in the image's (base (debian-base (packages (list \"NAME\" ...))))",
        ["services"] = Services, ["essential-services"] = Services,
        ["timezone"] = Locale, ["locale"] = Locale, ["locale-definitions"] = Locale, ["locale-libcs"] = Locale,
        ["keyboard-layout"] = Locale, ["issue"] = Locale, ["hosts-file"] = Locale, ["name-service-switch"] = Locale,
    };

    private const string InsteadOtherwise = "vbmc's guest is a Debian root (the image's 'base'), not a Guix System: only host-name and the offload account are taken from this operating-system";

}
