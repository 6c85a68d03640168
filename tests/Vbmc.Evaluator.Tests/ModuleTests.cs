using Vbmc.Diagnostics;
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
    public void A_missing_module_is_a_warning_and_its_names_get_a_hint()
    {
        var r = Run("(use-modules (gnu frobnicate))\n(frob 1)");
        var w = r.Warnings().Should().ContainSingle().Subject;
        w.Message.Should().Be("module (gnu frobnicate) is not provided by vbmc");
        w.Where().Should().Be("1:14");
        var e = r.Errors().Should().ContainSingle().Subject;
        e.Message.Should().Be("Unbound variable: frob");
        e.Hint.Should().Contain("(gnu frobnicate)");
        e.Where().Should().Be("2:2");
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
