using Vbmc.Diagnostics;
using Vbmc.TestSupport;

namespace Vbmc.Services.Tests;

/// <summary>
/// Models vbmc had wrong (issue 11), each checked against GNU Guix 1.5.0 itself: the same text is
/// loaded as `guix system` loads a configuration (load* in a user module, then fold-services for
/// an operating-system) in the reference root, and vbmc must reach the same verdict.
/// </summary>
public sealed class GuixModelFixesTests : IClassFixture<GuixModelFixesTests.Guix>
{
    private readonly Guix _guix;

    public GuixModelFixesTests(Guix guix) => _guix = guix;

    /// <summary>One reference-root session for the class; each verdict is one guile process.</summary>
    public sealed class Guix : IDisposable
    {
        private readonly ReferenceRootSession _session = ReferenceRoot.Enter();
        private int _next;

        /// <summary>Guix's verdict: null when it accepts, else what it printed.</summary>
        public string? Rejects(string text)
        {
            var file = $"/var/tmp/vbmc-model-{Interlocked.Increment(ref _next)}.scm";
            File.WriteAllText(_session.HostPath(file), text);
            var run = _session.Run($$"""
                guile -c '(use-modules (guix ui) (gnu system) (gnu services))
                (let ((value (load* "{{file}}" (make-user-module (quote ((gnu system) (gnu services) (gnu system shadow)))))))
                  (when (operating-system? value)
                    (fold-services (operating-system-services value) #:target-type system-service-type))
                  (display "accepted"))'
                """, timeout: TimeSpan.FromMinutes(2));
            return run.ExitCode == 0 && run.Stdout.Contains("accepted", StringComparison.Ordinal) ? null : run.Stdout + run.Stderr;
        }

        public void Dispose() => _session.Dispose();
    }

    private static IReadOnlyList<Diagnostic> VbmcErrors(string text) =>
        ConfigurationAnalyzer.Check(text, "model.scm").Diagnostics.Where(d => d.Severity == Severity.Error).ToList();

    private void BothAccept(string text)
    {
        _guix.Rejects(text).Should().BeNull("Guix 1.5.0 accepts it");
        VbmcErrors(text).Should().BeEmpty("vbmc accepts what Guix accepts");
    }

    private static string Os(string services, string extra = "") => $$"""
        (use-modules (gnu) (guix gexp))
        (use-service-modules networking shepherd)
        {{extra}}
        (operating-system
          (host-name "model")
          (bootloader (bootloader-configuration (bootloader grub-bootloader) (targets '("/dev/sda"))))
          (file-systems (cons (file-system (device "/dev/sda1") (mount-point "/") (type "ext4")) %base-file-systems))
          (services (append (list {{services}}) %base-services)))
        """;

    [Fact]
    public void Output_in_a_gexp_is_the_derivations_output_not_a_variable()
    {
        BothAccept(Os("(simple-service 'mark activation-service-type #~(begin (mkdir-p #$output) (symlink \"x\" (string-append #$output \"/y\")) (ungexp output \"doc\")))"));
    }

    [Fact]
    public void Activation_extensions_are_gexps_each_kept_as_it_is()
    {
        BothAccept(Os("(simple-service 'one activation-service-type #~(display \"one\")) (simple-service 'two activation-service-type #~(display \"two\"))"));
    }

    [Fact]
    public void Shepherd_service_type_is_a_macro_with_a_description()
    {
        const string define = """
            (define hello-service-type
              (shepherd-service-type 'hello
                                     (lambda (greeting)
                                       (shepherd-service (provision '(hello)) (start #~(const #t)) (stop #~(const #f))))
                                     "hi"
                                     (description "Say hello.")))
            """;
        var text = Os("(service hello-service-type)", define);
        BothAccept(text);
        // The type extends Shepherd with the service its procedure makes: a second one is a duplicate.
        var twice = Os("(service hello-service-type) (simple-service 'other shepherd-root-service-type (list (shepherd-service (provision '(hello)) (start #~(const #t)))))", define);
        _guix.Rejects(twice).Should().NotBeNull("Guix sees 'hello' provided twice");
        VbmcErrors(twice).Should().Contain(d => d.Id == DiagnosticIds.ShepherdDuplicateProvision);
    }

    [Fact]
    public void Mapped_devices_take_arguments_and_the_older_target_field()
    {
        BothAccept(Os("", """
            (define devices
              (list (mapped-device (source "/dev/sda2") (target "home") (type luks-device-mapping))
                    (mapped-device (source (list "/dev/sdb1" "/dev/sdc1")) (targets (list "md0"))
                                   (type raid-device-mapping) (arguments '()))))
            """));
        const string missing = """
            (use-modules (gnu))
            (mapped-device (source "/dev/sda2") (type luks-device-mapping))
            """;
        _guix.Rejects(missing).Should().Contain("missing field initializers (targets)");
        VbmcErrors(missing).Should().ContainSingle().Which.Message.Should().Be("missing field initializers (targets)");
    }

    [Fact]
    public void Avahi_brings_the_system_bus_it_requires()
    {
        // avahi-daemon requires dbus-system (its extension of the bus provides it) and networking.
        BothAccept(Os("(service avahi-service-type) (simple-service 'net shepherd-root-service-type (list (shepherd-service (provision '(networking)) (start #~(const #t)))))",
            "(use-service-modules avahi)"));
    }
}
