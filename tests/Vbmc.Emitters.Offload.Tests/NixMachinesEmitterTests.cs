using System.Text;
using Vbmc.Lowering;
using Vbmc.TestSupport;

namespace Vbmc.Emitters.Offload.Tests;

/// <summary>nix/machines: exact lines, Guix's system names in Nix's spelling, apply's host keys, determinism.</summary>
public sealed class NixMachinesEmitterTests
{
    private const string BuildVmKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOm3H0xJ1pQ9VqH0Qm2l0xPq6wN4gC1m3Jt6pQyQJ2lS root@build-vm";

    private static string Example(string name) => Path.Combine(RepoPaths.Examples, name);

    private static string[] MachineLines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')).ToArray();

    [Fact]
    public void The_default_vm_is_its_ssh_alias_with_its_features_and_no_host_key_until_apply()
    {
        var plan = LoweredPlans.FromFile(Path.Combine(RepoPaths.Acceptance, "01-os-default-vm.scm"));

        var artifact = NixMachinesEmitter.Emit(plan);

        artifact.RelativePath.Should().Be("nix/machines");
        artifact.Kind.Should().Be(ArtifactKind.NixMachines);
        MachineLines(Encoding.UTF8.GetString(artifact.Content)).Should().Equal(
            "ssh-ng://offload@vbmc-build-vm x86_64-linux /etc/vbmc/build-vm/offload_ed25519 4 1 benchmark,big-parallel,nixos-test,vbmc-date-2020-01-01 - -");
    }

    [Fact]
    public void Apply_fills_in_the_vms_host_key_as_base64_of_the_key_line()
    {
        var plan = LoweredPlans.FromFile(Path.Combine(RepoPaths.Acceptance, "01-os-default-vm.scm"));

        // Keys as apply reads them from the .pub files: trailing line break; a key for another VM is ignored.
        var text = NixMachinesEmitter.Render(plan, new Dictionary<string, string>
        {
            ["build-vm"] = BuildVmKey + "\n",
            ["other"] = "ssh-ed25519 AAAA",
        });

        // Expected value from coreutils: printf %s "$key" | base64 -w0
        MachineLines(text).Should().Equal(
            "ssh-ng://offload@vbmc-build-vm x86_64-linux /etc/vbmc/build-vm/offload_ed25519 4 1 benchmark,big-parallel,nixos-test,vbmc-date-2020-01-01 - "
            + "c3NoLWVkMjU1MTkgQUFBQUMzTnphQzFsWkRJMU5URTVBQUFBSU9tM0gweEoxcFE5VnFIMFFtMmwweFBxNndONGdDMW0zSnQ2cFF5UUoybFMgcm9vdEBidWlsZC12bQ==");
    }

    [Fact]
    public void The_farm_example_gives_one_line_per_machine()
    {
        var text = NixMachinesEmitter.Render(LoweredPlans.FromFile(Example("offload-machines.scm")));

        MachineLines(text).Should().Equal(
            "ssh-ng://offload@node1.farm.example.org x86_64-linux,i686-linux /etc/guix/offload/id_ed25519 4 2 kvm - "
            + "c3NoLWVkMjU1MTkgQUFBQUMzTnphQzFsWkRJMU5URTVBQUFBSUh4VHVPcmJSakpnU3lkVGdMczVScjFTdkppdkVnTE5yRWxLbE1vZHV3M28gcm9vdEBub2RlMQ==",
            "ssh-ng://offload@node2.farm.example.org x86_64-linux,i686-linux /etc/guix/offload/id_ed25519 4 2 kvm - "
            + "c3NoLWVkMjU1MTkgQUFBQUMzTnphQzFsWkRJMU5URTVBQUFBSUE2cENIVUhRcjVVQlJxSDNBU3l6NzNSVmJZOERtN1FWbGpkWW1sbEwxZmsgcm9vdEBub2RlMg==",
            "ssh-ng://offload@node3.farm.example.org x86_64-linux,i686-linux /etc/guix/offload/id_ed25519 4 2 kvm - "
            + "c3NoLWVkMjU1MTkgQUFBQUMzTnphQzFsWkRJMU5URTVBQUFBSUl1QVcrUng3R3NlSllqSlBhd3BaYmlYcGZrZkxoWkpONWJFWSt5cDdJRXAgcm9vdEBub2RlMw==",
            "ssh-ng://offload@arm-board.example.org:2222 aarch64-linux /etc/guix/offload/id_ed25519 1 0.5 - - "
            + "c3NoLWVkMjU1MTkgQUFBQUMzTnphQzFsWkRJMU5URTVBQUFBSUNQUGF0YjNHYVRITVlLYlBMOUs2Q1BxM0tWRkY0Tmw2Y3JwN0hZUXZsWmQgcm9vdEBhcm0tYm9hcmQ=");
    }

