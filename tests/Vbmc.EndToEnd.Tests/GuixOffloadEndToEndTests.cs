using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Vbmc.EndToEnd.Tests.Support;
using Vbmc.Lowering;
using Vbmc.TestSupport;
using Xunit.Abstractions;

namespace Vbmc.EndToEnd.Tests;

/// <summary>
/// The Guix path a user takes, with the real programs of Debian's GNU Guix 1.5.0 as the host:
/// the host daemon has its signing key (`guix archive --generate-key`), `vbmc apply --root`
/// installs the compiled 2014-06-01 example into a session of the reference root (its
/// machines.scm at /etc/guix/machines.scm, the guest's key in /etc/guix/acl, the offload key for
/// the unprivileged guix-daemon account), the INSTALLED run script boots the VM as its account,
/// and then, with nothing edited:
/// <list type="number">
/// <item>`guix offload test`, run as guix-daemon (the account Debian's daemon runs the offload
/// hook as), passes: it logs in, runs Guix in the guest, and sends and takes back a store item
/// signed by each side;</item>
/// <item>`vbmc test --root` passes against both of the guest's daemons;</item>
/// <item>guix-daemon, started in the root as Debian's unit starts it, builds with
/// `--max-jobs=0` a derivation whose builder is a static busybox from the store: the build runs
/// in the VM, and its output, back in the host's store, says 2014-06-01 and Broadwell.</item>
/// </list>
/// No network is needed: everything comes from the store.
/// </summary>
[Collection(BootedVmCollection.Name)]
public sealed class GuixOffloadEndToEndTests(CompiledBootExample compiled, ITestOutputHelper output)
{
    private static readonly TimeSpan BannerTimeout = TimeSpan.FromSeconds(240);

    [Fact]
    public void Guix_offload_tests_and_builds_on_the_applied_VM_with_the_installed_files()
    {
        foreach (var (program, package) in new[] { ("systemd-sysusers", "systemd"), ("systemd-tmpfiles", "systemd"), ("ssh-keygen", "openssh-client") })
            HostTools.Require(program, package);
        var vm = compiled.Vm;
        var folder = compiled.Folder;
        output.WriteLine($"vbmc compile (image included): {compiled.CompileTime.TotalSeconds:F1} s");
        using var session = ReferenceRoot.Enter();
        var log = Directory.CreateTempSubdirectory("vbmc-guix-e2e-").FullName;
        try
        {
            Run(session, log, vm, folder);
        }
        finally
        {
            Directory.Delete(log, recursive: true);
        }
    }

