using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Vbmc.EndToEnd.Tests.Support;
using Vbmc.Lowering;
using Vbmc.TestSupport;
using Xunit.Abstractions;

namespace Vbmc.EndToEnd.Tests;

/// <summary>
/// The Nix path a user of this Debian host takes, with Debian 12's own Nix 2.8 as the host's
/// daemon: `vbmc apply --root` installs the compiled 2014-06-01 example into a session of the
/// reference root, the INSTALLED run script boots the VM, and the host's nix-daemon runs in a
/// mount namespace where that root's installed files are at their host paths (/etc/nix,
/// /etc/ssh/ssh_config.d, /etc/vbmc and /var/lib/vbmc bound from the root: exactly the files apply
/// installed, nothing edited; the host's own /etc/ssh/ssh_config includes ssh_config.d). Then:
/// <list type="number">
/// <item>`nix-build --max-jobs 0` of a derivation that requires the VM's date feature builds in
/// the VM: its output says 2014-06-01 and Broadwell;</item>
/// <item>a derivation that requires `big-parallel`, whose builder is /bin/sh, builds there too
/// (the feature is in both machine files and the guest's nix.conf; /bin/sh exists in the guest's
/// sandbox) and sees the VM's CPU;</item>
/// <item>neither from a build (a fixed-output derivation, which has the network) nor from a login
/// over the VM's ssh alias is anything on the host's loopback reachable: a listener on the host's
/// 127.0.0.1 gets no connection through QEMU's gateway 10.0.2.2;</item>
/// <item>`vbmc test /etc/nix/machines` reads the installed Nix machines file, resolves the alias
/// and passes;</item>
/// <item>sid's Nix (the reference root's), its daemon run inside the root where apply installed
/// the files, offloads a derivation that requires the date feature too.</item>
/// </list>
/// </summary>
[Collection(BootedVmCollection.Name)]
public sealed class NixOffloadEndToEndTests(CompiledBootExample compiled, ITestOutputHelper output)
{
    private static readonly TimeSpan BannerTimeout = TimeSpan.FromSeconds(240);

