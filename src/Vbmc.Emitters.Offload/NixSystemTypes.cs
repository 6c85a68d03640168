namespace Vbmc.Emitters.Offload;

/// <summary>Guix system types in Nix's spelling (Nix names 32-bit ARM by its CPU, armv7l).</summary>
public static class NixSystemTypes
{
    private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal)
    {
        ["armhf-linux"] = "armv7l-linux",
    };

    /// <summary>
    /// Nix's name for a Guix system type. The other Linux types are spelt alike
    /// (x86_64-linux, i686-linux, aarch64-linux, powerpc64le-linux, riscv64-linux, mips64el-linux,
    /// powerpc-linux). Anything else, the Hurd's i586-gnu and x86_64-gnu included, is kept as
    /// written: Nix treats a system type as an opaque name and simply never sends such a machine
    /// a build it has no derivation for.
    /// </summary>
    public static string FromGuix(string guixSystem) => Renamed.GetValueOrDefault(guixSystem, guixSystem);
}
