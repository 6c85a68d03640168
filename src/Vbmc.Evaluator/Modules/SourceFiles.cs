using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Vbmc.Diagnostics;
using Vbmc.Reading;

namespace Vbmc.Evaluation;

/// <summary>
/// The files a configuration reads besides itself: <c>load</c>, <c>include</c> and user modules
/// found on the load path (<c>-L</c> folders, then <c>add-to-load-path</c> ones, as
/// <c>guix system -L</c> searches them before Guix's own modules). Reads are confined to the
/// configuration's folder and the load path, with symbolic links resolved first, so a
/// configuration under review cannot make vbmc read the rest of the machine; every file read is
/// recorded with its sha256 (compile's manifest lists them).
/// </summary>
public static partial class SourceFiles
{
    /// <summary>The folders a configuration may read below: its own, then the load path.</summary>
    public static IEnumerable<string> Roots(EvalContext ctx) =>
        new[] { ctx.BaseDirectory }.Concat(ctx.Options.LoadPath).Concat(ctx.AddedLoadPath).Select(Real);

    /// <summary>The module file for <c>(a b c)</c>: <c>a/b/c.scm</c> in the first load-path folder that has it.</summary>
    public static string? FindModule(IReadOnlyList<string> parts, EvalContext ctx)
    {
        if (parts.Any(p => p.Length == 0 || p.Contains('/') || p is "." or "..")) return null;
        var relative = Path.Combine([.. parts]) + ".scm";
        foreach (var folder in ctx.AddedLoadPath.Concat(ctx.Options.LoadPath))
        {
            var candidate = Path.Combine(folder, relative);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>
    /// The user module of <paramref name="parts"/> from the load path, loaded on first use in
    /// this evaluation; null when no load-path folder has it (then vbmc's own modules are tried).
    /// </summary>
    public static Module? UserModule(IReadOnlyList<string> parts, EvalContext ctx, SourceSpan at)
    {
        if (FindModule(parts, ctx) is not { } file) return null;
        var path = Confine(file, at, ctx);
        if (ctx.UserModules.TryGetValue(path, out var loaded)) return loaded;
        var module = new Module(ModuleRegistry.DisplayName(parts), ModuleRegistry.Core);
        // Registered before its body runs, so an import cycle sees the partial module.
        ctx.UserModules[path] = module;
        var read = SchemeReader.Read(ReadText(path, at, ctx), path);
        foreach (var d in read.Diagnostics) ctx.Report(d);
        if (!read.HasErrors) TopLevel.RunForms(read.Data, module, ctx);
        return module;
    }

    /// <summary>The forms of a file named by <c>load</c> or <c>include</c>, relative to the folder of the file that names it.</summary>
    public static (string Path, Syntax.SyntaxNode[] Forms)? ReadForms(string name, SourceSpan at, EvalContext ctx)
    {
        var path = Confine(Resolve(name, at, ctx), at, ctx);
        var read = SchemeReader.Read(ReadText(path, at, ctx), path);
        foreach (var d in read.Diagnostics) ctx.Report(d);
        return read.HasErrors ? null : (path, read.Data.ToArray());
    }

    /// <summary>The text of a file the configuration opens itself (call-with-input-file...), confined and recorded as every read.</summary>
    public static string? ReadInputFile(string path, SourceSpan at, EvalContext ctx) => ReadText(Confine(path, at, ctx), at, ctx);

    /// <summary>A file name as written in the file at <paramref name="at"/>: relative to that file's folder.</summary>
    public static string Resolve(string name, SourceSpan at, EvalContext ctx)
    {
        if (name.Length == 0 || name.Contains('\0'))
            throw new SchemeError($"{Printing.Printer.Write(name)} is not a file name", DiagnosticIds.FileNotFound) { Span = at };
        var folder = at.HasPosition && !string.IsNullOrEmpty(at.File) && !at.File.StartsWith("stdlib/", StringComparison.Ordinal)
            ? Path.GetDirectoryName(Path.GetFullPath(at.File)) ?? ctx.BaseDirectory
            : ctx.BaseDirectory;
        return Path.GetFullPath(name, folder);
    }

    /// <summary>Whether <paramref name="path"/> (absolute) lies below one of the readable folders, links resolved.</summary>
    public static bool IsReadable(string path, EvalContext ctx)
    {
        var real = Real(path);
        return Roots(ctx).Any(root => real == root || real.StartsWith(root.TrimEnd('/') + "/", StringComparison.Ordinal));
    }

    private static string Confine(string path, SourceSpan at, EvalContext ctx)
    {
        if (!File.Exists(path))
            throw new SchemeError($"no such file: {path}", DiagnosticIds.FileNotFound) { Span = at };
        if (!IsReadable(path, ctx))
            throw new SchemeError($"{path} is outside the configuration's folder and the load path: vbmc reads no other file",
                DiagnosticIds.FileNotFound, "move the file below the configuration's folder, or add its folder with -L DIR") { Span = at };
        return Real(path);
    }

    private const long MaxFileBytes = 16 * 1024 * 1024;

    private static string ReadText(string path, SourceSpan at, EvalContext ctx)
    {
        byte[] bytes;
        try
        {
            if (new FileInfo(path).Length > MaxFileBytes)
                throw new SchemeError($"{path} is larger than {MaxFileBytes / 1024 / 1024} MiB", DiagnosticIds.IoError) { Span = at };
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SchemeError($"cannot read {path}: {e.Message}", DiagnosticIds.IoError) { Span = at };
        }
        if (!ctx.ReadFiles.Any(f => f.Path == path))
            ctx.ReadFiles.Add(new ReadFile(path, Convert.ToHexStringLower(SHA256.HashData(bytes))));
        if (SourceDecoding.Decode(bytes, path, out var notUtf8) is not { } text)
            throw new SchemeError(notUtf8!.Message, DiagnosticIds.InvalidEncoding, notUtf8.Hint) { Span = at };
        return text;
    }

    /// <summary>The path with every symbolic link resolved (realpath(3)); the path itself when it does not exist.</summary>
    public static string Real(string path)
    {
        var resolved = RealPath(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero) return Path.GetFullPath(path);
        try
        {
            return Marshal.PtrToStringUTF8(resolved) ?? path;
        }
        finally
        {
            Free(resolved);
        }
    }

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr RealPath(string path, IntPtr resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void Free(IntPtr pointer);
}
