using Vbmc.Emitters;
using Vbmc.Lowering;
using Vbmc.TestSupport;

namespace Vbmc.Compile.Tests;

/// <summary>
/// The manifest's intents say, as data, what the emitted files say as text (apply reads the
/// intents and never parses the files): both come from the same plan and must agree.
/// </summary>
public sealed class ManifestIntentsTests
{
    private static readonly CompilePlan Plan = LoweredPlans.FromText("""
        (use-modules (gnu services virtualization))
        (list (service virtual-build-machine-service-type (virtual-build-machine (name 'early) (auto-start? #t)))
              (service virtual-build-machine-service-type
                (virtual-build-machine (name 'late) (port-forwardings '((11023 . 22))) (features '("big-parallel")))))
        """);

    private static string Text(string path) =>
        System.Text.Encoding.UTF8.GetString(ArtifactEmitters.EmitAll(Plan).Single(a => a.RelativePath == path).Content);

    private static IEnumerable<string[]> Lines(string path) =>
        Text(path).Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void Units_are_enabled_for_the_targets_their_install_section_names()
    {
        var units = ArtifactEmitters.Intents(Plan).Units;
        units.Select(u => (u.Vm, u.Name, string.Join(' ', u.WantedBy)))
            .Should().Equal(("early", "vbmc-early.service", "multi-user.target"), ("late", "vbmc-late.service", ""));
        Text("systemd/early.service").Should().Contain("\n[Install]\nWantedBy=multi-user.target\n");
        Text("systemd/late.service").Should().NotContain("[Install]");
    }

    [Fact]
    public void Accounts_and_folders_are_those_the_sysusers_and_tmpfiles_files_make()
    {
        var intents = ArtifactEmitters.Intents(Plan);
        foreach (var vm in Plan.Vms)
        {
            var users = Lines(InstallLayout.SysusersPath(vm.Name)).ToList();
            var account = intents.Accounts.Single(a => a.Vm == vm.Name);
            users.Where(l => l[0] == "u").Select(l => (l[1], l[2])).Should().Equal((account.Name!, "-:" + account.Group));
            users.Where(l => l[0] == "m").Select(l => l[2]).Should().Equal(account.SupplementaryGroups);
            Lines(InstallLayout.TmpfilesPath(vm.Name)).Where(l => l[0] == "d").Select(l => (l[1], l[2], l[3], l[4]))
                .Should().Equal(intents.Folders.Where(f => f.Vm == vm.Name).Select(f => (f.Path, f.Mode, f.User, f.Group)));
        }
    }

    [Fact]
    public void Nix_machine_lines_are_the_intents_fields_with_the_host_key_slot_of_each_vm()
    {
        var intents = ArtifactEmitters.Intents(Plan).NixMachines;
        Lines(InstallLayout.NixMachinesPath).Should().BeEquivalentTo(intents.Select(m => m.Fields.ToArray()), o => o.WithStrictOrdering());
        intents.Select(m => m.HostKeyOf).Should().Equal("early", "late");
        intents[1].Fields[5].Should().Be("big-parallel");
        var key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOq5Bb8cG3b2qQ7yo5mW1l3fYzZ0m2JtqQzRk5Jw3b1T late";
        intents[1].Line(key).Split(' ')[ManifestNixMachine.HostKeyField]
            .Should().Be(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(key)));
    }
}
