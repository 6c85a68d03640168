using System.Buffers.Binary;
using System.Text;

namespace Vbmc.Host.Probe;

/// <summary>
/// The opening of the build daemon's worker protocol, shared by guix-daemon and nix-daemon
/// (Guix's daemon is a fork of Nix's): every number is a little-endian u64, strings are a
/// length then bytes padded to 8. The client sends WORKER_MAGIC_1; the daemon answers
/// WORKER_MAGIC_2 and its protocol version (major in bits 8-15, minor in bits 0-7); the client
/// sends its own version and, from minor 11 on, whether the daemon should reserve disk space;
/// the daemon then opens its store and ends the greeting with STDERR_LAST (log lines before it
/// are STDERR_NEXT, a failure to open the store is STDERR_ERROR with its message). A daemon that
/// gets this far has a working store: that is what the check proves.
/// </summary>
public static class DaemonHandshake
{
    public const ulong WorkerMagic1 = 0x6e697863;
    public const ulong WorkerMagic2 = 0x6478696f;
    public const ulong StderrNext = 0x6f6c6d67;
    public const ulong StderrLast = 0x616c7473;
    public const ulong StderrError = 0x63787470;

    /// <summary>
    /// Protocol 1.11, spoken to guix-daemon (which says 1.99 and accepts every 1.x client) and to
    /// Nix before 2.15: nix-daemon 2.x accepts it, and it is the first version where the client
    /// may ask the daemon not to reserve disk space for itself (guix-daemon honours that; Nix 2
    /// ignores it). At 1.11 the greeting has no CPU affinity field (1.14) and no daemon version
    /// string (Nix, 1.33).
    /// </summary>
    public const ulong ClientVersion = 0x10b;

    /// <summary>
    /// Protocol 1.35 (Nix 2.15), spoken to Nix daemons from 1.35 on: current Nix refuses clients
    /// older than its minimum ("the Nix client version is too old"; Debian sid's 2.34 closes the
    /// connection on a 1.11 client). From 1.14 the client says it sets no CPU affinity; from 1.33
    /// the daemon sends its version, from 1.35 whether it trusts the client.
    /// </summary>
    public const ulong NixClientVersion = 0x123;

    /// <summary>The client version for a daemon of <paramref name="daemonMinor"/>: Nix's 1.35 to 1.63, else 1.11 (guix-daemon says 1.99).</summary>
    public static ulong ClientVersionFor(ulong daemonMinor) => daemonMinor is >= 35 and < 64 ? NixClientVersion : ClientVersion;

    private const int MaxMessageBytes = 64 * 1024;
    private const int MaxMessages = 1000;

    /// <summary>Runs the greeting on <paramref name="stream"/> (a connection to the daemon socket).</summary>
    public static async Task<HandshakeResult> RunAsync(Stream stream, CancellationToken cancel)
    {
        try
        {
            await WriteAsync(stream, cancel, WorkerMagic1);
            var magic = await ReadU64Async(stream, cancel);
            if (magic != WorkerMagic2)
                return HandshakeResult.Failed($"the socket answered 0x{magic:x}, not the daemon's greeting 0x{WorkerMagic2:x}: it is not a build daemon");
            var version = await ReadU64Async(stream, cancel);
            var protocol = $"{(version >> 8) & 0xff}.{version & 0xff}";
            if ((version >> 8) != 1)
                return HandshakeResult.Failed($"the daemon speaks worker protocol {protocol}; vbmc knows major version 1", protocol);
            var client = ClientVersionFor(version & 0xff);
            var minor = Math.Min(version & 0xff, client & 0xff); // what both sides speak
            await WriteAsync(stream, cancel, client);
            if ((client & 0xff) >= 14) await WriteAsync(stream, cancel, 0 /* no CPU affinity */);
            if ((client & 0xff) >= 11) await WriteAsync(stream, cancel, 0 /* do not reserve space */);
            if (minor >= 33) protocol += $", nix-daemon {(await ReadStringAsync(stream, cancel)).Trim()}";
            if (minor >= 35) await ReadU64Async(stream, cancel); // whether the daemon trusts this client
            var log = new List<string>();
            for (var i = 0; i < MaxMessages; i++)
            {
                var message = await ReadU64Async(stream, cancel);
                switch (message)
                {
                    case StderrLast:
                        return new HandshakeResult(true, protocol, null, log) { Minor = minor, DaemonMinor = version & 0xff };
                    case StderrNext:
                        log.Add((await ReadStringAsync(stream, cancel)).TrimEnd('\n'));
                        break;
                    case StderrError:
                        return HandshakeResult.Failed($"the daemon could not open its store: {(await ReadStringAsync(stream, cancel)).TrimEnd('\n')}", protocol, log);
                    default:
                        return HandshakeResult.Failed($"the daemon sent message 0x{message:x}, which is not part of the greeting", protocol, log);
                }
            }
            return HandshakeResult.Failed($"the daemon sent more than {MaxMessages} log lines without finishing its greeting", protocol, log);
        }
        catch (InvalidDataException e)
        {
            return HandshakeResult.Failed(e.Message);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException)
        {
            // End of stream, a reset or a broken pipe: the peer hung up (through SSH: sshd could not open the socket).
            return HandshakeResult.Failed("the connection closed before the daemon finished its greeting");
        }
    }

