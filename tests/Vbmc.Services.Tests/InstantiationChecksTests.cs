using Vbmc.Diagnostics;

namespace Vbmc.Services.Tests;

/// <summary>What Guix catches when it instantiates a system, caught by check: undeclared groups, a file that gives no system.</summary>
public class InstantiationChecksTests
{
    private static IReadOnlyList<Diagnostic> Errors(string text) =>
        ConfigurationAnalyzer.Check(text, "os.scm").Diagnostics.Where(d => d.Severity == Severity.Error).ToList();

    private static string Os(string users) => $$"""
        (use-modules (gnu))
        (operating-system
          (host-name "h")
          (bootloader (bootloader-configuration (bootloader grub-bootloader) (targets '("/dev/sda"))))
          (file-systems (cons (file-system (device "/dev/sda1") (mount-point "/") (type "ext4")) %base-file-systems))
          (users (cons {{users}} %base-user-accounts)))
        """;

    [Fact]
    public void Every_group_of_every_account_must_be_declared_as_guix_requires()
    {
        var text = Os("""(user-account (name "dev") (group "devs") (supplementary-groups '("wheel" "docker")))""");
        Errors(text).Select(d => (d.Id, d.Message)).Should().BeEquivalentTo(new[]
        {
            (DiagnosticIds.UndeclaredGroup, "primary group 'devs' of user 'dev' is undeclared"),
            (DiagnosticIds.UndeclaredGroup, "supplementary group 'docker' of user 'dev' is undeclared"),
        });
        Errors(Os("""(user-account (name "dev") (group "users") (supplementary-groups '("wheel" "audio")))""")).Should().BeEmpty();
    }

    [Fact]
    public void An_account_names_its_group()
    {
        Errors(Os("""(user-account (name "dev"))""")).Should().ContainSingle()
            .Which.Message.Should().Be("missing field initializers (group)");
    }

    [Fact]
    public void A_file_that_ends_with_a_definition_gives_no_system()
    {
        var d = Errors("(use-modules (gnu))\n(define x 1)\n").Should().ContainSingle().Subject;
        d.Id.Should().Be(DiagnosticIds.ConfigurationValue);
        (d.Span.StartLine, d.Span.StartColumn).Should().Be((2, 1));
    }

    [Fact]
    public void A_machines_file_with_one_machine_not_in_a_list_is_ignored_by_guix_offload()
    {
        var d = Errors("""
            (build-machine (name "b") (systems '("x86_64-linux")) (user "u")
                           (host-key "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHRMBWGa1XkprVAcTU8jY30AEiGt0G3OhT5mEyfS3UBb"))
            """).Should().ContainSingle().Subject;
        d.Id.Should().Be(DiagnosticIds.ConfigurationValue);
        d.Message.Should().Contain("guix offload ignores this file");
    }
}
