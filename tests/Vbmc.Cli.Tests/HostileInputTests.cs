using System.Text.RegularExpressions;
using Vbmc.TestSupport;
using Xunit.Abstractions;

namespace Vbmc.Cli.Tests;

/// <summary>
/// The hostile inputs of the audit in issue 15: each ends in a located diagnostic and exit 1
/// (never an abort or a hang), prints a bounded amount, and the process's peak memory, measured
/// by the kernel in a memory cgroup of its own, stays under 1 GiB. The cgroup's own limit is
/// 4 GiB on purpose: below it .NET would cap its heap at 75% of the cgroup by itself, and the test
/// would not see whether vbmc's own limit (MemoryLimit) holds.
/// </summary>
public sealed class HostileInputTests(ITestOutputHelper output) : IDisposable
{
    private const long OneGiB = 1L << 30;
    private readonly string _folder = Directory.CreateTempSubdirectory("vbmc-hostile-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string, string, string, string> Inputs => new()
    {
        // name, text, expected "line:col: error: ... [ID]" (as a regex), what the audit measured
        { "make-string", "(make-string 2147483647 #\\a)\n", @"1:1: error: In procedure make-string: 2147483647 characters are more .*\[VBM2007\]", "exit 134 Out of memory" },
        { "make-list", "(define l (make-list 100000000))\n", @"1:11: error: In procedure make-list: 100000000 elements .*\[VBM2007\]", "26 s, 4.9 GiB" },
        { "make-list-under-the-step-budget", "(define l (make-list 40000000 0))\n", @"1:11: error: In procedure make-list: out of memory .*\[VBM2014\]", "(40 million pairs: 1.3 GB)" },
        { "make-vector", "(define v (make-vector 1000000000 0))\n", @"1:11: error: In procedure make-vector: .*\[VBM2007\]", "exit 134" },
        { "syntax-rules-doubling", "(define-syntax m (syntax-rules () ((_ x ...) (m x ... x ...))))\n(m 1)\n", @"2:1: error: macro expansion made more than .*\[VBM2007\]", "over 12 GiB in 80 s" },
        { "syntax-rules-nested", "(define-syntax d (syntax-rules () ((_ x) (list x x x x))))\n(d (d (d (d (d (d (d (d (d (d (d (d (d (d 1))))))))))))))\n", @"2:\d+: error: macro expansion made more than .*\[VBM2007\]", "1.6 GiB, 44 s, abort" },
        { "squaring-bignums", "(define (sq x n) (if (= n 0) x (sq (* x x) (- n 1))))\n(sq 3 40)\n", @"1:36: error: In procedure \*: the result would have \d+ bits.*\[VBM2014\]", "past 150 s" },
        { "string-doubling", "(define (f s) (f (string-append s s)))\n(f \"ab\")\n", @"1:18: error: In procedure string-append: .*\[VBM2007\]", "1.4 GiB, abort" },
        { "printing-shared-structure", "(define (dbl x n) (if (= n 0) x (dbl (list x x) (- n 1))))\n(define s (object->string (dbl 1 40)))\n", @"2:11: error: In procedure object->string: the printed value is longer .*\[VBM2007\]", "45 s, out of memory" },
        { "error-with-huge-message", "(error (make-string 30000000 #\\a))\n", @"1:1: error: a{1000}\.\.\. \(29999000 more characters\) \[VBM2006\]", "printed 30 MB" },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Hostile_input_ends_in_a_located_diagnostic_within_1_GiB(string name, string text, string expected, string before)
    {
        var file = Path.Combine(_folder, name + ".scm");
        File.WriteAllText(file, text);
        using var cgroup = new MemoryCgroup(4 * OneGiB);
        var command = VbmcCli.CommandLine(["check", file]);
        var result = cgroup.Run(command[0], command.Skip(1));
        var peak = cgroup.PeakBytes;
        output.WriteLine($"{name} ({VbmcCli.Description}): exit {result.ExitCode}, peak {peak >> 20} MiB, {result.Stdout.Length + result.Stderr.Length} characters out (audit before: {before})");

        result.ExitCode.Should().Be(1, result.Stderr + result.Stdout);
        var all = result.Stdout + result.Stderr;
        all.Should().MatchRegex(new Regex(Regex.Escape(file) + ":" + expected).ToString());
        all.Length.Should().BeLessThan(4096, "a diagnostic quotes at most a readable part of a value or a line");
        peak.Should().BeLessThan(OneGiB);
    }

    [Fact]
    public void A_long_source_line_is_quoted_as_a_window_around_the_span()
    {
        var file = Path.Combine(_folder, "long-line.scm");
        File.WriteAllText(file, "(define x \"" + new string('b', 3000) + "\") (undefined-thing \"" + new string('a', 2_000_000) + "\")\n");
        var result = VbmcCli.Run(["check", file]);
        result.ExitCode.Should().Be(1, result.Stderr);
        var lines = (result.Stdout + result.Stderr).Split('\n');
        var at = Array.FindIndex(lines, l => l.Contains("Unbound variable: undefined-thing"));
        at.Should().BeGreaterThanOrEqualTo(0, result.Stderr);
        var quoted = lines[at + 1];
        var caret = lines[at + 2];
        quoted.Should().StartWith("...").And.EndWith("...").And.Contain("(undefined-thing");
        quoted.Length.Should().BeLessThan(200);
        // The caret still sits under the name.
        quoted.Substring(caret.IndexOf('^'), "undefined-thing".Length).Should().Be("undefined-thing");
    }

    [Fact]
    public void Diagnostics_past_a_thousand_are_counted_in_one_closing_error()
    {
        var file = Path.Combine(_folder, "many.scm");
        File.WriteAllText(file, """
            (use-modules (gnu) (guix))
            (list-tabulate 3000 (lambda (i) (build-machine (name i) (systems '("x86_64-linux")) (user "u") (host-key "k"))))
            """);
        var result = VbmcCli.Run(["check", "--format", "json", file]);
        result.ExitCode.Should().Be(1, result.Stderr);
        var ids = Regex.Matches(result.Stdout, "\"id\": ?\"(VBM\\d+)\"").Select(m => m.Groups[1].Value).ToList();
        ids.Count.Should().Be(1001);
        ids.Count(id => id == "VBM9003").Should().Be(1);
        // 3000 records, each with its own bad name, and the same bad host key (one diagnostic:
        // the same message at the same place is reported once): 3001 found, 1000 shown.
        result.Stdout.Should().Contain("2001 more diagnostics were found and are not shown");
    }
}
