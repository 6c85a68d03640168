using System.Globalization;
using System.Text;
using Vbmc.Emitters.Offload.Scheme;
using Vbmc.TestSupport;

namespace Vbmc.Emitters.Offload.Tests;

/// <summary>A field value as Guile computed it, decoded exactly (strings travel as hex of their UTF-8).</summary>
public abstract record GuileValue
{
    public sealed record Text(string Value) : GuileValue;
    public sealed record TextList(IReadOnlyList<string> Items) : GuileValue
    {
        public bool Equals(TextList? other) => other is not null && Items.SequenceEqual(other.Items);
        public override int GetHashCode() => Items.Count;
        public override string ToString() => "(" + string.Join(" ", Items.Select(i => $"\"{i}\"")) + ")";
    }
    public sealed record Integer(long Value) : GuileValue;
    public sealed record Real(double Value) : GuileValue;
    public sealed record Boolean(bool Value) : GuileValue;
    public sealed record Other(string Written) : GuileValue;
}

/// <summary>
/// Loads a generated machines.scm with the real Guile 3.0 the way guix offload does
/// (<c>primitive-load</c> in a fresh user module) but with the test's own <c>build-machine</c>:
/// a macro that collects each field clause as a (field . value) pair. The module's
/// <c>call-with-input-file</c> and <c>file-exists?</c> read /var/lib/vbmc and /etc/vbmc below a
/// folder of the test (a "root"), so each root is a host state: pid files, host keys. /proc is
/// the real one.
/// </summary>
public static class GuileMachinesFile
{
    private const string Program = """
        (use-modules (rnrs bytevectors) (srfi srfi-1))

        (define (hex-of s)
          (string-concatenate
           (map (lambda (b) (string-append (if (< b 16) "0" "") (number->string b 16)))
                (bytevector->u8-list (string->utf8 s)))))

        (define (encode v)
          (cond ((string? v) (string-append "s\t" (hex-of v)))
                ((and (list? v) (every string? v)) (string-append "l\t" (string-join (map hex-of v) ",")))
                ((eq? v #f) "b\tf")
                ((eq? v #t) "b\tt")
                ((and (number? v) (exact? v) (integer? v)) (string-append "i\t" (number->string v)))
                ((and (real? v) (inexact? v)) (string-append "r\t" (number->string v)))
                (else (string-append "?\t" (hex-of (object->string v))))))

        (define (moved root file)
          (if (or (string-prefix? "/var/lib/vbmc/" file) (string-prefix? "/etc/vbmc/" file))
              (string-append root file)
              file))

        (define (evaluation-module root)
          (let ((m (make-module)))
            (beautify-user-module! m)
            (module-define! m 'call-with-input-file
                            (lambda (file . rest)
                              (apply (@ (guile) call-with-input-file) (moved root file) rest)))
            (module-define! m 'file-exists?
                            (lambda (file) ((@ (guile) file-exists?) (moved root file))))
            (eval '(define-syntax build-machine
                     (syntax-rules ()
                       ((_ (field value) ...) (list (cons 'field value) ...))))
                  m)
            m))

        (define (show-machines file root)
          (let ((machines (save-module-excursion
                           (lambda ()
                             (set-current-module (evaluation-module root))
                             (primitive-load file)))))
            (display "BEGIN\n")
            (for-each (lambda (machine)
                        (display "machine\n")
                        (for-each (lambda (field)
                                    (display (symbol->string (car field)))
                                    (display "\t")
                                    (display (encode (cdr field)))
                                    (newline))
                                  machine))
                      machines)
            (display "END\n")))
        """;

    /// <summary>The machines the file evaluates to, once per root, in order.</summary>
    public static IReadOnlyList<IReadOnlyList<IReadOnlyDictionary<string, GuileValue>>> Evaluate(
        string machinesScm, IReadOnlyList<string> roots, bool cLocale = false)
    {
        var folder = Directory.CreateTempSubdirectory("vbmc-offload-guile-");
        try
        {
            var file = Path.Combine(folder.FullName, "machines.scm");
            File.WriteAllText(file, machinesScm, new UTF8Encoding(false));
            var program = new StringBuilder(Program).Append('\n');
            foreach (var root in roots)
                program.Append("(show-machines ").Append(SchemeWriter.Quote(file)).Append(' ').Append(SchemeWriter.Quote(root)).Append(")\n");
            var programFile = Path.Combine(folder.FullName, "evaluate.scm");
            File.WriteAllText(programFile, program.ToString(), new UTF8Encoding(false));
            var locale = cLocale ? "C" : "C.UTF-8";
            var result = ProcessRunner.Run(Guile.Require(), ["--no-auto-compile", "-s", programFile],
                environment: new Dictionary<string, string?> { ["LANG"] = locale, ["LC_ALL"] = locale, ["GUILE_AUTO_COMPILE"] = "0" });
            if (result.ExitCode != 0 || result.Stderr.Length > 0)
                throw new InvalidOperationException($"guile failed ({result.ExitCode}):\n{result.Stderr}\n--- machines.scm ---\n{machinesScm}");
            return Parse(result.Stdout);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static List<IReadOnlyList<IReadOnlyDictionary<string, GuileValue>>> Parse(string output)
    {
        var evaluations = new List<IReadOnlyList<IReadOnlyDictionary<string, GuileValue>>>();
        List<IReadOnlyDictionary<string, GuileValue>>? machines = null;
        Dictionary<string, GuileValue>? machine = null;
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            switch (line)
            {
                case "BEGIN": machines = []; break;
                case "END": evaluations.Add(machines!); machines = null; break;
                case "machine": machine = []; machines!.Add(machine); break;
                default:
                    var parts = line.Split('\t');
                    if (!machine!.TryAdd(parts[0], Decode(parts[1], parts[2])))
                        throw new InvalidOperationException($"field {parts[0]} given twice");
                    break;
            }
        }
        return evaluations;
    }

    private static GuileValue Decode(string kind, string payload) => kind switch
    {
        "s" => new GuileValue.Text(FromHex(payload)),
        "l" => new GuileValue.TextList(payload.Length == 0 ? [] : payload.Split(',').Select(FromHex).ToList()),
        "i" => new GuileValue.Integer(long.Parse(payload, CultureInfo.InvariantCulture)),
        "r" => new GuileValue.Real(ParseReal(payload)),
        "b" => new GuileValue.Boolean(payload == "t"),
        _ => new GuileValue.Other(FromHex(payload)),
    };

    private static double ParseReal(string text) => text switch
    {
        "+inf.0" => double.PositiveInfinity,
        "-inf.0" => double.NegativeInfinity,
        "+nan.0" => double.NaN,
        _ => double.Parse(text, CultureInfo.InvariantCulture),
    };

    private static string FromHex(string hex) => Encoding.UTF8.GetString(Convert.FromHexString(hex));
}
