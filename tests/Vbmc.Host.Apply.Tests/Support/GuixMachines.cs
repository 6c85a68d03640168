using Vbmc.TestSupport;

namespace Vbmc.Host.Apply.Tests.Support;

/// <summary>
/// Loads an installed /etc/guix/machines.scm with guile-3.0 as guix offload does (primitive-load
/// in a module where build-machine is defined), and returns each machine's fields as displayed text.
/// </summary>
/// <remarks>
/// The file names absolute host paths (/etc/..., /var/...): the test rebinds the procedures that
/// open files (call-with-input-file, file-exists?, primitive-load) in the loading module so that
/// those paths are read under the root folder, as they would be on a host whose / is that
/// folder. /proc is left alone: the running-VM rule sees real processes. `build-machine` is the
/// test's own: a record of its fields (Guix itself is not installed here).
/// </remarks>
public static class GuixMachines
{
    public static IReadOnlyList<Dictionary<string, string>> Load(string root, string file = "/etc/guix/machines.scm")
    {
        var program = $$"""
            (define root {{Quote(root)}})
            (define (under p)
              (if (and (string? p) (or (string-prefix? "/etc/" p) (string-prefix? "/var/" p)))
                  (string-append root p)
                  p))
            (define real-call-with-input-file call-with-input-file)
            (define real-file-exists? file-exists?)
            (define real-primitive-load primitive-load)
            (define (call-with-input-file file proc . rest) (apply real-call-with-input-file (under file) proc rest))
            (define (file-exists? file) (real-file-exists? (under file)))
            (define (primitive-load file) (real-primitive-load (under file)))
            (define-syntax build-machine
              (syntax-rules () ((_ (field value) ...) (list (cons 'field value) ...))))
            (for-each (lambda (machine)
                        (for-each (lambda (pair)
                                    (display (car pair)) (display "\t") (display (cdr pair)) (newline))
                                  machine)
                        (display "--") (newline))
                      (primitive-load {{Quote(file)}}))
            """;
        var result = Guile.Run(program);
        if (result.ExitCode != 0) throw new InvalidOperationException($"guile failed to load {file}:\n{result.Stderr}");
        var machines = new List<Dictionary<string, string>>();
        var current = new Dictionary<string, string>();
        foreach (var line in result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line == "--")
            {
                machines.Add(current);
                current = new Dictionary<string, string>();
                continue;
            }
            var tab = line.IndexOf('\t');
            current[line[..tab]] = line[(tab + 1)..];
        }
        return machines;
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
