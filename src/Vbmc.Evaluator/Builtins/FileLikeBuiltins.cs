using Vbmc.Data;
using Vbmc.Diagnostics;

namespace Vbmc.Evaluation;

/// <summary>
/// File-like objects and the package catalogue. local-file is resolved against the folder of the
/// configuration file and must exist (its content is read by later stages, not here).
/// </summary>
[BuiltinLibrary]
public static class FileLikeBuiltins
{
    private const int V = Builtin.Variadic;

    /// <summary>
    /// Packages visible without an import (a leniency, like the builtins), with the Guix module
    /// that defines each: their version is Guix 1.5.0's, read from that module's data when first needed.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Catalogue = new Dictionary<string, string>
    {
        ["qemu"] = "virtualization", ["qemu-minimal"] = "virtualization", ["openssh"] = "ssh", ["openssh-sans-x"] = "ssh",
        ["shadow"] = "admin", ["guix"] = "package-management", ["bash"] = "bash", ["coreutils"] = "base", ["nss-certs"] = "nss",
    };

    public static void Register(BuiltinTable t)
    {
        foreach (var (name, module) in Catalogue)
            t.DefineValue(name, new Package(name, () => Guix.GuixData.Find(["gnu", "packages", module])?.ByName.GetValueOrDefault(name)?.String("version") ?? "unknown"));
        t.Define("specification->package", 1, 1, a =>
        {
            var spec = Args.Str(a[0], "specification->package", 1);
            var at = spec.IndexOf('@');
            var name = at < 0 ? spec : spec[..at];
            var version = at < 0 ? null : spec[(at + 1)..];
            return new Package(name, () => SpecificationVersion(name, version));
        });
        t.Define("package?", 1, 1, a => Guix.GuixLike.IsPackage(a[0]));
        t.Define("package-name", 1, 1, a => PackageField(a[0], "package-name", "name"));
        t.Define("package-version", 1, 1, a => PackageField(a[0], "package-version", "version"));
        t.Define("file-like?", 1, 1, a => Guix.GuixLike.IsFileLike(a[0]));
        t.Define("gexp?", 1, 1, a => a[0] is Gexp);
        t.Define("local-file", 1, V, a =>
        {
            var file = Args.Str(a[0], "local-file", 1);
            var positional = Positional(a);
            var baseDir = EvalContext.Current.BaseDirectory;
            var path = Path.GetFullPath(Path.Combine(baseDir, file));
            if (!File.Exists(path) && !Directory.Exists(path))
                throw new SchemeError($"local-file: file '{file}' not found (looked for {path})", DiagnosticIds.FileNotFound);
            var name = positional.Count > 1 ? Args.Str(positional[1], "local-file", 2) : Path.GetFileName(path);
            return new FileLike("local-file", name, [path]);
        });
        t.Define("plain-file", 2, 2, a => new FileLike("plain-file", Args.Str(a[0], "plain-file", 1), [Args.Str(a[1], "plain-file", 2)]));
        t.Define("mixed-text-file", 1, V, a => new FileLike("mixed-text-file", Args.Str(a[0], "mixed-text-file", 1), [.. a.Skip(1)]));
        t.Define("file-append", 1, V, a =>
        {
            if (!Guix.GuixLike.IsFileLike(a[0])) throw SchemeError.WrongType("file-append", 1, "file-like object", a[0]);
            var name = a[0] switch { Package p => p.Name, FileLike f => f.Name, _ => Printing.Printer.Display(PackageField(a[0], "file-append", "name")) };
            return new FileLike("file-append", name, [a[0], .. a.Skip(1).Select((x, i) => (object)Args.Str(x, "file-append", i + 2))]);
        });
        t.Define("computed-file", 2, V, a => new FileLike("computed-file", Args.Str(a[0], "computed-file", 1), [a[1]]));
        t.Define("program-file", 2, V, a => new FileLike("program-file", Args.Str(a[0], "program-file", 1), [a[1]]));
        t.Define("scheme-file", 2, V, a => new FileLike("scheme-file", Args.Str(a[0], "scheme-file", 1), [a[1]]));
    }

    /// <summary>
    /// The version <c>specification->package</c> finds for NAME (and an optional version
    /// prefix): the newest of Guix's visible packages of that name; "unknown" when Guix has none.
    /// </summary>
    private static string SpecificationVersion(string name, string? prefix)
    {
        var visible = Guix.GuixNameIndex.PackagesNamed(name).Where(p => !p.Hidden).ToList();
        var candidates = visible.Any(p => !p.Superseded) ? visible.Where(p => !p.Superseded).ToList() : visible;
        if (prefix is not null)
            candidates = candidates.Where(p => p.Version == prefix || p.Version.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList();
        if (candidates.Count == 0) return prefix ?? "unknown";
        return candidates.Select(p => p.Version).Max(Comparer<string>.Create(Guix.GuixVersions.Compare))!;
    }

    /// <summary>A field of a package: vbmc's opaque package or a package record built with Guix's constructor.</summary>
    private static object PackageField(object value, string procedure, string field) =>
        value switch
        {
            Package p => field == "name" ? p.Name : p.Version,
            Records.Record { Type: { IsGenerated: true, Name: "<package>" } } r => r.Get(field),
            _ => throw SchemeError.WrongType(procedure, 1, "package", value),
        };

    /// <summary>The arguments before the first keyword (#:recursive? and friends are accepted and ignored).</summary>
    private static List<object> Positional(object[] a)
    {
        var list = new List<object>();
        foreach (var x in a) { if (x is Keyword) break; list.Add(x); }
        return list;
    }
}
