using System.Numerics;
using System.Text.RegularExpressions;
using Vbmc.Data;
using Vbmc.Diagnostics;
using Vbmc.Evaluation.Records;
using Vbmc.Services.Checks;

namespace Vbmc.Lowering;

/// <summary>A VM's <c>&lt;image&gt;</c> record to an <see cref="ImagePlan"/>.</summary>
internal static class ImageLowering
{
    /// <summary>Size of an image whose record says 'guess: upstream's build-VM image size.</summary>
    public const long GuessedSize = 20L << 30;

    /// <summary>The smallest disk that holds a guest (a base is hundreds of MiB), and the largest vbmc makes (ext4 and qcow2 take more, no host gives it).</summary>
    private const long MinSize = 64L << 20, MaxSize = 64L << 40;

    public static (ImagePlan Plan, GuestAccount Offload)? Lower(BuildVm vm, string name, Record image, string offloadUser, DiagnosticBag bag)
    {
        var at = vm.PlaceOf("image");
        var standard = StandardImage(vm);
        var fieldsOk = standard is null || Fields.Report(image, standard, ConsumedImageFields, at, bag);
        var guest = GuestOperatingSystem.Lower(name, image, standard, offloadUser, at, bag);
        var format = FoldedRecords.Field(image, "format") is Symbol f ? f.Name : null;
        var fileFormat = format switch
        {
            "compressed-qcow2" => "compressed-qcow2",
            "qcow2" => "qcow2",
            "disk-image" or "raw" => "raw",
            _ => null,
        };
        if (fileFormat is null)
        {
            bag.Error(DiagnosticIds.UnsupportedForCompile, FoldedRecords.PlaceOf(image, "format", at),
                $"unsupported: image format '{format}' for virtual build machine '{name}'",
                "use 'compressed-qcow2 (the default), 'qcow2 or 'raw");
            return null;
        }
        if (FoldedRecords.Field(image, "partition-table-type") is Symbol { Name: not "mbr" } table)
        {
            bag.Error(DiagnosticIds.UnsupportedForCompile, FoldedRecords.PlaceOf(image, "partition-table-type", at),
                $"unsupported: partition table '{table.Name}' for virtual build machine '{name}' (vbmc writes MBR)");
            return null;
        }
        var sizeValue = FoldedRecords.Field(image, "size");
        long size = sizeValue switch
        {
            BigInteger b when b >= MinSize && b <= MaxSize => (long)b,
            _ => GuessedSize, // 'guess
        };
        if (sizeValue is BigInteger wrong && (wrong < MinSize || wrong > MaxSize))
        {
            bag.Error(DiagnosticIds.UnsupportedForCompile, FoldedRecords.PlaceOf(image, "size", at),
                $"image size {wrong} of virtual build machine '{name}' is outside what vbmc makes ({MinSize} bytes to 64 TiB)",
                "the size is in bytes, e.g. (* 20 (expt 2 30)) for 20 GiB, or 'guess");
            return null;
        }
        var imageBase = LowerBase(vm, image, bag);
        if (imageBase is null || guest is null || !fieldsOk) return null;
        var extension = fileFormat == "raw" ? "img" : "qcow2";
        return (new ImagePlan(fileFormat, size, "mbr", $"{name}.{extension}") { Base = imageBase, HostName = guest.HostName }, guest.Offload);
    }

    /// <summary>What the VM's image would be had it not been written (the field's default for this VM).</summary>
    private static Record? StandardImage(BuildVm vm)
    {
        var i = vm.Record.Type.IndexOf("image");
        if (i < 0) return null;
        try
        {
            return FieldDefaults.DefaultOf(vm.Record, i) as Record;
        }
        catch (Exception e) when (e is Vbmc.Evaluation.SchemeError or Vbmc.Evaluation.SilentError)
        {
            return null;
        }
    }

