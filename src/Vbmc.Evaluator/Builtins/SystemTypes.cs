using Vbmc.Data;

namespace Vbmc.Evaluation;

/// <summary>
/// The Guix system types ("ARCH-KERNEL", e.g. <c>x86_64-linux</c>) a build machine may offer.
/// The list is the union of Guix's <c>%supported-systems</c> (current and recent releases, which
/// dropped mips64el-linux and powerpc-linux but still accept them) and <c>%hurd-systems</c>.
/// An unknown type is only warned about: Guix itself accepts any string there.
/// </summary>
[BuiltinLibrary]
public static class SystemTypes
{
    /// <summary>GNU/Linux system types, in Guix's order.</summary>
    public static readonly IReadOnlyList<string> Linux =
    [
        "x86_64-linux", "i686-linux", "armhf-linux", "aarch64-linux", "powerpc64le-linux",
        "riscv64-linux", "mips64el-linux", "powerpc-linux",
    ];

    /// <summary>GNU/Hurd system types (Guix's <c>%hurd-systems</c>).</summary>
    public static readonly IReadOnlyList<string> Hurd = ["i586-gnu", "x86_64-gnu"];

    /// <summary>Every known system type.</summary>
    public static readonly IReadOnlyList<string> Known = [.. Linux, .. Hurd];

    private static readonly HashSet<string> KnownSet = new(Known, StringComparer.Ordinal);

    public static bool IsKnown(string systemType) => KnownSet.Contains(systemType);

    /// <summary>The architecture part of a system type ("x86_64" for "x86_64-linux").</summary>
    public static string Architecture(string systemType)
    {
        var dash = systemType.LastIndexOf('-');
        return dash < 0 ? systemType : systemType[..dash];
    }

    public static void Register(BuiltinTable table)
    {
        // Any value may be asked about: a non-string is simply not a known system type, so that
        // (warn-unless known-system-type? ...) field checks never fail on their own.
        table.Define("known-system-type?", 1, 1, args => args[0] is string s && IsKnown(s));
        table.DefineValue("%supported-systems", Lists.FromEnumerable(Linux.Concat(Hurd).Cast<object>()));
        table.DefineValue("%hurd-systems", Lists.FromEnumerable(Hurd.Cast<object>()));
    }
}
