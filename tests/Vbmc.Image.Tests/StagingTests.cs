using System.Diagnostics;
using System.Text;
using Vbmc.Diagnostics;
using Vbmc.Image.Guest;
using Vbmc.Lowering;
using Vbmc.TestSupport;

namespace Vbmc.Image.Tests;

/// <summary>A staged guest root made from the real cached Debian base, checked file by file.</summary>
public sealed class StagedRootFixture : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("vbmc-stage-").FullName;
    public string Root => Path.Combine(Folder, "root");
    public VmPlan Vm { get; } = LoweredPlans.Vm("(name 'stage_test) (date (make-date 0 0 0 0 1 6 2014 0)) (store-disk-size (expt 2 30))");
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The guest's owners of the staged root, as the image gets them.</summary>
    public Vbmc.Image.Disk.InodeOwnership? Ownership { get; }

    public StagedRootFixture()
    {
        var bag = new DiagnosticBag();
        Directory.CreateDirectory(Root);
        var place = SourceSpan.FileOnly("test.scm");
        if (GuestStager.CopyBase(CachedDebianBase.Archive, Root, bag, place) is { } owners && GuestStager.AddGuestFiles(Vm, Root, owners, bag, place))
            Ownership = owners.For(Root);
        Diagnostics = bag.Items;
    }

    public string Guest(string path) => Path.Combine(Root, path.TrimStart('/'));

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

public sealed class StagingTests(StagedRootFixture staged) : IClassFixture<StagedRootFixture>
{
    private string Text(string guestPath) => File.ReadAllText(staged.Guest(guestPath));