    /// <summary>
    /// Fields of &lt;image&gt; that lowering reads (format, size, partition table, base: above;
    /// the operating system: <see cref="GuestOperatingSystem"/>), or that mean nothing for a build
    /// VM's disk in Guix either: <c>name</c> names the image's file in the store (vbmc names it
    /// after the VM), <c>compression?</c> is for ISO images, <c>substitutable?</c> asks Guix not
    /// to fetch the image from a substitute server (vbmc always builds it).
    /// </summary>
    private static readonly IReadOnlySet<string> ConsumedImageFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "format", "size", "partition-table-type", "base", "operating-system", "name", "compression?", "substitutable?",
    };

    private static readonly UnsupportedFields Fields = new("the virtual build machine's image",
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["platform"] = "vbmc builds the image for the VM's 'systems' (its first system): remove this field",
            ["partitions"] = "vbmc writes one ext4 root partition holding the image's base: remove this field",
            ["volatile-root?"] = "vbmc starts the VM from the image with QEMU's snapshot=on, so the guest's root is always volatile",
            ["shared-store?"] = "the guest has a store of its own, empty at each start; nothing of the host's store is shared",
            ["shared-network?"] = "the guest's network is QEMU's user network: only the forwarded ports lead in (see network-access?)",
        },
        "vbmc builds the image from its 'base' (a Debian root) and does not implement this field: remove it");

    // What mmdebstrap and apt accept: names that cannot be read as options or as several words.
    private static readonly Regex DebianName = new("^[a-z0-9][a-z0-9.+-]*$", RegexOptions.CultureInvariant);

    /// <summary>The image's <c>base</c> field (vbmc's addition to &lt;image&gt;); an image record without it: the default.</summary>
    private static ImageBase? LowerBase(BuildVm vm, Record image, DiagnosticBag bag)
    {
        var i = image.Type.IndexOf("base");
        var at = i >= 0 && image.ValueSpans[i] is { } written ? written : vm.PlaceOf("image");
        switch (FoldedRecords.Field(image, "base"))
        {
            case Record { Type.Name: "<root-base>" } root when FoldedRecords.Field(root, "path") is string path:
                if (path.Contains('\0'))
                {
                    bag.Error(DiagnosticIds.NotExpressible, FoldedRecords.PlaceOf(root, "path", at), "the root-base path contains a NUL character");
                    return null;
                }
                // Relative to the configuration file, as a user reading the file expects.
                var folder = Path.GetDirectoryName(Path.GetFullPath(at.File)) ?? Directory.GetCurrentDirectory();
                var daemons = (FoldedRecords.Field(root, "daemons") is { } d ? Lists.ToListOrNull(d) ?? [] : [])
                    .OfType<Symbol>().Select(s => s.Name).Distinct(StringComparer.Ordinal).ToList();
                var full = Path.GetFullPath(path, folder);
                if (HostSystemFolder(full) is { } system)
                {
                    bag.Error(DiagnosticIds.UnsupportedForCompile, FoldedRecords.PlaceOf(root, "path", at),
                        $"root-base {Printing.Printer.Write(path)} is {system}, not a guest's root: vbmc would copy it, secrets and all, into the guest's image",
                        "make the guest's root in a folder or tar archive of its own (mmdebstrap ... /srv/guest-root), or use debian-base");
                    return null;
                }
                return new RootImageBase(full, daemons);
            case Record { Type.Name: "<debian-base>" } debian:
                return LowerDebian(debian, at, bag);
            default:
                return DebianImageBase.Default; // no such field, or a type error the analysis reported
        }
    }

    /// <summary>What a root-base path names when it is the host's own system (its root, a system folder, a kernel file system); else null.</summary>
    private static string? HostSystemFolder(string full)
    {
        var path = full.TrimEnd('/');
        if (path.Length == 0) return "the host's own root";
        string[] system = ["/etc", "/usr", "/var", "/home", "/root", "/boot", "/bin", "/sbin", "/lib", "/lib64"];
        if (system.Contains(path, StringComparer.Ordinal)) return $"the host's own {path}";
        string[] kernel = ["/proc", "/sys", "/dev", "/run"];
        return kernel.FirstOrDefault(k => path == k || path.StartsWith(k + "/", StringComparison.Ordinal)) is { } k2
            ? $"in the kernel's {k2} of this host" : null;
    }

    private static DebianImageBase? LowerDebian(Record debian, SourceSpan at, DiagnosticBag bag)
    {
        var ok = true;
        var suite = FoldedRecords.Field(debian, "suite") as string ?? DebianImageBase.DefaultSuite;
        if (!DebianName.IsMatch(suite))
        {
            bag.Error(DiagnosticIds.NotExpressible, FoldedRecords.PlaceOf(debian, "suite", at),
                $"{Printing.Printer.Write(suite)} is not a Debian suite name", "write a suite such as \"bookworm\" or \"stable\"");
            ok = false;
        }
        var mirror = FoldedRecords.Field(debian, "mirror") as string;
        if (mirror is not null && !IsMirrorUrl(mirror))
        {
            bag.Error(DiagnosticIds.NotExpressible, FoldedRecords.PlaceOf(debian, "mirror", at),
                $"{Printing.Printer.Write(mirror)} is not a mirror URL", "write an http://, https:// or file:// URL, e.g. \"http://deb.debian.org/debian\"");
            ok = false;
        }
        var packages = new List<string>();
        foreach (var item in FoldedRecords.Field(debian, "packages") is { } list ? Lists.ToListOrNull(list) ?? [] : [])
        {
            if (item is not string package) continue; // a type error, already reported
            if (!DebianName.IsMatch(package))
            {
                bag.Error(DiagnosticIds.NotExpressible, FoldedRecords.PlaceOf(debian, "packages", at),
                    $"{Printing.Printer.Write(package)} is not a Debian package name",
                    "package names are lower-case letters, digits and '.', '+', '-', starting with a letter or digit");
                ok = false;
            }
            packages.Add(package);
        }
        var checkValidUntil = FoldedRecords.Field(debian, "check-valid-until?") is true;
        return ok ? new DebianImageBase(suite, mirror, packages, checkValidUntil) : null;
    }

    private static bool IsMirrorUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https" or "file"
        && !text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));

}
