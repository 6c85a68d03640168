using FluentAssertions;
using Vbmc.Lowering;
using Vbmc.TestSupport;
using Xunit;

namespace Vbmc.Lowering.Tests;

public class LoweringTests
{
    [Fact]
    public void Default_vm_lowers_with_upstream_defaults_and_vbmc_paths()
    {
        var vm = LoweredPlans.Vm();
        vm.Name.Should().Be("build-vm");
        vm.QemuProgram.Should().Be("qemu-system-x86_64");
        vm.Cpu.Should().Be("Skylake-Client");
        vm.CpuCount.Should().Be(4);
        vm.MemoryMiB.Should().Be(2048);
        vm.RtcBase.Should().Be("2020-01-01T00:00:00");
        vm.Date.Should().Be(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero));
        vm.PortForwardings.Should().Equal(new PortForward(11022, 22));
        vm.SshHostPort.Should().Be(11022);
        vm.Systems.Should().Equal("x86_64-linux");
        vm.AutoStart.Should().BeFalse();
        vm.Image.Format.Should().Be("compressed-qcow2");
        vm.Image.SizeBytes.Should().Be(20L << 30);
        vm.Image.PartitionTable.Should().Be("mbr");
        vm.Image.FileName.Should().Be("build-vm.qcow2");
        vm.Account.Name.Should().Be("build-vm-build-vm");
        vm.Account.SupplementaryGroups.Should().Equal("kvm");
        vm.Guest.Name.Should().Be("offload");
        vm.StateDirectory.Should().Be("/var/lib/vbmc/build-vm");
        vm.GuestHostPublicKey.Should().Be("/etc/vbmc/build-vm/ssh_host_ed25519_key.pub");
        vm.InstalledScript.Should().Be("/var/lib/vbmc/build-vm/run-build-vm.sh");
    }

    [Fact]
    public void Written_fields_and_the_date_table_reach_the_plan()
    {
        var vm = LoweredPlans.Vm("(name 'past) (cpu-count 2) (memory-size 1024) (auto-start? #t) (date (make-date 0 0 0 0 1 6 2014 0)) (port-forwardings '((2222 . 22) (8080 . 80)))");
        vm.Name.Should().Be("past");
        vm.Cpu.Should().Be("Broadwell");
        vm.CpuCount.Should().Be(2);
        vm.MemoryMiB.Should().Be(1024);
        vm.AutoStart.Should().BeTrue();
        vm.RtcBase.Should().Be("2014-06-01T00:00:00");
        vm.PortForwardings.Should().Equal(new PortForward(2222, 22), new PortForward(8080, 80));
        vm.SshHostPort.Should().Be(2222);
    }

    [Fact]
    public void Each_vm_with_an_ssh_forward_gets_an_offload_machine_and_written_machines_follow()
    {
        var plan = LoweredPlans.FromText("""
            (use-modules (gnu) (gnu services virtualization) (guix scripts offload))
            (define vm (service virtual-build-machine-service-type (virtual-build-machine (name 'a))))
            (operating-system
              (host-name "h")
              (bootloader (bootloader-configuration (bootloader grub-bootloader) (targets '("/dev/sda"))))
              (file-systems (list (file-system (mount-point "/") (device "/dev/sda1") (type "ext4"))))
              (services (cons* vm
                               (modify-services %base-services
                                 (guix-service-type config =>
                                   (guix-configuration (inherit config)
                                     (build-machines
                                       (list (build-machine (name "far.example.org") (systems '("aarch64-linux")) (user "bob")
                                               (host-key "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOq5Bb8cG3b2qQ7yo5mW1l3fYzZ0m2JtqQzRk5Jw3b1T"))))))))))
            """);
        plan.Vms.Select(v => v.Name).Should().Equal("a");
        plan.BuildMachines.Should().HaveCount(2);
        plan.BuildMachines[0].Vm.Should().Be("a");
        plan.BuildMachines[0].Port.Should().Be(11022);
        plan.BuildMachines[0].HostKey.Should().BeNull();
        plan.BuildMachines[0].HostKeyFile.Should().Be("/etc/vbmc/a/ssh_host_ed25519_key.pub");
        plan.BuildMachines[0].PrivateKey.Should().Be("/etc/vbmc/a/offload_ed25519");
        plan.BuildMachines[1].Name.Should().Be("far.example.org");
        plan.BuildMachines[1].Systems.Should().Equal("aarch64-linux");
        plan.BuildMachines[1].PrivateKey.Should().Be("/root/.ssh/id_rsa");
    }

    [Fact]
    public void A_cpu_that_is_not_a_qemu_model_is_an_error_at_the_value()
    {
        var result = Lowerer.Lower("(use-modules (gnu services virtualization))\n(list (service virtual-build-machine-service-type (virtual-build-machine (cpu \"Broadwell; rm -rf /\"))))",
            "bad.scm", "00");
        result.Plan.Should().BeNull();
        result.Diagnostics.Should().ContainSingle(d => d.Id == Vbmc.Diagnostics.DiagnosticIds.UnknownCpuModel)
            .Which.Span.StartLine.Should().Be(2);
    }

    [Fact]
    public void Substitute_urls_must_be_plain_and_need_network_access()
    {
        const string head = "(use-modules (gnu services virtualization))\n(list (service virtual-build-machine-service-type (virtual-build-machine ";
        var hostile = Lowerer.Lower(head + "(network-access? #t) (substitute-urls '(\"https://a.example $(reboot)\")))))", "bad.scm", "00");
        hostile.Plan.Should().BeNull();
        hostile.Diagnostics.Should().ContainSingle(d => d.Id == Vbmc.Diagnostics.DiagnosticIds.NotExpressible)
            .Which.Message.Should().Contain("nix.conf and the guix-daemon unit cannot hold");
        var offline = Lowerer.Lower(head + "(substitute-urls '(\"https://ci.guix.gnu.org\")))))", "w.scm", "00");
        offline.Plan.Should().NotBeNull();
        offline.Diagnostics.Should().ContainSingle(d => d.Severity == Vbmc.Diagnostics.Severity.Warning)
            .Which.Message.Should().Contain("no network access");
        var fine = Lowerer.Lower(head + "(network-access? #t) (substitute-urls '(\"https://ci.guix.gnu.org\")))))", "ok.scm", "00");
        fine.Plan!.Vms.Single().SubstituteUrls.Should().Equal("https://ci.guix.gnu.org");
        fine.Plan.Vms.Single().NetworkAccess.Should().BeTrue();
    }

    [Fact]
    public void Unsupported_image_format_says_unsupported()
    {
        var result = Lowerer.Lower("(use-modules (gnu services virtualization) (gnu image))\n(list (service virtual-build-machine-service-type (virtual-build-machine (image (image (format 'iso9660) (operating-system #f))))))",
            "iso.scm", "00");
        result.Plan.Should().BeNull();
        result.Diagnostics.Should().Contain(d => d.Message.StartsWith("unsupported: image format 'iso9660'"));
    }

    private const string VmHead = "(use-modules (gnu) (gnu image) (gnu packages virtualization) (gnu services virtualization))\n" +
        "(define standard (virtual-build-machine-default-image (virtual-build-machine)))\n" +
        "(list (service virtual-build-machine-service-type (virtual-build-machine\n";

    private static Vbmc.Diagnostics.Diagnostic UnsupportedAt(LoweringResult result, int line, string field)
    {
        result.Plan.Should().BeNull();
        var d = result.Diagnostics.Should().ContainSingle(d => d.Severity == Vbmc.Diagnostics.Severity.Error).Subject;
        d.Id.Should().Be(Vbmc.Diagnostics.DiagnosticIds.UnsupportedForCompile);
        d.Message.Should().StartWith($"unsupported: field '{field}' of ");
        d.Span.File.Should().Be("u.scm");
        d.Span.StartLine.Should().Be(line);
        d.Hint.Should().NotBeNullOrEmpty();
        return d;
    }

    [Fact]
    public void A_qemu_package_of_the_configuration_is_unsupported_at_its_value()
    {
        var d = UnsupportedAt(Lowerer.Lower(VmHead + "  (qemu (specification->package \"qemu\")))))", "u.scm", "00"), 4, "qemu");
        d.Span.StartColumn.Should().Be(9);
        d.Hint.Should().Contain("qemu-system-x86_64");
        // Written as its default, it is what vbmc does anyway.
        Lowerer.Lower(VmHead + "  (qemu qemu-minimal))))", "u.scm", "00").Plan.Should().NotBeNull();
    }

    [Theory]
    [InlineData("shared-store? #t", "shared-store?")]
    [InlineData("volatile-root? #f", "volatile-root?")]
    [InlineData("shared-network? #t", "shared-network?")]
    [InlineData("platform 'arm", "platform")]
    public void Image_fields_vbmc_does_not_implement_are_unsupported_at_their_value(string setting, string field)
    {
        UnsupportedAt(Lowerer.Lower(VmHead + $"  (image (image (inherit standard)\n    ({setting}))))))", "u.scm", "00"), 5, field);
    }

    [Theory]
    [InlineData("(expt 10 30)")]
    [InlineData("1024")]
    public void An_image_size_vbmc_cannot_make_is_an_error_at_its_value(string size)
    {
        var result = Lowerer.Lower(VmHead + $"  (image (image (inherit standard)\n    (size {size}))))))", "u.scm", "00");
        result.Plan.Should().BeNull();
        var error = result.Diagnostics.Should().ContainSingle(d => d.Severity == Vbmc.Diagnostics.Severity.Error).Subject;
        error.Message.Should().Contain("is outside what vbmc makes");
        (error.Span.File, error.Span.StartLine).Should().Be(("u.scm", 5));
    }

    [Theory]
    [InlineData("/", "the host's own root")]
    [InlineData("/etc/", "the host's own /etc")]
    [InlineData("/proc/1/root", "in the kernel's /proc")]
    public void A_root_base_that_is_the_hosts_own_system_is_refused(string path, string what)
    {
        var result = Lowerer.Lower(VmHead + $"  (image (image (inherit standard)\n    (base (root-base (path \"{path}\"))))))))", "u.scm", "00");
        result.Plan.Should().BeNull();
        var error = result.Diagnostics.Should().ContainSingle(d => d.Severity == Vbmc.Diagnostics.Severity.Error).Subject;
        error.Message.Should().Contain(what).And.Contain("not a guest's root");
        (error.Span.File, error.Span.StartLine).Should().Be(("u.scm", 5));
        Lowerer.Lower(VmHead + "  (image (image (inherit standard)\n    (base (root-base (path \"/srv/guest-root\"))))))))", "u.scm", "00")
            .Plan.Should().NotBeNull("a root of its own anywhere else is the user's to choose");
    }

    [Fact]
    public void Image_fields_that_mean_nothing_for_a_vm_disk_or_that_vbmc_reads_lower()
    {
        var vm = Lowerer.Lower(VmHead + "  (image (image (inherit standard) (name 'mine) (size (expt 2 30)) (substitutable? #f) (compression? #f) (format 'qcow2))))))",
            "u.scm", "00").Plan!.Vms.Single();
        vm.Image.SizeBytes.Should().Be(1L << 30);
        vm.Image.FileName.Should().Be("build-vm.qcow2");
        vm.Image.HostName.Should().BeNull("the standard guest is named after its VM");
    }

    [Fact]
    public void A_guest_operating_system_lowers_its_host_name_and_rejects_each_other_change_at_its_value()
    {
        const string os = "  (image (image (inherit standard) (operating-system (operating-system (inherit (image-operating-system standard))\n";
        var named = Lowerer.Lower(VmHead + os + "    (host-name \"past-2014\"))))))))", "u.scm", "00");
        named.Plan!.Vms.Single().Image.HostName.Should().Be("past-2014");

        var alice = Lowerer.Lower(VmHead + os + "    (host-name \"past-2014\")\n    (users (cons* (user-account (name \"offload\") (group \"users\"))\n" +
            "                  (user-account (name \"alice\") (group \"users\")) %base-user-accounts)))))))))", "u.scm", "00");
        alice.Plan.Should().BeNull();
        var error = alice.Diagnostics.Should().ContainSingle(d => d.Severity == Vbmc.Diagnostics.Severity.Error).Subject;
        error.Message.Should().StartWith("unsupported: account 'alice' of the guest operating-system of virtual build machine 'build-vm'");
        (error.Span.StartLine, error.Span.File).Should().Be((7, "u.scm"));

        UnsupportedAt(Lowerer.Lower(VmHead + os + "    (packages (cons (specification->package \"gcc-toolchain\") %base-packages)))))))))", "u.scm", "00"), 5, "packages")
            .Hint.Should().Contain("debian-base");

        var badName = Lowerer.Lower(VmHead + os + "    (host-name \"not a host; name\"))))))))", "u.scm", "00");
        badName.Plan.Should().BeNull();
        badName.Diagnostics.Should().ContainSingle(d => d.Id == Vbmc.Diagnostics.DiagnosticIds.NotExpressible)
            .Which.Span.StartLine.Should().Be(5);
    }

    [Fact]
    public void A_guest_operating_system_of_its_own_is_rejected_field_by_field_but_not_for_its_boot_or_file_systems()
    {
        var result = Lowerer.Lower(VmHead + """
              (image (image (inherit standard)
                (operating-system
                  (operating-system
                    (host-name "other")
                    (bootloader (bootloader-configuration (bootloader grub-bootloader) (targets '("/dev/sda"))))
                    (file-systems (cons (file-system (device "/dev/sda1") (mount-point "/") (type "ext4")) %base-file-systems))
                    (timezone "Europe/Paris"))))))))
            """, "u.scm", "00");
        result.Plan.Should().BeNull();
        var fields = result.Diagnostics.Where(d => d.Severity == Vbmc.Diagnostics.Severity.Error)
            .Select(d => d.Message.Split('\'')[1]).ToList();
        fields.Should().Contain(["services", "timezone"]).And.NotContain(["host-name", "bootloader", "file-systems", "label"]);
        result.Diagnostics.Should().Contain(d => d.Message.Contains("has no account 'offload', which its offload entry logs in as"));
        result.Diagnostics.Should().OnlyContain(d => d.Span.File == "u.scm");
    }

    private const string GuestUsers = "  (image (image (inherit standard) (operating-system (operating-system (inherit (image-operating-system standard))\n" +
        "    (users (cons {0} %base-user-accounts)))))))))";

    [Fact]
    public void The_guest_offload_account_is_the_image_operating_systems()
    {
        // The standard system's account, as upstream writes it: Guix's defaults for home and shell.
        LoweredPlans.Vm().Guest.Should().Be(new GuestAccount("offload", 1000, "users", 100, "/home/offload", "/bin/bash", "Account used for offloading"));
        var vm = Lowerer.Lower(VmHead + string.Format(GuestUsers,
            "(user-account (name \"offload\") (group \"users\") (uid 1500) (comment \"Builds from the past\") (shell \"/bin/sh\"))"), "u.scm", "00").Plan!.Vms.Single();
        vm.Guest.Should().Be(new GuestAccount("offload", 1500, "users", 100, "/home/offload", "/bin/sh", "Builds from the past"));
    }

    [Theory]
    [InlineData("(user-account (name \"offload\") (group \"users\") (password \"x\"))", "unsupported: field 'password' of the guest account 'offload'")]
    [InlineData("(user-account (name \"offload\") (group \"users\") (supplementary-groups '(\"wheel\")))", "unsupported: supplementary group \"wheel\" of the guest account 'offload'")]
    [InlineData("(user-account (name \"offload\") (group \"users\") (uid 0))", "unsupported: uid of the guest account 'offload'")]
    [InlineData("(user-account (name \"offload\") (group \"users\") (shell (file-append coreutils \"/bin/true\")))", "unsupported: a shell vbmc cannot name in the guest")]
    [InlineData("(user-account (name \"offload\") (group \"users\") (comment \"a:b\"))", "cannot be written in the guest's /etc/passwd")]
    [InlineData("(user-account (name \"builder\") (group \"users\"))", "has no account 'offload', which its offload entry logs in as")]
    public void A_guest_offload_account_vbmc_cannot_make_as_written_is_an_error(string account, string message)
    {
        var result = Lowerer.Lower(VmHead + string.Format(GuestUsers, account), "u.scm", "00");
        result.Plan.Should().BeNull();
        result.Diagnostics.Should().Contain(d => d.Severity == Vbmc.Diagnostics.Severity.Error && d.Message.Contains(message) && d.Span.File == "u.scm");
    }

    private const string AccountsHead = """
        (use-modules (gnu) (gnu services virtualization))
        (operating-system
          (host-name "h")
          (bootloader (bootloader-configuration (bootloader grub-bootloader) (targets '("/dev/sda"))))
          (file-systems (list (file-system (mount-point "/") (device "/dev/sda1") (type "ext4"))))
          (users (cons (user-account (name "alice") (group "users")) %base-user-accounts))
          (services (cons* (service virtual-build-machine-service-type)

        """;

    [Fact]
    public void The_vm_account_is_the_one_its_service_gives_account_service_type()
    {
        var vm = LoweredPlans.FromText(AccountsHead + "%base-services)))").Vms.Single();
        vm.Account.Should().BeEquivalentTo(new HostAccount("build-vm-build-vm", "build-vm-build-vm", ["kvm"],
            "Privilege separation user for the virtual build machine", "/var/empty", "/usr/sbin/nologin"),
            "upstream's account record, its (file-append shadow \"/sbin/nologin\") where a Debian host has it");
    }

    [Fact]
    public void A_simple_service_adding_an_account_adds_a_host_account_and_guix_systems_own_accounts_do_not()
    {
        var plan = LoweredPlans.FromText(AccountsHead + """
                                 (simple-service 'vm-users account-service-type
                                   (list (user-group (name "vm-users") (system? #t))
                                         (user-account (name "vm-watcher") (group "vm-users") (supplementary-groups '("kvm"))
                                                       (comment "Watches the build VMs") (home-directory "/var/empty")
                                                       (shell "/usr/sbin/nologin") (system? #t))))
                                 %base-services)))
            """);
        plan.Accounts.Groups.Should().Equal(new HostGroup("vm-users"));
        plan.Accounts.Users.Should().BeEquivalentTo([new HostAccount("vm-watcher", "vm-users", ["kvm"], "Watches the build VMs", "/var/empty", "/usr/sbin/nologin")]);
        // alice (the operating system's), root, nobody, guixbuilder01... are Guix System's accounts.
        LoweredPlans.FromText(AccountsHead + "%base-services)))").Accounts.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void An_account_sysusers_cannot_make_is_unsupported_at_its_field()
    {
        var result = Lowerer.Lower(AccountsHead + """
                                 (simple-service 'people account-service-type
                                   (list (user-account (name "carol") (group "users")
                                                       (password "secret"))))
                                 %base-services)))
            """, "u.scm", "00");
        result.Plan.Should().BeNull();
        var errors = result.Diagnostics.Where(d => d.Severity == Vbmc.Diagnostics.Severity.Error).ToList();
        errors.Select(d => d.Message).Should().BeEquivalentTo(
            "unsupported: a password of account 'carol'",
            "unsupported: an account that is not a system account of account 'carol'",
            "unsupported: a home folder /home/carol to make of account 'carol'");
        errors.Single(d => d.Message.Contains("password")).Span.StartLine.Should().Be(10, "the (password ...) field");
        errors.Should().OnlyContain(d => d.Span.File == "u.scm" && d.Id == Vbmc.Diagnostics.DiagnosticIds.UnsupportedForCompile);
    }

    [Fact]
    public void The_vm_shepherd_service_is_the_folded_record_so_modify_services_reaches_it()
    {
        var plan = LoweredPlans.FromText("""
            (use-modules (gnu) (gnu services virtualization) (srfi srfi-19))
            (modify-services (list (service virtual-build-machine-service-type (virtual-build-machine (name 'past))))
              (virtual-build-machine-service-type config =>
                (virtual-build-machine (inherit config) (auto-start? #t) (date (make-date 0 0 0 0 1 6 2014 0)))))
            """);
        var shepherd = plan.Vms.Single().Shepherd;
        shepherd.AutoStart.Should().BeTrue("the clause's auto-start? reaches the folded Shepherd service");
        shepherd.Documentation.Should().Be("Run the vbmc virtual build machine past (its clock starts at 2014-06-01T00:00:00 UTC).");
        shepherd.Provision.Should().Equal("past");
        shepherd.Requirement.Should().Equal("user-processes");
        var start = shepherd.Start.Should().BeOfType<DatumList>().Subject.Items;
        start[0].Should().Be(new DatumSymbol("make-forkexec-constructor"));
        start.Should().ContainInOrder(new DatumKeyword("user"), new DatumString("build-vm-past"));
        start.Should().ContainInOrder(new DatumKeyword("log-file"), new DatumString("/var/log/vbmc/past.log"));
        shepherd.Stop.Should().BeEquivalentTo(new DatumList([new DatumSymbol("make-kill-destructor")]));
    }

    [Fact]
    public void Shepherd_services_of_the_configurations_own_services_are_said_not_to_be_installed()
    {
        var result = Lowerer.Lower("""
            (use-modules (gnu) (gnu services shepherd) (gnu services virtualization))
            (list (service virtual-build-machine-service-type)
                  (simple-service 'vm-watch shepherd-root-service-type
                    (list (shepherd-service (provision '(vm-watch)) (requirement '(build-vm)) (start #~(const #t))))))
            """, "w.scm", "00");
        result.Plan.Should().NotBeNull();
        result.Diagnostics.Should().ContainSingle(d => d.Severity == Vbmc.Diagnostics.Severity.Warning)
            .Which.Message.Should().Be("unsupported: Shepherd service 'vm-watch' of service 'vm-watch' is not installed: vbmc compile installs the build VMs' services only");
    }

    [Fact]
    public void Every_field_of_the_vm_record_is_read_by_lowering()
    {
        var result = Vbmc.Evaluation.ConfigurationEvaluator.EvaluateText(
            "(use-modules (gnu services virtualization))\n(virtual-build-machine)", "fields.scm");
        var record = result.Value.Should().BeOfType<Vbmc.Evaluation.Records.Record>().Subject;
        record.Type.Fields.Where(f => !f.Innate).Select(f => f.Name.Name)
            .Should().BeEquivalentTo(VmLowering.ConsumedFields, "a field lowering does not read would be dropped without a word");
    }

    [Fact]
    public void Every_field_of_the_qemu_machine_record_is_read_by_lowering()
    {
        var result = Vbmc.Evaluation.ConfigurationEvaluator.EvaluateText(
            "(use-modules (gnu services virtualization))\n(vbmc-qemu-machine (name 'q) (systems '()) (cpu \"max\") (cpu-count 1) (memory-size 1)\n" +
            "  (date #f) (port-forwardings '()) (network-access? #f) (image #f) (store-disk-size #f))", "fields.scm");
        var record = result.Value.Should().BeOfType<Vbmc.Evaluation.Records.Record>().Subject;
        record.Type.Name.Should().Be(QemuMachineLowering.RecordTypeName);
        record.Type.Fields.Where(f => !f.Innate).Select(f => f.Name.Name)
            .Should().BeEquivalentTo(QemuMachineLowering.ConsumedFields, "a field lowering does not read would be dropped without a word");
    }

    /// <summary>A build-VM service type whose QEMU machine is the given procedure's (the other extensions are upstream's).</summary>
    private static string WithQemuMachine(string machine) => $$"""
        (use-modules (gnu services) (gnu services virtualization) (srfi srfi-1))
        (define (vm-machines config)
          (list {{machine}}))
        (define my-build-vm-service-type
          (service-type
           (inherit virtual-build-machine-service-type)
           (extensions
            (cons (service-extension vbmc-qemu-machine-service-type vm-machines)
                  (remove (lambda (extension) (eq? (service-extension-target extension) vbmc-qemu-machine-service-type))
                          (service-type-extensions virtual-build-machine-service-type))))))
        (list (service my-build-vm-service-type (virtual-build-machine (name 'q) (cpu-count 2))))
        """;

    private const string MachineFields = "(name 'q) (systems '(\"x86_64-linux\")) (date (virtual-build-machine-date config)) " +
        "(port-forwardings '((11022 . 22))) (network-access? #f) (image (virtual-build-machine-image config)) (store-disk-size #f)";

    [Fact]
    public void What_qemu_runs_is_the_qemu_machine_the_vms_service_gives_the_fold()
    {
        var vm = LoweredPlans.FromText(WithQemuMachine($"(vbmc-qemu-machine {MachineFields} (cpu \"Haswell\") (cpu-count 6) (memory-size 3072))")).Vms.Single();
        (vm.Cpu, vm.CpuCount, vm.MemoryMiB).Should().Be(("Haswell", 6, 3072L), "the folded record's, not the VM record's 2 CPUs");
        LoweredPlans.Vm("(cpu-count 3) (memory-size 1024)").Should().Match<VmPlan>(v => v.CpuCount == 3 && v.MemoryMiB == 1024, "upstream's extension copies the VM's fields");
    }

    [Theory]
    [InlineData("(cpu \"Haswel\") (cpu-count 2) (memory-size 1024)", "has cpu \"Haswel\", not a CPU model of QEMU")]
    [InlineData("(cpu \"Haswell\") (cpu-count 5000) (memory-size 1024)", "has cpu-count 5000, not a CPU count from 1 to")]
    [InlineData("(cpu \"Haswell\") (cpu-count 2) (memory-size \"lots\")", "has memory-size \"lots\", not a size in MiB")]
    public void A_qemu_machine_value_qemu_refuses_is_an_error_at_the_record(string fields, string message)
    {
        var result = Lowerer.Lower(WithQemuMachine($"(vbmc-qemu-machine {MachineFields} {fields})"), "q.scm", "00");
        result.Plan.Should().BeNull();
        var error = result.Diagnostics.Should().ContainSingle(d => d.Severity == Vbmc.Diagnostics.Severity.Error).Subject;
        error.Message.Should().Contain("the QEMU machine of virtual build machine 'q' ").And.Contain(message);
        error.Span.File.Should().Be("q.scm");
    }

    [Fact]
    public void A_store_disk_size_gives_the_vm_a_store_disk_and_its_folder()
    {
        var vm = LoweredPlans.Vm("(name 'kept) (store-disk-size (* 50 (expt 2 30)))");
        vm.StoreDiskBytes.Should().Be(50L << 30);
        vm.StoreDisk.Should().Be("/var/lib/vbmc/kept/store/store.qcow2");
        vm.Folders.Should().ContainSingle(f => f.Path == "/var/lib/vbmc/kept/store")
            .Which.Should().Be(new HostFolder("/var/lib/vbmc/kept/store", 0b111_000_000, "build-vm-kept", "build-vm-kept"));
        ManifestVm.From(vm).StoreDiskBytes.Should().Be(50L << 30);
        LoweredPlans.Vm().StoreDisk.Should().BeNull("none by default: every start begins with empty stores");

        var small = Lowerer.Lower("(use-modules (gnu services virtualization))\n(list (service virtual-build-machine-service-type (virtual-build-machine\n  (store-disk-size 4096))))", "s.scm", "00");
        small.Plan.Should().BeNull();
        var error = small.Diagnostics.Should().ContainSingle(d => d.Severity == Vbmc.Diagnostics.Severity.Error).Subject;
        error.Message.Should().Contain("store-disk-size 4096").And.Contain("outside what vbmc makes");
        (error.Span.File, error.Span.StartLine).Should().Be(("s.scm", 3));
    }

    [Fact]
    public void The_vm_offload_machine_is_the_build_machine_its_service_gives_guix_service_type()
    {
        var plan = LoweredPlans.FromText("""
            (use-modules (gnu services virtualization))
            (list (service virtual-build-machine-service-type
                    (virtual-build-machine (name 'wide) (cpu-count 3) (features '("big-parallel" "kvm")) (mandatory-features '("kvm")))))
            """);
        var machine = plan.BuildMachines.Should().ContainSingle().Subject;
        machine.Vm.Should().Be("wide");
        machine.Name.Should().Be("127.0.0.1");
        machine.User.Should().Be("offload");
        machine.ParallelBuilds.Should().Be(3, "the record's parallel-builds: the VM's CPUs");
        machine.Features.Should().Equal("big-parallel", "kvm");
        machine.MandatoryFeatures.Should().Equal("kvm");
        machine.HostKey.Should().BeNull("apply fills in the key it makes");
        machine.HostKeyFile.Should().Be("/etc/vbmc/wide/ssh_host_ed25519_key.pub");
        machine.PrivateKey.Should().Be("/etc/vbmc/wide/offload_ed25519");
    }

    [Fact]
    public void A_machines_file_lowers_to_its_build_machines()
    {
        var plan = LoweredPlans.FromFile(Path.Combine(RepoPaths.Examples, "offload-machines.scm"));
        plan.Vms.Should().BeEmpty();
        plan.BuildMachines.Should().NotBeEmpty().And.OnlyContain(m => m.Vm == null && m.HostKey != null);
    }
}

public class LoweringOfBrokenConfigurationsTests
{
    [Fact]
    public void Missing_fields_give_only_the_analysis_errors()
    {
        var result = Lowerer.LowerFile(Path.Combine(RepoPaths.Acceptance, "09-error-missing-fields.scm"));
        result.Plan.Should().BeNull();
        result.Diagnostics.Should().NotContain(d => d.Id == Vbmc.Diagnostics.DiagnosticIds.InternalError);
        result.Diagnostics.Should().Contain(d => d.Message.Contains("missing field initializers"));
    }

    [Fact]
    public void Every_acceptance_file_lowers_without_an_internal_error()
    {
        foreach (var file in Directory.GetFiles(RepoPaths.Acceptance, "*.scm"))
        {
            var result = Lowerer.LowerFile(file);
            result.Diagnostics.Should().NotContain(d => d.Id == Vbmc.Diagnostics.DiagnosticIds.InternalError, file);
            (result.Plan is null).Should().Be(result.HasErrors, file);
        }
    }
}
