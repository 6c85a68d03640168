using System.Text.Json.Nodes;
using Vbmc.TestSupport;

namespace Vbmc.Cli.Tests;

public class CliTests : IDisposable
{
    private readonly TempConfigs _temp = new();

    private const string Machines = """
        (list (build-machine
               (name "a.example.org")
               (systems '("x86_64-linux"))
               (user "offload")
               (host-key "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICPPatb3GaTHMYKbPL9K6CPq3KVFF4Nl6crp7HYQvlZd root@a")))
        """;

    private const string Missing = "(list (build-machine (name \"b.example.org\")))\n";

    private const string Unterminated = "(list 1 2\n  (+ 3 4)\n";

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Help_lists_the_commands()
    {
        var (exit, stdout, _) = CliRunner.Run("--help");
        exit.Should().Be(ExitCodes.Ok);
        stdout.Should().Contain("check").And.Contain("eval");
        CliRunner.Run("check", "--help").Out.Should().Contain("--format").And.Contain("--system");
    }

    [Theory]
    [InlineData]
    [InlineData("help")]
    public void Bare_vbmc_and_vbmc_help_print_the_usage(params string[] args)
    {
        var (exit, stdout, stderr) = CliRunner.Run(args);
        exit.Should().Be(0, stderr);
        stdout.Should().Contain("Usage:").And.Contain("compile").And.Contain("rollback");
        stderr.Should().BeEmpty();
        CliRunner.Run("help", "rollback").Out.Should().Contain("Switch the installed files back");
    }

    [Fact]
    public void A_misspelt_command_is_one_error_with_the_closest_command()
    {
        var (exit, _, stderr) = CliRunner.Run("chek", "x.scm");
        exit.Should().Be(ExitCodes.UsageOrIo);
        stderr.Should().StartWith("vbmc: error: unknown command 'chek' [VBM9001]\n  hint: did you mean 'vbmc check'?\n")
            .And.NotContain("Unrecognized", "one error, not one per word");
    }

    [Fact]
    public void A_word_where_a_number_belongs_is_named_without_dotnet_types()
    {
        var (exit, _, stderr) = CliRunner.Run("rollback", "abc");
        exit.Should().Be(ExitCodes.UsageOrIo);
        stderr.Should().Contain("'abc' is not a whole number: 'vbmc rollback' takes one there").And.NotContain("System.");
    }

    [Fact]
    public void Version_is_the_assembly_version()
    {
        var (exit, stdout, _) = CliRunner.Run("--version");
        exit.Should().Be(ExitCodes.Ok);
        stdout.Trim().Should().Be("0.1.0");
    }

    [Theory]
    [InlineData("check", "--bogus", "x.scm")]
    [InlineData("check")]
    [InlineData("check", "--format", "xml", "x.scm")]
    [InlineData("frobnicate")]
    public void Usage_errors_exit_2_with_a_diagnostic(params string[] args)
    {
        var (exit, _, stderr) = CliRunner.Run(args);
        exit.Should().Be(ExitCodes.UsageOrIo);
        stderr.Should().StartWith("vbmc: error: ").And.Contain("[VBM9001]");
    }

    [Fact]
    public void A_missing_file_is_an_io_diagnostic_with_exit_2()
    {
        var missing = Path.Combine(_temp.Dir, "nope.scm");
        var (exit, stdout, _) = CliRunner.Run("check", "--format", "json", missing);
        exit.Should().Be(ExitCodes.UsageOrIo);
        var d = JsonNode.Parse(stdout)!["diagnostics"]![0]!;
        d["id"]!.GetValue<string>().Should().Be("VBM9002");
        d["file"]!.GetValue<string>().Should().Be(missing);

        CliRunner.Run("check", _temp.Dir).Out.Should().Contain("Is a directory");
        CliRunner.Run("eval", missing).Err.Should().Contain("No such file");
    }

    [Fact]
    public void A_clean_file_exits_0()
    {
        var file = _temp.Write("machines.scm", Machines);
        var (exit, stdout, stderr) = CliRunner.Run("check", file);
        exit.Should().Be(ExitCodes.Ok, stdout + stderr);
        stdout.Should().BeEmpty();
        stderr.Trim().Should().Be("no errors");
    }

