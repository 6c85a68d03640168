using Vbmc.Evaluation;
using Vbmc.Lowering;
using Vbmc.TestSupport;

namespace Vbmc.Host.Probe.Tests;

/// <summary>Which machines `vbmc test` tests, read from a configuration, a compile folder or the installed generation.</summary>
public sealed class ProbeInputTests
{
    private const string TwoVms = """
        (use-modules (gnu services virtualization) (srfi srfi-19))
        (list (service virtual-build-machine-service-type
                       (virtual-build-machine (name 'old) (cpu-count 2)
                                              (date (make-date 0 0 0 0 1 6 2014 0))
                                              (port-forwardings '((11022 . 22)))))
              (service virtual-build-machine-service-type
                       (virtual-build-machine (name 'new) (port-forwardings '((11023 . 22))))))
        """;

    /// <summary>Installs the keys of a VM under <paramref name="root"/> where apply puts them.</summary>
    private static string InstallKeys(TestFolder root, string vm)
    {
        Directory.CreateDirectory(root.File("etc/vbmc/" + vm));
        var hostKey = SshKeys.Generate(root.File(InstallLayout.GuestHostKey(vm).TrimStart('/')), "guest");
        SshKeys.Generate(root.File(InstallLayout.OffloadKey(vm).TrimStart('/')), "offload");
        return hostKey;
    }

    [Fact]
    public void A_configurations_vms_are_tested_with_their_installed_keys_under_the_root()
    {
        using var root = new TestFolder();
        var hostKey = InstallKeys(root, "old");
        var file = root.Write("config.scm", TwoVms);

        var input = ProbeInput.Load(file, root.Path, new EvaluationOptions());

        input.HasErrors.Should().BeFalse(string.Join("\n", input.Diagnostics));
        input.Targets.Should().HaveCount(2);
        var old = input.Targets[0];
        (old.Host, old.Port, old.User, old.Vm).Should().Be(("127.0.0.1", 11022, "offload", "old"));
        old.PrivateKeyFile.Should().Be(root.File("etc/vbmc/old/offload_ed25519"));
        old.HostKey.Should().Be(hostKey);
        old.VmDate.Should().Be(new DateTimeOffset(2014, 6, 1, 0, 0, 0, TimeSpan.Zero));
        old.ParallelBuilds.Should().Be(2);
        old.Place.Should().NotBeNull();
        old.Place!.Value.File.Should().Be(file);
        var fresh = input.Targets[1];
        fresh.HostKey.Should().BeNull();
        fresh.HostKeyProblem.Should().Contain($"cannot read the pinned host key {root.File("etc/vbmc/new/ssh_host_ed25519_key.pub")}");
    }

    [Fact]
    public void A_nix_machines_file_is_read_as_nix_daemon_reads_it_with_the_vms_alias_resolved_through_the_installed_ssh_config()
    {
        using var root = new TestFolder();
        var hostKey = InstallKeys(root, "old");
        var plan = LoweredPlans.FromText(TwoVms);
        Directory.CreateDirectory(root.File("etc/ssh/ssh_config.d"));
        root.Write("etc/ssh/ssh_config.d/vbmc.conf", Vbmc.Emitters.Offload.SshConfigEmitter.Render(plan));
        var machines = Vbmc.Emitters.Offload.NixMachinesEmitter.Render(plan, new Dictionary<string, string> { ["old"] = hostKey })
                       + "ssh://me@farm.example.org:2222 aarch64-linux /root/.ssh/id_farm 8\n";
        var file = root.Write("machines", machines);

        var input = ProbeInput.Load(file, root.Path, new EvaluationOptions());

        input.HasErrors.Should().BeFalse(string.Join("\n", input.Diagnostics));
        input.Targets.Should().HaveCount(3);
        var old = input.Targets[0];
        (old.Host, old.Port, old.User, old.Vm).Should().Be(("127.0.0.1", 11022, "offload", "old"));
        old.PrivateKeyFile.Should().Be(root.File("etc/vbmc/old/offload_ed25519"));
        old.HostKey.Should().Be(hostKey);
        old.DaemonSockets.Should().Equal(NixMachinesTargets.NixSocket);
        input.Targets[1].HostKeyProblem.Should().Contain("pins no host key", "apply has not made the new VM's key");
        var farm = input.Targets[2];
        (farm.Host, farm.Port, farm.User, farm.PrivateKeyFile, farm.ParallelBuilds).Should().Be(("farm.example.org", 2222, "me", "/root/.ssh/id_farm", 8));
    }

    [Fact]
    public void A_nix_machines_line_that_cannot_work_is_an_error_at_its_line_naming_the_setting()
    {
        using var root = new TestFolder();
        var file = root.Write("machines", "# comment\nssh-ng://offload@vbmc-gone x86_64-linux /etc/vbmc/gone/offload_ed25519\nssh://a@b x86_64-linux /k 4 1 - - not-base64!\n");

        var input = ProbeInput.Load(file, root.Path, new EvaluationOptions());

        input.Diagnostics.Select(d => (d.Span.StartLine, d.Message)).Should().Equal(
            (2, "host vbmc-gone is not defined in /etc/ssh/ssh_config.d/vbmc.conf: nix-daemon's ssh cannot resolve it (run vbmc apply, or check that /etc/ssh/ssh_config includes ssh_config.d/*.conf)"),
            (3, "base64 host key (eighth field) is not base64"));
    }

