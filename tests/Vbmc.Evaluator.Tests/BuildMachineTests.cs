using Vbmc.Data;
using Vbmc.Diagnostics;
using Vbmc.Evaluation;
using Vbmc.Printing;
using Vbmc.TestSupport;

namespace Vbmc.Evaluator.Tests;

public class BuildMachineTests
{
    private static object Call(string name, params object[] args)
    {
        var table = new BuiltinTable();
        SystemTypes.Register(table);
        return ((Builtin)table.Values[name]).Body(args);
    }

    [Theory]
    [InlineData("x86_64-linux", true)]
    [InlineData("i686-linux", true)]
    [InlineData("aarch64-linux", true)]
    [InlineData("armhf-linux", true)]
    [InlineData("powerpc64le-linux", true)]
    [InlineData("riscv64-linux", true)]
    [InlineData("mips64el-linux", true)]
    [InlineData("powerpc-linux", true)]
    [InlineData("i586-gnu", true)]
    [InlineData("x86_64-gnu", true)]
    [InlineData("x86_64-linux-gnu", false)]
    [InlineData("amd64-linux", false)]
    [InlineData("X86_64-linux", false)]
    [InlineData("", false)]
    public void Known_system_types_are_Guix_system_types(string system, bool known)
    {
        Call("known-system-type?", system).Should().Be(known);
        SystemTypes.IsKnown(system).Should().Be(known);
    }

    [Fact]
    public void Known_system_type_predicate_is_false_for_non_strings()
    {
        Call("known-system-type?", Symbol.Intern("x86_64-linux")).Should().Be(false);
        Call("known-system-type?", System.Numerics.BigInteger.One).Should().Be(false);
    }

    [Fact]
    public void System_type_lists_are_offered_to_the_language_and_to_CSharp()
    {
        var table = new BuiltinTable();
        SystemTypes.Register(table);
        Lists.ToListOrNull(table.Values["%supported-systems"]).Should().Equal(SystemTypes.Known.Cast<object>());
        Lists.ToListOrNull(table.Values["%hurd-systems"]).Should().Equal("i586-gnu", "x86_64-gnu");
        SystemTypes.Architecture("x86_64-linux").Should().Be("x86_64");
        SystemTypes.Architecture("i586-gnu").Should().Be("i586");
    }

    // ---- End to end, through the evaluator and checker ----

    private const string Key1 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG+KBiVUUkdxVQ3aIDeEsRDRyygnCdOsq3ZNgKsJ+rzd";

    private static IReadOnlyList<Diagnostic> CheckText(string text) =>
        ConfigurationChecker.Check(text, "machines.scm", new EvaluationOptions()).Diagnostics;

    private static string EvalWritten(string text)
    {
        var result = ConfigurationEvaluator.EvaluateText(text, "machines.scm", new EvaluationOptions());
        result.Diagnostics.Where(d => d.Severity == Severity.Error).Should().BeEmpty();
        return Printer.Write(result.Value!);
    }

    [Fact]
    public void Acceptance_machines_file_checks_with_a_deprecation_warning()
    {
        var path = Path.Combine(RepoPaths.Acceptance, "06-machines-file-deprecated-system.scm");
        var diagnostics = ConfigurationChecker.CheckFile(path, new EvaluationOptions()).Diagnostics;
        diagnostics.Where(d => d.Severity == Severity.Error).Should().BeEmpty();
        diagnostics.Should().Contain(d => d.Severity == Severity.Warning && d.Span.StartLine == 22 && d.Span.StartColumn == 8
                                          && d.Message.Contains("deprecated"));
    }

    [Fact]
    public void Acceptance_missing_fields_are_reported_at_each_record_form()
    {
        var path = Path.Combine(RepoPaths.Acceptance, "09-error-missing-fields.scm");
        var errors = ConfigurationChecker.CheckFile(path, new EvaluationOptions()).Diagnostics
            .Where(d => d.Severity == Severity.Error).ToList();
        errors.Select(e => (e.Span.StartLine, e.Span.StartColumn)).Should().Equal((7, 7), (10, 7));
        errors[0].Message.Should().Contain("missing field initializers (host-key)");
        errors[1].Message.Should().Contain("missing field initializers (name user host-key)");
    }

