using Vbmc.Diagnostics;
using Vbmc.Evaluation;
using Vbmc.Lowering;
using Vbmc.TestSupport;

namespace Vbmc.Image.Tests;

/// <summary>The image record's 'base' field (vbmc's addition to (gnu image)) lowered into the plan.</summary>
public sealed class ImageBaseLoweringTests
{
    private static string Config(string image) => $$"""
        (use-modules (gnu services) (gnu services virtualization) (gnu image))
        (list (service virtual-build-machine-service-type
                       (virtual-build-machine
                        (name 'vm1)
                        (image {{image}}))))
        """;

    private static LoweringResult Lower(string text, string fileName = "/srv/configs/vm.scm") =>
        Lowerer.Lower(text, fileName, new string('0', 64), new EvaluationOptions { System = "x86_64-linux" });

    [Fact]
    public void The_default_image_has_the_default_Debian_base()
    {
        var image = LoweredPlans.Vm("(name 'vm1)").Image;
        image.Base.Should().BeOfType<DebianImageBase>();
        var debian = (DebianImageBase)image.Base;
        debian.Suite.Should().Be("sid", "only sid packages Guix");
        debian.Mirror.Should().BeNull("the host's apt mirror is read when the image is built");
        debian.Packages.Should().Equal("guix", "nix-bin", "nix-setup-systemd", "busybox-static");
        debian.CheckValidUntil.Should().BeFalse();
        image.Format.Should().Be("compressed-qcow2");
    }

    [Fact]
    public void A_debian_base_carries_its_suite_mirror_and_packages()
    {
        var plan = LoweredPlans.FromText(Config("""
            (image (format 'qcow2) (operating-system #f)
                   (base (debian-base (suite "trixie") (mirror "http://mirror.example/debian") (packages '("nix-bin" "make")))))
            """));
        var image = plan.Vms.Single().Image;
        image.Format.Should().Be("qcow2");
        image.FileName.Should().Be("vm1.qcow2");
        image.Base.Should().BeEquivalentTo(new DebianImageBase("trixie", "http://mirror.example/debian", ["nix-bin", "make"]));
    }

    [Fact]
    public void A_root_base_path_is_made_absolute_from_the_configurations_folder()
    {
        var result = Lower(Config("""(image (format 'raw) (operating-system #f) (base (root-base (path "roots/vm root.tar.gz"))))"""));
        result.HasErrors.Should().BeFalse(string.Join("\n", result.Diagnostics));
        var image = result.Plan!.Vms.Single().Image;
        image.Base.Should().BeEquivalentTo(new RootImageBase("/srv/configs/roots/vm root.tar.gz", ["guix-daemon"]),
            "a root-base's daemons default to guix-daemon, as upstream's build VMs");
        image.QemuFormat.Should().Be("raw");
        image.FileName.Should().Be("vm1.img");
    }

    [Fact]
    public void A_root_base_lists_the_daemons_it_runs_and_a_debian_base_derives_them_from_its_packages()
    {
        var root = Lower(Config("""(image (format 'raw) (operating-system #f) (base (root-base (path "r.tar") (daemons '(nix-daemon guix-daemon)))))"""));
        root.HasErrors.Should().BeFalse(string.Join("\n", root.Diagnostics));
        root.Plan!.Vms.Single().Daemons.Should().Equal("nix-daemon", "guix-daemon");
        var nixOnly = Lower(Config("""(image (format 'qcow2) (operating-system #f) (base (debian-base (packages '("nix-bin" "nix-setup-systemd")))))"""));
        nixOnly.Plan!.Vms.Single().Daemons.Should().Equal("nix-daemon");
        nixOnly.Plan!.Vms.Single().DaemonSockets.Should().Equal("/nix/var/nix/daemon-socket/socket");
        var byDefault = Lower(Config("""(image (format 'qcow2) (operating-system #f))"""));
        byDefault.Plan!.Vms.Single().Daemons.Should().Equal("guix-daemon", "nix-daemon");
        ((DebianImageBase)byDefault.Plan!.Vms.Single().Image.Base).Suite.Should().Be("sid");
    }

    [Fact]
    public void Check_valid_until_is_off_unless_asked_for()
    {
        var on = Lower(Config("""(image (format 'qcow2) (operating-system #f) (base (debian-base (check-valid-until? #t))))"""));
        ((DebianImageBase)on.Plan!.Vms.Single().Image.Base).CheckValidUntil.Should().BeTrue();
        var off = Lower(Config("""(image (format 'qcow2) (operating-system #f) (base (debian-base)))"""));
        ((DebianImageBase)off.Plan!.Vms.Single().Image.Base).CheckValidUntil.Should().BeFalse();
    }

    [Theory]
    [InlineData("""(debian-base (suite "--help"))""", "is not a Debian suite name")]
    [InlineData("""(debian-base (packages '("ok" "bad name")))""", "\"bad name\" is not a Debian package name")]
    [InlineData("""(debian-base (packages '("-oAPT::x=1")))""", "is not a Debian package name")]
    [InlineData("""(debian-base (mirror "ftp://x y"))""", "is not a mirror URL")]
    [InlineData("""(debian-base (mirror "http://x/debian\nbookworm"))""", "is not a mirror URL")]
    public void Values_mmdebstrap_would_misread_are_errors_at_the_value(string baseRecord, string message)
    {
        var result = Lower(Config($"(image (format 'qcow2) (operating-system #f) (base {baseRecord}))"));
        result.Plan.Should().BeNull();
        var error = result.Diagnostics.Should().ContainSingle(d => d.Severity == Severity.Error).Subject;
        error.Id.Should().Be(DiagnosticIds.NotExpressible);
        error.Message.Should().Contain(message);
        error.Span.StartLine.Should().Be(5, "the error points at the value in the configuration");
    }

    [Fact]
    public void A_base_of_the_wrong_type_is_a_type_error_of_check()
    {
        var result = Lower(Config("(image (format 'qcow2) (operating-system #f) (base \"/srv/root\"))"));
        result.Diagnostics.Should().Contain(d => d.Id == DiagnosticIds.FieldTypeMismatch && d.Message.Contains("<debian-base> record or a <root-base> record"));
    }
}
