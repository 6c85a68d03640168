using Vbmc.Lowering;
using Vbmc.TestSupport;
using static Vbmc.Emitters.Offload.Tests.NixMachinesEmitterTests;

namespace Vbmc.Emitters.Offload.Tests;

/// <summary>
/// Values Nix's machines file cannot hold (it has no quoting) are listed by Problems, for compile
/// to report, and the emitter refuses them rather than write a wrong line.
/// </summary>
public sealed class NixMachinesProblemsTests
{
    private static readonly BuildMachinePlan Good = Machine("good.example.org", ["x86_64-linux"]);

    public static TheoryData<string, BuildMachinePlan, string, string> Unexpressible() => new()
    {
        { "space in name", Good with { Name = "a b" }, "name", "a b" },
        { "quote in name", Good with { Name = "a\"b" }, "name", "a\"b" },
        { "slash in name", Good with { Name = "a/b" }, "name", "a/b" },
        { "at in name", Good with { Name = "evil@host" }, "name", "evil@host" },
        { "option as name", Good with { Name = "-oProxyCommand=x" }, "name", "-oProxyCommand=x" },
        { "bad ipv6", Good with { Name = "::1 x" }, "name", "::1 x" },
        { "space in user", Good with { User = "a b" }, "user", "a b" },
        { "newline in user", Good with { User = "a\nb" }, "user", "a\nb" },
        { "dollar in user", Good with { User = "$USER" }, "user", "$USER" },
        { "option as user", Good with { User = "-F/tmp/x" }, "user", "-F/tmp/x" },
        { "space in key path", Good with { PrivateKey = "/my keys/id" }, "private-key", "/my keys/id" },
        { "newline in key path", Good with { PrivateKey = "/k\n/x" }, "private-key", "/k\n/x" },
        { "hash in key path", Good with { PrivateKey = "/k#1" }, "private-key", "/k#1" },
        { "semicolon in key path", Good with { PrivateKey = "/k;rm" }, "private-key", "/k;rm" },
        { "dash as key path", Good with { PrivateKey = "-" }, "private-key", "-" },
        { "no systems", Good with { Systems = [] }, "systems", "" },
        { "comma in system", Good with { Systems = ["x86_64-linux,evil"] }, "systems", "x86_64-linux,evil" },
        { "space in system", Good with { Systems = ["x86 64"] }, "systems", "x86 64" },
        { "dash as only system", Good with { Systems = ["-"] }, "systems", "-" },
        { "space in feature", Good with { Features = ["big parallel"] }, "features", "big parallel" },
        { "tab in feature", Good with { Features = ["a\tb"] }, "features", "a\tb" },
        { "comma in feature", Good with { Features = ["a,b"] }, "features", "a,b" },
        { "empty feature", Good with { Features = ["kvm", ""] }, "features", "" },
        { "dash as only feature", Good with { Features = ["-"] }, "features", "-" },
        { "negative speed", Good with { Speed = -1.5 }, "speed", "-1.5" },
        { "not a number speed", Good with { Speed = double.NaN }, "speed", "+nan.0" },
        { "multi-line host key", Good with { HostKey = "ssh-ed25519 AAAA x\n* ssh-ed25519 BBBB" }, "host-key", "ssh-ed25519 AAAA x\n* ssh-ed25519 BBBB" },
    };

    [Theory]
    [MemberData(nameof(Unexpressible))]
    public void An_unexpressible_value_is_reported_and_not_written(string what, BuildMachinePlan machine, string field, string value)
    {
        var plan = Plan(Good, machine);

        var problems = NixMachinesEmitter.Problems(plan);

        problems.Should().ContainSingle(what).Which.Should().Match<NixMachineProblem>(p =>
            p.Machine == machine && p.Field == field && p.Value == value && p.Reason.Length > 0);
        problems[0].Message.Should().StartWith($"nix/machines cannot hold the build machine's {field} ");
        problems[0].Message.Should().NotContain("\n", "a diagnostic message is one line");
        var render = () => NixMachinesEmitter.Render(plan);
        render.Should().Throw<ArgumentException>().WithMessage("*Problems*");
    }

    [Fact]
    public void A_machine_with_several_problems_lists_each()
    {
        var machine = Good with { Name = "a b", User = "c d", Features = ["e f"] };

        NixMachinesEmitter.Problems(machine).Select(p => p.Field).Should().Equal("name", "user", "features");
    }

    [Fact]
    public void Every_acceptance_file_and_example_that_checks_ok_has_no_problem()
    {
        foreach (string file in GuixMachinesFromConfigurationsTests.Configurations())
        {
            var plan = LoweredPlans.FromFile(Path.Combine(RepoPaths.Root, file));
            NixMachinesEmitter.Problems(plan).Should().BeEmpty(file);
        }
    }

    [Fact]
    public void Hostile_values_from_a_configuration_are_reported()
    {
        var plan = LoweredPlans.FromText("""
            (use-modules (guix scripts offload))
            (list (build-machine
                   (name "build host")
                   (systems '("x86_64-linux"))
                   (user "off load")
                   (private-key "/keys/id ed25519")
                   (host-key "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHxTuOrbRjJgSydTgLs5Rr1SvJivEgLNrElKlModuw3o")
                   (features '("big parallel"))))
            """);

        NixMachinesEmitter.Problems(plan).Select(p => p.Message).Should().Equal(
            "nix/machines cannot hold the build machine's name \"build host\": a host name in a Nix store URI may only have letters, digits, '.', '-', '_' and '~'",
            "nix/machines cannot hold the build machine's user \"off load\": a user name in a Nix store URI may only have letters, digits, '.', '-', '_' and '~'",
            "nix/machines cannot hold the build machine's private-key \"/keys/id ed25519\": it contains white space, and the file separates fields with spaces (there is no quoting)",
            "nix/machines cannot hold the build machine's features \"big parallel\": it contains white space, and the file separates fields with spaces (there is no quoting)");
    }
}
