using System.Numerics;

namespace Vbmc.Evaluation.Guix;

/// <summary>Guix's <c>version-compare</c> in spirit: dot-separated parts, numeric parts compared as numbers.</summary>
public static class GuixVersions
{
    public static int Compare(string? a, string? b)
    {
        var pa = (a ?? "").Split('.', '-');
        var pb = (b ?? "").Split('.', '-');
        for (var i = 0; i < Math.Max(pa.Length, pb.Length); i++)
        {
            if (i >= pa.Length) return -1;
            if (i >= pb.Length) return 1;
            var na = BigInteger.TryParse(pa[i], out var x);
            var nb = BigInteger.TryParse(pb[i], out var y);
            var c = na && nb ? x.CompareTo(y) : string.CompareOrdinal(pa[i], pb[i]);
            if (c != 0) return c;
        }
        return 0;
    }
}
