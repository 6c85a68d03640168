using Vbmc.Image.Base;

namespace Vbmc.Image.Tests;

/// <summary>What making a Debian base as an ordinary user needs, each missing piece named with its fix.</summary>
public sealed class UnshareRequirementsTests
{
    private static UnshareRequirements Host(string subuid = "builder:100000:65536\n", string subgid = "1001:100000:65536\n",
        bool helpers = true, string? clone = "1", string? max = "15000", string? apparmor = null) =>
        new("builder", 1001, subuid, subgid, helpers, helpers, clone, max, apparmor);

    [Fact]
    public void A_host_with_helpers_ids_and_namespaces_has_no_problem()
    {
        Host().Problems().Should().BeEmpty("the subgid line may name the user by uid");
    }

    [Fact]
    public void Each_missing_piece_is_named_with_its_fix()
    {
        Host(helpers: false).Problems().Should().ContainSingle().Which.Should().Contain("apt-get install uidmap");
        Host(subuid: "other:100000:65536\nbuilder:300000:1000\n").Problems().Should().ContainSingle()
            .Which.Should().Be("/etc/subuid gives the user builder no range of 65536 subordinate ids (as root: usermod --add-subuids 100000-165535 builder, with a range no other user has)");
        Host(subgid: "").Problems().Should().ContainSingle().Which.Should().StartWith("/etc/subgid gives the user builder no range");
        Host(clone: "0").Problems().Should().ContainSingle().Which.Should().Contain("kernel.unprivileged_userns_clone=1");
        Host(max: "0").Problems().Should().ContainSingle().Which.Should().Contain("user.max_user_namespaces");
        Host(apparmor: "1").Problems().Should().ContainSingle().Which.Should().Contain("apparmor_restrict_unprivileged_userns=0");
        Host(subuid: "", subgid: "", helpers: false).Problems().Should().HaveCount(3);
    }

    [Fact]
    public void The_effective_uid_is_read_from_proc_status()
    {
        UnshareRequirements.EffectiveUid("Name:\tvbmc\nUid:\t1000\t1001\t1001\t1001\nGid:\t100\t100\t100\t100\n").Should().Be(1001);
        UnshareRequirements.EffectiveUid(File.ReadAllText("/proc/self/status")).Should().BeGreaterThanOrEqualTo(0);
    }
}
