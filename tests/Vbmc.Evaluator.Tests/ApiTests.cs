using System.Diagnostics;
using System.Text;
using Vbmc.Diagnostics;
using Vbmc.Evaluation;
using static Vbmc.Evaluator.Tests.TestEval;

namespace Vbmc.Evaluator.Tests;

public class ApiTests
{
    [Fact]
    public void A_missing_file_is_one_io_error()
    {
        var r = ConfigurationEvaluator.EvaluateFile("/nonexistent/vbmc/config.scm");
        r.Diagnostics.Should().ContainSingle().Which.Id.Should().Be(DiagnosticIds.IoError);
        ConfigurationChecker.CheckFile("/nonexistent/vbmc/config.scm").Diagnostics.Single().Id.Should().Be(DiagnosticIds.IoError);
    }

    [Fact]
    public void Reader_errors_are_included()
    {
        var r = Run("(list 1 2");
        r.Errors().Should().ContainSingle().Which.Id.Should().StartWith("VBM1");
    }

    [Fact]
    public void An_error_ends_its_form_only_and_a_failed_definition_does_not_cascade()
    {
        var r = Run("(define x (car '()))\n(define y (+ x 1))\n(vector-ref #(1) 3)\n(+ 1 2)");
        r.Errors().Select(e => e.Where()).Should().Equal("1:11", "3:1");
        Vbmc.Printing.Printer.Write(r.Value!).Should().Be("3");
    }

    [Fact]
    public void User_errors_use_guile_message_form()
    {
        Run("(error \"bad thing:\" 'x 42)").Errors().Single().Message.Should().Be("bad thing: x 42");
    }

    [Fact]
    public void Output_is_captured_never_written_to_the_console()
    {
        var r = Run("(display \"hi\") (newline) (format #t \"~a~%\" 42) 'done");
        r.Output.Should().Be("hi\n42\n");
    }

    [Fact]
    public void Local_file_is_resolved_next_to_the_configuration()
    {
        var dir = Directory.CreateTempSubdirectory("vbmc-eval-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "key.pub"), "x");
            var config = Path.Combine(dir.FullName, "config.scm");
            File.WriteAllText(config, "(list (local-file \"key.pub\") (local-file \"missing.pub\"))");
            var r = ConfigurationEvaluator.EvaluateFile(config);
            var e = r.Errors().Should().ContainSingle().Subject;
            e.Id.Should().Be(DiagnosticIds.FileNotFound);
            e.Where().Should().Be("1:30");
            File.WriteAllText(config, "(local-file \"key.pub\")");
            var ok = ConfigurationEvaluator.EvaluateFile(config);
            ok.Value.Should().BeOfType<FileLike>().Which.Parameters[0].Should().Be(Path.Combine(dir.FullName, "key.pub"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void System_option_sets_current_system()
    {
        var r = Run("(%current-system)", new EvaluationOptions { System = "aarch64-linux" });
        r.Value.Should().Be("aarch64-linux");
        Value("%current-target-system").Should().NotBeEmpty();
        Value("(%current-target-system)").Should().Be("#f");
    }

    [Fact]
    public void Json_follows_the_documented_conventions()
    {
        var r = Run("""
            (define-record-type* <j> j make-j j? this-j
              (name j-name (default 'vm))
              (n j-n (default 1/3))
              (twice j-twice (thunked) (default (list (j-name this-j) (j-name this-j)))))
            (list (j) '(1 . 2) #(1) "s" 2.5 (make-date 0 0 0 0 1 1 2020 0) qemu)
            """);
        r.Errors().Should().BeEmpty();
        var json = ValueJson.ToJson(r.Value)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.Should().Be("""[{"$record":"<j>","name":{"$symbol":"vm"},"n":"1/3","twice":[{"$symbol":"vm"},{"$symbol":"vm"}]},{"car":1,"cdr":2},{"$vector":[1]},"s",2.5,"2020-01-01T00:00:00Z",{"$package":"qemu","version":"10.1.0"}]""");
    }

}
