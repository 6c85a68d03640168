using System.Security.Cryptography;
using System.Text;
using static Vbmc.Host.Probe.DaemonHandshake;

namespace Vbmc.Host.Probe;

/// <summary>
/// A path copied there and back through the build daemon's worker protocol, after the greeting
/// (<see cref="DaemonHandshake"/>): what offloading does with every build's inputs and outputs.
/// A small text file named <c>vbmc-test-NONCE</c> is added to the daemon's store (AddTextToStore,
/// op 8: the daemon writes and registers it), then read back as a NAR (guix-daemon: ExportPath,
/// op 16, streamed as STDERR_WRITE chunks, as guix offload retrieves outputs; nix-daemon:
/// NarFromPath, op 38, as Nix's ssh-ng store copies paths back) and compared byte for byte. The
/// path stays in the daemon's store, unreferenced (a VM's store is reset at each start; another
/// machine's collector removes it).
/// </summary>
public static class StoreRoundTrip
{
    private const ulong AddTextToStore = 8, ExportPath = 16, NarFromPath = 38;
    private const ulong StderrWrite = 0x64617416, StderrRead = 0x64617461;
    private const ulong StartActivity = 0x53545254, StopActivity = 0x53544f50, Result = 0x52534c54;

    /// <summary>The daemon's answers are small here: a log line, a chunk, the NAR of a short text.</summary>
    private const int MaxBytes = 1 << 20;
    private const int MaxMessages = 10_000;

