using System.Text.RegularExpressions;
using Vbmc.Diagnostics;
using Vbmc.Evaluation.Records;

namespace Vbmc.Lowering;

/// <summary>What vbmc takes from the image's operating-system: the guest's host name.</summary>
internal sealed record GuestSettings(string? HostName);

/// <summary>
/// The image's <c>operating-system</c>. vbmc's guest is a Debian root, not a Guix System: of a
/// Guix operating-system it lowers the host name and rejects, field by field, whatever else
/// differs from the standard build-VM system (the one the default image holds).
/// </summary>
internal static partial class GuestOperatingSystem
{
    public static GuestSettings? Lower(string vmName, Record image, Record? standardImage, SourceSpan at, DiagnosticBag bag)
    {
        var osField = FoldedRecords.Field(image, "operating-system");
        if (osField is Vbmc.Evaluation.Guix.OpaqueValue opaque)
        {
            bag.Warning(DiagnosticIds.UnsupportedForCompile, FoldedRecords.PlaceOf(image, "operating-system", at),
                $"unsupported: the guest operating-system of virtual build machine '{vmName}' comes from {opaque.Description}, which vbmc does not model: " +
                "it is neither checked nor used, and the guest is vbmc's standard one",
                "to add software to the guest, list Debian packages in the image's (base (debian-base (packages ...)))");
            return new GuestSettings(null);
        }
        if (osField is not Record os || os.Type.Name != "<operating-system>") return new GuestSettings(null);
        if (standardImage is null || FoldedRecords.Field(standardImage, "operating-system") is not Record standard
            || ReferenceEquals(os, standard))
            return new GuestSettings(null);
        var osAt = FoldedRecords.PlaceOf(image, "operating-system", at);
        var description = $"the guest operating-system of virtual build machine '{vmName}'";
        var ok = new UnsupportedFields(description, InsteadByField, InsteadOtherwise).Report(os, standard, Consumed, osAt, bag);

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
        return ok ? new GuestSettings(hostName) : null;
    }

    // hostname(7): labels of letters, digits and '-', joined by '.', at most 64 characters in all.
    [GeneratedRegex("^(?=.{1,64}$)[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$")]
    private static partial Regex HostNamePattern();

    public static bool IsHostName(string text) => HostNamePattern().IsMatch(text);

    /// <summary>
    /// Read above (<c>host-name</c>), or unused by a build VM in Guix as well: the VM boots its
    /// kernel directly (no bootloader, no menu label) and gets its file systems from the VM
    /// (Guix's virtualized-operating-system replaces them; vbmc writes the guest's fstab).
    /// </summary>
    private static readonly IReadOnlySet<string> Consumed = new HashSet<string>(StringComparer.Ordinal)
    {
        "host-name", "bootloader", "label", "file-systems",
    };

    private const string Accounts = "the guest has root and the 'offload' account builds are sent to, made by vbmc; nothing else logs in";
    private const string Boot = "the guest boots the kernel and initrd of its Debian base (see the image's 'base')";
    private const string Services = "the guest runs sshd and the build daemons of its base (debian-base packages, or root-base daemons), as vbmc sets them up";
    private const string Locale = "the guest keeps its Debian base's settings, in UTC at the VM's date";

    private static readonly IReadOnlyDictionary<string, string> InsteadByField = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["users"] = Accounts, ["groups"] = Accounts, ["skeletons"] = Accounts, ["sudoers-file"] = Accounts,
        ["pam-services"] = Accounts, ["privileged-programs"] = Accounts, ["setuid-programs"] = Accounts,
        ["kernel"] = Boot, ["kernel-loadable-modules"] = Boot, ["kernel-arguments"] = Boot, ["initrd"] = Boot,
        ["initrd-modules"] = Boot, ["firmware"] = Boot, ["hurd"] = Boot, ["mapped-devices"] = Boot, ["swap-devices"] = Boot,
        ["packages"] = "the guest is Debian: name Debian packages in the image's (base (debian-base (packages (list \"NAME\" ...))))",
        ["services"] = Services, ["essential-services"] = Services,
        ["timezone"] = Locale, ["locale"] = Locale, ["locale-definitions"] = Locale, ["locale-libcs"] = Locale,
        ["keyboard-layout"] = Locale, ["issue"] = Locale, ["hosts-file"] = Locale, ["name-service-switch"] = Locale,
    };

    private const string InsteadOtherwise = "vbmc's guest is a Debian root (the image's 'base'), not a Guix System: only host-name is taken from this operating-system";

}