    [Fact]
    public void Nix_2_8_and_sids_Nix_offload_to_the_applied_VM_by_its_features_with_the_installed_files_unedited()
    {
        foreach (var (program, package) in new[] { ("nix-daemon", "nix-bin"), ("nix-build", "nix-bin"), ("unshare", "util-linux"),
                     ("ssh", "openssh-client"), ("systemd-sysusers", "systemd"), ("ssh-keygen", "openssh-client") })
            HostTools.Require(program, package);
        var vm = compiled.Vm;
        var folder = compiled.Folder;
        using var session = ReferenceRoot.Enter();
        var log = Directory.CreateTempSubdirectory("vbmc-nix-e2e-").FullName;
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
        string Tail(string file, int lines = 60) =>
            File.Exists(file) ? string.Join('\n', File.ReadAllLines(file).Where(l => l.Trim().Length > 0).TakeLast(lines)) : "(none)";

        Support.Vbmc.Run(TimeSpan.FromMinutes(3), session, "apply", folder, "--root", session.Root, "--no-start")
            .ShouldExit(0, "vbmc apply");

        var clock = Stopwatch.StartNew();
        using var qemu = session.Start(vm.InstalledScript + " --accel tcg", serial, user: vm.Account.Name);
        Network.WaitForBanner(compiled.Port, BannerTimeout).Should().BeTrue($"sshd's banner within {BannerTimeout.TotalSeconds} s\n{Tail(serial)}");
        output.WriteLine($"boot to the SSH banner (TCG): {clock.Elapsed.TotalSeconds:F1} s");

        // A listener on the host's loopback, which the guest must not reach.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var listenerPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        var accepted = 0;
        var acceptLoop = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    using var client = await listener.AcceptTcpClientAsync();
                    Interlocked.Increment(ref accepted);
                    await client.GetStream().WriteAsync("host-loopback-secret\n"u8.ToArray());
                }
            }
            catch (Exception e) when (e is ObjectDisposedException or SocketException or InvalidOperationException) { }
        });

        var busybox = Path.Combine(log, "busybox");
        Directory.CreateDirectory(busybox);
        File.Copy(session.HostPath("/bin/busybox"), Path.Combine(busybox, "busybox"));
        var date = vm.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // A nonce makes each run's derivations new: outputs of an earlier run in the host's store
        // would otherwise be used as they are, and nothing would be offloaded.
        var nonce = Guid.NewGuid().ToString("N");
        File.WriteAllText(Path.Combine(log, "dated.nix"), DatedDerivation(busybox, date, nonce));
        File.WriteAllText(Path.Combine(log, "big.nix"), BigParallelDerivation(nonce));
        File.WriteAllText(Path.Combine(log, "reach.nix"), ReachDerivation(busybox, nonce, listenerPort));
        var script = Path.Combine(log, "nix.sh");
        File.WriteAllText(script, NamespaceScript(session.Root, log, vm.Name, listenerPort));

        clock.Restart();
        var run = ProcessRunner.Run("unshare", ["--mount", "--propagation", "private", "--", "bash", script], timeout: TimeSpan.FromMinutes(20));
        output.WriteLine($"the host Nix steps (three offloaded builds, the login, vbmc test): {clock.Elapsed.TotalSeconds:F1} s");
        output.WriteLine(run.Stdout);
        var explanation = $"\n--- exit {run.ExitCode} ---\n{run.Stdout}\n{run.Stderr}\n--- nix-daemon ---\n{Tail(Path.Combine(log, "nix-daemon.log"))}\n--- serial ---\n{Tail(serial)}";
        run.ExitCode.Should().Be(0, explanation);
        (run.Stdout + run.Stderr).Should().Contain($"on 'ssh-ng://offload@vbmc-{vm.Name}'", "Nix says it builds on the VM's alias" + explanation);

        var dated = File.ReadAllText(Path.Combine(log, "dated.out")).Trim();
        File.ReadAllText(Path.Combine(dated, "date")).Trim().Should().Be(date, "the build ran at the VM's date" + explanation);
        File.ReadAllText(Path.Combine(dated, "cpu")).Should().Contain("Broadwell", "the build ran on the VM's CPU model" + explanation);
        File.ReadAllText(Path.Combine(log, "big.out")).Trim().Should().StartWith("/nix/store/", explanation);
        run.Stdout.Should().Contain("big-parallel built on: model name", explanation).And.Contain("Broadwell", "the big-parallel derivation was built in the VM" + explanation);

        using (var report = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(log, "vbmc-test.json"))))
        {
            var checks = report.RootElement.GetProperty("machines")[0].GetProperty("checks").EnumerateArray()
                .ToDictionary(c => c.GetProperty("id").GetString()!, c => (Status: c.GetProperty("status").GetString()!, Detail: c.GetProperty("detail").GetString()!));
            foreach (var id in new[] { "reachable", "host-key", "login", "daemon" })
                checks[id].Status.Should().Be("pass", $"vbmc test /etc/nix/machines, {id}: {checks[id].Detail}" + explanation);
        }

        // The same files with sid's Nix (the reference root's): nix-daemon inside the root, where
        // apply installed them, builds a new derivation that requires the date feature.
        var sidNix = session.Run("nix-daemon --version");
        sidNix.ExitCode.Should().Be(0, sidNix.Stderr);
        var work = "/var/tmp/vbmc-nix";
        Directory.CreateDirectory(session.HostPath(work + "/busybox"));
        File.Copy(session.HostPath("/bin/busybox"), session.HostPath(work + "/busybox/busybox"));
        File.WriteAllText(session.HostPath(work + "/dated.nix"), DatedDerivation(work + "/busybox", date, Guid.NewGuid().ToString("N")));
        var sidLog = Path.Combine(log, "sid-nix-daemon.log");
        using (var sidDaemon = session.Start("exec nix-daemon --option build-users-group ''", sidLog))
        {
            Network.WaitUntil(() => File.Exists(session.HostPath("/nix/var/nix/daemon-socket/socket")), TimeSpan.FromSeconds(60))
                .Should().BeTrue($"sid's nix-daemon makes its socket\n{Tail(sidLog)}");
            clock.Restart();
            var sidBuild = session.Run($"nix-build --max-jobs 0 --no-out-link {work}/dated.nix", timeout: TimeSpan.FromMinutes(10),
                environment: new Dictionary<string, string> { ["NIX_REMOTE"] = "daemon" });
            output.WriteLine($"{sidNix.Stdout.Trim()}: offloaded build (date feature): {clock.Elapsed.TotalSeconds:F1} s");
            var sidExplanation = $"\n--- exit {sidBuild.ExitCode} ---\n{sidBuild.Stdout}\n{sidBuild.Stderr}\n--- sid nix-daemon ---\n{Tail(sidLog)}\n--- serial ---\n{Tail(serial)}";
            sidBuild.ExitCode.Should().Be(0, sidExplanation);
            (sidBuild.Stdout + sidBuild.Stderr).Should().Contain($"ssh-ng://offload@vbmc-{vm.Name}", "sid's Nix builds on the VM's alias" + sidExplanation);
            var sidResult = sidBuild.Stdout.Split('\n').Last(l => l.StartsWith("/nix/store/", StringComparison.Ordinal)).Trim();
            File.ReadAllText(session.HostPath(sidResult + "/date")).Trim().Should().Be(date, sidExplanation);
            File.ReadAllText(session.HostPath(sidResult + "/cpu")).Should().Contain("Broadwell", sidExplanation);
        }

        var reached = File.ReadAllText(Path.Combine(log, "reach.out")).Trim();
        File.ReadAllText(reached).Should().Be("isolated\n", "a build (with the network a fixed-output derivation gets) cannot reach the host's loopback" + explanation);

        var probe = File.ReadAllText(Path.Combine(log, "probe.out"));
        probe.Should().Contain("probe-ran", "the login ran the probe" + explanation).And.NotContain("host-loopback-secret");
        listener.Stop();
        acceptLoop.Wait(TimeSpan.FromSeconds(10));
        accepted.Should().Be(0, "no guest process reaches the host's loopback" + explanation);
    }

    /// <summary>
    /// The host side, in a private mount namespace: the root's installed /etc/nix, ssh_config.d,
    /// /etc/vbmc and /var/lib/vbmc at their host paths (an overlay over /etc and /var/lib makes
    /// the mount points without touching the host), Debian's nix-daemon as root, then the builds
    /// and the login.
    /// </summary>
    private static string NamespaceScript(string root, string log, string vm, int listenerPort) => $$"""
        set -euo pipefail
        root={{ReferenceRootSession.Quote(root)}}
        log={{ReferenceRootSession.Quote(log)}}
        for d in etc var-lib; do mkdir -p "$log/ov/$d/upper" "$log/ov/$d/work"; done
        mount -t overlay overlay -o "lowerdir=/etc,upperdir=$log/ov/etc/upper,workdir=$log/ov/etc/work" /etc
        mount -t overlay overlay -o "lowerdir=/var/lib,upperdir=$log/ov/var-lib/upper,workdir=$log/ov/var-lib/work" /var/lib
        mkdir -p /etc/nix /etc/vbmc /var/lib/vbmc /etc/ssh/ssh_config.d
        mount --bind "$root/etc/nix" /etc/nix
        mount --bind "$root/etc/vbmc" /etc/vbmc
        mount --bind "$root/var/lib/vbmc" /var/lib/vbmc
        mount --bind "$root/etc/ssh/ssh_config.d" /etc/ssh/ssh_config.d
        echo "machines file: $(grep -v '^#' /etc/nix/machines | cut -d' ' -f1-7)"
        # A socket folder of this namespace's own: no stale socket of an earlier run (or another
        # daemon's) is taken for this daemon's.
        mkdir -p /nix/var/nix/daemon-socket
        mount -t tmpfs -o mode=0755 tmpfs /nix/var/nix/daemon-socket
        nix-daemon --option build-users-group '' > "$log/nix-daemon.log" 2>&1 &
        daemon=$!
        trap 'kill $daemon 2>/dev/null || true' EXIT
        for _ in $(seq 300); do [ -S /nix/var/nix/daemon-socket/socket ] && break; sleep 0.1; done
        [ -S /nix/var/nix/daemon-socket/socket ] || { echo "nix-daemon made no socket" >&2; exit 1; }
        export NIX_REMOTE=daemon
        start=$(date +%s)
        nix-build --max-jobs 0 --no-out-link "$log/dated.nix" > "$log/dated.out"
        echo "first offloaded build (date feature): $(( $(date +%s) - start )) s"
        start=$(date +%s)
        nix-build --max-jobs 0 --no-out-link "$log/big.nix" > "$log/big.out"
        echo "second offloaded build (big-parallel, /bin/sh): $(( $(date +%s) - start )) s"
        echo "big-parallel built on: $(cat "$(cat "$log/big.out")")"
        start=$(date +%s)
        nix-build --max-jobs 0 --no-out-link "$log/reach.nix" > "$log/reach.out"
        echo "third offloaded build (fixed-output, tries the host's loopback): $(( $(date +%s) - start )) s"
        # A login over the alias, as root's ssh uses it (the installed ssh_config and known_hosts).
        ssh -o BatchMode=yes -o ConnectTimeout=30 vbmc-{{vm}} \
          "busybox nc -w 5 10.0.2.2 {{listenerPort}} </dev/null; busybox nc -w 5 127.0.0.1 {{listenerPort}} </dev/null; echo probe-ran" \
          > "$log/probe.out" 2>&1 || true
        cat "$log/probe.out"
        # vbmc test reads the installed Nix machines file and resolves the alias as ssh does.
        {{string.Join(' ', VbmcCli.Launcher.Select(ReferenceRootSession.Quote))}} test /etc/nix/machines --timeout 60 --format json > "$log/vbmc-test.json" || true
        """;

    /// <summary>Writes the date and the CPU model it sees; only a machine with the VM's date feature may build it.</summary>
    private static string DatedDerivation(string busyboxFolder, string date, string nonce) => $$"""
        let bb = builtins.path { name = "busybox"; path = {{busyboxFolder}}; }; in
        derivation {
          name = "vbmc-date-and-cpu";
          system = "x86_64-linux";
          builder = "${bb}/busybox";
          args = [ "sh" "-c" "set -e; b=${bb}/busybox; $b mkdir $out; $b date -u +%F > $out/date; $b grep -m 1 'model name' /proc/cpuinfo > $out/cpu" ];
          requiredSystemFeatures = [ "vbmc-date-{{date}}" ];
          nonce = "{{nonce}}";
        }
        """;

    /// <summary>
    /// A fixed-output derivation (Nix gives those the network) that tries the host's loopback
    /// listener through QEMU's gateway, 10.0.2.2. Its output is "isolated" only when the connection
    /// fails; what the listener would send makes another output, which Nix refuses (hash mismatch).
    /// The nonce in its name makes a new output path each run (a fixed output is found by its hash).
    /// </summary>
    private static string ReachDerivation(string busyboxFolder, string nonce, int port) => $$"""
        let bb = builtins.path { name = "busybox"; path = {{busyboxFolder}}; }; in
        derivation {
          name = "vbmc-isolation-{{nonce}}";
          system = "x86_64-linux";
          builder = "${bb}/busybox";
          args = [ "sh" "-c" "b=${bb}/busybox; if got=$($b nc -w 5 10.0.2.2 {{port}} </dev/null 2>/dev/null) && [ -n \"$got\" ]; then echo \"$got\" > $out; else echo isolated > $out; fi" ];
          requiredSystemFeatures = [ "big-parallel" ];
          outputHashMode = "flat";
          outputHashAlgo = "sha256";
          outputHash = "9b8d77949b6e468746790cc1ada9432ca9984c51533a086544c8d0c01f18cc66";
        }
        """;

    /// <summary>
    /// Needs big-parallel and /bin/sh in the sandbox (shell built-ins only); writes the CPU model it
    /// sees. The host supports big-parallel too, but --max-jobs 0 lets it build nothing itself.
    /// </summary>
    private static string BigParallelDerivation(string nonce) => $$"""
        derivation {
          name = "vbmc-big-parallel";
          system = "x86_64-linux";
          builder = "/bin/sh";
          args = [ "-c" "while read -r l; do case \"$l\" in 'model name'*) echo \"$l\" > $out; break;; esac; done < /proc/cpuinfo" ];
          requiredSystemFeatures = [ "big-parallel" ];
          nonce = "{{nonce}}";
        }
        """;
}
