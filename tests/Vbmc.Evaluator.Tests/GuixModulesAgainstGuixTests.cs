using Vbmc.TestSupport;
using static Vbmc.Evaluator.Tests.TestEval;

namespace Vbmc.Evaluator.Tests;

/// <summary>
/// The errors and warnings of names built from the generated data, against what the real Guix
/// 1.5.0 says for the same forms (in the reference root): the wording vbmc reports is Guix's.
/// </summary>
public class GuixModulesAgainstGuixTests
{
    private const string Imports = "(use-modules (gnu) (gnu services networking) (gnu services xorg) (gnu services base))";

    /// <summary>Each form, as vbmc evaluates it after the imports, and as Guile runs it inside (eval ...).</summary>
    private static readonly string[] Forms =
    [
        "(dhcpcd-configuration (interfacs '(\"eth0\")))",
        "(kmscon-configuration)",
        "(service screen-locker-service-type)",
        "(udev-rules-service 'fuse)",
        "dhcp-client-service-type",
    ];

    [Fact]
    public void Errors_and_warnings_have_Guix_wording()
    {
        var script = Imports + "\n" + string.Concat(Forms.Select(f =>
            $"(catch #t (lambda () (eval '{f} (current-module)) (display \"ok\") (newline))\n" +
            "  (lambda (key . args) (display key) (display \" | \") (write args) (newline)))\n"));
        using var session = ReferenceRoot.Enter();
        File.WriteAllText(session.HostPath("/var/tmp/forms.scm"), script);
        var run = session.Run("guile --no-auto-compile /var/tmp/forms.scm", timeout: TimeSpan.FromMinutes(5));
        run.ExitCode.Should().Be(0, run.Stderr);
        var guix = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        guix.Should().HaveCount(Forms.Length, run.Stdout);

        string VbmcSays(string form)
        {
            var r = Run(Imports + "\n" + form);
            return r.Errors().Select(e => e.Message).Concat(r.Warnings().Select(w => "warning: " + w.Message)).First();
        }

        guix[0].Should().Contain("\"extraneous field initializers (interfacs)\"");
        VbmcSays(Forms[0]).Should().StartWith("extraneous field initializers (interfacs)");
        guix[1].Should().Contain("\"" + VbmcSays(Forms[1]) + "\"");
        // Guix's message is a format string: "~a: no value specified for service of type '~a'".
        guix[2].Should().Contain("no value specified for service of type '~a'").And.Contain(" screen-locker)");
        VbmcSays(Forms[2]).Should().Be("no value specified for service of type 'screen-locker'");
        guix[3].Should().StartWith("wrong-number-of-args").And.Contain("#<procedure udev-rules-service (");
        VbmcSays(Forms[3]).Should().Be("Wrong number of arguments to #<procedure udev-rules-service>");
        guix[4].Should().Be("ok");
        run.Stderr.Should().Contain(VbmcSays(Forms[4]) + "\n");
        VbmcSays(Forms[4]).Should().Be("warning: 'dhcp-client-service-type' is deprecated, use 'dhcpcd-service-type' instead");
    }
}
