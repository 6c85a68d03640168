using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Vbmc.Emitters.Shell.Tests;

/// <summary>
/// A minimal client of QEMU's machine protocol (QMP, JSON lines over a Unix socket), to ask the
/// running QEMU what it made of the command line: its disks, their PCI slots, their serials.
/// </summary>
public sealed class QmpClient : IDisposable
{
    private readonly Socket socket;
    private readonly StreamReader reader;
    private readonly NetworkStream stream;

    private QmpClient(Socket socket)
    {
        this.socket = socket;
        stream = new NetworkStream(socket);
        reader = new StreamReader(stream, new UTF8Encoding(false));
    }

    /// <summary>Connects (retrying while QEMU starts) and leaves capabilities negotiation mode.</summary>
    public static QmpClient Connect(string socketPath, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                socket.Connect(new UnixDomainSocketEndPoint(socketPath));
                socket.ReceiveTimeout = (int)timeout.TotalMilliseconds;
                var client = new QmpClient(socket);
                client.ReadMessage(); // the greeting
                client.Execute("qmp_capabilities");
                return client;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                socket.Dispose();
                Thread.Sleep(200);
            }
        }
    }

    /// <summary>Runs a command and returns its "return" value; a QMP error throws.</summary>
    public JsonElement Execute(string command, object? arguments = null)
    {
        var request = arguments is null
            ? JsonSerializer.Serialize(new { execute = command })
            : JsonSerializer.Serialize(new { execute = command, arguments });
        var bytes = Encoding.UTF8.GetBytes(request + "\n");
        stream.Write(bytes);
        while (true)
        {
            var message = ReadMessage();
            if (message.TryGetProperty("return", out var value)) return value.Clone();
            if (message.TryGetProperty("error", out var error))
                throw new InvalidOperationException($"QMP {command} failed: {error}");
            // Anything else is an asynchronous event: skip it.
        }
    }

    private JsonElement ReadMessage()
    {
        var line = reader.ReadLine() ?? throw new IOException("QEMU closed its QMP socket");
        using var document = JsonDocument.Parse(line);
        return document.RootElement.Clone();
    }

    public void Dispose()
    {
        reader.Dispose();
        stream.Dispose();
        socket.Dispose();
    }
}