    internal static async Task WriteAsync(Stream stream, CancellationToken cancel, params ulong[] numbers)
    {
        var bytes = new byte[8 * numbers.Length];
        for (var i = 0; i < numbers.Length; i++) BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(8 * i), numbers[i]);
        await stream.WriteAsync(bytes, cancel);
        await stream.FlushAsync(cancel);
    }

    internal static async Task<ulong> ReadU64Async(Stream stream, CancellationToken cancel)
    {
        var bytes = new byte[8];
        await stream.ReadExactlyAsync(bytes, cancel);
        return BinaryPrimitives.ReadUInt64LittleEndian(bytes);
    }

    internal static async Task<string> ReadStringAsync(Stream stream, CancellationToken cancel) =>
        Encoding.UTF8.GetString(await ReadBytesAsync(stream, MaxMessageBytes, cancel));

    /// <summary>A length-prefixed, zero-padded byte string of at most <paramref name="limit"/> bytes.</summary>
    internal static async Task<byte[]> ReadBytesAsync(Stream stream, int limit, CancellationToken cancel)
    {
        var length = await ReadU64Async(stream, cancel);
        if (length > (ulong)limit) throw new InvalidDataException($"the daemon sent a string of {length} bytes");
        var padded = ((int)length + 7) & ~7;
        var bytes = new byte[padded];
        await stream.ReadExactlyAsync(bytes, cancel);
        return bytes[..(int)length];
    }

    /// <summary>A length-prefixed string, zero-padded to 8 bytes.</summary>
    internal static async Task WriteStringAsync(Stream stream, string text, CancellationToken cancel)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var framed = new byte[8 + ((bytes.Length + 7) & ~7)];
        BinaryPrimitives.WriteUInt64LittleEndian(framed, (ulong)bytes.Length);
        bytes.CopyTo(framed, 8);
        await stream.WriteAsync(framed, cancel);
        await stream.FlushAsync(cancel);
    }
}

/// <param name="Protocol">The daemon's worker protocol version, "MAJOR.MINOR", when it said it.</param>
/// <param name="Log">Lines the daemon logged during the greeting.</param>
public sealed record HandshakeResult(bool Ok, string? Protocol, string? Problem, IReadOnlyList<string> Log)
{
    /// <summary>The minor version both sides speak after the greeting.</summary>
    public ulong Minor { get; init; }

    /// <summary>The daemon's own minor version: guix-daemon says 99 or more, Nix less.</summary>
    public ulong DaemonMinor { get; init; }

    public bool IsGuixDaemon => DaemonMinor >= 64;

    public static HandshakeResult Failed(string problem, string? protocol = null, IReadOnlyList<string>? log = null) =>
        new(false, protocol, problem, log ?? []);
}
