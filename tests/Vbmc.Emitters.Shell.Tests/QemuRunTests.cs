using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.Json;
using Vbmc.Lowering;
using Vbmc.TestSupport;

namespace Vbmc.Emitters.Shell.Tests;

/// <summary>
/// The generated command line accepted by the real QEMU: the script, in a folder with a hostile
/// name, starts QEMU (TCG) on an empty qcow2 image (disk boot: no kernel beside it); QEMU writes
/// the pid file with the script's own pid (exec), listens on the forwarded loopback port, shows
/// the disks as intended over QMP, and stops on SIGTERM sent to that pid.
/// </summary>
public class QemuRunTests
{
    [Fact]
    public void Qemu_runs_the_command_and_stops_on_sigterm()
    {
        var port = FreePort();
        using var folder = ScriptFolder.Hostile(Vm(port));
        folder.CreateImage();
        var pidFile = folder.File("qemu,pid");
        var console = folder.File("console, sock");
        using var run = Start(folder, ["--accel", "tcg", "--no-secrets", "--pidfile", pidFile, "--console-socket", console]);

        run.WaitUntilRunning(pidFile);
        AcceptsTcp(port).Should().BeTrue("QEMU forwards 127.0.0.1:{0} to the guest", port);
        // The console socket: made by QEMU under the script's umask 077 (its client gets the
        // guest's root shell), comma kept; the pid file stays readable (guix offload reads it).
        File.GetUnixFileMode(console).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            "a socket is made 0777 less the umask: only its owner (and root) may connect");
        File.GetUnixFileMode(pidFile).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        using (var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
            client.Connect(new UnixDomainSocketEndPoint(console)); // a socket QEMU listens on
        using (var qmp = QmpClient.Connect(run.QmpSocket, TimeSpan.FromSeconds(30)))
        {
            var blocks = VirtioDisks(qmp);
            blocks.Select(b => b.Device).Should().Equal(LaunchScriptEmitter.ImageDriveId);
            blocks[0].BackingFile.Should().Be(folder.File(folder.Vm.Image.FileName), "snapshot=on puts an overlay over the image");
        }
        run.StopWithSigterm();
    }

    [Fact]
    public void Qemu_attaches_the_secrets_drive_read_only_after_the_image()
    {
        var port = FreePort();
        using var folder = ScriptFolder.Hostile(Vm(port));
        folder.CreateImage();
        var secrets = folder.File("secrets, drive.tar");
        using (var file = File.Create(secrets))
            SecretsDrive.Write(file, "PRIVATE KEY\n", "ssh-ed25519 AAAA host\n", "ssh-ed25519 AAAA offload\n");
        var pidFile = folder.File("qemu.pid");
        var serialLog = folder.File("serial, log");
        using var run = Start(folder, ["--accel", "tcg", "--secrets", secrets, "--pidfile", pidFile, "--serial-log", serialLog]);

        run.WaitUntilRunning(pidFile);
        File.Exists(serialLog).Should().BeTrue("-serial file: takes the path as it is, comma included");
        using (var qmp = QmpClient.Connect(run.QmpSocket, TimeSpan.FromSeconds(30)))
        {
            var disks = VirtioDisks(qmp);
            disks.Select(d => d.Device).Should().Equal(LaunchScriptEmitter.ImageDriveId, InstallLayout.SecretsDriveSerial);
            var (image, drive) = (disks[0], disks[1]);
            image.PciAddress.Should().BeLessThan(drive.PciAddress, "the image must be the guest's first virtio disk, /dev/vda");
            drive.ReadOnly.Should().BeTrue();
            drive.File.Should().Be(secrets);
            drive.Serial.Should().Be(InstallLayout.SecretsDriveSerial, "the guest finds it at /dev/disk/by-id/virtio-vbmc-secrets");
        }
        run.StopWithSigterm();
    }

