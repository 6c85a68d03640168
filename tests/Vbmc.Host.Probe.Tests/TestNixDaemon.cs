using System.Diagnostics;
using Vbmc.TestSupport;

namespace Vbmc.Host.Probe.Tests;

/// <summary>
/// A real build daemon: Debian's nix-daemon (package nix-bin) with its store, state and
/// configuration in a temporary folder. guix-daemon is a fork of nix-daemon and speaks the same
/// worker protocol greeting; Debian 12 ships no guix-daemon, so this is the real daemon the
/// tests can run. Killed on dispose.
/// </summary>
public sealed class TestNixDaemon : IDisposable
{
    private readonly Process process;

    public TestFolder Folder { get; }

    public string Socket => Folder.File("state/daemon-socket/socket");

    private TestNixDaemon(TestFolder folder, Process process) => (Folder, this.process) = (folder, process);

    public static TestNixDaemon Start()
    {
        var daemon = HostTools.Require("nix-daemon", "nix-bin");
        var folder = new TestFolder();
        // No build users: the probe builds nothing, and the test host has no nixbld group.
        folder.Write("conf/nix.conf", "build-users-group =\n");
        var info = new ProcessStartInfo(daemon)
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
        };
        info.Environment["NIX_STORE_DIR"] = folder.File("store");
        info.Environment["NIX_STATE_DIR"] = folder.File("state");
        info.Environment["NIX_LOG_DIR"] = folder.File("log");
        info.Environment["NIX_CONF_DIR"] = folder.File("conf");
        var process = Process.Start(info) ?? throw new InvalidOperationException("nix-daemon did not start");
        _ = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var server = new TestNixDaemon(folder, process);
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!File.Exists(server.Socket))
        {
            if (process.HasExited || DateTime.UtcNow > until)
            {
                server.Dispose();
                throw new InvalidOperationException("nix-daemon made no socket: " + (process.HasExited ? stderr.Result : "timeout"));
            }
            Thread.Sleep(25);
        }
        return server;
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
        }
        process.Dispose();
        Folder.Dispose();
    }
}