    [Fact]
    public void Staging_reports_nothing()
    {
        staged.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void No_host_key_id_or_seed_of_the_installation_is_left()
    {
        Directory.GetFiles(staged.Guest("/etc/ssh"), "ssh_host_*").Should().BeEmpty();
        Text("/etc/machine-id").Should().BeEmpty();
        File.Exists(staged.Guest("/var/lib/systemd/random-seed")).Should().BeFalse();
        Directory.GetFiles(staged.Guest("/var/log"), "*", SearchOption.AllDirectories).Should().BeEmpty();
        Directory.GetFiles(staged.Guest("/var/lib/apt/lists"), "*", SearchOption.AllDirectories).Should().BeEmpty();
    }

    [Fact]
    public void The_offloading_account_exists_without_a_password_and_owns_its_home()
    {
        Text("/etc/passwd").Should().Contain("\noffload:x:1000:100:Account used for offloading:/home/offload:/bin/bash\n");
        Text("/etc/shadow").Should().Contain("\noffload:*:");
        Text("/etc/group").Should().MatchRegex("\nnix-users:x:[0-9]+:offload\n");
        var inodes = staged.Ownership!.Inodes.ToDictionary(i => i.GuestPath);
        inodes["/home/offload"].Should().Be(new Vbmc.Image.Disk.InodeOwner("/home/offload", 1000, 100, null));
        ProcessRunner.Run("stat", ["-c", "%a", staged.Guest("/home/offload")]).Stdout.Trim().Should().Be("700");
        inodes["/etc/shadow"].Should().Be(new Vbmc.Image.Disk.InodeOwner("/etc/shadow", 0, 42, null), "vbmc wrote it: the staged mode is its own");
        ProcessRunner.Run("stat", ["-c", "%a", staged.Guest("/etc/shadow")]).Stdout.Trim().Should().Be("640");
    }

    [Fact]
    public void The_guests_owners_and_devices_come_from_the_base_and_the_staged_files_are_the_runners()
    {
        var inodes = staged.Ownership!.Inodes.ToDictionary(i => i.GuestPath);
        var stagedEntries = ProcessRunner.Run("find", [staged.Root, "-mindepth", "1", "-printf", "x"]).Stdout.Length;
        inodes.Should().HaveCount(stagedEntries, "every staged entry has its guest owner (find follows no link)");
        // The base's owners: guix's store, Debian's set-group-id helper, a private apt folder.
        inodes["/gnu/store"].Uid.Should().NotBe(0);
        inodes["/usr/sbin/unix_chkpwd"].Should().Be(new Vbmc.Image.Disk.InodeOwner("/usr/sbin/unix_chkpwd", 0, 42, 0x8000 | 0x400 | 0b111_101_101));
        inodes["/var/lib/apt/lists/partial"].Should().Be(new Vbmc.Image.Disk.InodeOwner("/var/lib/apt/lists/partial", 42, 0, 0x4000 | 0b111_000_000));
        // Whoever stages owns the staged copy, root as an ordinary user would.
        var runner = Vbmc.Image.Base.UnshareRequirements.EffectiveUid(File.ReadAllText("/proc/self/status"));
        ProcessRunner.Run("stat", ["-c", "%u", staged.Guest("/gnu/store")]).Stdout.Trim().Should().Be(runner.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Device nodes are made in the image, not staged.
        staged.Ownership.Devices.Should().ContainEquivalentOf(new Vbmc.Image.Disk.DeviceNode("/dev/console", 5, 1, 0, 0, 0x2000 | 0b110_110_110));
        staged.Ownership.Devices.Select(d => d.GuestPath).Should().OnlyContain(p => !File.Exists(staged.Guest(p)) && p.StartsWith("/dev/"));
    }

    [Fact]
    public void Sshd_lets_only_the_offloading_account_in_with_a_key_and_the_config_is_valid()
    {
        var conf = Text("/etc/ssh/sshd_config.d/vbmc.conf");
        conf.Should().Contain("AllowUsers offload\n").And.Contain("PermitRootLogin no\n").And.Contain("PasswordAuthentication no\n")
            .And.Contain("HostKey /etc/ssh/ssh_host_ed25519_key\n").And.Contain("AuthorizedKeysFile /run/vbmc/ssh/authorized_keys\n");
        // The guest's own sshd parses the guest's configuration (with a throw-away host key): -T prints the result.
        var sshd = HostTools.Require("sshd", "openssh-server");
        // sshd -T checks its privilege separation folder, which only a started sshd makes (as the other sshd tests do).
        if (Environment.UserName == "root") Directory.CreateDirectory("/run/sshd");
        var key = Path.Combine(staged.Folder, "test_host_key");
        ProcessRunner.Run(HostTools.Require("ssh-keygen", "openssh-client"), ["-q", "-t", "ed25519", "-N", "", "-f", key]).ExitCode.Should().Be(0);
        var config = File.ReadAllText(staged.Guest("/etc/ssh/sshd_config"))
            .Replace("Include /etc/ssh/sshd_config.d/*.conf", "Include " + staged.Guest("/etc/ssh/sshd_config.d") + "/*.conf");
        var configFile = Path.Combine(staged.Folder, "sshd_config");
        File.WriteAllText(configFile, config);
        var result = ProcessRunner.Run(sshd, ["-T", "-f", configFile, "-h", key]);
        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().Contain("usepam no\n").And.Contain("permitrootlogin no\n").And.Contain("passwordauthentication no\n")
            .And.Contain("allowusers offload\n").And.Contain("authorizedkeysfile /run/vbmc/ssh/authorized_keys\n");
    }

    [Fact]
    public void The_secrets_and_store_scripts_pass_shellcheck()
    {
        var shellcheck = HostTools.Require("shellcheck", "shellcheck");
        foreach (var script in new[] { GuestUnits.SecretsScriptPath, GuestStoreDisk.ScriptPath })
        {
            var result = ProcessRunner.Run(shellcheck, ["-s", "sh", staged.Guest(script)]);
            result.ExitCode.Should().Be(0, script + ":\n" + result.Stdout);
            ProcessRunner.Run("stat", ["-c", "%a", staged.Guest(script)]).Stdout.Trim().Should().Be("755");
        }
    }

    [Fact]
    public void The_units_pass_systemd_analyze_verify_in_the_guests_root()
    {
        var analyze = HostTools.Require("systemd-analyze", "systemd");
        foreach (var unit in new[] { "vbmc-secrets.service", "vbmc-poweroff.path", "vbmc-poweroff.service", "vbmc-console.service", GuestStoreDisk.UnitName })
        {
            var result = ProcessRunner.Run(analyze, ["verify", "--root=" + staged.Root, "/etc/systemd/system/" + unit]);
            result.ExitCode.Should().Be(0, unit + ":\n" + result.Stderr + result.Stdout);
            (result.Stderr + result.Stdout).Should().NotContain(unit + ":", "systemd reports no problem in vbmc's own unit");
        }
    }

    [Fact]
    public void Units_are_enabled_and_time_synchronisation_is_masked()
    {
        new FileInfo(staged.Guest("/etc/systemd/system/multi-user.target.wants/vbmc-secrets.service")).LinkTarget
            .Should().Be("/etc/systemd/system/vbmc-secrets.service");
        new FileInfo(staged.Guest("/etc/systemd/system/multi-user.target.wants/vbmc-console.service")).LinkTarget
            .Should().Be("/etc/systemd/system/vbmc-console.service");
        new FileInfo(staged.Guest("/etc/systemd/system/sysinit.target.wants/" + GuestStoreDisk.UnitName)).LinkTarget
            .Should().Be("/etc/systemd/system/" + GuestStoreDisk.UnitName, "the VM has a store disk");
        new FileInfo(staged.Guest("/etc/systemd/system/multi-user.target.wants/systemd-networkd.service")).LinkTarget
            .Should().Be("/lib/systemd/system/systemd-networkd.service");
        File.Exists(staged.Guest("/lib/systemd/system/systemd-networkd.service")).Should().BeTrue();
        File.Exists(staged.Guest("/lib/systemd/system/systemd-networkd.socket")).Should().BeTrue();
        foreach (var unit in new[] { "systemd-timesyncd.service", "systemd-firstboot.service", "apt-daily.timer" })
            new FileInfo(staged.Guest("/etc/systemd/system/" + unit)).LinkTarget.Should().Be("/dev/null");
        Directory.GetFiles(staged.Guest("/usr/sbin"), "ntpd").Should().BeEmpty();
        File.Exists(staged.Guest("/lib/systemd/systemd-timesyncd")).Should().BeFalse("the minbase root has no time synchronisation at all");
    }

    [Fact]
    public void The_clock_epoch_host_name_fstab_and_daemon_settings_are_in_place()
    {
        File.Exists(staged.Guest("/usr/lib/clock-epoch")).Should().BeTrue();
        Text("/etc/hostname").Should().Be("stage-test\n");
        Text("/etc/fstab").Should().Contain("/dev/vda1\t/\text4\t");
        // vbmc's nix.conf, whatever the base had: sandboxed builds with a static /bin/sh, no
        // substituters, the offloading account trusted, the VM's features.
        var nixConf = Text("/etc/nix/nix.conf");
        nixConf.Should().Contain("\nsandbox = true\n").And.Contain("\nsandbox-fallback = false\n")
            .And.Contain("\nsubstituters =\n").And.Contain("\ntrusted-users = root offload\n")
            .And.Contain("\nsystem-features = benchmark big-parallel nixos-test vbmc-date-");
        if (File.Exists(staged.Guest("/bin/busybox"))) nixConf.Should().Contain("\nsandbox-paths = /bin/sh=/bin/busybox\n");
        Text("/etc/systemd/system/guix-daemon.service.d/vbmc.conf").Should().Contain("ExecStart=\nExecStart=/usr/bin/guix-daemon --discover=no --no-substitutes\n");
    }

    [Fact]
    public void The_kernel_and_initrd_are_found()
    {
        var found = KernelFiles.Find(staged.Root, new DiagnosticBag(), SourceSpan.FileOnly("t"));
        found.Should().NotBeNull();
        Path.GetFileName(found!.Value.Kernel).Should().StartWith("vmlinuz-").And.EndWith("-cloud-amd64");
        Path.GetFileName(found.Value.Initrd).Should().StartWith("initrd.img-");
    }

    [Fact]
    public void Vbmcs_initrd_holds_the_static_busybox_its_init_and_the_root_disk_driver_and_is_the_same_twice()
    {
        var kernel = KernelFiles.Find(staged.Root, new DiagnosticBag(), SourceSpan.FileOnly("t"))!.Value.Kernel;
        var version = Path.GetFileName(kernel)["vmlinuz-".Length..];
        var date = new DateTimeOffset(2014, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var (initrd, reason) = GuestInitrd.Make(staged.Root, version, date);
        initrd.Should().NotBeNull(reason);
        reason.Should().Be("busybox, virtio_blk.ko.xz failover.ko.xz net_failover.ko.xz virtio_net.ko.xz",
            "Debian's cloud kernel has virtio_pci and ext4 built in; virtio_net's dependencies load first");
        GuestInitrd.Make(staged.Root, version, date).Initrd.Should().Equal(initrd);
        initrd!.Length.Should().BeLessThan(4 << 20, "busybox and one module, not a distribution's generic initrd");

        var entries = GuestInitrdTests.ReadCpio(initrd).ToDictionary(e => e.Name);
        var busybox = File.ReadAllBytes(staged.Guest("/usr/bin/busybox"));
        GuestInitrd.IsStaticElf(busybox).Should().BeTrue();
        entries["bin/busybox"].Content.Should().Equal(busybox);
        entries["bin/busybox"].Mode.Should().Be(0x8000 | 0b111_101_101);
        Encoding.UTF8.GetString(entries["init"].Content).Should().Be(GuestInitrd.InitScript);
        entries["init"].Mode.Should().Be(0x8000 | 0b111_101_101);
        (entries["dev/console"].Mode, entries["dev/console"].Major, entries["dev/console"].Minor).Should().Be((0x2000 | 0b110_000_000, 5, 1));
        Encoding.UTF8.GetString(entries["lib/vbmc-initrd/modules"].Content).Should().Be("virtio_blk.ko.xz\nfailover.ko.xz\nnet_failover.ko.xz\nvirtio_net.ko.xz\n");
        entries["lib/vbmc-initrd/virtio_blk.ko.xz"].Content.Should().Equal(
            File.ReadAllBytes(staged.Guest($"/lib/modules/{version}/kernel/drivers/block/virtio_blk.ko.xz")));
        foreach (var folder in new[] { "bin", "dev", "lib", "proc", "root", "sys" }) entries[folder].Mode.Should().Be(0x4000 | 0b111_101_101);
    }

    [Fact]
    public void Units_with_nothing_to_do_are_masked_and_sshd_starts_without_a_config_test_run()
    {
        foreach (var unit in new[] { "getty@tty1.service", "sys-kernel-debug.mount", "systemd-journal-flush.service" })
            new FileInfo(staged.Guest("/etc/systemd/system/" + unit)).LinkTarget.Should().Be("/dev/null", unit);
        foreach (var unit in new[] { "dev-mqueue.mount", "systemd-udevd.service", "systemd-logind.service" })
            File.Exists(staged.Guest("/etc/systemd/system/" + unit)).Should().BeFalse(unit + " stays: POSIX queues are used; with the base's initrd, networkd needs udev");
        // Debian's base names no module to load (its /etc/modules holds comments) and has nix-daemon's socket unit.
        new FileInfo(staged.Guest("/etc/systemd/system/systemd-modules-load.service")).LinkTarget.Should().Be("/dev/null");
        File.Exists(staged.Guest("/etc/systemd/system/multi-user.target.wants/nix-daemon.service")).Should().BeFalse("nix-daemon starts on its socket");
        new FileInfo(staged.Guest("/etc/systemd/system/sockets.target.wants/nix-daemon.socket")).LinkTarget.Should().Be("/lib/systemd/system/nix-daemon.socket");
        new FileInfo(staged.Guest("/etc/systemd/system-generators/systemd-getty-generator")).LinkTarget.Should().Be("/dev/null");
        Text("/etc/modprobe.d/vbmc-legacy-devices.conf").Should().Contain("\nblacklist ata_piix\n").And.NotContain("blacklist virtio");
        Text("/etc/systemd/system/ssh.service.d/vbmc-secrets.conf").Should().Contain("\n[Service]\nExecStartPre=\n");
        var analyze = HostTools.Require("systemd-analyze", "systemd");
        var result = ProcessRunner.Run(analyze, ["verify", "--root=" + staged.Root, "/lib/systemd/system/ssh.service"]);
        (result.Stderr + result.Stdout).Should().NotContain("vbmc-secrets.conf", "systemd reads vbmc's drop-in without complaint");
    }
}
