using Vbmc.Diagnostics;
using static Vbmc.Services.Tests.SystemModules;

namespace Vbmc.Services.Tests;

/// <summary>
/// The Guix system modules (operating-system, accounts, file systems, bootloaders, base
/// services, guix-daemon's configuration) evaluated and folded as real configurations use them.
/// </summary>
public class SystemModulesTests
{
    private static string ConfigurationFile(string name) =>
        Path.Combine(AppContext.BaseDirectory, "configurations", "system", name);

    [Fact]
    public void A_minimal_operating_system_checks_without_errors()
    {
        var r = Analyze(OperatingSystem());
        r.Evaluation.Diagnostics.Should().BeEmpty(Describe(r));
        r.Fold.Completed.Should().BeTrue();
    }

    [Fact]
    public void Essential_services_give_root_base_accounts_and_guix_build_accounts()
    {
        var r = Analyze(OperatingSystem("""
            (users (cons (user-account (name "alice") (group "users") (supplementary-groups '("wheel")))
                         %base-user-accounts))
            """));
        Errors(r).Should().BeEmpty(Describe(r));
        var accounts = FoldedText(r, "account");
        accounts.Should().Contain("name: \"root\"").And.Contain("name: \"alice\"").And.Contain("name: \"nobody\"");
        accounts.Should().Contain("name: \"guixbuilder01\"").And.Contain("name: \"guixbuilder10\"");
        accounts.Should().Contain("name: \"guixbuild\"").And.Contain("name: \"kvm\"");
        accounts.Should().Contain("home-directory: \"/home/alice\"");
    }

    [Fact]
    public void Base_services_run_the_guix_daemon_gettys_the_system_log_and_timers_under_shepherd()
    {
        var r = Analyze(OperatingSystem());
        var shepherd = FoldedText(r, "shepherd-root");
        foreach (var name in new[] { "guix-daemon", "system-log syslogd", "term-console", "timer", "transient", "term-tty1", "term-tty6", "loopback", "udev", "nscd", "host-name", "user-processes" })
            shepherd.Should().Contain($"({name}", "the base services provide '{0}'", name);
    }

    [Fact]
    public void Modify_services_rewrites_the_guix_service_of_base_services()
    {
        var r = Analyze(OperatingSystem(services: """
            (modify-services %base-services
              (guix-service-type config =>
                                 (guix-configuration
                                  (inherit config)
                                  (extra-options '("--max-jobs=4"))
                                  (substitute-urls '("https://guix.example.org")))))
            """));
        Errors(r).Should().BeEmpty(Describe(r));
        var guix = FoldedText(r, "guix");
        guix.Should().Contain("extra-options: (\"--max-jobs=4\")");
        guix.Should().Contain("substitute-urls: (\"https://guix.example.org\")");
    }

    [Fact]
    public void Deleting_a_base_service_removes_what_it_provided()
    {
        var r = Analyze(OperatingSystem(services: "(modify-services %base-services (delete nscd-service-type))"));
        Errors(r).Should().BeEmpty(Describe(r));
        FoldedText(r, "shepherd-root").Should().NotContain("(nscd");
    }

    [Fact]
    public void Guix_extensions_and_build_machine_lists_fold_into_the_guix_configuration()
    {
        var r = Analyze(OperatingSystem(services: """
            (cons* (simple-service 'more-substitutes guix-service-type
                                   (guix-extension (substitute-urls '("https://substitutes.example.org"))))
                   (simple-service 'offload guix-service-type
                                   (list (build-machine
                                          (name "fast.example.org")
                                          (systems '("x86_64-linux"))
                                          (user "offload")
                                          (host-key "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG+KBiVUUkdxVQ3aIDeEsRDRyygnCdOsq3ZNgKsJ+rzd"))))
                   %base-services)
            """));
        Errors(r).Should().BeEmpty(Describe(r));
        var guix = FoldedText(r, "guix");
        guix.Should().Contain("\"https://substitutes.example.org\" \"https://bordeaux.guix.gnu.org\"",
            "as upstream, extension URLs come before the configuration's own");
        guix.Should().Contain("name: \"fast.example.org\"");
    }

    [Fact]
    public void A_type_error_in_an_operating_system_field_is_reported_at_the_value()
    {
        var text = OperatingSystem("(timezone 'paris)");
        var r = Analyze(text);
        var error = Errors(r).Should().ContainSingle(Describe(r)).Subject;
        error.Message.Should().Contain("field 'timezone' of <operating-system>").And.Contain("paris");
        var line = text.Split('\n').ToList().FindIndex(l => l.Contains("(timezone 'paris)")) + 1;
        error.Span.StartLine.Should().Be(line);
        error.Span.StartColumn.Should().Be(text.Split('\n')[line - 1].IndexOf("'paris", StringComparison.Ordinal) + 1);
    }

