using Vbmc.Image.Base;
using Vbmc.Lowering;

namespace Vbmc.Image.Tests;

public sealed class DebianBaseRecipeTests
{
    private static DebianBaseRecipe Recipe(string suite = "bookworm", string? mirror = "http://m.example/debian", params string[] packages) =>
        DebianBaseRecipe.For(new DebianImageBase(suite, mirror, packages), _ => "http://host-mirror.example/debian");

    [Fact]
    public void Packages_are_vbmcs_own_plus_the_users_sorted_without_duplicates()
    {
        Recipe(packages: ["zsh", "openssh-server", "nix-bin"]).Packages.Should().Equal(
            "iproute2", "linux-image-cloud-amd64", "nix-bin", "openssh-server", "procps", "systemd-sysv", "udev", "zsh");
    }

    [Fact]
    public void The_key_depends_on_every_input_and_not_on_the_order_of_packages()
    {
        var key = Recipe(packages: ["a1", "b2"]).Key;
        key.Should().MatchRegex("^[0-9a-f]{64}$");
        Recipe(packages: ["b2", "a1"]).Key.Should().Be(key);
        Recipe(packages: ["a1"]).Key.Should().NotBe(key);
        Recipe("trixie", packages: ["a1", "b2"]).Key.Should().NotBe(key);
        Recipe(mirror: "http://other.example/debian", packages: ["a1", "b2"]).Key.Should().NotBe(key);
    }

    [Fact]
    public void Without_a_mirror_the_hosts_is_used_and_recorded_in_the_key()
    {
        var recipe = Recipe(mirror: null);
        recipe.Mirror.Should().Be("http://host-mirror.example/debian");
        recipe.KeyText.Should().Contain("mirror: http://host-mirror.example/debian").And.Contain("variant: minbase");
    }

    [Fact]
    public void Mmdebstrap_gets_the_suite_output_and_mirror_after_the_options()
    {
        var arguments = Recipe(packages: ["nix-bin"]).MmdebstrapArguments("/c/out.tar");
        arguments.Should().StartWith(["--mode=root", "--variant=minbase"]);
        Recipe(packages: ["nix-bin"]).MmdebstrapArguments("/c/out.tar", privileged: false).Should().StartWith("--mode=unshare");
        arguments.Should().Contain("--include=iproute2,linux-image-cloud-amd64,nix-bin,openssh-server,procps,systemd-sysv,udev");
        arguments.TakeLast(4).Should().Equal("--", "bookworm", "/c/out.tar", "http://m.example/debian");
    }
}
