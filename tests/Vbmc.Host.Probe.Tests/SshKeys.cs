using Vbmc.TestSupport;

namespace Vbmc.Host.Probe.Tests;

/// <summary>Key pairs made by the real ssh-keygen.</summary>
public static class SshKeys
{
    /// <summary>Makes an ed25519 key pair at <paramref name="file"/> (and .pub); returns the public key line.</summary>
    public static string Generate(string file, string comment)
    {
        var keygen = HostTools.Require("ssh-keygen", "openssh-client");
        var result = ProcessRunner.Run(keygen, ["-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", file]);
        result.ExitCode.Should().Be(0, result.Stderr);
        return File.ReadAllText(file + ".pub").Trim();
    }

    /// <summary>A TCP port nothing listens on (bound, then released).</summary>
    public static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
