using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Vbmc.TestSupport;

/// <summary>Ports on the host's loopback, where a VM's SSH forward listens.</summary>
public static class Network
{
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>
    /// Waits for sshd's banner: QEMU's user network accepts connections before the guest listens,
    /// so only reading "SSH-" says that sshd runs.
    /// </summary>
    public static bool WaitForBanner(int port, TimeSpan timeout) => WaitUntil(() => ReadsBanner(port), timeout);

    public static bool ReadsBanner(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            client.ReceiveTimeout = 5000;
            var buffer = new byte[4];
            var read = 0;
            using var stream = client.GetStream();
            while (read < 4)
            {
                var n = stream.Read(buffer, read, 4 - read);
                if (n == 0) break;
                read += n;
            }
            return read == 4 && Encoding.ASCII.GetString(buffer) == "SSH-";
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            return false;
        }
    }

    public static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public static bool WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (condition()) return true;
            if (DateTime.UtcNow > deadline) return false;
            Thread.Sleep(500);
        }
    }
}