    [Fact]
    public void Defaults_are_upstreams_and_systems_falls_back_to_the_deprecated_system()
    {
        EvalWritten($$"""
            (use-modules (guix scripts offload))
            (define m (build-machine (name "a") (user "u") (host-key "{{Key1}}") (system "aarch64-linux")))
            (list (build-machine-port m) (build-machine-systems m) (build-machine-private-key m)
                  (build-machine-compression m) (build-machine-compression-level m)
                  (build-machine-daemon-socket m) (build-machine-overload-threshold m)
                  (build-machine-parallel-builds m) (build-machine-speed m) (build-machine-features m))
            """).Should().Be("""(22 ("aarch64-linux") "/root/.ssh/id_rsa" "zlib@openssh.com,zlib" 3 "/var/guix/daemon-socket/socket" 0.8 1 1.0 ())""");
    }

    [Fact]
    public void A_machines_file_built_with_map_gives_one_machine_per_host()
    {
        EvalWritten($$"""
            (use-modules (guix scripts offload))
            (define machines
              (map (lambda (host)
                     (build-machine (name host) (systems '("x86_64-linux")) (user "offload") (host-key "{{Key1}}")))
                   '("a.example.org" "b.example.org" "c.example.org")))
            (list (length machines) (map build-machine-name machines) (map build-machine-systems machines)
                  (build-machine? (car machines)))
            """).Should().Be("""(3 ("a.example.org" "b.example.org" "c.example.org") (("x86_64-linux") ("x86_64-linux") ("x86_64-linux")) #t)""");
    }

    [Fact]
    public void An_unknown_system_type_is_a_warning_not_an_error()
    {
        var diagnostics = CheckText($$"""
            (use-modules (guix scripts offload))
            (list (build-machine (name "a") (user "u") (host-key "{{Key1}}")
                                 (systems '("x86_64-linux" "vax-vms"))))
            """);
        diagnostics.Where(d => d.Severity == Severity.Error).Should().BeEmpty();
        diagnostics.Should().Contain(d => d.Severity == Severity.Warning && d.Message.Contains("vax-vms")
                                          && d.Message.Contains("field 'systems' of <build-machine>") && d.Span.StartLine == 3);
    }

    [Fact]
    public void Systems_that_is_not_a_list_is_an_error()
    {
        var diagnostics = CheckText($$"""
            (use-modules (guix scripts offload))
            (list (build-machine (name "a") (user "u") (host-key "{{Key1}}")
                                 (systems "x86_64-linux")))
            """);
        diagnostics.Should().ContainSingle(d => d.Severity == Severity.Error)
            .Which.Message.Should().Be("field 'systems' of <build-machine> expects a list of known system types, got \"x86_64-linux\"");
    }

    [Fact]
    public void A_machine_with_neither_systems_nor_system_is_warned_about()
    {
        var diagnostics = CheckText($$"""
            (use-modules (guix scripts offload))
            (list (build-machine (name "a") (user "u") (host-key "{{Key1}}")))
            """);
        diagnostics.Where(d => d.Severity == Severity.Error).Should().BeEmpty();
        diagnostics.Should().Contain(d => d.Severity == Severity.Warning && d.Message.Contains("field 'systems'"));
    }

    [Fact]
    public void Each_bad_field_value_is_an_error_at_the_value()
    {
        var text = """
            (use-modules (guix scripts offload))
            (list (build-machine
                   (name "")
                   (port 70000)
                   (systems '("x86_64-linux"))
                   (user 'root)
                   (host-key "ssh-ed25519 AAAA")
                   (compression 5)
                   (compression-level 12)
                   (daemon-socket "")
                   (overload-threshold "high")
                   (parallel-builds 0)
                   (speed "fast")
                   (features '(1))))
            """;
        var errors = CheckText(text).Where(d => d.Severity == Severity.Error).ToList();
        var expected = new (int Line, string Field)[]
        {
            (3, "name"), (4, "port"), (6, "user"), (7, "host-key"), (8, "compression"),
            (9, "compression-level"), (10, "daemon-socket"), (11, "overload-threshold"),
            (12, "parallel-builds"), (13, "speed"), (14, "features"),
        };
        foreach (var (line, field) in expected)
            errors.Should().Contain(e => e.Span.StartLine == line && e.Message.Contains($"field '{field}' of <build-machine>"),
                                    $"field {field} on line {line} has a bad value");
        errors.Should().HaveCount(expected.Length);
        errors.Single(e => e.Span.StartLine == 7).Message.Should().Contain("an OpenSSH public key");
    }

    [Fact]
    public void Dates_work_end_to_end_through_srfi_19()
    {
        EvalWritten("""
            (use-modules (srfi srfi-19))
            (define d (string->date "2019-06-15 08:30:00" "~Y-~m-~d ~H:~M:~S"))
            (list (date-year d) (date->string d "~5") (date->string (make-date 0 0 0 0 1 1 2020 0) "~4"))
            """).Should().Be("""(2019 "2019-06-15T08:30:00" "2020-01-01T00:00:00Z")""");
    }
}
