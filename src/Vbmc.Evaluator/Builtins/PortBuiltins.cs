using System.Text;
using Vbmc.Data;
using Vbmc.Diagnostics;

namespace Vbmc.Evaluation;

/// <summary>A file opened for reading (its whole text, read once) and how far it has been read.</summary>
public sealed class InputPort(string path, string text) : ISchemeWritable
{
    public string Path { get; } = path;
    public string Text { get; } = text;
    public int Position { get; set; }

    public void WriteTo(StringBuilder output, bool write, Action<object> printElement) => output.Append("#<input: file ").Append(Path).Append('>');
}

/// <summary>Guile's end-of-file object.</summary>
public sealed class EofObject : ISchemeWritable
{
    public static readonly EofObject Instance = new();
    private EofObject() { }
    public void WriteTo(StringBuilder output, bool write, Action<object> printElement) => output.Append("#<eof>");
}

/// <summary>
/// Reading files from a configuration, as machines files do to read a host key beside them:
/// <c>call-with-input-file</c>, <c>open-input-file</c>, <c>read-line</c> (ice-9 rdelim),
/// <c>get-string-all</c> (textual ports), <c>eof-object?</c>. Only files below the
/// configuration's folder and the load path are read (recorded with the other files read); any
/// other file gives, with a warning at the call, an unknown value instead (the check then accepts
/// whatever the file would have given). A relative name is relative to the configuration's folder.
/// </summary>
[BuiltinLibrary]
public static class PortBuiltins
{
    public static void Register(BuiltinTable t)
    {
        t.Define("open-input-file", 1, 1, a => Open(Args.Str(a[0], "open-input-file", 1), "open-input-file") ?? (object)Unknown("open-input-file"));
        t.Define("call-with-input-file", 2, 2, a =>
        {
            var port = Open(Args.Str(a[0], "call-with-input-file", 1), "call-with-input-file");
            return port is null ? Unknown("call-with-input-file") : Interpreter.Apply(a[1], port);
        });
        t.Define("read-line", 1, 2, a =>
        {
            var port = PortOf(a[0], "read-line");
            if (port.Position >= port.Text.Length) return EofObject.Instance;
            var end = port.Text.IndexOf('\n', port.Position);
            var line = end < 0 ? port.Text[port.Position..] : port.Text[port.Position..end];
            port.Position = end < 0 ? port.Text.Length : end + 1;
            return line;
        });
        t.Define("get-string-all", 1, 1, a =>
        {
            var port = PortOf(a[0], "get-string-all");
            if (port.Position >= port.Text.Length) return EofObject.Instance;
            var rest = port.Text[port.Position..];
            port.Position = port.Text.Length;
            return rest;
        });
        // One definition (ListBuiltins had a second, which the search by reflection happened to
        // shadow): the ports' end-of-file object, and the reader's, should one reach a program.
        t.Define("eof-object?", 1, 1, a => a[0] is EofObject or Eof);
        t.Define("eof-object", 0, 0, _ => EofObject.Instance);
        t.Define("close-port", 1, 1, _ => Unspecified.Instance);
        t.Define("close-input-port", 1, 1, _ => Unspecified.Instance);
        t.Define("input-port?", 1, 1, a => a[0] is InputPort);
    }

    private static InputPort PortOf(object value, string procedure) =>
        value as InputPort ?? throw SchemeError.WrongType(procedure, 1, "input port", value);

    /// <summary>The port of a readable file; null (after a warning) for a file outside the configuration's folders.</summary>
    private static InputPort? Open(string name, string procedure)
    {
        var ctx = EvalContext.Current;
        if (name.Length == 0 || name.Contains('\0')) throw new SchemeError($"{procedure}: no such file: {Printing.Printer.ForMessage(name)}", DiagnosticIds.FileNotFound);
        var path = Path.GetFullPath(name, ctx.BaseDirectory);
        if (!SourceFiles.IsReadable(path, ctx))
        {
            if (ctx.HostWarnings.Add($"{procedure} {path}"))
                ctx.Report(Diagnostic.Warning(DiagnosticIds.HostDependent, ctx.CallSpan,
                    $"({procedure} {Printing.Printer.ForMessage(name)} ...) reads a file outside the configuration's folder and the load path: vbmc does not read it, and takes its result as unknown",
                    "keep the file below the configuration's folder, or add its folder with -L DIR"));
            return null;
        }
        return SourceFiles.ReadInputFile(path, ctx.CallSpan, ctx) is { } text ? new InputPort(path, text) : null;
    }

    private static object Unknown(string procedure) => new Guix.OpaqueValue($"({procedure} ...) of a file vbmc does not read");
}