    [Fact]
    public void Errors_exit_1_in_gnu_format_with_a_summary_on_stderr()
    {
        _temp.Write("broken.scm", Unterminated);
        var run = VbmcCli.Run(["check", "broken.scm"], _temp.Dir);
        run.ExitCode.Should().Be(ExitCodes.ConfigurationErrors, run.Stderr);
        run.Stdout.Should().StartWith("broken.scm:1:1: error: ");
        run.Stdout.Should().Contain("\n(list 1 2\n^");
        run.Stderr.Trim().Should().Be("1 error");
    }

    [Fact]
    public void Color_is_used_only_when_the_environment_allows_it()
    {
        var file = _temp.Write("broken.scm", Unterminated);
        CliRunner.Run(_temp.Dir, true, "check", file).Out.Should().Contain("\e[1;31merror:");
        CliRunner.Run(_temp.Dir, false, "check", file).Out.Should().NotContain("\e[");
    }

    [Fact]
    public void Several_files_are_checked_and_merged()
    {
        var good = _temp.Write("good.scm", Machines);
        var bad = _temp.Write("bad.scm", Missing);
        var broken = _temp.Write("broken.scm", Unterminated);

        var (exit, stdout, _) = CliRunner.Run("check", "--format", "json", good, bad, broken);
        exit.Should().Be(ExitCodes.ConfigurationErrors);
        var files = JsonNode.Parse(stdout)!["diagnostics"]!.AsArray().Select(d => d!["file"]!.GetValue<string>()).ToList();
        files.Should().Contain(bad).And.Contain(broken).And.NotContain(good);
        files.Should().BeInAscendingOrder(StringComparer.Ordinal);

        CliRunner.Run("check", good, Path.Combine(_temp.Dir, "missing.scm")).Exit.Should().Be(ExitCodes.UsageOrIo);
    }

    [Fact]
    public void Sarif_output_is_schema_valid_and_relative_to_the_working_directory()
    {
        _temp.Write("bad.scm", Missing);
        _temp.Write("broken.scm", Unterminated);
        // A real process, so that the working directory is _temp.Dir.
        var run = VbmcCli.Run(["check", "--format", "sarif", "bad.scm", "broken.scm"], _temp.Dir);
        run.ExitCode.Should().Be(ExitCodes.ConfigurationErrors, run.Stderr);
        var stdout = run.Stdout;

        var schema = Path.Combine(RepoPaths.Root, "tests", "Vbmc.Diagnostics.Tests", "schemas", "sarif-schema-2.1.0.json");
        JsonSchemaValidator.Validate(schema, stdout).Should().BeEmpty();
        var results = JsonNode.Parse(stdout)!["runs"]![0]!["results"]!.AsArray();
        results.Should().NotBeEmpty();
        results.Select(r => r!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>())
            .Should().BeSubsetOf(["bad.scm", "broken.scm"]);
    }

    [Fact]
    public void Output_is_deterministic()
    {
        var bad = _temp.Write("bad.scm", Missing);
        var broken = _temp.Write("broken.scm", Unterminated);
        foreach (var format in new[] { "text", "json", "sarif", "github" })
        {
            var first = CliRunner.Run(_temp.Dir, false, "check", "--format", format, broken, bad).Out;
            var second = CliRunner.Run(_temp.Dir, false, "check", "--format", format, bad, broken).Out;
            second.Should().Be(first, format);
        }
    }

    [Fact]
    public void Eval_prints_the_value_as_guile_writes_it()
    {
        var file = _temp.Write("value.scm", "(define (twice x) (* 2 x))\n(list (twice 21) \"two\" 'three #t 1/2)\n");
        var (exit, stdout, stderr) = CliRunner.Run("eval", file);
        exit.Should().Be(ExitCodes.Ok, stderr);
        stdout.Should().Be("(42 \"two\" three #t 1/2)\n");
    }

    [Fact]
    public void Eval_json_prints_json()
    {
        var file = _temp.Write("value.scm", "(list 42 \"two\")\n");
        var (exit, stdout, stderr) = CliRunner.Run("eval", "--json", file);
        exit.Should().Be(ExitCodes.Ok, stderr);
        var node = JsonNode.Parse(stdout);
        node.Should().NotBeNull();
        stdout.Should().Contain("42").And.Contain("\"two\"");
    }

