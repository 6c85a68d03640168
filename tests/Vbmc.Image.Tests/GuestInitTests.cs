using Vbmc.Diagnostics;
using Vbmc.Image.Guest;
using Vbmc.Lowering;
using Vbmc.TestSupport;

namespace Vbmc.Image.Tests;

/// <summary>
/// vbmc's guest init (busybox init with vbmc's inittab and scripts), used when vbmc's initrd boots
/// the guest. The boot tests show a guest booted this way serves SSH, both build daemons, the
/// console and the power-off request; these check the files themselves.
/// </summary>
public sealed class GuestInitTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vbmc-guestinit-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static VmPlan Vm => LoweredPlans.Vm("(name 'lean)");

    private static IReadOnlyList<GuestInit.Daemon> BothDaemons(string? account = "guix-daemon") =>
        [GuestInit.GuixDaemon(Vm, account), GuestInit.NixDaemon()];

    /// <summary>The characters for which busybox init runs a line through /bin/sh (init.c) instead of starting it itself.</summary>
    private const string ShellCharacters = "~`!$^&*()=|\\{}[];\"'<>?";

    [Fact]
    public void The_inittab_runs_the_boot_script_first_then_the_daemons_before_sshd_and_each_line_without_a_shell()
    {
        var lines = GuestInit.Inittab("/usr/bin/busybox", BothDaemons()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !l.StartsWith('#')).ToList();
        lines.Should().Equal(
            "::sysinit:/usr/bin/busybox sh /usr/lib/vbmc/boot",
            "::respawn:/usr/bin/busybox sh /usr/lib/vbmc/service/guix-daemon",
            "::respawn:/usr/bin/busybox sh /usr/lib/vbmc/service/nix-daemon",
            "::respawn:/usr/bin/busybox sh /usr/lib/vbmc/service/sshd",
            "::respawn:/usr/bin/busybox sh /usr/lib/vbmc/service/console",
            "::respawn:/usr/bin/busybox sh /usr/lib/vbmc/service/poweroff-request",
            "::shutdown:/usr/bin/busybox sh /usr/lib/vbmc/shutdown");
        lines.Select(l => l[(l.IndexOf(':', 2) + 1)..]).Should().OnlyContain(command => command.IndexOfAny(ShellCharacters.ToCharArray()) < 0);
    }

    [Fact]
    public void The_init_is_busybox_by_a_relative_link_and_every_script_is_a_program()
    {
        var files = GuestInit.Files("/usr/bin/busybox", BothDaemons());
        var init = files.Single(f => f.Path == GuestInit.InitPath);
        init.LinkTarget.Should().Be("../../bin/busybox", "the initrd looks for it under the root it mounted, before switching to it");
        Path.GetFullPath(Path.Combine("/usr/lib/vbmc", init.LinkTarget!)).Should().Be("/usr/bin/busybox");
        Path.GetFileName(init.Path).Should().Be("init", "busybox runs the applet it is started as");
        files.Where(f => f.Path.StartsWith("/usr/lib/vbmc/", StringComparison.Ordinal) && f.LinkTarget is null)
            .Should().OnlyContain(f => f.Mode == GuestFile.Program).And.HaveCount(7);
    }

    [Theory]
    [InlineData("guix-daemon")]
    [InlineData("o'brien $(reboot)")]
    [InlineData(null)]
    public void Every_script_passes_shellcheck_whatever_the_daemons_account(string? account)
    {
        var shellcheck = HostTools.Require("shellcheck", "shellcheck");
        foreach (var file in GuestInit.Files("/usr/bin/busybox", BothDaemons(account)).Where(f => f.Text is not null && f.Text.StartsWith("#!", StringComparison.Ordinal)))
        {
            var script = Path.Combine(_folder, Path.GetFileName(file.Path));
            File.WriteAllText(script, file.Text);
            // SC2016 (a $ inside single quotes) is what quoting a hostile name is meant to give.
            var result = ProcessRunner.Run(shellcheck, account?.Contains('$') == true ? ["-s", "sh", "-e", "SC2016", script] : ["-s", "sh", script]);
            result.ExitCode.Should().Be(0, file.Path + ":\n" + result.Stdout);
        }
    }

    [Fact]
    public void Guix_daemon_runs_as_the_units_account_with_its_capability_and_vbmcs_options()
    {
        var script = GuestInit.GuixDaemon(Vm, "guix-daemon").Script;
        script.Should().Contain("/usr/bin/setpriv --reuid='guix-daemon' --regid='guix-daemon' --init-groups --inh-caps=+chown --ambient-caps=+chown /usr/bin/guix-daemon '--discover=no' '--no-substitutes'\n");
        script.Should().Contain("exec env -i PATH=").And.Contain(" LC_ALL=C.UTF-8 ", "as Debian's unit (Environment=)");

        var root = GuestInit.GuixDaemon(Vm with { SubstituteUrls = ["https://a.example", "https://b.example"] }, null).Script;
        root.Should().NotContain("setpriv").And.EndWith("/usr/bin/guix-daemon '--discover=no' '--substitute-urls=https://a.example https://b.example'\n");
    }

    [Fact]
    public void A_hostile_account_name_stays_one_word()
    {
        var script = GuestInit.GuixDaemon(Vm, "o'brien $(reboot)").Script;
        var path = Path.Combine(_folder, "guix-daemon");
        // Replace what runs by a printer of its arguments, one per line.
        File.WriteAllText(path, script.Replace("exec env -i", "printf '%s\\n'", StringComparison.Ordinal).Replace("mkdir -p /run/vbmc/started", ":", StringComparison.Ordinal)
            .Replace("mark=/run/vbmc/started/guix-daemon", "mark=" + Path.Combine(_folder, "mark"), StringComparison.Ordinal));
        var result = ProcessRunner.Run("sh", [path]);
        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Split('\n').Should().Contain("--reuid=o'brien $(reboot)").And.Contain("USER=o'brien $(reboot)");
    }

    [Fact]
    public void Nix_daemon_starts_on_its_sockets_first_client_and_sshd_waits_for_both_sockets()
    {
        var nix = GuestInit.NixDaemon();
        nix.Script.Should().Contain("/usr/bin/systemd-socket-activate -l /nix/var/nix/daemon-socket/socket /usr/bin/nix-daemon --daemon &\n")
            .And.Contain("chmod 0666 /nix/var/nix/daemon-socket/socket");
        var sshd = GuestInit.SshdScript(BothDaemons());
        sshd.IndexOf("'/var/guix/daemon-socket/socket'", StringComparison.Ordinal).Should().BePositive();
        sshd.IndexOf("'/nix/var/nix/daemon-socket/socket'", StringComparison.Ordinal).Should().BePositive();
        sshd.Should().EndWith("exec /usr/sbin/sshd -D -e\n");
    }

    [Fact]
    public void A_service_that_ends_is_started_again_only_after_a_pause()
    {
        var script = GuestInit.SshdScript([]);
        var mark = Path.Combine(_folder, "mark");
        var path = Path.Combine(_folder, "sshd");
        File.WriteAllText(path, script.Replace("mark=/run/vbmc/started/sshd", "mark=" + mark, StringComparison.Ordinal)
            .Replace("mkdir -p /run/vbmc/started", ":", StringComparison.Ordinal).Replace("exec /usr/sbin/sshd -D -e", "echo started", StringComparison.Ordinal));
        var first = System.Diagnostics.Stopwatch.StartNew();
        ProcessRunner.Run("sh", [path]).Stdout.Should().Be("started\n");
        first.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2));
        var again = ProcessRunner.Run("sh", [path]);
        again.Stdout.Should().Be("started\n");
        again.Stderr.Should().Contain("sshd ended; starting it again in 2 s");
    }

    [Theory]
    [InlineData(false, null, "systemd (the base's busybox has no init that reads /etc/inittab)")]
    [InlineData(true, "/usr/bin/setpriv", "systemd (the base has no /usr/bin/setpriv, which vbmc's init runs)")]
    [InlineData(true, "/usr/bin/systemd-socket-activate", "systemd (the base has no /usr/bin/systemd-socket-activate, which vbmc's init runs)")]
    [InlineData(true, null, "vbmc's (busybox init, guix-daemon, nix-daemon, sshd)")]
    public void A_base_without_what_the_init_runs_boots_systemd(bool inittabSupport, string? missing, string said)
    {
        var root = Path.Combine(_folder, "root");
        void Put(string path, string text)
        {
            var host = Path.Combine(root, path.TrimStart('/'));
            Directory.CreateDirectory(Path.GetDirectoryName(host)!);
            File.WriteAllText(host, text);
        }
        Put("/usr/bin/busybox", inittabSupport ? "\u007fELF ... /etc/inittab ..." : "\u007fELF ... no table ...");
        foreach (var program in new[] { "/usr/bin/guix-daemon", "/usr/bin/nix-daemon", "/usr/bin/setpriv", "/usr/bin/systemd-socket-activate", "/usr/bin/systemd-tmpfiles", "/sbin/agetty" })
            if (program != missing) Put(program, "");
        Put("/usr/lib/systemd/system/guix-daemon.service", "[Service]\nUser=guix-daemon\n");
        Directory.CreateSymbolicLink(Path.Combine(root, "lib"), "usr/lib");

        GuestStager.AddGuestInit(Vm, root, GuestOwners.FromListing([])).Should().Be(said);
        File.Exists(Path.Combine(root, "etc/inittab")).Should().Be(missing is null && inittabSupport);
        File.Exists(Path.Combine(root, "usr/lib/vbmc/service/guix-daemon")).Should().Be(missing is null && inittabSupport);
    }

    [Fact]
    public void The_staged_debian_base_gets_the_init_with_both_daemons_guix_daemon_as_its_account()
    {
        var root = Path.Combine(_folder, "root");
        Directory.CreateDirectory(root);
        var bag = new DiagnosticBag();
        var place = SourceSpan.FileOnly("test.scm");
        var owners = GuestStager.CopyBase(CachedDebianBase.Archive, root, bag, place);
        owners.Should().NotBeNull(string.Join("\n", bag.Items));
        GuestStager.AddGuestFiles(Vm, root, owners!, bag, place, networkFromInitrd: true).Should().BeTrue(string.Join("\n", bag.Items));
        GuestStager.AddGuestInit(Vm, root, owners!).Should().Be("vbmc's (busybox init, guix-daemon, nix-daemon, sshd)");

        var inittab = File.ReadAllText(Path.Combine(root, "etc/inittab"));
        inittab.Should().Contain("::respawn:/usr/bin/busybox sh /usr/lib/vbmc/service/guix-daemon\n")
            .And.Contain("::respawn:/usr/bin/busybox sh /usr/lib/vbmc/service/nix-daemon\n");
        var init = Path.Combine(root, "usr/lib/vbmc/init");
        new FileInfo(init).LinkTarget.Should().Be("../../bin/busybox");
        GuestInitrd.IsStaticElf(File.ReadAllBytes(init)).Should().BeTrue("the link resolves, inside the root, to the base's static busybox");
        File.ReadAllText(Path.Combine(root, "usr/lib/vbmc/service/guix-daemon")).Should().Contain("--reuid='guix-daemon'", "Debian's unit says User=guix-daemon");
        foreach (var program in new[] { "usr/bin/setpriv", "usr/bin/systemd-socket-activate", "usr/sbin/agetty", "usr/bin/systemd-tmpfiles", "usr/sbin/sysctl" })
            File.Exists(Path.Combine(root, program)).Should().BeTrue(program + ": the init's scripts run it");
    }
}
