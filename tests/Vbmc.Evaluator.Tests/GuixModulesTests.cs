using Vbmc.Diagnostics;
using Vbmc.Evaluation;
using Vbmc.Evaluation.Guix;
using static Vbmc.Evaluator.Tests.TestEval;

namespace Vbmc.Evaluator.Tests;

/// <summary>
/// Modules built from Guix 1.5.0's generated data (stdlib/generated, README "Modules from
/// Guix's data" of src/Vbmc.Evaluator): a value for each kind of entry, the wording of each
/// error, deprecations, re-exports sharing cells, the hand-written stdlib winning, and hints.
/// </summary>
public class GuixModulesTests
{
    private static void NoErrors(EvaluationResult r) =>
        r.Errors().Should().BeEmpty(string.Join("\n", r.Diagnostics.Select(d => d.Message)));

    // ---- packages ------------------------------------------------------------------------

    [Fact]
    public void Packages_have_Guix_names_versions_and_outputs()
    {
        Value("(use-modules (gnu packages xorg) (guix packages) (gnu packages virtualization))\n" +
              "(list xorg-server (package-name xorg-server) (package-version xorg-server) (package-outputs qemu))")
            .Should().Be("(#<package xorg-server@21.1.21> \"xorg-server\" \"21.1.21\" (\"out\" \"static\" \"doc\"))");
    }

    [Fact]
    public void A_package_whose_name_differs_from_its_variable_keeps_its_package_name()
    {
        Value("(use-modules (gnu packages bootloaders))\n(package-name grub)").Should().Be("\"grub-pc\"");
    }

    [Fact]
    public void Packages_visible_without_import_and_specifications_get_Guix_versions()
    {
        Value("(list (package-version openssh) (package-version (specification->package \"nss-certs\")))")
            .Should().Be("(\"10.2p1\" \"3.101.4\")");
    }

    // ---- service types -------------------------------------------------------------------

    [Fact]
    public void A_generated_service_type_is_a_real_service_type_with_Guix_default()
    {
        Value("(use-modules (gnu services) (gnu services networking))\n" +
              "(list (service-type? modem-manager-service-type) (service-type-name modem-manager-service-type)\n" +
              "      (service-type-extensions modem-manager-service-type)\n" +
              "      (modem-manager-configuration? (service-type-default-value modem-manager-service-type))\n" +
              "      (service? (service modem-manager-service-type)))")
            .Should().Be("(#t modem-manager () #t #t)");
    }

    [Fact]
    public void A_service_type_without_default_needs_a_value_as_in_Guix()
    {
        var e = Run("(use-modules (gnu) (gnu services xorg))\n(service screen-locker-service-type)").Errors().Should().ContainSingle().Subject;
        e.Message.Should().Be("no value specified for service of type 'screen-locker'");
        e.Where().Should().Be("2:1");
    }

    // ---- record constructors -------------------------------------------------------------

    [Fact]
    public void Generated_constructors_report_extraneous_fields_with_a_suggestion()
    {
        var e = Run("(use-modules (gnu services networking))\n(dhcpcd-configuration (interfacs '(\"eth0\")))").Errors().Should().ContainSingle().Subject;
        e.Id.Should().Be(DiagnosticIds.ExtraneousFieldInitializers);
        e.Message.Should().StartWith("extraneous field initializers (interfacs)");
        e.Hint.Should().Be("did you mean 'interfaces'?");
        e.Where().Should().Be("2:23");
    }

    [Fact]
    public void Generated_constructors_report_duplicate_and_missing_fields()
    {
        var dup = Run("(use-modules (gnu services networking))\n(dhcpcd-configuration (interfaces '()) (interfaces '()))").Errors().Should().ContainSingle().Subject;
        dup.Id.Should().Be(DiagnosticIds.DuplicateFieldInitializer);
        dup.Message.Should().Be("duplicate field initializer (interfaces)");
        var missing = Run("(use-modules (gnu services base))\n(kmscon-configuration)").Errors().Should().ContainSingle().Subject;
        missing.Id.Should().Be(DiagnosticIds.MissingFieldInitializers);
        missing.Message.Should().Be("missing field initializers (virtual-terminal)");
    }

