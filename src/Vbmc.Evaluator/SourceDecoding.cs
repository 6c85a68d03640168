using System.Text;
using Vbmc.Diagnostics;

namespace Vbmc.Evaluation;

/// <summary>
/// A source file's bytes as text: UTF-8, as Guile reads Guix files. A byte sequence that is not
/// UTF-8 is an error at its line and column, never silently replaced (a string or a name would
/// then hold U+FFFD, and check would pass on what Guix reads differently).
/// </summary>
public static class SourceDecoding
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A source file's text, or null and the error (unreadable, or not UTF-8).</summary>
    public static string? ReadFile(string path, out Diagnostic? error)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error = Diagnostic.Error(DiagnosticIds.IoError, SourceSpan.FileOnly(path), $"cannot read {path}: {e.Message}");
            return null;
        }
        return Decode(bytes, path, out error);
    }

    /// <summary>The text, or null and the error at the first invalid sequence.</summary>
    public static string? Decode(byte[] bytes, string path, out Diagnostic? error)
    {
        error = null;
        // Valid text (the usual case) is decoded once, into the string itself: a buffer of chars
        // beside it would double the memory a large file takes (a 21 MB file made 84 MB of chars).
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return Strict.GetString(bytes);
        var chars = new char[bytes.Length];
        System.Text.Unicode.Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
        // read: the offset of the first byte that is not part of a valid sequence.
        var before = chars.AsSpan(0, written);
        var line = before.Count('\n') + 1;
        var column = written - (before.LastIndexOf('\n') + 1) + 1;
        var bad = read < bytes.Length ? $"0x{bytes[read]:X2}" : "the end of the file";
        error = Diagnostic.Error(DiagnosticIds.InvalidEncoding, new SourceSpan(path, line, column, line, column + 1),
            $"{Path.GetFileName(path)} is not valid UTF-8: byte {bad} at line {line}, column {column} does not start or continue a character",
            "convert the file to UTF-8, e.g. iconv -f latin1 -t utf-8");
        return null;
    }
}
