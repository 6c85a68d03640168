using System.Net.Sockets;

namespace Vbmc.Host.Probe.Tests;

/// <summary>The worker protocol greeting, straight to a daemon socket (no SSH in between).</summary>
public sealed class DaemonHandshakeTests
{
    private static async Task<HandshakeResult> GreetAsync(string socketPath)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath));
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await DaemonHandshake.RunAsync(stream, timeout.Token);
    }

    [Fact]
    public async Task A_real_build_daemon_completes_the_greeting()
    {
        using var daemon = TestNixDaemon.Start();

        var result = await GreetAsync(daemon.Socket);

        result.Ok.Should().BeTrue(result.Problem);
        result.Protocol.Should().MatchRegex(@"^1\.\d+$");
    }

    /// <summary>Guix 1.5.0's guix-daemon (the reference root's, run as Debian runs it: its own unprivileged account) says 1.100.</summary>
    [Fact]
    public async Task A_real_guix_daemon_completes_the_greeting()
    {
        using var session = Vbmc.TestSupport.ReferenceRoot.Enter();
        using var daemon = session.Start("exec guix-daemon --discover=no", Path.Combine(session.Root, "..", "guix-daemon.log"), user: "guix-daemon");
        var socket = session.HostPath("/var/guix/daemon-socket/socket");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!File.Exists(socket) && DateTime.UtcNow < deadline) await Task.Delay(100);

        var result = await GreetAsync(socket);

        result.Ok.Should().BeTrue(result.Problem);
        result.Protocol.Should().Be("1.100");
    }

    /// <summary>A Unix socket peer that is not a daemon (it answers like a web server): clearly named, not called a daemon.</summary>
    [Fact]
    public async Task A_peer_that_is_not_a_build_daemon_is_reported_as_such()
    {
        using var folder = new TestFolder();
        var path = folder.File("not-a-daemon.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen(1);
        var peer = Task.Run(async () =>
        {
            using var connection = await listener.AcceptAsync();
            await connection.SendAsync("HTTP/1.0 400 Bad Request\r\n\r\n"u8.ToArray());
            await Task.Delay(200);
        });

        var result = await GreetAsync(path);
        await peer;

        result.Ok.Should().BeFalse();
        result.Problem.Should().Contain("not a build daemon");
    }

    [Fact]
    public async Task A_peer_that_hangs_up_is_reported_as_an_unfinished_greeting()
    {
        using var folder = new TestFolder();
        var path = folder.File("hang-up.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen(1);
        var peer = Task.Run(async () =>
        {
            using var connection = await listener.AcceptAsync();
            connection.Shutdown(SocketShutdown.Both);
        });

        var result = await GreetAsync(path);
        await peer;

        result.Ok.Should().BeFalse();
        result.Problem.Should().Contain("closed before the daemon finished its greeting");
    }
}
