using Vbmc.Diagnostics;
using Vbmc.Evaluation;
using static Vbmc.Evaluator.Tests.TestEval;

namespace Vbmc.Evaluator.Tests;

public class ModuleTests
{
    [Fact]
    public void Stdlib_modules_load_and_re_export_builtins()
    {
        Value("(use-modules (srfi srfi-1) (ice-9 match) (guix records) (gnu packages virtualization))\n(list (first '(1 2)) (package-name qemu-minimal))")
            .Should().Be("(1 \"qemu-minimal\")");
    }

    [Fact]
    public void Select_and_prefix_options_control_imported_names()
    {
        Value("(use-modules ((srfi srfi-1) #:select ((first . head))) ((gnu packages ssh) #:prefix ssh:))\n(list (head '(1 2)) (package-name ssh:openssh))")
            .Should().Be("(1 \"openssh\")");
    }

    [Fact]
    public void Service_module_shorthands_name_gnu_modules()
    {
        var r = Run("(use-package-modules ssh virtualization)\n(package-name openssh-sans-x)");
        r.Errors().Should().BeEmpty();
        r.Warnings().Should().BeEmpty();
    }

    [Fact]
    public void A_gnu_module_Guix_lacks_is_an_error_and_its_names_get_a_hint()
    {
        var r = Run("(use-modules (gnu frobnicate))\n(frob 1)");
        r.Warnings().Should().BeEmpty();
        r.Errors().Select(e => (e.Message, e.Where())).Should().Equal(
            ("module (gnu frobnicate) not found", "1:14"), ("Unbound variable: frob", "2:2"));
        r.Errors()[1].Hint.Should().Contain("(gnu frobnicate)");
        Run("(use-modules (gnu services networkin))").Errors().Single().Hint.Should().Be("GNU Guix 1.5.0 has no such module; did you mean (gnu services networking)?");
        Run("(use-modules (gnu services dhcp))").Errors().Single().Hint.Should().NotContain("did you mean", "dict is not a near miss of dhcp");
    }

    [Fact]
    public void A_channel_module_vbmc_cannot_find_warns_once_and_the_rest_of_the_file_is_still_checked()
    {
        const string file = "(use-modules (gnu) (nongnu packages linux) ((acme tools) #:select (acme-kernel (acme-fw . fw))) ((corp lib) #:prefix corp:))\n" +
                            "(define k (list linux linux-firmware acme-kernel fw corp:thing (nonguix-macro (anything goes) 1)))\n" +
                            "(car 5)\n";
        var r = Run(file);
        r.Warnings().Select(w => w.Message).Should().Equal(
            "module (nongnu packages linux) not found: the names it gives are not checked",
            "module (acme tools) not found: the names it gives are not checked",
            "module (corp lib) not found: the names it gives are not checked");
        r.Errors().Select(e => e.Message).Should().Equal("In procedure car: Wrong type argument in position 1 (expecting pair): 5");
        Value("(use-modules (nongnu packages linux))\nlinux").Should().Be("#<opaque (nongnu packages linux) linux>");
        // A #:select or #:prefix import gives only its names: others are still unbound.
        Run("(use-modules ((acme tools) #:select (acme-kernel)))\nacme-kernl").Errors().Single().Message.Should().Be("Unbound variable: acme-kernl");
        Run("(use-modules ((corp lib) #:prefix corp:))\nthing").Errors().Single().Message.Should().Be("Unbound variable: thing");
    }

    [Fact]
    public void Strict_modules_makes_a_module_vbmc_cannot_find_an_error()
    {
        var r = ConfigurationEvaluator.EvaluateText("(use-modules (nongnu packages linux))\nlinux", "test.scm", new EvaluationOptions { StrictModules = true });
        r.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.Message).Should().Equal(
            "module (nongnu packages linux) not found", "Unbound variable: linux");
    }

    [Fact]
    public void Impure_procedures_are_not_offered_and_the_hint_says_why()
    {
        Run("(current-date)").Errors().Single().Hint.Should().StartWith("configurations are pure");
        Run("(system \"ls\")").Errors().Single().Hint.Should().StartWith("configurations are pure");
    }

    [Fact]
    public void Misspelt_names_get_a_suggestion()
    {
        Run("(string-apend \"a\" \"b\")").Errors().Single().Hint.Should().Be("did you mean 'string-append'?");
    }

    [Fact]
    public void Build_machine_is_available_without_imports()
    {
        var r = Check("(list (build-machine (name \"a\") (systems '(\"x86_64-linux\")) (user \"u\") (host-key \"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG+KBiVUUkdxVQ3aIDeEsRDRyygnCdOsq3ZNgKsJ+rzd\")))");
        r.Errors().Should().BeEmpty();
    }
}
