using Vbmc.Image.Guest;
using Vbmc.TestSupport;

namespace Vbmc.Image.Tests;

/// <summary>
/// What the guest's boot leaves out (GuestBoot). The boot tests show that a guest booted this
/// way still serves SSH, both build daemons and the console.
/// </summary>
public sealed class GuestBootTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vbmc-guestboot-").FullName;
    private string Root => Path.Combine(_folder, "root");

    public GuestBootTests()
    {
        Directory.CreateDirectory(Path.Combine(Root, "usr", "lib", "systemd", "system"));
        Directory.CreateDirectory(Path.Combine(Root, "etc", "systemd", "system", "multi-user.target.wants"));
        File.CreateSymbolicLink(Path.Combine(Root, "lib"), "usr/lib");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static IReadOnlyList<GuestFile> Files(bool networkFromInitrd) =>
        GuestFiles.For(LoweredPlans.FromText(
            "(use-modules (gnu services virtualization))\n" +
            "(list (service virtual-build-machine-service-type (virtual-build-machine (name 'lean))))").Vms.Single(), networkFromInitrd);

    private static string? LinkAt(IReadOnlyList<GuestFile> files, string path) => files.SingleOrDefault(f => f.Path == path)?.LinkTarget;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Systemds_generators_with_nothing_to_do_are_masked_whichever_initrd_boots(bool networkFromInitrd)
    {
        var files = Files(networkFromInitrd);
        foreach (var generator in new[] { "systemd-getty-generator", "systemd-fstab-generator", "systemd-ssh-generator", "systemd-gpt-auto-generator" })
            LinkAt(files, "/etc/systemd/system-generators/" + generator).Should().Be("/dev/null", generator);
        files.Should().NotContain(f => f.Path.EndsWith("/systemd-sysv-generator", StringComparison.Ordinal) || f.Path.EndsWith("/systemd-rc-local-generator", StringComparison.Ordinal),
            "the base's SysV scripts and rc.local may start what the user put there");
    }

    [Fact]
    public void With_vbmcs_initrd_udev_and_logind_are_masked_and_dbus_waits_for_a_client()
    {
        var files = Files(networkFromInitrd: true);
        foreach (var unit in new[] { "systemd-udevd.service", "systemd-udevd-kernel.socket", "systemd-udev-trigger.service", "systemd-logind.service" })
            LinkAt(files, "/etc/systemd/system/" + unit).Should().Be("/dev/null", unit);
        foreach (var unit in new[] { "dbus.socket", "dbus.service" })
            LinkAt(files, "/etc/systemd/system/" + unit).Should().BeNull(unit + ": systemctl run by the offloading account needs D-Bus");
        files.Single(f => f.Path == "/etc/systemd/system/dbus.service.d/vbmc.conf").Text.Should().Contain("\n[Unit]\nAfter=ssh.service guix-daemon.service\n");
    }

    [Fact]
    public void With_the_bases_initrd_udev_and_logind_stay_for_systemd_networkd()
    {
        var files = Files(networkFromInitrd: false);
        foreach (var unit in GuestBoot.WithVbmcsInitrd)
            LinkAt(files, "/etc/systemd/system/" + unit).Should().BeNull(unit);
    }

    [Fact]
    public void Guix_daemon_starts_without_its_systemctl_runs_and_the_read_only_store_mount_is_masked()
    {
        var files = Files(networkFromInitrd: true);
        var dropIn = files.Single(f => f.Path == "/etc/systemd/system/guix-daemon.service.d/vbmc.conf").Text;
        dropIn.Should().Contain("\n[Service]\nExecStartPre=\nExecStartPost=\nExecStart=\nExecStart=/usr/bin/guix-daemon ");
        LinkAt(files, "/etc/systemd/system/gnu-store.mount").Should().Be("/dev/null");
    }

    [Fact]
    public void A_base_whose_module_lists_hold_only_comments_loads_no_module()
    {
        Directory.CreateDirectory(Path.Combine(Root, "etc", "modules-load.d"));
        File.WriteAllText(Path.Combine(Root, "etc", "modules"), "# /etc/modules: kernel modules to load at boot time.\n\n; also a comment\n");
        File.CreateSymbolicLink(Path.Combine(Root, "etc", "modules-load.d", "modules.conf"), "../modules");
        GuestBoot.ListsKernelModules(new RootFolder(Root)).Should().BeFalse();

        File.AppendAllText(Path.Combine(Root, "etc", "modules"), "  loop\n");
        GuestBoot.ListsKernelModules(new RootFolder(Root)).Should().BeTrue("a module named through the link");
    }

    [Fact]
    public void Only_conf_files_name_modules_as_systemd_modules_load_reads_them()
    {
        Directory.CreateDirectory(Path.Combine(Root, "etc", "modules-load.d"));
        File.WriteAllText(Path.Combine(Root, "etc", "modules-load.d", "README"), "Files ending in .conf name modules.\n");
        File.WriteAllText(Path.Combine(Root, "etc", "modules-load.d", "loop.conf.dpkg-old"), "loop\n");
        GuestBoot.ListsKernelModules(new RootFolder(Root)).Should().BeFalse();
    }

    [Fact]
    public void A_module_listed_under_usr_lib_counts_too()
    {
        Directory.CreateDirectory(Path.Combine(Root, "usr", "lib", "modules-load.d"));
        File.WriteAllText(Path.Combine(Root, "usr", "lib", "modules-load.d", "fuse.conf"), "fuse\n");
        GuestBoot.ListsKernelModules(new RootFolder(Root)).Should().BeTrue();
    }

    [Fact]
    public void Nix_daemon_waits_for_its_socket_when_the_base_has_the_socket_unit()
    {
        var wants = Path.Combine(Root, "etc", "systemd", "system", "multi-user.target.wants", "nix-daemon.service");
        File.CreateSymbolicLink(wants, "/usr/lib/systemd/system/nix-daemon.service");
        GuestBoot.StartNixDaemonOnDemand(new RootFolder(Root));
        new FileInfo(wants).LinkTarget.Should().Be("/usr/lib/systemd/system/nix-daemon.service", "without a socket unit the boot must start it");

        File.WriteAllText(Path.Combine(Root, "usr", "lib", "systemd", "system", "nix-daemon.socket"), "[Socket]\n");
        GuestBoot.StartNixDaemonOnDemand(new RootFolder(Root));
        new FileInfo(wants).LinkTarget.Should().BeNull("the socket starts the daemon at the first connection");
        new FileInfo(Path.Combine(Root, "etc", "systemd", "system", "sockets.target.wants", "nix-daemon.socket")).LinkTarget
            .Should().Be("/lib/systemd/system/nix-daemon.socket");
    }
}