    [Fact]
    public void Generated_records_inherit_keep_their_fields_and_have_accessors()
    {
        var r = Run("(use-modules (gnu services networking))\n" +
                    "(define c (dhcpcd-configuration (interfaces '(\"eth0\"))))\n" +
                    "(define d (dhcpcd-configuration (inherit c) (host-name \"h\")))\n" +
                    "(list (dhcpcd-configuration-interfaces d) (dhcpcd-configuration-host-name d) (dhcpcd-configuration? d) (dhcpcd-configuration? 5))");
        NoErrors(r);
        Vbmc.Printing.Printer.Write(r.Value!).Should().Be("((\"eth0\") \"h\" #t #f)");
        Value("(use-modules (gnu services networking))\n(dhcpcd-configuration (interfaces '(\"eth0\")))")
            .Should().StartWith("#<<dhcpcd-configuration> interfaces: (\"eth0\") command-arguments: #<opaque ");
    }

    [Fact]
    public void Values_in_generated_records_are_evaluated()
    {
        var e = Run("(use-modules (gnu services networking))\n(dhcpcd-configuration (interfaces (car 5)))").Errors().Should().ContainSingle().Subject;
        e.Message.Should().Be("In procedure car: Wrong type argument in position 1 (expecting pair): 5");
        e.Where().Should().Be("2:35");
    }

    [Fact]
    public void Thunked_fields_of_generated_records_see_the_record()
    {
        Value("(use-modules (guix packages))\n" +
              "(define p (package (name \"a\") (version \"1\") (source #f) (build-system #f) (synopsis \"s\")\n" +
              "                   (description \"d\") (license #f) (home-page \"h\") (inputs (list this-package))))\n" +
              "(list (package-name p) (eq? p (car (package-inputs p))))")
            .Should().Be("(\"a\" #t)");
        Run("(use-modules (guix packages))\nthis-package").Errors().Single().Message
            .Should().Be("'this-package' cannot be used outside of a record instantiation");
    }

    [Fact]
    public void Package_variants_inherit_from_catalogue_packages()
    {
        Value("(use-modules (guix packages) (gnu packages base))\n" +
              "(define v (package (inherit hello) (name \"my-hello\")))\n" +
              "(list (package-name v) (package-version v) (package? v))")
            .Should().Be("(\"my-hello\" \"2.12.2\" #t)");
    }

    [Fact]
    public void Origin_accepts_sha256_as_Guix_macro_does()
    {
        NoErrors(Check("(use-modules (guix packages) (guix download))\n" +
                       "(origin (method url-fetch) (uri \"https://example.org/a.tar.gz\") (sha256 (base32 \"0abc\")))"));
    }

    [Fact]
    public void Hand_written_models_win_over_the_data()
    {
        var e = Run("(use-modules (gnu services ssh))\n(openssh-configuration (port-number \"22\"))").Errors().Should().ContainSingle().Subject;
        e.Id.Should().Be(DiagnosticIds.FieldTypeMismatch);
        // ...and the module is completed by the names it does not model.
        Value("(use-modules (gnu services ssh))\n(service-type-name dropbear-service-type)").Should().Be("dropbear");
    }

    // ---- procedures ----------------------------------------------------------------------

    [Fact]
    public void Guix_procedures_check_their_arity_with_Guile_wording()
    {
        var e = Run("(use-modules (gnu services base))\n(udev-rules-service 'fuse)").Errors().Should().ContainSingle().Subject;
        e.Id.Should().Be(DiagnosticIds.WrongArgumentCount);
        e.Message.Should().Be("Wrong number of arguments to #<procedure udev-rules-service>");
        Run("(use-modules (gnu services base))\n(udev-rules-service 'fuse \"rules\" #:users '())").Errors().Single().Message
            .Should().Be("In procedure udev-rules-service: Unrecognized keyword: #:users");
        Run("(use-modules (gnu services base))\n(udev-rules-service 'fuse \"rules\" #:groups)").Errors().Single().Message
            .Should().Be("In procedure udev-rules-service: Keyword argument has no value: #:groups");
    }

