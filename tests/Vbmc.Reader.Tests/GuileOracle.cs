using System.Text;
using Vbmc.Printing;
using Vbmc.Reading;
using Vbmc.TestSupport;

namespace Vbmc.Reader.Tests;

/// <summary>
/// Reads many texts with Guile 3.0 in ONE process (with r7rs |symbols| and Guix's gexp reader
/// extensions, as vbmc reads) and with vbmc, and renders both the same way: one `write`n datum
/// per line, or "ERROR ..." when the reader rejects the text.
/// </summary>
internal static class GuileOracle
{
    private const string Separator = "\u0001--- vbmc case ---";

    private const string Prelude = """
        (read-enable 'r7rs-symbols)
        (define (ungexp-reader plain splicing)
          (lambda (chr port)
            (if (eqv? (peek-char port) #\@)
                (begin (read-char port) (list splicing (read port)))
                (list plain (read port)))))
        (read-hash-extend #\~ (lambda (chr port) (list 'gexp (read port))))
        (read-hash-extend #\$ (ungexp-reader 'ungexp 'ungexp-splicing))
        (read-hash-extend #\+ (ungexp-reader 'ungexp-native 'ungexp-native-splicing))
        (define (read-all port)
          (let lp ((acc '()))
            (let ((x (read port)))
              (if (eof-object? x) (reverse acc) (lp (cons x acc))))))
        (define (run-case text)
          (let ((result
                 (catch #t
                   (lambda () (call-with-input-string text read-all))
                   (lambda (key . args)
                     (string-append "ERROR " (symbol->string key) " "
                                    (if (and (pair? args) (pair? (cdr args)) (string? (cadr args)))
                                        (apply format #f (cadr args)
                                               (if (and (pair? (cddr args)) (list? (caddr args))) (caddr args) '()))
                                        ""))))))
            (if (string? result)
                (begin (display (string-map (lambda (c) (if (char=? c #\newline) #\space c)) result)) (newline))
                (for-each (lambda (d) (write d) (newline)) result))
            (display "\x01--- vbmc case ---") (newline)))
        """;

    /// <summary>Guile's rendering of each text, in order.</summary>
    public static IReadOnlyList<string> ReadWithGuile(IReadOnlyList<string> texts)
    {
        var program = new StringBuilder(Prelude).Append('\n');
        foreach (var text in texts)
            program.Append("(run-case ").Append(SchemeStringLiteral(text)).Append(")\n");
        var result = Guile.Run(program.ToString());
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"guile failed ({result.ExitCode}): {result.Stderr}");
        var parts = result.Stdout.Split(Separator + "\n");
        if (parts.Length != texts.Count + 1)
            throw new InvalidOperationException($"guile printed {parts.Length - 1} cases for {texts.Count}: {result.Stderr}");
        return parts.Take(texts.Count).Select(p => p.TrimEnd('\n')).ToList();
    }

    /// <summary>vbmc's rendering of one text, in the same format.</summary>
    public static string ReadWithVbmc(string text)
    {
        var result = SchemeReader.Read(text, "case.scm");
        if (result.HasErrors) return "ERROR " + string.Join("; ", result.Diagnostics);
        return string.Join("\n", result.Data.Select(d => Printer.Write(d.ToDatum())));
    }

    /// <summary>A Guile string literal for any text (control characters as 2-digit \x escapes).</summary>
    private static string SchemeStringLiteral(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in text)
        {
            if (c == '"' || c == '\\') sb.Append('\\').Append(c);
            else if (c < 0x20 || c == 0x7f) sb.Append("\\x").Append(((int)c).ToString("x2"));
            else sb.Append(c);
        }
        return sb.Append('"').ToString();
    }
}
