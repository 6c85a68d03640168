using Vbmc.Diagnostics;

namespace Vbmc.Evaluation;

/// <summary>
/// The few questions configurations ask about the host, answered without looking at the host so
/// that a check gives the same result everywhere: <c>getenv</c> and <c>gethostname</c> read only
/// what <c>--env NAME=VALUE</c> gave (HOSTNAME for gethostname), else, with a warning at the call
/// naming the option, what they would answer for root in a clean environment, where Guix loads
/// system configurations and machines files: HOME "/root", USER and LOGNAME "root", any other
/// variable unset (#f), and "localhost" for gethostname; <c>file-exists?</c>
/// looks only below the configuration's folder and the load path, and answers #f with a warning
/// for any other path. <c>dirname</c> and <c>basename</c> are Guile's string operations.
/// </summary>
[BuiltinLibrary]
public static class HostBuiltins
{
    public const string DefaultHostName = "localhost";

    /// <summary>What getenv answers without --env: root's values in a clean environment.</summary>
    public static readonly IReadOnlyDictionary<string, string> RootDefaults = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["HOME"] = "/root", ["USER"] = "root", ["LOGNAME"] = "root",
    };

    public static void Register(BuiltinTable t)
    {
        t.Define("getenv", 1, 1, a =>
        {
            var name = Args.Str(a[0], "getenv", 1);
            var ctx = EvalContext.Current;
            if (ctx.Options.Environment.TryGetValue(name, out var value)) return value;
            object answer = RootDefaults.TryGetValue(name, out var known) ? known : false;
            Warn(ctx, $"getenv {name}", $"(getenv {Printing.Printer.ForMessage(name)}) depends on the host: vbmc answers {Printing.Printer.Write(answer)}",
                $"give its value with --env {name}=VALUE");
            return answer;
        });
        t.Define("gethostname", 0, 0, _ =>
        {
            var ctx = EvalContext.Current;
            if (ctx.Options.Environment.TryGetValue("HOSTNAME", out var value)) return value;
            Warn(ctx, "gethostname", $"(gethostname) depends on the host: vbmc answers \"{DefaultHostName}\"",
                "give the host name with --env HOSTNAME=NAME");
            return DefaultHostName;
        });
        t.Define("file-exists?", 1, 1, a =>
        {
            var name = Args.Str(a[0], "file-exists?", 1);
            var ctx = EvalContext.Current;
            if (name.Length == 0 || name.Contains('\0')) return false;
            var path = SourceFiles.Resolve(name, ctx.CallSpan, ctx);
            if (SourceFiles.IsReadable(path, ctx)) return File.Exists(path) || Directory.Exists(path);
            Warn(ctx, $"file-exists? {path}", $"(file-exists? {Printing.Printer.ForMessage(name)}) asks about the host outside the configuration's folder and the load path: vbmc answers #f",
                "keep the file below the configuration's folder, or add its folder with -L DIR");
            return false;
        });
        t.Define("dirname", 1, 1, a => DirName(Args.Str(a[0], "dirname", 1)));
        t.Define("basename", 1, 2, a =>
        {
            var name = BaseName(Args.Str(a[0], "basename", 1));
            if (a.Length == 2 && Args.Str(a[1], "basename", 2) is { Length: > 0 } suffix && name != suffix
                && name.EndsWith(suffix, StringComparison.Ordinal))
                name = name[..^suffix.Length];
            return name;
        });
    }

    private static void Warn(EvalContext ctx, string key, string message, string hint)
    {
        if (ctx.HostWarnings.Add(key)) ctx.Report(Diagnostic.Warning(DiagnosticIds.HostDependent, ctx.CallSpan, message, hint));
    }

    /// <summary>Guile's dirname: "." for a name without a slash, "/" for the root, trailing slashes ignored.</summary>
    public static string DirName(string name)
    {
        var trimmed = name.TrimEnd('/');
        if (trimmed.Length == 0) return name.Length == 0 ? "." : "/";
        var slash = trimmed.LastIndexOf('/');
        if (slash < 0) return ".";
        var folder = trimmed[..slash].TrimEnd('/');
        return folder.Length == 0 ? "/" : folder;
    }

    /// <summary>Guile's basename: the last part, trailing slashes ignored; "/" for the root.</summary>
    public static string BaseName(string name)
    {
        var trimmed = name.TrimEnd('/');
        if (trimmed.Length == 0) return name.Length == 0 ? "" : "/";
        var slash = trimmed.LastIndexOf('/');
        return slash < 0 ? trimmed : trimmed[(slash + 1)..];
    }
}