    [Fact]
    public void Guix_procedures_with_several_arities_accept_each()
    {
        NoErrors(Run("(use-modules (guix build-system gnu))\n" +
                     "(list (package-with-explicit-inputs 'p) (package-with-explicit-inputs 'p '() #:guile #f))"));
        Run("(use-modules (guix build-system gnu))\n(package-with-explicit-inputs)").Errors().Should().ContainSingle();
    }

    [Fact]
    public void Guix_procedures_return_opaque_values_every_type_accepts()
    {
        Value("(use-modules (gnu services base))\n(udev-rules-service 'fuse \"rules\" #:groups '(\"fuse\"))")
            .Should().Be("#<opaque (gnu services base) (udev-rules-service ...)>");
        // A typed field of a hand-written record (file-like) accepts it; builtins given one give one.
        NoErrors(Check("(use-modules (gnu services ssh) (gnu packages linux))\n" +
                       "(list (openssh-configuration (openssh (customize-linux #:linux linux-libre)))\n" +
                       "      (string-append \"a\" (customize-linux)) (car (customize-linux)))"));
    }

    // ---- syntax --------------------------------------------------------------------------

    [Fact]
    public void Define_configuration_defines_the_record_its_accessors_and_fields_with_Guix_checks()
    {
        const string header = "(use-modules (gnu services configuration))\n" +
                              "(define-maybe/no-serialization string)\n" +
                              "(define-configuration/no-serialization c\n" +
                              "  (name (string \"x\") \"The name.\")\n" +
                              "  (nick maybe-string \"A nick.\")\n" +
                              "  (size (integer) \"Required.\"))\n";
        Value(header + "(define v (c (size 3)))\n(list (c-name v) (c-size v) (maybe-value-set? (c-nick v)) (map configuration-field-name c-fields) (c? v))")
            .Should().Be("(\"x\" 3 #f (name nick size) #t)");
        var bad = Run(header + "(c (name 5) (size 1))").Errors().Should().ContainSingle().Subject;
        bad.Message.Should().Be("invalid value 5 for field 'name'");
        bad.Where().Should().Be("7:10", "at the value, as Guix places it");
        Run(header + "(c)").Errors().Single().Message.Should().Be("invalid value %unset-marker% for field 'size'");
        // With serialization, each field's type needs its serialize-TYPE, as in Guix.
        Run("(use-modules (gnu services configuration))\n(define-configuration d (n (integer 1) \"N.\"))").Errors().Single()
            .Message.Should().Be("Unbound variable: serialize-integer");
    }

    [Fact]
    public void A_syntax_rules_literal_does_not_match_a_local_variable_of_the_same_name()
    {
        // (target target) inside a procedure whose parameter is named target: Guix's mapped-device
        // no longer sees its (target ...) keyword, and the field is extraneous.
        var r = Run("(use-modules (gnu))\n(define (luks source target) (mapped-device (source source) (target target) (type luks-device-mapping)))\n(luks \"/dev/sda2\" \"root\")");
        r.Errors().Select(e => e.Message).Should().Contain("extraneous field initializers (target); did you mean 'targets'?");
        Run("(use-modules (gnu))\n(define (luks source name) (mapped-device (source source) (target name) (type luks-device-mapping)))\n(mapped-device-targets (luks \"/dev/sda2\" \"root\"))")
            .Errors().Should().BeEmpty();
    }

    [Fact]
    public void Guix_macros_known_by_name_evaluate_the_expressions_they_are_given()
    {
        var r = Run("(use-modules (gnu system image))\n" +
                    "(image-with-os (image (name 'x)) (car 5))");
        r.Errors().Should().ContainSingle().Which.Message.Should().Be("In procedure car: Wrong type argument in position 1 (expecting pair): 5");
        Value("(use-modules (gnu services xorg))\n%default-xorg-modules").Should().Be("#<opaque (gnu services xorg) %default-xorg-modules>");
    }

    // ---- variables -----------------------------------------------------------------------

    [Fact]
    public void Variables_are_their_data_or_opaque_of_their_kind()
    {
        Value("(use-modules (gnu services xorg))\n(list %default-xorg-server-arguments (length %default-xorg-fonts))")
            .Should().Be("((\"-nolisten\" \"tcp\") 1)");
        Value("(use-modules (gnu system shadow))\n(procedure? default-shell)").Should().Be("#t");
        // Exported but never defined in Guix: unbound, and no module to suggest.
        var e = Run("(use-modules (gnu services admin))\nunattended-upgrade-configuration-maximum-duration").Errors().Should().ContainSingle().Subject;
        e.Message.Should().Be("Unbound variable: unattended-upgrade-configuration-maximum-duration");
        e.Hint.Should().BeNull();
    }