    [Fact]
    public void Without_a_file_the_installed_generations_manifest_is_read()
    {
        using var root = new TestFolder();
        var hostKey = InstallKeys(root, "old");
        var plan = LoweredPlans.FromText(TwoVms);
        var manifest = new Manifest
        {
            Vbmc = "test", Source = new ManifestSource("config.scm", new string('0', 64)),
            Vms = plan.Vms.Select(ManifestVm.From).ToList(), Artifacts = [],
        };
        root.Write("var/lib/vbmc/generations/3/manifest.json", manifest.ToJson());
        Directory.CreateSymbolicLink(root.File("var/lib/vbmc/current"), "generations/3");

        var installed = ProbeInput.Load(null, root.Path, new EvaluationOptions());

        installed.HasErrors.Should().BeFalse();
        installed.Source.Should().Be(root.File("var/lib/vbmc/current/manifest.json"));
        var fromConfiguration = ProbeTargets.FromPlan(plan, root.Path);
        installed.Targets.Select(t => (t.Host, t.Port, t.User, t.PrivateKeyFile, t.HostKey, t.Vm, t.VmDate, t.ParallelBuilds))
            .Should().Equal(fromConfiguration.Select(t => (t.Host, t.Port, t.User, t.PrivateKeyFile, t.HostKey, t.Vm, t.VmDate, t.ParallelBuilds)));
        installed.Targets[0].HostKey.Should().Be(hostKey);
    }

    [Fact]
    public void A_compile_folder_is_read_through_its_manifest()
    {
        using var folder = new TestFolder();
        var plan = LoweredPlans.FromText(TwoVms);
        folder.Write("out/manifest.json", new Manifest
        {
            Vbmc = "test", Source = new ManifestSource("config.scm", new string('0', 64)),
            Vms = plan.Vms.Select(ManifestVm.From).ToList(), Artifacts = [],
        }.ToJson());

        var input = ProbeInput.Load(folder.File("out"), "/", new EvaluationOptions());

        input.Targets.Select(t => t.Vm).Should().Equal("old", "new");
        input.Targets[0].PrivateKeyFile.Should().Be("/etc/vbmc/old/offload_ed25519");
    }

    [Theory]
    [InlineData("../../x", null)]
    [InlineData("old", "/root/.ssh/id_ed25519")]
    public void A_manifest_naming_keys_or_vms_that_compile_does_not_write_is_refused(string name, string? offloadKey)
    {
        using var folder = new TestFolder();
        var vm = ManifestVm.From(LoweredPlans.FromText(TwoVms).Vms[0]);
        vm = vm with { Name = name, Keys = offloadKey is null ? vm.Keys : vm.Keys! with { OffloadKey = offloadKey } };
        folder.Write("out/manifest.json", new Manifest
        {
            Vbmc = "test", Source = new ManifestSource("config.scm", new string('0', 64)), Vms = [vm], Artifacts = [],
        }.ToJson());

        var input = ProbeInput.Load(folder.File("out"), "/", new EvaluationOptions());

        input.HasErrors.Should().BeTrue();
        input.Targets.Should().BeEmpty("no key outside the VM's folder is read");
        input.Diagnostics.Single().Message.Should().Contain("whose name, keys or account vbmc compile does not write");
    }

    [Fact]
    public void A_machines_files_own_entries_keep_their_paths_and_keys_and_are_deduplicated()
    {
        using var folder = new TestFolder();
        var key = SshKeys.Generate(folder.File("k"), "k");
        var file = folder.Write("machines.scm", $$"""
            (use-modules (guix scripts offload))
            (define (node system port)
              (build-machine (name "node.example.org") (port port) (systems (list system)) (user "build")
                             (private-key "/etc/guix/offload") (host-key "{{key}}") (overload-threshold #f)))
            (list (node "x86_64-linux" 22) (node "i686-linux" 22) (node "aarch64-linux" 2222))
            """);

        var input = ProbeInput.Load(file, "/elsewhere", new EvaluationOptions());

        input.Targets.Select(t => (t.Host, t.Port, t.Listed)).Should().Equal(("node.example.org", 22, 2), ("node.example.org", 2222, 1));
        input.Targets[0].PrivateKeyFile.Should().Be("/etc/guix/offload");
        input.Targets[0].HostKey.Should().Be(key);
        input.Targets[0].OverloadThreshold.Should().BeNull();
        input.Targets[0].Vm.Should().BeNull();
    }

    [Fact]
    public void A_folder_without_a_manifest_or_a_missing_generation_is_an_io_error_with_a_hint()
    {
        using var folder = new TestFolder();

        var noManifest = ProbeInput.Load(folder.Path, "/", new EvaluationOptions());
        var noGeneration = ProbeInput.Load(null, folder.Path, new EvaluationOptions());
        folder.Write("bad/manifest.json", "{\"schema\": 1");
        var malformed = ProbeInput.Load(folder.File("bad"), "/", new EvaluationOptions());

        noManifest.Diagnostics.Should().ContainSingle().Which.Hint.Should().Contain("vbmc compile");
        noGeneration.Diagnostics.Should().ContainSingle().Which.Hint.Should().Contain("vbmc apply");
        malformed.Diagnostics.Should().ContainSingle().Which.Message.Should().Contain("is not a vbmc manifest");
        new[] { noManifest, noGeneration, malformed }.Should().OnlyContain(i => i.Diagnostics[0].Id == Vbmc.Diagnostics.DiagnosticIds.IoError);
    }
}