    /// <summary>Copies a fresh text file into the daemon's store and back; the stream is past a successful greeting.</summary>
    public static async Task<RoundTripResult> RunAsync(Stream stream, HandshakeResult greeting, CancellationToken cancel)
    {
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var name = $"vbmc-test-{nonce}";
        var text = $"vbmc test {nonce}\n";
        try
        {
            await WriteAsync(stream, cancel, AddTextToStore);
            await WriteStringAsync(stream, name, cancel);
            await WriteStringAsync(stream, text, cancel);
            await WriteAsync(stream, cancel, 0 /* no references */);
            if (await ReadUntilLastAsync(stream, greeting, null, cancel) is { } addError)
                return RoundTripResult.Failed($"the daemon did not add {name} to its store: {addError}");
            var path = await ReadStringAsync(stream, cancel);

            Stream nar;
            if (greeting.IsGuixDaemon)
            {
                await WriteAsync(stream, cancel, ExportPath);
                await WriteStringAsync(stream, path, cancel);
                await WriteAsync(stream, cancel, 0 /* unsigned */);
                var written = new MemoryStream();
                if (await ReadUntilLastAsync(stream, greeting, written, cancel) is { } exportError)
                    return RoundTripResult.Failed($"the daemon did not export {path}: {exportError}", path);
                await ReadU64Async(stream, cancel); // 1: done
                written.Position = 0;
                nar = written;
            }
            else
            {
                await WriteAsync(stream, cancel, NarFromPath);
                await WriteStringAsync(stream, path, cancel);
                if (await ReadUntilLastAsync(stream, greeting, null, cancel) is { } narError)
                    return RoundTripResult.Failed($"the daemon did not send {path} back: {narError}", path);
                nar = stream; // the archive follows STDERR_LAST
            }
            var contents = await RegularFileAsync(nar, cancel);
            return contents.AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(text))
                ? new RoundTripResult(true, path, null, contents.Length)
                : RoundTripResult.Failed($"{path} came back with other contents than were sent ({contents.Length} bytes)", path);
        }
        catch (InvalidDataException e)
        {
            return RoundTripResult.Failed(e.Message);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException)
        {
            return RoundTripResult.Failed("the connection closed in the middle of the copy");
        }
    }

    /// <summary>
    /// Reads the daemon's messages up to STDERR_LAST: null then, else the error it sent.
    /// STDERR_WRITE data goes to <paramref name="sink"/> (an export); log lines and activities are skipped.
    /// </summary>
    private static async Task<string?> ReadUntilLastAsync(Stream stream, HandshakeResult greeting, Stream? sink, CancellationToken cancel)
    {
        long total = 0;
        for (var i = 0; i < MaxMessages; i++)
        {
            switch (await ReadU64Async(stream, cancel))
            {
                case StderrLast:
                    return null;
                case StderrNext:
                    await ReadStringAsync(stream, cancel);
                    break;
                case StderrError:
                    return await ReadErrorAsync(stream, greeting, cancel);
                case StderrWrite when sink is not null:
                    var chunk = await ReadBytesAsync(stream, MaxBytes, cancel);
                    if ((total += chunk.Length) > MaxBytes) throw new InvalidDataException($"the daemon sent more than {MaxBytes} bytes for a short text file");
                    await sink.WriteAsync(chunk, cancel);
                    break;
                case StderrRead:
                    throw new InvalidDataException("the daemon asked for data vbmc did not offer");
                case StartActivity:
                    await ReadU64Async(stream, cancel); // id
                    await ReadU64Async(stream, cancel); // level
                    await ReadU64Async(stream, cancel); // type
                    await ReadStringAsync(stream, cancel);
                    await SkipFieldsAsync(stream, cancel);
                    await ReadU64Async(stream, cancel); // parent
                    break;
                case StopActivity:
                    await ReadU64Async(stream, cancel);
                    break;
                case Result:
                    await ReadU64Async(stream, cancel); // id
                    await ReadU64Async(stream, cancel); // type
                    await SkipFieldsAsync(stream, cancel);
                    break;
                case var other:
                    throw new InvalidDataException($"the daemon sent message 0x{other:x}, which vbmc does not know");
            }
        }
        throw new InvalidDataException($"the daemon sent more than {MaxMessages} messages");
    }

    /// <summary>An error message: a string and a status, or from Nix's protocol 1.26 on a structured error.</summary>
    private static async Task<string> ReadErrorAsync(Stream stream, HandshakeResult greeting, CancellationToken cancel)
    {
        if (greeting.IsGuixDaemon || greeting.Minor < 26)
        {
            var message = await ReadStringAsync(stream, cancel);
            await ReadU64Async(stream, cancel); // status
            return message.Trim();
        }
        await ReadStringAsync(stream, cancel); // "Error"
        await ReadU64Async(stream, cancel); // level
        await ReadStringAsync(stream, cancel); // name
        var text = await ReadStringAsync(stream, cancel);
        await ReadU64Async(stream, cancel); // no position
        var traces = await ReadU64Async(stream, cancel);
        for (ulong i = 0; i < traces && i < MaxMessages; i++)
        {
            await ReadU64Async(stream, cancel);
            await ReadStringAsync(stream, cancel);
        }
        return text.Trim();
    }

    private static async Task SkipFieldsAsync(Stream stream, CancellationToken cancel)
    {
        var count = await ReadU64Async(stream, cancel);
        if (count > 100) throw new InvalidDataException($"the daemon sent {count} fields");
        for (ulong i = 0; i < count; i++)
        {
            if (await ReadU64Async(stream, cancel) == 0) await ReadU64Async(stream, cancel);
            else await ReadStringAsync(stream, cancel);
        }
    }

    /// <summary>The contents of a NAR that holds one regular file (what AddTextToStore makes).</summary>
    private static async Task<byte[]> RegularFileAsync(Stream nar, CancellationToken cancel)
    {
        async Task Expect(string token)
        {
            var got = Encoding.UTF8.GetString(await ReadBytesAsync(nar, 64, cancel));
            if (got != token) throw new InvalidDataException($"the archive the daemon sent back has '{got}' where '{token}' belongs");
        }
        await Expect("nix-archive-1");
        await Expect("(");
        await Expect("type");
        await Expect("regular");
        await Expect("contents");
        var contents = await ReadBytesAsync(nar, MaxBytes, cancel);
        await Expect(")");
        return contents;
    }
}

/// <param name="Path">The store path the daemon gave the copied file.</param>
/// <param name="Bytes">How many bytes came back.</param>
public sealed record RoundTripResult(bool Ok, string? Path, string? Problem, int Bytes)
{
    public static RoundTripResult Failed(string problem, string? path = null) => new(false, path, problem, 0);
}