    [Fact]
    public void Two_vms_keep_their_order_aliases_cpu_counts_and_date_features()
    {
        var text = NixMachinesEmitter.Render(LoweredPlans.FromFile(Example("two-vms.scm")));

        MachineLines(text).Should().Equal(
            "ssh-ng://offload@vbmc-past x86_64-linux /etc/vbmc/past/offload_ed25519 2 1 benchmark,big-parallel,nixos-test,vbmc-date-2010-06-01 - -",
            "ssh-ng://offload@vbmc-present x86_64-linux /etc/vbmc/present/offload_ed25519 4 1 benchmark,big-parallel,nixos-test,vbmc-date-2023-09-01 - -");
    }

    [Fact]
    public void Guix_system_types_are_written_in_nix_spelling_and_other_fields_as_nix_reads_them()
    {
        var plan = Plan(
            Machine("arm.example.org", ["armhf-linux", "aarch64-linux"]) with { Speed = 3.0, Features = ["big-parallel", "kvm"] },
            Machine("::1", ["i686-linux", "i586-gnu", "riscv64-linux"]) with { Port = 2200, Speed = 0.25, ParallelBuilds = 16 },
            Machine("plain", ["x86_64-linux"]) with { User = "nix_builder-2", PrivateKey = "/root/.ssh/id_rsa", Speed = 0.0 });

        MachineLines(NixMachinesEmitter.Render(plan)).Should().Equal(
            "ssh-ng://offload@arm.example.org armv7l-linux,aarch64-linux /k 1 3 big-parallel,kvm - "
            + "c3NoLWVkMjU1MTkgQUFBQUMzTnphQzFsWkRJMU5URTVBQUFBSUh4VHVPcmJSakpnU3lkVGdMczVScjFTdkppdkVnTE5yRWxLbE1vZHV3M28=",
            "ssh-ng://offload@[::1]:2200 i686-linux,i586-gnu,riscv64-linux /k 16 0.25 - - "
            + "c3NoLWVkMjU1MTkgQUFBQUMzTnphQzFsWkRJMU5URTVBQUFBSUh4VHVPcmJSakpnU3lkVGdMczVScjFTdkppdkVnTE5yRWxLbE1vZHV3M28=",
            "ssh-ng://nix_builder-2@plain x86_64-linux /root/.ssh/id_rsa 1 0 - - "
            + "c3NoLWVkMjU1MTkgQUFBQUMzTnphQzFsWkRJMU5URTVBQUFBSUh4VHVPcmJSakpnU3lkVGdMczVScjFTdkppdkVnTE5yRWxLbE1vZHV3M28=");
    }

    [Fact]
    public void The_file_is_deterministic_and_every_line_has_eight_fields()
    {
        var path = Path.Combine(RepoPaths.Acceptance, "06-machines-file-deprecated-system.scm");
        var keys = new Dictionary<string, string> { ["x"] = BuildVmKey };

        var first = NixMachinesEmitter.Emit(LoweredPlans.FromFile(path), keys).Content;
        var second = NixMachinesEmitter.Emit(LoweredPlans.FromFile(path), keys).Content;

        first.Should().Equal(second);
        var lines = MachineLines(Encoding.UTF8.GetString(first));
        lines.Should().HaveCount(2).And.OnlyContain(l => l.Split(' ').Length == 8);
        lines[0].Should().StartWith("ssh-ng://offload@x86.lab.example.net x86_64-linux,i686-linux /etc/guix/offload/id_ed25519 6 1.5 kvm - ");
        lines[1].Should().StartWith("ssh-ng://guix-builder@pinebook.lab.example.net:2200 aarch64-linux /root/.ssh/id_rsa 1 0.5 - - ");
    }

    [Fact]
    public void A_host_key_from_apply_must_be_one_line()
    {
        var plan = LoweredPlans.FromFile(Path.Combine(RepoPaths.Acceptance, "01-os-default-vm.scm"));

        var render = () => NixMachinesEmitter.Render(plan, new Dictionary<string, string> { ["build-vm"] = BuildVmKey + "\n* " + BuildVmKey });

        render.Should().Throw<ArgumentException>().WithMessage("*build-vm*not one line*");
    }

    internal static CompilePlan Plan(params BuildMachinePlan[] machines) => new("t.scm", new string('c', 64), [], machines);

    internal static BuildMachinePlan Machine(string name, IReadOnlyList<string> systems) => new()
    {
        Name = name,
        Port = 22,
        Systems = systems,
        User = "offload",
        PrivateKey = "/k",
        HostKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHxTuOrbRjJgSydTgLs5Rr1SvJivEgLNrElKlModuw3o",
    };
}