    // ---- deprecated names ----------------------------------------------------------------

    [Fact]
    public void Deprecated_names_warn_at_the_use_and_stand_for_their_target()
    {
        var r = Run("(use-modules (gnu) (gnu services networking))\n(service-type-name dhcp-client-service-type)");
        NoErrors(r);
        Vbmc.Printing.Printer.Write(r.Value!).Should().Be("dhcp-client");
        var w = r.Warnings().Should().ContainSingle().Subject;
        w.Id.Should().Be(DiagnosticIds.DeprecatedName);
        w.Message.Should().Be("'dhcp-client-service-type' is deprecated, use 'dhcpcd-service-type' instead");
        w.Where().Should().Be("2:20");
    }

    [Fact]
    public void Deprecated_procedures_check_the_arity_of_their_target()
    {
        var r = Run("(use-modules (gnu services base))\n(static-networking-service \"eth0\")");
        r.Warnings().Should().ContainSingle().Which.Message.Should().Contain("use 'static-networking-service-type' instead");
        r.Errors().Should().ContainSingle().Which.Message.Should().Be("Wrong number of arguments to #<procedure %static-networking-service/deprecated>");
    }

    [Fact]
    public void Deprecated_packages_and_names_without_replacement_warn_too()
    {
        var r = Run("(use-modules (gnu packages rust-apps) (gnu packages gnome))\n(list exa gnome)");
        NoErrors(r);
        r.Warnings().Select(w => w.Message).Should().Equal("'exa' is deprecated, use 'eza' instead", "'gnome' is deprecated");
        Vbmc.Printing.Printer.Write(r.Value!).Should().StartWith("(#<package exa@");
    }

    [Fact]
    public void Grub_configuration_is_bootloader_configuration_with_a_warning()
    {
        var r = Run("(use-modules (gnu))\n(grub-configuration (targets '(\"/dev/sda\")) (timeout 3))");
        NoErrors(r);
        r.Warnings().Should().ContainSingle().Which.Message.Should().Be("'grub-configuration' is deprecated, use 'bootloader-configuration' instead");
        Vbmc.Printing.Printer.Write(r.Value!).Should().StartWith("#<<bootloader-configuration> bootloader: #<<bootloader> name: grub ");
        // The fields are checked as bootloader-configuration's.
        Run("(use-modules (gnu))\n(grub-configuration (target \"/dev/sda\") (timout 3))").Errors().Single().Message
            .Should().StartWith("extraneous field initializers (timout)");
    }

    // ---- modules -------------------------------------------------------------------------

    [Fact]
    public void A_module_Guix_cannot_load_is_an_unknown_module()
    {
        var w = Run("(use-modules (gnu installer newt))\n1").Warnings().Should().ContainSingle().Subject;
        w.Id.Should().Be(DiagnosticIds.UnknownModule);
        w.Message.Should().Be("module (gnu installer newt) is not provided by vbmc");
        w.Hint.Should().StartWith("GNU Guix 1.5.0 itself cannot load this module: no code for module");
    }

    [Fact]
    public void Re_exports_are_the_same_cells()
    {
        Value("(use-modules ((gnu) #:prefix g:) ((gnu services base) #:prefix b:) ((gnu services networking) #:prefix n:)\n" +
              "             ((gnu system shadow) #:prefix s:) ((gnu system accounts) #:prefix a:))\n" +
              "(list (eq? g:udev-service-type b:udev-service-type) (eq? n:static-networking-service-type b:static-networking-service-type)\n" +
              "      (eq? s:user-account? a:user-account?))")
            .Should().Be("(#t #t #t)");
    }

    [Fact]
    public void Builtins_and_special_forms_stay_vbmc_own()
    {
        Value("(use-modules (guix gexp))\n(plain-file \"a\" \"b\")").Should().Be("#<plain-file \"a\">");
        NoErrors(Run("(use-modules (gnu))\n(use-package-modules base)\nhello"));
    }

