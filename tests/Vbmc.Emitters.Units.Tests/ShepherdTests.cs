using System.Text;
using Vbmc.Lowering;
using Vbmc.TestSupport;

namespace Vbmc.Emitters.Units.Tests;

/// <summary>
/// The Shepherd file evaluated by Guile 3.0 in a module where the test defines Shepherd 0.10's
/// procedures with their documented keyword signatures (an unknown keyword is an error there),
/// recording what the file gives them. Shepherd itself is not packaged for Debian 12.
/// </summary>
public class ShepherdTests
{
    /// <summary>
    /// Shepherd 0.10's signatures (manual 0.10.4, "Defining Services" and "Service De- and
    /// Constructors"); each records its arguments. Strings are printed as lists of code points so
    /// that nothing depends on the printer's escapes.
    /// </summary>
    private const string Fakes = """
        (use-modules (srfi srfi-1))
        (define* (service provision #:key (requirement '()) (one-shot? #f) (transient? #f) (respawn? #f)
                          (start #f) (stop #f) (actions #f) (termination-handler #f) (documentation #f))
          (list provision requirement respawn? start stop documentation one-shot? transient?))
        (define* (make-forkexec-constructor command #:key (user #f) (group #f) (supplementary-groups '())
                          (pid-file #f) (pid-file-timeout 5) (log-file #f) (directory "/") (file-creation-mask #f)
                          (create-session? #t) (resource-limits '()) (environment-variables '("UNSET")))
          (list command user group supplementary-groups log-file environment-variables pid-file))
        (define* (make-kill-destructor #:optional (signal 'default) #:key (grace-period 5)) (list 'kill signal))
        (define (default-environment-variables) '("PATH=/run/current-system/profile/bin" "TMPDIR=/var/tmp" "LANG=C.UTF-8"))
        (define registered '())
        (define (register-services services) (set! registered (append registered services)))
        (define started '())
        (define (start-in-the-background names) (set! started (append started names)))
        (define (codes s) (string-join (map (lambda (c) (number->string (char->integer c))) (string->list s)) ","))
        (define (out key . strings) (for-each (lambda (s) (display key) (display "=") (display (codes s)) (newline)) strings))
        """;

    private const string Report = """
        (define svc (car registered))
        (define start (list-ref svc 3))
        (out "registered" (number->string (length registered)))
        (apply out "provision" (map symbol->string (list-ref svc 0)))
        (apply out "requirement" (map symbol->string (list-ref svc 1)))
        (out "respawn" (if (list-ref svc 2) "yes" "no"))
        (out "documentation" (list-ref svc 5))
        (out "one-shot" (if (list-ref svc 6) "yes" "no"))
        (apply out "command" (list-ref start 0))
        (out "user" (list-ref start 1))
        (out "group" (list-ref start 2))
        (apply out "supplementary-groups" (list-ref start 3))
        (out "log-file" (list-ref start 4))
        (apply out "environment" (list-ref start 5))
        (out "pid-file" (if (list-ref start 6) "set" "none"))
        (out "stop" (format #f "~a" (list-ref svc 4)))
        (apply out "started" (map symbol->string started))
        """;

