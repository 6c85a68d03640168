using Vbmc.EndToEnd.Tests.Support;
using Vbmc.TestSupport;

namespace Vbmc.EndToEnd.Tests;

/// <summary>
/// `vbmc start`, `status` and `stop` through the real GNU Shepherd 1.0.9 of the reference root
/// (not PID 1, its own socket), which loaded the Shepherd file `vbmc apply` installed. The VM has
/// no image, so nothing boots here: what this proves is that vbmc finds the Shepherd by its
/// socket, calls the real `herd` with the right socket, verb and service, and that Shepherd then
/// runs the VM's installed script (its words reach the VM's log, /var/log/vbmc/NAME.log) and stops
/// the service. That `herd start` boots a real VM is ShepherdEndToEndTests'.
/// </summary>
public sealed class VmVerbsShepherdTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vbmc-verbs-shepherd-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Start_status_and_stop_go_through_herd_when_a_Shepherd_runs_the_VMs()
    {
        foreach (var (program, package) in new[] { ("systemd-sysusers", "systemd"), ("systemd-tmpfiles", "systemd"), ("ssh-keygen", "openssh-client") })
            HostTools.Require(program, package);
        var configuration = Path.Combine(_folder, "vm.scm");
        File.WriteAllText(configuration, """
            (use-modules (gnu services virtualization))
            (list (service virtual-build-machine-service-type (virtual-build-machine (name 'herded) (port-forwardings '((11987 . 22))))))
            """);
        var output = Path.Combine(_folder, "out");
        Support.Vbmc.Run(TimeSpan.FromMinutes(3), null, "compile", "--no-image", "--quiet", configuration, "-o", output).ShouldExit(0, "vbmc compile");

        using var session = ReferenceRoot.Enter();
        Support.Vbmc.Run(TimeSpan.FromMinutes(3), session, "apply", output, "--root", session.Root, "--no-start").ShouldExit(0, "vbmc apply");
        File.WriteAllText(session.HostPath("/etc/shepherd.scm"), "(load \"/etc/vbmc/shepherd/herded.scm\")\n");
        using var shepherd = ShepherdDaemon.Start(session, "/etc/shepherd.scm");

        // vbmc runs on the host side and the root's herd inside it (herd is a Guile program of the
        // root): `herd` on vbmc's PATH enters the root, and the socket's host path resolves inside
        // the root too (a link there), so vbmc passes herd the path it checked.
        var socket = session.HostPath(ShepherdDaemon.Socket);
        var inside = session.HostPath(socket);
        // Made in the session's mount namespace: the root's /tmp, where that path begins, is its own there.
        session.Host("sh", ["-c", "mkdir -p \"$(dirname \"$1\")\" && ln -s \"$2\" \"$1\"", "link",
            Path.GetDirectoryName(inside)!, Path.GetDirectoryName(ShepherdDaemon.Socket)!]).ExitCode.Should().Be(0);
        var bin = Directory.CreateDirectory(Path.Combine(_folder, "bin")).FullName;
        File.WriteAllText(Path.Combine(bin, "herd"),
            $"#!/bin/sh\nexec chroot {ReferenceRootSession.Quote(session.Root)} /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C.UTF-8 herd \"$@\"\n");
        File.SetUnixFileMode(Path.Combine(bin, "herd"), (UnixFileMode)0b111_101_101);
        var environment = new Dictionary<string, string?> { ["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH") };
        ProcessResult Verb(params string[] arguments)
        {
            var command = VbmcCli.CommandLine([.. arguments, "--root", session.Root, "--shepherd-socket", socket]);
            return session.Host(command[0], command.Skip(1), TimeSpan.FromMinutes(3), environment);
        }

        var status = Verb("status", "herded");
        status.ExitCode.Should().Be(0, status.Stderr);
        status.Stdout.Should().Contain($"  runs through: GNU Shepherd (service herded, socket {socket})\n").And.Contain("  state:        stopped\n");

        var start = Verb("start", "herded");
        var log = session.HostPath("/var/log/vbmc/herded.log");
        Network.WaitUntil(() => File.Exists(log) && File.ReadAllText(log).Contains("image not found"), TimeSpan.FromSeconds(30))
            .Should().BeTrue("Shepherd ran the installed script, which has no image to boot:\n" + start.Stdout + start.Stderr + shepherd.Diagnostics());
        // herd says "started" once Shepherd has spawned the script; vbmc waits for QEMU's pid file,
        // which never comes: Shepherd soon holds the service stopped, and vbmc says so with the log's last lines.
        start.ExitCode.Should().Be(2, start.Stdout + start.Stderr + shepherd.Diagnostics());
        start.Stderr.Should().Contain($"GNU Shepherd (service herded, socket {socket}) started the service, but it stopped before QEMU wrote its pid file")
            .And.Contain("image not found").And.Contain("[VBM7005]");
        shepherd.Diagnostics().Should().Contain("Starting service herded...", "vbmc start went through herd");

        var stop = Verb("stop", "herded");
        stop.ExitCode.Should().Be(0, stop.Stdout + stop.Stderr + shepherd.Diagnostics());
        stop.Stdout.Should().Be($"stopped herded through GNU Shepherd (service herded, socket {socket})\n");
        shepherd.Herd("status", "herded").Stdout.Should().Contain("It is stopped");
        var typo = Verb("stop", "herdd");
        typo.ExitCode.Should().Be(2);
        typo.Stderr.Should().Contain("did you mean 'herded'?");
    }
}
