using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Vbmc.Host.Probe;

/// <summary>
/// Check 1, reachable: a TCP connection and the server's "SSH-" identification line within the
/// timeout. Reading the banner matters: QEMU's user-network forward accepts connections as soon
/// as QEMU runs, long before the guest's sshd does. A closed port fails at once (connection refused).
/// </summary>
public static class BannerProbe
{
    // RFC 4253 4.2: the server may send other lines before its identification; bound them.
    private const int MaxPreambleBytes = 8192;

    public static async Task<CheckResult> RunAsync(string host, int port, TimeSpan timeout, CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        deadline.CancelAfter(timeout);
        var connected = false;
        try
        {
            // A dual-mode socket tries every address of the name, as ssh does (localhost: ::1, then 127.0.0.1).
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(host, port, deadline.Token);
            connected = true;
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            var banner = await ReadIdentificationAsync(stream, deadline.Token);
            var ms = clock.ElapsedMilliseconds;
            return banner is null
                ? CheckResult.Fail(CheckIds.Reachable, $"{Display(host, port)} accepted a connection but sent no SSH identification line (it closed the connection after {ms} ms)")
                : CheckResult.Pass(CheckIds.Reachable, $"{banner} ({ms} ms)", CheckResult.Value("banner", banner), CheckResult.Value("milliseconds", ms));
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            var seconds = timeout.TotalSeconds;
            return CheckResult.Fail(CheckIds.Reachable, connected
                ? $"{Display(host, port)} accepts connections but sent no SSH banner within {seconds:0.#} s (for a VM: QEMU forwards the port before the guest's sshd runs; is it still booting?)"
                : $"cannot connect to {Display(host, port)} within {seconds:0.#} s");
        }
        catch (SocketException e)
        {
            var why = e.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => "connection refused (nothing listens on that port: is the machine, or the VM, running?)",
                SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "the host name does not resolve",
                SocketError.ConnectionReset => "the connection was reset before an SSH banner arrived",
                _ => e.Message,
            };
            return CheckResult.Fail(CheckIds.Reachable, $"{Display(host, port)}: {why} ({clock.ElapsedMilliseconds} ms)",
                CheckResult.Value("milliseconds", clock.ElapsedMilliseconds));
        }
        catch (IOException e)
        {
            return CheckResult.Fail(CheckIds.Reachable, $"{Display(host, port)}: {e.Message}");
        }
    }

    /// <summary>The "SSH-..." line, or null at end of stream; bytes that are not printable ASCII are shown as '?'.</summary>
    private static async Task<string?> ReadIdentificationAsync(Stream stream, CancellationToken cancel)
    {
        var line = new StringBuilder();
        var buffer = new byte[1];
        for (var total = 0; total < MaxPreambleBytes; total++)
        {
            if (await stream.ReadAsync(buffer, cancel) == 0) return null;
            var c = (char)buffer[0];
            if (c == '\n')
            {
                var text = line.ToString();
                if (text.StartsWith("SSH-", StringComparison.Ordinal)) return text;
                line.Clear();
                continue;
            }
            if (c != '\r' && line.Length < 255) line.Append(c is >= ' ' and <= '~' ? c : '?');
        }
        return null;
    }

    private static string Display(string host, int port) => host.Contains(':') ? $"[{host}]:{port}" : $"{host}:{port}";
}