    [Fact]
    public void Eval_json_shows_the_value_and_the_folded_services()
    {
        var file = _temp.Write("services.scm", """
(use-modules (gnu services) (gnu services shepherd))
(define web-type
  (service-type (name 'web) (description "web")
                (extensions (list (service-extension shepherd-root-service-type
                                    (lambda (port) (list (shepherd-service (provision '(web)) (start #~(const #t))))))))))
(list (service web-type 8080))
""");
        var (exit, stdout, stderr) = CliRunner.Run("eval", "--json", file);
        exit.Should().Be(ExitCodes.Ok, stderr);
        var node = JsonNode.Parse(stdout)!.AsObject();
        node.Select(p => p.Key).Should().Equal("value", "services");
        node["value"]!.AsArray().Should().ContainSingle();
        var shepherd = node["services"]!["shepherd-root"]!.AsArray();
        shepherd.Should().ContainSingle();
        shepherd[0]!["provision"]![0]!["$symbol"]!.GetValue<string>().Should().Be("web");

        var plain = _temp.Write("plain.scm", "(list 1 2)\n");
        JsonNode.Parse(CliRunner.Run("eval", "--json", plain).Out)!["services"].Should().BeNull();
    }

    [Fact]
    public void Eval_json_of_a_whole_system_writes_each_shared_record_once_and_stays_small()
    {
        var file = Path.Combine(RepoPaths.Examples, "build-vm.scm");
        var (exit, stdout, stderr) = CliRunner.Run("eval", "--json", file);
        exit.Should().Be(ExitCodes.Ok, stderr);
        // 528 KB before records were shared and service types printed by name (issue 12).
        System.Text.Encoding.UTF8.GetByteCount(stdout).Should().BeLessThan(50_000);
        CliRunner.Run("eval", "--json", file).Out.Should().Be(stdout, "the same file gives the same bytes");

        // Every {"$ref": N} comes after the one record marked "$id": N, and the host's base
        // services, which the guest's system holds too, are refs.
        var ids = new HashSet<int>();
        var refs = 0;
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o when o.ContainsKey("$ref"):
                    o.Count.Should().Be(1);
                    ids.Should().Contain(o["$ref"]!.GetValue<int>());
                    refs++;
                    break;
                case JsonObject o:
                    if (o["$id"] is { } id) ids.Add(id.GetValue<int>()).Should().BeTrue("an id marks one record");
                    foreach (var (_, child) in o) Walk(child);
                    break;
                case JsonArray a:
                    foreach (var child in a) Walk(child);
                    break;
            }
        }
        var document = JsonNode.Parse(stdout)!;
        Walk(document);
        refs.Should().BeGreaterThan(20);
        var hostServices = document["value"]!["services"]!.AsArray();
        hostServices.Skip(1).Should().OnlyContain(s => s!.AsObject().ContainsKey("$ref"));
        ids.Should().HaveCount(ids.Max(), "ids count from 1 in document order");
    }

    [Fact]
    public void Eval_shows_record_fields_with_their_defaults()
    {
        var file = _temp.Write("machines.scm", Machines);
        var (exit, stdout, stderr) = CliRunner.Run("eval", file);
        exit.Should().Be(ExitCodes.Ok, stderr);
        stdout.Should().Contain("a.example.org").And.Contain("offload").And.Contain("22");
    }

    [Fact]
    public void Eval_errors_go_to_stderr_and_exit_1()
    {
        _temp.Write("bad.scm", "(car '())\n");
        var run = VbmcCli.Run(["eval", "bad.scm"], _temp.Dir);
        run.ExitCode.Should().Be(ExitCodes.ConfigurationErrors, run.Stderr);
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().StartWith("bad.scm:1:1: error: ");
    }

    [Fact]
    public void The_system_option_sets_current_system()
    {
        var file = _temp.Write("system.scm", "(%current-system)\n");
        CliRunner.Run("eval", "--system", "aarch64-linux", file).Out.Should().Be("\"aarch64-linux\"\n");
        CliRunner.Run("eval", file).Out.Should().Be($"\"{CliEnvironment.HostSystem}\"\n");
    }

    [Fact]
    public void The_real_program_reports_exit_codes_and_never_a_stack_trace()
    {
        var bad = _temp.Write("bad.scm", Missing);
        var run = VbmcCli.Run(["check", bad]);
        run.ExitCode.Should().Be(ExitCodes.ConfigurationErrors, run.Stderr);
        run.Stdout.Should().Contain("missing field initializers");

        var usage = VbmcCli.Run(["check", "--nope", bad]);
        usage.ExitCode.Should().Be(ExitCodes.UsageOrIo);
        (usage.Stdout + usage.Stderr).Should().NotContain("   at ");

        var noColor = VbmcCli.Run(["check", bad], environment: new Dictionary<string, string?> { ["NO_COLOR"] = "1" });
        noColor.Stdout.Should().NotContain("\e[");
    }
}
