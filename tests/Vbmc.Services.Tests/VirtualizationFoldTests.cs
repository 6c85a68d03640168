using System.Numerics;
using Vbmc.Data;
using Vbmc.Evaluation.Records;
using Record = Vbmc.Evaluation.Records.Record;

namespace Vbmc.Services.Tests;

/// <summary>What a virtual build machine service contributes to the fold: Shepherd service, accounts, offload machine, secrets.</summary>
public class VirtualizationFoldTests
{
    private const string TwoVms = VirtualizationHarness.Prelude + """
        (list (service virtual-build-machine-service-type
                       (virtual-build-machine (name 'past) (auto-start? #t)))
              (service virtual-build-machine-service-type
                       (virtual-build-machine (name 'present) (port-forwardings '((12022 . 22) (8080 . 80))))))
        """;

    private static List<Record> Records(object contribution) =>
        (Lists.ToListOrNull(contribution) ?? []).Cast<Record>().ToList();

    [Fact]
    public void Each_vm_gets_one_shepherd_service_named_after_it()
    {
        var services = VirtualizationHarness.Inspect(TwoVms, g =>
            VirtualizationHarness.ContributionsTo(g, "shepherd-root").SelectMany(Records)
                .Select(s => (Provision: Printing.Printer.Write(s.Get("provision")),
                              Requirement: Printing.Printer.Write(s.Get("requirement")),
                              AutoStart: (bool)s.Get("auto-start?")))
                .ToList());

        services.Should().Equal(("(past)", "(user-processes)", true), ("(present)", "(user-processes)", false));
    }

    [Fact]
    public void Each_vm_gets_its_own_system_account_and_group()
    {
        var accounts = VirtualizationHarness.Inspect(TwoVms, g =>
            VirtualizationHarness.ContributionsTo(g, "account").SelectMany(Records)
                .Select(r => r.Type.Name == "<user-account>"
                    ? $"user {r.Get("name")} group={r.Get("group")} supp={Printing.Printer.Write(r.Get("supplementary-groups"))} " +
                      $"home={r.Get("home-directory")} shell={Printing.Printer.Display(r.Get("shell"))} system={r.Get("system?")}"
                    : $"group {r.Get("name")} system={r.Get("system?")}")
                .ToList());

        accounts.Should().Equal(
            "group build-vm-past system=True",
            "user build-vm-past group=build-vm-past supp=(\"kvm\") home=/var/empty shell=" + ShellOf() + " system=True",
            "group build-vm-present system=True",
            "user build-vm-present group=build-vm-present supp=(\"kvm\") home=/var/empty shell=" + ShellOf() + " system=True");
    }

    private static string ShellOf() =>
        Printing.Printer.Display(VirtualizationHarness.Eval("(use-modules (gnu packages admin)) (file-append shadow \"/sbin/nologin\")")!);

    [Fact]
    public void Each_vm_is_an_offload_machine_on_its_ssh_port_with_a_placeholder_host_key()
    {
        var machines = VirtualizationHarness.Inspect(TwoVms, g =>
            VirtualizationHarness.ContributionsTo(g, "guix")
                .SelectMany(e => Records(((Record)e).Get("build-machines")))
                .Select(m => (Name: (string)m.Get("name"), Port: (BigInteger)m.Get("port"), User: (string)m.Get("user"),
                              Key: (string)m.Get("private-key"), HostKey: (string)m.Get("host-key"),
                              Systems: Printing.Printer.Write(m.Get("systems"))))
                .ToList());

        machines.Select(m => (m.Name, m.Port, m.User, m.Key, m.Systems)).Should().Equal(
            ("127.0.0.1", new BigInteger(11022), "offload", "/etc/vbmc/past/offload_ed25519", "(\"x86_64-linux\")"),
            ("127.0.0.1", new BigInteger(12022), "offload", "/etc/vbmc/present/offload_ed25519", "(\"x86_64-linux\")"));
        machines.Should().OnlyContain(m => Evaluation.OpenSshPublicKey.IsValid(m.HostKey));
        machines[0].HostKey.Should().EndWith(" vbmc-placeholder:past");
    }

    [Fact]
    public void The_folded_guix_configuration_lists_the_vm_machines()
    {
        var ports = VirtualizationHarness.Inspect(TwoVms, g =>
            (Lists.ToListOrNull(((Record)g.Fold.Targets["guix"].Value).Get("build-machines")) ?? [])
                .Cast<Record>().Select(m => (BigInteger)m.Get("port")).ToList());
        ports.Should().Equal(new BigInteger(11022), new BigInteger(12022));
    }

    [Fact]
    public void The_keys_apply_must_make_are_in_the_fold()
    {
        var secrets = VirtualizationHarness.Inspect(TwoVms, g =>
            (Lists.ToListOrNull(g.Fold.Targets["vbmc-secrets"].Value) ?? []).Cast<Record>()
                .Select(s => $"{s.Get("vm")} {s.Get("kind")} {s.Get("path")} {s.Get("owner")}").ToList());

        secrets.Should().Equal(
            "past guest-host-key /etc/vbmc/past/ssh_host_ed25519_key build-vm-past",
            "past offload-key /etc/vbmc/past/offload_ed25519 root",
            "present guest-host-key /etc/vbmc/present/ssh_host_ed25519_key build-vm-present",
            "present offload-key /etc/vbmc/present/offload_ed25519 root");
    }

    [Fact]
    public void A_vm_without_ssh_forward_registers_no_offload_machine()
    {
        var diagnostics = VirtualizationHarness.Check(VirtualizationHarness.Prelude +
            "(list (service virtual-build-machine-service-type (virtual-build-machine (port-forwardings '((8080 . 80))))))");
        diagnostics.Should().ContainSingle(d => d.Severity == Diagnostics.Severity.Error)
            .Which.Id.Should().Be(Diagnostics.DiagnosticIds.NoSshForward);
    }
}