    [Fact]
    public void Every_Guix_module_builds_from_its_data()
    {
        // Built apart from the registry (nothing is registered), so laziness tests are unaffected.
        var problems = new List<string>();
        var built = 0;
        foreach (var resource in GuixData.ResourceNames)
        {
            var data = GuixData.Find(GuixData.PartsOf(resource))!;
            if (data.LoadError is not null) continue;
            var module = new Module(data.DisplayName, ModuleRegistry.Core) { IsGenerated = true };
            try
            {
                GuixModuleBuilder.Populate(module, data);
                var expected = data.Entries.Count(e => !GuixModuleBuilder.IsVbmcOwn(e.Name, e.Kind)
                                                       && e.SymbolName("value-kind") != "unbound");
                var exported = module.ExportedCells().Select(c => c.Name.Name).Intersect(data.Entries.Select(e => e.Name)).Count();
                if (exported != expected) problems.Add($"{data.DisplayName}: {exported} of {expected} names exported");
                built++;
            }
            catch (Exception e)
            {
                problems.Add($"{data.DisplayName}: {e.Message}");
            }
        }
        problems.Should().BeEmpty();
        built.Should().Be(1129);
    }

    // ---- unbound names -------------------------------------------------------------------

    [Fact]
    public void An_unbound_name_a_Guix_module_exports_gets_that_module_as_hint()
    {
        var e = Run("(use-modules (gnu))\n(service dhcpcd-service-type)").Errors().Should().ContainSingle().Subject;
        e.Message.Should().Be("Unbound variable: dhcpcd-service-type");
        e.Hint.Should().Be("'dhcpcd-service-type' is defined in Guix's module (gnu services networking): " +
                           "add (gnu services networking) to use-modules, or networking to use-service-modules");
        Run("(use-modules (gnu))\nxterm").Errors().Single().Hint
            .Should().Be("'xterm' is defined in Guix's module (gnu packages xorg): add (gnu packages xorg) to use-modules, or xorg to use-package-modules");
    }

    [Fact]
    public void Did_you_mean_is_only_among_visible_names()
    {
        Run("(string-apend \"a\" \"b\")").Errors().Single().Hint.Should().Be("did you mean 'string-append'?");
        // dhcpd-service-type is visible but dhcpcd-service-type exists in Guix: never suggest another name.
        Run("(use-modules (gnu services dbus))\ndhcpcd-service-type").Errors().Single().Hint.Should().Contain("(gnu services networking)");
    }
}

/// <summary>Laziness: importing (gnu) builds the modules it passes on, not Guix's 31,073 packages.</summary>
[Collection(nameof(LazinessCollection))]
public class GuixModulesLazinessTests
{
    [Fact]
    public void Importing_gnu_does_not_build_every_package()
    {
        // This collection runs alone: the counter sees only what this import builds (nothing when
        // an earlier test already imported (gnu)).
        var before = GuixModuleBuilder.PackagesBuilt;
        Run("(use-modules (gnu))\n(list hello %base-packages)").Errors().Should().BeEmpty();
        (GuixModuleBuilder.PackagesBuilt - before).Should().BeLessThan(1000, "only the package modules (gnu) passes on are built");
        ModuleRegistry.IsLoaded(["gnu"]).Should().BeTrue();
        ModuleRegistry.IsLoaded(["gnu", "packages", "python-xyz"]).Should().BeFalse("no test imports it: it is built only when imported");
        var packages = ModuleRegistry.Get(["gnu"])!.ExportedCells().Count(e => e.Cell.Value is Package);
        packages.Should().BeInRange(1, 200, "(gnu) passes on (gnu packages base) only");
    }

    [Fact]
    public void A_package_module_is_built_when_first_imported()
    {
        var before = GuixModuleBuilder.PackagesBuilt;
        Run("(use-modules (gnu packages tex))\ntexlive-scheme-basic").Errors().Should().BeEmpty();
        ModuleRegistry.IsLoaded(["gnu", "packages", "tex"]).Should().BeTrue();
        (GuixModuleBuilder.PackagesBuilt - before).Should().BeGreaterThan(4000);
    }
}

[CollectionDefinition(nameof(LazinessCollection), DisableParallelization = true)]
public class LazinessCollection;
