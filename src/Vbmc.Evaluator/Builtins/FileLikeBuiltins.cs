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

    /// <summary>Packages the stdlib catalogue knows (name, version as in Guix at the time of writing).</summary>
    public static readonly IReadOnlyDictionary<string, string> Catalogue = new Dictionary<string, string>
    {
        ["qemu"] = "9.1.3", ["qemu-minimal"] = "9.1.3", ["openssh"] = "9.9p1", ["openssh-sans-x"] = "9.9p1",
        ["shadow"] = "4.16.0", ["guix"] = "1.4.0", ["bash"] = "5.2.37", ["coreutils"] = "9.1", ["nss-certs"] = "3.101",
    };

    public static void Register(BuiltinTable t)
    {
        foreach (var (name, version) in Catalogue) t.DefineValue(name, new Package(name, version));
        t.Define("specification->package", 1, 1, a =>
        {
            var spec = Args.Str(a[0], "specification->package", 1);
            var at = spec.IndexOf('@');
            var name = at < 0 ? spec : spec[..at];
            var version = at < 0 ? Catalogue.GetValueOrDefault(name, "unknown") : spec[(at + 1)..];
            return new Package(name, version);
        });
        t.Define("package?", 1, 1, a => a[0] is Package);
        t.Define("package-name", 1, 1, a => a[0] is Package p ? p.Name : throw SchemeError.WrongType("package-name", 1, "package", a[0]));
        t.Define("package-version", 1, 1, a => a[0] is Package p ? p.Version : throw SchemeError.WrongType("package-version", 1, "package", a[0]));
        t.Define("file-like?", 1, 1, a => a[0] is FileLike or Package);
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
            if (a[0] is not (FileLike or Package)) throw SchemeError.WrongType("file-append", 1, "file-like object", a[0]);
            var name = a[0] is Package p ? p.Name : ((FileLike)a[0]).Name;
            return new FileLike("file-append", name, [a[0], .. a.Skip(1).Select((x, i) => (object)Args.Str(x, "file-append", i + 2))]);
        });
        t.Define("computed-file", 2, V, a => new FileLike("computed-file", Args.Str(a[0], "computed-file", 1), [a[1]]));
        t.Define("program-file", 2, V, a => new FileLike("program-file", Args.Str(a[0], "program-file", 1), [a[1]]));
        t.Define("scheme-file", 2, V, a => new FileLike("scheme-file", Args.Str(a[0], "scheme-file", 1), [a[1]]));
    }

    /// <summary>The arguments before the first keyword (#:recursive? and friends are accepted and ignored).</summary>
    private static List<object> Positional(object[] a)
    {
        var list = new List<object>();
        foreach (var x in a) { if (x is Keyword) break; list.Add(x); }
        return list;
    }
}