    /// <summary>Loads the file as a Shepherd configuration would and returns key → values.</summary>
    private static ILookup<string, string> Evaluate(string shepherdFile)
    {
        var file = Path.Combine(Path.GetTempPath(), $"vbmc-shepherd-{Guid.NewGuid():N}.scm");
        File.WriteAllText(file, shepherdFile);
        try
        {
            var result = Guile.Run($"{Fakes}\n(load {SchemeWriter.String(file)})\n{Report}");
            result.ExitCode.Should().Be(0, result.Stderr);
            return result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => l.Split('=', 2))
                .ToLookup(p => p[0], p => Decode(p[1]));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Decode(string codes) =>
        codes.Length == 0 ? "" : string.Concat(codes.Split(',').Select(c => char.ConvertFromUtf32(int.Parse(c))));

    [Fact]
    public void Loading_the_file_registers_the_vm_service_as_shepherd_0_10_defines_it()
    {
        var vm = Plans.Default;
        var got = Evaluate(ShepherdEmitter.Text(vm));
        got["registered"].Should().Equal("1");
        got["provision"].Should().Equal("build-vm");
        got["requirement"].Should().Equal("user-processes");
        got["respawn"].Should().Equal("yes");
        got["one-shot"].Should().Equal("no");
        got["documentation"].Single().Should().Contain("build-vm").And.Contain("2020-01-01T00:00:00");
        got["command"].Should().Equal("/var/lib/vbmc/build-vm/run-build-vm.sh");
        got["user"].Should().Equal("build-vm-build-vm");
        got["group"].Should().Equal("build-vm-build-vm");
        got["supplementary-groups"].Should().Equal("kvm");
        got["log-file"].Should().Equal("/var/log/vbmc/build-vm.log");
        got["environment"].Should().Equal("TMPDIR=/tmp", "PATH=/run/current-system/profile/bin", "LANG=C.UTF-8");
        got["pid-file"].Should().Equal("none");
        got["stop"].Should().Equal("(kill default)");
        got["started"].Should().BeEmpty("auto-start? is #f");
    }

    [Fact]
    public void An_auto_start_vm_is_started_in_the_background_once_registered()
    {
        var got = Evaluate(ShepherdEmitter.Text(Plans.AutoStart));
        got["provision"].Should().Equal("auto");
        got["started"].Should().Equal("auto");
    }

    [Fact]
    public void Hostile_names_and_accounts_reach_shepherd_exactly()
    {
        const string Name = "a b\"c'd$e%f\\g`h;i#j}#|k\nl\tm é中😀";
        var vm = Plans.Default with
        {
            Name = Name,
            Account = Plans.Default.Account with { Name = "user \"x\" \\y", Group = "group\nz", SupplementaryGroups = ["kvm", "wé\"ird"] },
        };
        var text = ShepherdEmitter.Text(vm);
        text.Should().MatchRegex("^[\\x00-\\x7f]*$", "the file is ASCII whatever it holds");
        var got = Evaluate(text);
        got["provision"].Should().Equal(Name);
        got["command"].Should().Equal(vm.InstalledScript);
        got["user"].Should().Equal("user \"x\" \\y");
        got["group"].Should().Equal("group\nz");
        got["supplementary-groups"].Should().Equal("kvm", "wé\"ird");
        got["log-file"].Should().Equal(vm.SerialLog);
        got["documentation"].Single().Should().Contain(Name);
    }

    [Fact]
    public void Guile_reads_back_every_string_and_symbol_the_scheme_writer_writes()
    {
        string[] values = ["", "plain", "a b", "q\"uote", "back\\slash", "new\nline", "tab\tcr\r", "\x01\x7f", "é中😀",
            "}#", "#{x}#", "|bar|", "10", "1x", "-", ".", "...", "#t", "a;b", "'q", "`q", ",q", "(x)", "build-vm"];
        var program = new StringBuilder("(define (codes s) (string-join (map (lambda (c) (number->string (char->integer c))) (string->list s)) \",\"))\n");
        foreach (var value in values)
        {
            program.Append("(display (codes ").Append(SchemeWriter.String(value)).Append("))(newline)\n");
            program.Append("(display (codes (symbol->string '").Append(SchemeWriter.Symbol(value)).Append(")))(newline)\n");
        }
        var result = Guile.Run(program.ToString());
        result.ExitCode.Should().Be(0, result.Stderr);
        var lines = result.Stdout.Split('\n')[..(values.Length * 2)].Select(Decode).ToList();
        lines.Should().Equal(values.SelectMany(v => new[] { v, v }));
    }

    [Fact]
    public void Emit_gives_the_file_at_its_layout_path()
    {
        var artifact = ShepherdEmitter.Emit(Plans.Default);
        artifact.RelativePath.Should().Be(InstallLayout.ShepherdPath("build-vm"));
        artifact.Kind.Should().Be(ArtifactKind.ShepherdService);
    }
}