    [Fact]
    public void Type_errors_in_accounts_are_each_reported_at_their_value()
    {
        var text = OperatingSystem("""
            (users (list (user-account (name "alice") (uid -1) (group "users"))
                         (user-account (name "bob") (group "users") (supplementary-groups "wheel"))))
            """);
        var r = Analyze(text);
        var errors = Errors(r);
        errors.Select(e => e.Message).Should().HaveCount(2, Describe(r));
        errors.Should().Contain(e => e.Message.Contains("field 'uid' of <user-account>") && e.Message.Contains("-1"));
        errors.Should().Contain(e => e.Message.Contains("field 'supplementary-groups' of <user-account>") && e.Message.Contains("\"wheel\""));
    }

    [Fact]
    public void Missing_required_operating_system_fields_are_named()
    {
        var r = Analyze(SystemModules.Prelude + "(operating-system (host-name \"x\"))");
        Errors(r).Should().Contain(e => e.Message.Contains("missing field initializers (bootloader file-systems)"), Describe(r));
    }

    [Fact]
    public void A_services_field_that_is_not_a_list_of_services_is_an_error()
    {
        var r = Analyze(OperatingSystem(services: "(list 1 2)"));
        Errors(r).Should().Contain(e => e.Message.Contains("field 'services' of <operating-system>"), Describe(r));
    }

    [Fact]
    public void An_invalid_uuid_is_reported()
    {
        var r = Analyze(SystemModules.Prelude + "(file-system (device (uuid \"not-a-uuid\")) (mount-point \"/\") (type \"ext4\"))");
        Errors(r).Should().Contain(e => e.Message.Contains("invalid UUID"), Describe(r));
    }

    [Fact]
    public void Simple_operating_system_puts_the_given_services_before_the_base_services()
    {
        var r = Analyze("""
            (use-modules (gnu) (gnu tests) (gnu services ssh))
            (simple-operating-system (service openssh-service-type))
            """);
        Errors(r).Should().BeEmpty(Describe(r));
        var user = r.Fold.Services.Where(s => !s.IsImplicit).Select(s => s.TypeName).ToList();
        user.First().Should().Be("openssh");
        user.Should().Contain("guix").And.Contain("mingetty");
        FoldedText(r, "shepherd-root").Should().Contain("(ssh-daemon");
        FoldedText(r, "account").Should().Contain("name: \"alice\"").And.Contain("name: \"sshd\"");
    }

    [Fact]
    public void A_desktop_workstation_with_opaque_services_checks_without_errors()
    {
        var r = AnalyzeFile(ConfigurationFile("desktop-workstation.scm"));
        Errors(r).Should().BeEmpty(Describe(r));
        FoldedText(r, "guix").Should().Contain("name: \"fast.example.org\"").And.Contain("\"https://guix.example.org\"");
        FoldedText(r, "shepherd-root").Should().Contain("(NetworkManager networking)").And.Contain("(dbus-system)");
        var openssh = r.Fold.Services.Single(s => s.TypeName == "openssh");
        Vbmc.Printing.Printer.Write(openssh.FoldedValue!).Should().Contain("port-number: 2222");
    }

    [Fact]
    public void Avahi_comes_from_its_own_module_as_in_guix_1_5()
    {
        var r = Analyze(OperatingSystem(services: "(cons (service avahi-service-type) %base-services)")
            .Replace("(use-modules (gnu)", "(use-modules (gnu) (gnu services networking)"));
        var e = Errors(r).Should().ContainSingle(Describe(r)).Subject;
        e.Message.Should().Be("Unbound variable: avahi-service-type");
        e.Hint.Should().Contain("(gnu services avahi)");
    }

    [Fact]
    public void Avahi_gets_the_system_bus_it_extends_as_in_guix()
    {
        // Guix's avahi-service-type extends dbus-root-service-type, so the fold adds the D-Bus
        // service (with its default value) that provides the 'dbus-system' avahi requires.
        var r = Analyze(OperatingSystem(services: "(cons (service avahi-service-type) %base-services)")
            .Replace("(use-modules (gnu)", "(use-modules (gnu) (gnu services avahi)"));
        Errors(r).Should().BeEmpty(Describe(r));
        r.Fold.Services.Should().Contain(s => s.TypeName == "dbus");
    }

    [Theory]
    [InlineData("01-os-default-vm.scm")]
    [InlineData("03-simple-os-test.scm")]
    [InlineData("14-modify-services.scm")]
    [InlineData("17-guix-configuration-build-machines.scm")]
    public void Acceptance_operating_systems_check_without_errors(string name)
    {
        var r = AnalyzeFile(Path.Combine(Vbmc.TestSupport.RepoPaths.Acceptance, name));
        Errors(r).Should().BeEmpty(Describe(r));
        r.Fold.Completed.Should().BeTrue();
        r.Fold.Services.Should().Contain(s => s.TypeName == "guix", "%base-services runs guix-daemon");
    }
}
