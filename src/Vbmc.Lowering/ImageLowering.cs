using System.Numerics;
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

    public static ImagePlan? Lower(BuildVm vm, string name, Record image, DiagnosticBag bag)
    {
        var at = vm.PlaceOf("image");
        var format = Field(image, "format") is Symbol f ? f.Name : null;
        var fileFormat = format switch
        {
            "compressed-qcow2" => "compressed-qcow2",
            "qcow2" => "qcow2",
            "disk-image" or "raw" => "raw",
            _ => null,
        };
        if (fileFormat is null)
        {
            bag.Error(DiagnosticIds.UnsupportedForCompile, at,
                $"unsupported: image format '{format}' for virtual build machine '{name}'",
                "use 'compressed-qcow2 (the default), 'qcow2 or 'raw");
            return null;
        }
        if (Field(image, "partition-table-type") is Symbol { Name: not "mbr" } table)
        {
            bag.Error(DiagnosticIds.UnsupportedForCompile, at,
                $"unsupported: partition table '{table.Name}' for virtual build machine '{name}' (vbmc writes MBR)");
            return null;
        }
        long size = Field(image, "size") switch
        {
            BigInteger b when b <= long.MaxValue => (long)b,
            _ => GuessedSize,
        };
        var extension = fileFormat == "raw" ? "img" : "qcow2";
        return new ImagePlan(fileFormat, size, "mbr", $"{name}.{extension}");
    }

    private static object? Field(Record record, string field)
    {
        try
        {
            return record.Type.IndexOf(field) < 0 ? null : record.Get(field);
        }
        catch (Exception e) when (e is Vbmc.Evaluation.SchemeError or Vbmc.Evaluation.SilentError)
        {
            return null;
        }
    }
}