    private void Run(ReferenceRootSession session, string log, VmPlan vm, string folder)
    {
        var serial = Path.Combine(log, "serial.log");
        var daemonLog = Path.Combine(log, "guix-daemon.log");
        string Tail(string file, int lines = 40) =>
            File.Exists(file) ? string.Join('\n', File.ReadAllLines(file).Where(l => l.Trim().Length > 0).TakeLast(lines)) : "(none)";
        string Explain(string what, ProcessResult? result = null) =>
            $"\n{what}" + (result is null ? "" : $"\n--- exit {result.ExitCode} ---\n{result.Stdout}\n{result.Stderr}")
            + $"\n--- guix-daemon ---\n{Tail(daemonLog)}\n--- serial console ---\n{Tail(serial, 60)}";

        // 1. the host's guix-daemon has a signing key (guix archive exports with it); then apply.
        var key = session.Run("guix archive --generate-key");
        key.ExitCode.Should().Be(0, Explain("guix archive --generate-key", key));
        Support.Vbmc.Run(TimeSpan.FromMinutes(3), session, "apply", folder, "--root", session.Root, "--no-start")
            .ShouldExit(0, "vbmc apply");

        // 2. the installed script boots the VM as its account; QEMU's pid file is where machines.scm looks.
        var clock = Stopwatch.StartNew();
        using var qemu = session.Start(vm.InstalledScript + " --accel tcg", serial, user: vm.Account.Name);
        Network.WaitForBanner(compiled.Port, BannerTimeout).Should().BeTrue(Explain($"sshd's banner on 127.0.0.1:{compiled.Port} within {BannerTimeout.TotalSeconds} s"));
        output.WriteLine($"boot to the SSH banner (TCG): {clock.Elapsed.TotalSeconds:F1} s");
        File.Exists(session.HostPath(vm.PidFile)).Should().BeTrue("QEMU writes its pid file");

        // 3. guix-daemon as Debian's unit runs it: its own account, with CAP_CHOWN only.
        using var daemon = session.Start(
            "exec setpriv --reuid=guix-daemon --regid=guix-daemon --init-groups --inh-caps=+chown --ambient-caps=+chown " +
            "guix-daemon --discover=no", daemonLog);
        Network.WaitUntil(() => File.Exists(session.HostPath("/var/guix/daemon-socket/socket")), TimeSpan.FromSeconds(60))
            .Should().BeTrue(Explain("guix-daemon makes its socket"));

        // 4. guix offload test, as the account the daemon runs guix offload as.
        clock.Restart();
        var offloadTest = session.Run("guix offload test /etc/guix/machines.scm", user: "guix-daemon", timeout: TimeSpan.FromMinutes(5));
        output.WriteLine($"guix offload test: {clock.Elapsed.TotalSeconds:F1} s");
        offloadTest.ExitCode.Should().Be(0, Explain("guix offload test with the installed machines.scm", offloadTest));
        var said = offloadTest.Stdout + offloadTest.Stderr;
        said.Should().Contain("testing 1 build machines").And.Contain("Guix is usable on '127.0.0.1'")
            .And.Contain("successfully imported", Explain("each side imports what the other signed", offloadTest));

        // 5. vbmc test with the installed files: both of the guest's daemons answer.
        clock.Restart();
        var vbmcTest = Support.Vbmc.Run(TimeSpan.FromMinutes(3), session, "test", "--root", session.Root, "--timeout", "60", "--format", "json");
        output.WriteLine($"vbmc test: {clock.Elapsed.TotalSeconds:F1} s");
        using (var report = JsonDocument.Parse(vbmcTest.Stdout))
        {
            var checks = report.RootElement.GetProperty("machines")[0].GetProperty("checks").EnumerateArray()
                .ToDictionary(c => c.GetProperty("id").GetString()!, c => (Status: c.GetProperty("status").GetString()!, Detail: c.GetProperty("detail").GetString()!));
            foreach (var id in new[] { "reachable", "host-key", "login", "daemon", "clock" })
                checks[id].Status.Should().Be("pass", Explain($"vbmc test's {id} check: {checks[id].Detail}", vbmcTest));
            checks["daemon"].Detail.Should().Contain(GuestSocket.Guix).And.Contain(GuestSocket.Nix);
            // Each daemon took a path into its store and gave it back (guix-daemon: ExportPath; sid's Nix: NarFromPath).
            checks["daemon"].Detail.Split("copied there and back").Should().HaveCount(3, checks["daemon"].Detail);
        }

        // 6. a real offloaded build: busybox-static into the host's store, a derivation built by it.
        var bb = session.HostPath("/var/tmp/vbmc-busybox/busybox");
        Directory.CreateDirectory(Path.GetDirectoryName(bb)!);
        File.Copy(session.HostPath("/bin/busybox"), bb);
        File.WriteAllText(session.HostPath("/var/tmp/vbmc-derivation.scm"), DerivationScript);
        var derivation = session.Run("guix repl -q /var/tmp/vbmc-derivation.scm", timeout: TimeSpan.FromMinutes(2));
        derivation.ExitCode.Should().Be(0, Explain("making the derivation", derivation));
        var drv = derivation.Stdout.Split('\n').Single(l => l.EndsWith(".drv", StringComparison.Ordinal)).Trim();

        clock.Restart();
        var build = session.Run($"guix build --max-jobs=0 {drv}", timeout: TimeSpan.FromMinutes(10));
        output.WriteLine($"offloaded build (--max-jobs=0): {clock.Elapsed.TotalSeconds:F1} s");
        build.ExitCode.Should().Be(0, Explain("guix build --max-jobs=0", build));
        (build.Stdout + build.Stderr).Should().Contain("offloading", Explain("the build is offloaded, not built here", build));
        var result = build.Stdout.Split('\n').Last(l => l.StartsWith("/gnu/store/", StringComparison.Ordinal)).Trim();
        var date = File.ReadAllText(session.HostPath(result + "/date")).Trim();
        var cpu = File.ReadAllText(session.HostPath(result + "/cpu")).Trim();
        output.WriteLine($"the build saw: {date}; {cpu}");
        date.Should().Be(vm.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "the build ran at the VM's date");
        cpu.Should().Contain("Broadwell", "the build ran on the VM's CPU model");
    }

    private static class GuestSocket
    {
        public const string Guix = "/var/guix/daemon-socket/socket";
        public const string Nix = "/nix/var/nix/daemon-socket/socket";
    }

    /// <summary>
    /// Adds busybox to the store (as a folder: busybox finds its applet from argv[0]'s base name,
    /// which must then be "busybox") and prints the file name of a derivation that writes the
    /// date and the CPU model it sees.
    /// </summary>
    private const string DerivationScript = """
        (use-modules (guix store) (guix derivations))
        (with-store store
          (let* ((busybox (add-to-store store "busybox" #t "sha256" "/var/tmp/vbmc-busybox"))
                 (bb (string-append busybox "/busybox"))
                 (drv (derivation store "vbmc-date-and-cpu" bb
                                  (list "sh" "-c"
                                        (string-append "set -e; bb=" bb "; $bb mkdir $out; "
                                                       "$bb date -u +%F > $out/date; "
                                                       "$bb grep -m 1 'model name' /proc/cpuinfo > $out/cpu"))
                                  #:sources (list busybox))))
            (display (derivation-file-name drv))
            (newline)))
        """;
}
