using System.Net.Sockets;

namespace Vbmc.Host.Probe.Tests;

/// <summary>The worker protocol greeting, straight to a daemon socket (no SSH in between).</summary>
public sealed class DaemonHandshakeTests
{
    private static async Task<HandshakeResult> GreetAsync(string socketPath) => (await GreetAndCopyAsync(socketPath, copy: false)).Greeting;

    private static async Task<(HandshakeResult Greeting, RoundTripResult? Copy)> GreetAndCopyAsync(string socketPath, bool copy = true)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath));
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var greeting = await DaemonHandshake.RunAsync(stream, timeout.Token);
        return (greeting, copy && greeting.Ok ? await StoreRoundTrip.RunAsync(stream, greeting, timeout.Token) : null);
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
        var socket = await GuixDaemonSocketAsync(session);

        var result = await GreetAsync(socket);

        result.Ok.Should().BeTrue(result.Problem);
        result.Protocol.Should().Be("1.100");
    }

    [Fact]
    public async Task A_path_goes_into_a_real_nix_daemons_store_and_comes_back()
    {
        using var daemon = TestNixDaemon.Start();

        var (greeting, copy) = await GreetAndCopyAsync(daemon.Socket);

        greeting.Ok.Should().BeTrue(greeting.Problem);
        copy!.Ok.Should().BeTrue(copy.Problem);
        copy.Path.Should().StartWith(daemon.Folder.File("store") + "/").And.MatchRegex("-vbmc-test-[0-9a-f]{16}$");
        File.ReadAllText(copy.Path!).Should().MatchRegex("^vbmc test [0-9a-f]{16}\n$", "the daemon wrote the file into its store");
        copy.Bytes.Should().Be(27);
    }

    /// <summary>guix-daemon has no NarFromPath: the path comes back through ExportPath, as guix offload retrieves outputs.</summary>
    [Fact]
    public async Task A_path_goes_into_a_real_guix_daemons_store_and_comes_back()
    {
        using var session = Vbmc.TestSupport.ReferenceRoot.Enter();
        using var daemon = session.Start("exec guix-daemon --discover=no", Path.Combine(session.Root, "..", "guix-daemon.log"), user: "guix-daemon");
        var socket = await GuixDaemonSocketAsync(session);

        var (greeting, copy) = await GreetAndCopyAsync(socket);

        greeting.IsGuixDaemon.Should().BeTrue();
        copy!.Ok.Should().BeTrue(copy.Problem);
        copy.Path.Should().MatchRegex("^/gnu/store/[0-9a-z]{32}-vbmc-test-[0-9a-f]{16}$");
        File.Exists(session.HostPath(copy.Path!)).Should().BeTrue("the daemon wrote the file into its store");
    }

    /// <summary>A daemon that refuses the copy: its own error message is reported.</summary>
    [Fact]
    public async Task A_daemon_that_refuses_the_copy_is_reported_with_its_message()
    {
        using var folder = new TestFolder();
        var path = folder.File("refusing.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen(1);
        static byte[] U64(params ulong[] numbers) => numbers.SelectMany(n => BitConverter.GetBytes(n)).ToArray();
        static byte[] Str(string text)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(text);
            return [.. BitConverter.GetBytes((ulong)bytes.Length), .. bytes, .. new byte[(8 - bytes.Length % 8) % 8]];
        }
        var peer = Task.Run(async () =>
        {
            using var connection = await listener.AcceptAsync();
            var buffer = new byte[4096];
            await connection.ReceiveAsync(buffer); // magic
            await connection.SendAsync(U64(DaemonHandshake.WorkerMagic2, 0x10b));
            await connection.ReceiveAsync(buffer); // version, reserve-space
            await connection.SendAsync(U64(DaemonHandshake.StderrLast));
            await Task.Delay(100);
            await connection.ReceiveAsync(buffer); // AddTextToStore
            await connection.SendAsync(U64(DaemonHandshake.StderrError).Concat(Str("store is read-only")).Concat(U64(1)).ToArray());
            await Task.Delay(200);
        });

        var (greeting, copy) = await GreetAndCopyAsync(path);

        greeting.Ok.Should().BeTrue(greeting.Problem);
        copy!.Ok.Should().BeFalse();
        copy.Problem.Should().Be("the daemon did not add vbmc-test-" + copy.Problem!.Split("vbmc-test-")[1].Split(' ')[0] + " to its store: store is read-only");
        await peer;
    }

    /// <summary>The reference root's guix-daemon socket (as a host path), once the daemon made it (30 s at most).</summary>
    private static async Task<string> GuixDaemonSocketAsync(Vbmc.TestSupport.ReferenceRootSession session)
    {
        var socket = session.HostPath("/var/guix/daemon-socket/socket");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!File.Exists(socket) && DateTime.UtcNow < deadline) await Task.Delay(100);
        return socket;
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
