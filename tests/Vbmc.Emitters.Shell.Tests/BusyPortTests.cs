using System.Net;
using System.Net.Sockets;
using Vbmc.TestSupport;

namespace Vbmc.Emitters.Shell.Tests;

/// <summary>A forward's host port that something listens on is named before QEMU starts (QEMU would only say "Could not set up host forwarding rule").</summary>
public class BusyPortTests
{
    [Fact]
    public void A_busy_forward_port_is_named_and_qemu_is_not_started()
    {
        HostTools.Require("ss", "iproute2");
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var busy = ((IPEndPoint)listener.LocalEndpoint).Port;
        var free = Network.FreePort();
        using var folder = ScriptFolder.Plain(LoweredPlans.Vm($"(name 'ports) (port-forwardings '(({free} . 22) ({busy} . 80)))"));
        folder.CreateImage();

        // A qemu that would say it ran: it must not be reached.
        var bin = Directory.CreateTempSubdirectory("vbmc-fake-qemu-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(bin, "qemu-system-x86_64"), "#!/bin/sh\necho qemu-ran\n");
            File.SetUnixFileMode(Path.Combine(bin, "qemu-system-x86_64"), (UnixFileMode)0b111_101_101);
            var result = ProcessRunner.Run("/usr/bin/env", ["PATH=" + bin + ":/usr/bin:/bin:/usr/sbin:/sbin", folder.Script, "--accel", "tcg", "--no-secrets", "--no-pidfile"],
                timeout: TimeSpan.FromMinutes(1));
            result.ExitCode.Should().Be(1, result.Stderr);
            result.Stderr.Should().Contain($"host port {busy} of a forward is in use").And.NotContain($"host port {free} ");
            result.Stdout.Should().NotContain("qemu-ran");

            listener.Stop();
            var freed = ProcessRunner.Run("/usr/bin/env", ["PATH=" + bin + ":/usr/bin:/bin:/usr/sbin:/sbin", folder.Script, "--accel", "tcg", "--no-secrets", "--no-pidfile"],
                timeout: TimeSpan.FromMinutes(1));
            freed.Stdout.Should().Contain("qemu-ran", "with the port free the script execs QEMU: " + freed.Stderr);
        }
        finally
        {
            Directory.Delete(bin, recursive: true);
        }
    }
}