    private static VmPlan Vm(int port) =>
        LoweredPlans.Vm($"(name 'qemurun) (cpu-count 1) (memory-size 256) (port-forwardings '(({port} . 22)))");

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static bool AcceptsTcp(int port)
    {
        using var client = new TcpClient();
        try
        {
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private sealed record Disk(string Device, long PciAddress, bool ReadOnly, string File, string? BackingFile, string Serial);

    /// <summary>The virtio disks QEMU made, in PCI order, from query-block and the devices' properties.</summary>
    private static List<Disk> VirtioDisks(QmpClient qmp)
    {
        var disks = new List<Disk>();
        foreach (var block in qmp.Execute("query-block").EnumerateArray())
        {
            if (!block.TryGetProperty("qdev", out var qdev) || !qdev.GetString()!.EndsWith("/virtio-backend", StringComparison.Ordinal)) continue;
            var backend = qdev.GetString()!;
            var device = backend[..backend.LastIndexOf('/')];
            var inserted = block.GetProperty("inserted");
            var image = inserted.GetProperty("image");
            disks.Add(new Disk(
                block.GetProperty("device").GetString()!,
                qmp.Execute("qom-get", new { path = device, property = "addr" }).GetInt64(),
                inserted.GetProperty("ro").GetBoolean(),
                inserted.GetProperty("file").GetString()!,
                image.TryGetProperty("backing-image", out var backing) ? backing.GetProperty("filename").GetString() : null,
                qmp.Execute("qom-get", new { path = backend, property = "serial" }).GetString()!));
        }
        return disks.OrderBy(d => d.PciAddress).ToList();
    }

    private static ScriptRun Start(ScriptFolder folder, string[] options)
    {
        HostTools.Require("qemu-system-x86_64", "qemu-system-x86");
        var qmpSocket = Path.Combine(folder.Root, "qmp.sock");
        var psi = new ProcessStartInfo(folder.Script)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder.Root,
        };
        foreach (var option in options) psi.ArgumentList.Add(option);
        psi.ArgumentList.Add("--");
        psi.ArgumentList.Add("-qmp");
        psi.ArgumentList.Add($"unix:{qmpSocket},server=on,wait=off");
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + folder.Script);
        return new ScriptRun(process, qmpSocket);
    }

    /// <summary>The started script (then QEMU, same pid); killed on dispose if a check failed first.</summary>
    private sealed class ScriptRun : IDisposable
    {
        private readonly Process process;
        private readonly Task<string> stdout;
        private readonly Task<string> stderr;

        public ScriptRun(Process process, string qmpSocket)
        {
            this.process = process;
            QmpSocket = qmpSocket;
            process.StandardInput.Close();
            stdout = process.StandardOutput.ReadToEndAsync();
            stderr = process.StandardError.ReadToEndAsync();
        }

        public string QmpSocket { get; }

        private string Output => process.HasExited ? $"exit {process.ExitCode}\n{stdout.Result}{stderr.Result}" : "(running)";

        /// <summary>Waits for QEMU's pid file, which must hold the script's pid, then checks QEMU is still up 2 s later.</summary>
        public void WaitUntilRunning(string pidFile)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (!(File.Exists(pidFile) && File.ReadAllText(pidFile).EndsWith('\n')) && !process.HasExited && DateTime.UtcNow < deadline)
                Thread.Sleep(100);
            process.HasExited.Should().BeFalse("QEMU must start: {0}", Output);
            File.Exists(pidFile).Should().BeTrue("QEMU writes its -pidfile");
            int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture)
                .Should().Be(process.Id, "the script execs QEMU, so QEMU has the script's pid");
            process.WaitForExit(TimeSpan.FromSeconds(2)).Should().BeFalse("QEMU must keep running: {0}", Output);
        }

        public void StopWithSigterm()
        {
            Kill(process.Id, 15).Should().Be(0, "SIGTERM must reach the pid");
            process.WaitForExit(TimeSpan.FromSeconds(30)).Should().BeTrue("QEMU stops on SIGTERM");
            process.WaitForExit();
            stderr.Result.Should().Contain("terminating on signal 15", "QEMU itself received the signal: {0}", Output);
        }

        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
            process.Dispose();
        }

        [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        private static extern int Kill(int pid, int signal);
    }
}
