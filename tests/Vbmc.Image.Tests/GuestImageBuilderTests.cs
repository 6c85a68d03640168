using Vbmc.Diagnostics;
using Vbmc.Lowering;
using Vbmc.TestSupport;

namespace Vbmc.Image.Tests;

/// <summary>Builds that cannot succeed end in diagnostics, never in an exception or a partial output.</summary>
public sealed class GuestImageBuilderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vbmc-builder-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private ImageBuildSettings Settings => new() { CacheDirectory = Path.Combine(_folder, "cache") };

    [Fact]
    public void A_missing_root_base_is_a_base_diagnostic()
    {
        var vm = LoweredPlans.Vm("(name 'vm1)");
        vm = vm with { Image = vm.Image with { Base = new RootImageBase(Path.Combine(_folder, "no-such-root.tar"), ["guix-daemon"]) } };
        var bag = new DiagnosticBag();
        GuestImageBuilder.Build(vm, Path.Combine(_folder, "out"), Settings, bag).Should().BeNull();
        bag.Items.Should().ContainSingle().Which.Id.Should().Be(DiagnosticIds.ImageBaseInvalid);
        Directory.Exists(Path.Combine(_folder, "cache", "staging")).Should().BeTrue();
        Directory.GetFileSystemEntries(Path.Combine(_folder, "cache", "staging")).Should().BeEmpty("the staging folder is removed");
    }

    [Fact]
    public void A_root_base_without_sshd_or_kernel_is_a_base_diagnostic()
    {
        var root = Path.Combine(_folder, "tiny-root");
        Directory.CreateDirectory(Path.Combine(root, "etc"));
        File.WriteAllText(Path.Combine(root, "etc", "passwd"), "root:x:0:0::/root:/bin/sh\n");
        var vm = LoweredPlans.Vm("(name 'vm1)");
        vm = vm with { Image = vm.Image with { Base = new RootImageBase(root, ["guix-daemon"]) } };
        var bag = new DiagnosticBag();
        GuestImageBuilder.Build(vm, Path.Combine(_folder, "out"), Settings, bag).Should().BeNull();
        var error = bag.Items.Should().ContainSingle().Subject;
        error.Id.Should().Be(DiagnosticIds.ImageBaseInvalid);
        error.Message.Should().Contain("systemd");
        Directory.Exists(Path.Combine(_folder, "out")).Should().BeFalse();
    }

    [Fact]
    public void A_guest_for_another_architecture_is_unsupported()
    {
        // Lowering refuses it at the systems field (check's gate); the builder refuses a plan that says so anyway.
        Vbmc.Lowering.Lowerer.Lower("(use-modules (gnu services virtualization))\n(list (service virtual-build-machine-service-type (virtual-build-machine (systems '(\"aarch64-linux\")))))",
            "test.scm", "00").Plan.Should().BeNull();
        var vm = LoweredPlans.Vm() with { Systems = ["aarch64-linux"] };
        var bag = new DiagnosticBag();
        GuestImageBuilder.Build(vm, Path.Combine(_folder, "out"), Settings, bag).Should().BeNull();
        var error = bag.Items.Should().ContainSingle().Subject;
        error.Id.Should().Be(DiagnosticIds.UnsupportedForCompile);
        error.Message.Should().StartWith("unsupported: guest images for aarch64-linux");
    }

    [Fact]
    public void The_seed_follows_the_name_date_and_base()
    {
        var vm = LoweredPlans.Vm("(name 'vm1)");
        var seed = GuestImageBuilder.Seed(vm, "debian abc");
        seed.Should().MatchRegex("^[0-9a-f]{64}$").And.Be(GuestImageBuilder.Seed(vm, "debian abc"));
        GuestImageBuilder.Seed(vm, "debian abd").Should().NotBe(seed);
        GuestImageBuilder.Seed(LoweredPlans.Vm("(name 'vm2)"), "debian abc").Should().NotBe(seed);
        GuestImageBuilder.Timestamp(vm).Should().Be(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }
}
