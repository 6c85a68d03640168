using Vbmc.Emitters;
using Vbmc.Lowering;
using Vbmc.TestSupport;

namespace Vbmc.Compile.Tests;

/// <summary>The folded service graph is what is installed: a change made through the fold shows up in the artifacts.</summary>
public sealed class FoldArtifactsTests
{
    private static string Text(CompilePlan plan, string path) =>
        System.Text.Encoding.UTF8.GetString(ArtifactEmitters.EmitAll(plan).Single(a => a.RelativePath == path).Content);

    [Fact]
    public void A_modify_services_clause_on_the_vm_changes_its_installed_shepherd_service_and_unit()
    {
        const string Head = "(use-modules (gnu) (gnu services virtualization) (srfi srfi-19))\n";
        const string Vm = "(list (service virtual-build-machine-service-type (virtual-build-machine (name 'past))))";
        var before = LoweredPlans.FromText(Head + Vm);
        var after = LoweredPlans.FromText(Head + $"""
            (modify-services {Vm}
              (virtual-build-machine-service-type config =>
                (virtual-build-machine (inherit config) (auto-start? #t) (date (make-date 0 0 0 0 1 6 2014 0)))))
            """);

        Text(before, "shepherd/past.scm").Should().NotContain("start-in-the-background");
        var shepherd = Text(after, "shepherd/past.scm");
        shepherd.Should().Contain("  (start-in-the-background '(past))\n")
            .And.Contain("\"Run the vbmc virtual build machine past (its clock starts at 2014-06-01T00:00:00 UTC).\"");
        Text(after, "systemd/past.service").Should().Contain("\n[Install]\nWantedBy=multi-user.target\n");
        ArtifactEmitters.Intents(after).Units.Single().WantedBy.Should().Equal("multi-user.target");
        Text(after, "nix/machines").Should().Contain("vbmc-date-2014-06-01");
    }

    [Fact]
    public void A_simple_service_adding_an_account_is_in_the_compiled_sysusers_file_and_the_intents()
    {
        var plan = LoweredPlans.FromText("""
            (use-modules (gnu services) (gnu system shadow) (gnu services virtualization))
            (list (service virtual-build-machine-service-type)
                  (simple-service 'watchers account-service-type
                    (list (user-account (name "vm-watcher") (group "kvm") (comment "Watches")
                                        (home-directory "/var/empty") (shell "/usr/sbin/nologin") (system? #t)))))
            """);
        Text(plan, "sysusers.d/vbmc.conf").Should().Contain("u vm-watcher -:kvm \"Watches\" /var/empty /usr/sbin/nologin\n");
        ArtifactEmitters.Intents(plan).Accounts.Should().Contain(a => a.Vm == null && a.Name == "vm-watcher" && a.Group == "kvm");
    }

    [Fact]
    public void The_keys_apply_makes_are_the_vbmc_secret_records_of_the_fold()
    {
        var plan = LoweredPlans.FromText(KeyedBuildVm.WithSecrets(KeyedBuildVm.RootOwnedHostKey));
        var vm = plan.Vms.Single();
        vm.Secrets.Should().Be(new VmSecrets("/etc/vbmc/keys/guest_host_key", "root", "/etc/vbmc/keys/offload_ed25519"));
        ManifestVm.From(vm).Secrets.Should().Be(vm.Secrets);
        Text(plan, "machines.scm").Should().Contain("\"/etc/vbmc/keys/guest_host_key.pub\"");
        Text(plan, "ssh/vbmc.conf").Should().Contain("IdentityFile /etc/vbmc/keys/offload_ed25519\n");
    }

    [Theory]
    [InlineData("(string-append folder \"/../../shadow\")", "\"root\"", "vbmc makes a VM's keys in its folder /etc/vbmc/keys/")]
    [InlineData("(string-append folder \"/secrets.tar\")", "\"root\"", "vbmc makes a VM's keys in its folder")]
    [InlineData("(string-append folder \"/host\")", "\"nobody\"", "owner \"nobody\" of the guest-host-key")]
    [InlineData("(string-append folder \"/offload_ed25519\")", "\"root\"", "are the same file")]
    public void Keys_apply_could_not_make_as_declared_are_errors_at_the_record(string hostKeyPath, string owner, string message)
    {
        var secrets = $"""
            (list (vbmc-secret (vm (virtual-build-machine-name config)) (kind 'guest-host-key) (path {hostKeyPath}) (owner {owner}))
                  (vbmc-secret (vm (virtual-build-machine-name config)) (kind 'offload-key)
                               (path (string-append folder "/offload_ed25519")) (owner "root")))
            """;
        var result = Lowerer.Lower(KeyedBuildVm.WithSecrets(secrets), "keys.scm", new string('0', 64), new Vbmc.Evaluation.EvaluationOptions { System = "x86_64-linux" });
        result.Plan.Should().BeNull();
        result.Diagnostics.Should().Contain(d => d.Severity == Vbmc.Diagnostics.Severity.Error && d.Message.Contains(message)
                                                 && d.Span.File == "keys.scm");
    }

    [Fact]
    public void A_vm_whose_service_declares_no_offload_key_is_an_error()
    {
        var secrets = """
            (list (vbmc-secret (vm (virtual-build-machine-name config)) (kind 'guest-host-key)
                               (path (string-append folder "/host")) (owner "root")))
            """;
        var result = Lowerer.Lower(KeyedBuildVm.WithSecrets(secrets), "keys.scm", new string('0', 64), new Vbmc.Evaluation.EvaluationOptions { System = "x86_64-linux" });
        result.Plan.Should().BeNull();
        result.Diagnostics.Should().Contain(d => d.Message.Contains("gives vbmc-secret-service-type no offload-key"));
    }
}
