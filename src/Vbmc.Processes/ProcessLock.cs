using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Vbmc.Processes;

/// <summary>
/// An exclusive lock held by this process while it lives, named by a key (a path): a Unix socket
/// bound to a name in Linux's abstract namespace. Binding a name that is bound fails, and the
/// kernel frees the name when the process ends in any way (SIGKILL included), so a lock never
/// outlives its holder and no file is left anywhere, beside or inside the folder it guards.
/// </summary>
/// <remarks>
/// Scope: processes of one network namespace (one host, one container). Any local user can
/// bind a name, so a lock is a guard against vbmc's own concurrent runs, not against an attacker.
/// </remarks>
public sealed class ProcessLock : IDisposable
{
    private readonly Socket _socket;

    private ProcessLock(Socket socket) => _socket = socket;

    /// <summary>The lock of <paramref name="key"/>, or null when another process holds it.</summary>
    public static ProcessLock? TryAcquire(string purpose, string key)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Bind(new UnixDomainSocketEndPoint(NameOf(purpose, key)));
            return new ProcessLock(socket);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            socket.Dispose();
            return null;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Whether a process holds the lock of <paramref name="key"/> now.</summary>
    public static bool IsHeld(string purpose, string key)
    {
        using var probe = TryAcquire(purpose, key);
        return probe is null;
    }

    /// <summary>
    /// "\0vbmc-PURPOSE-" and a hash of the key: abstract names are at most 107 bytes, and a
    /// path may be longer or hold any byte.
    /// </summary>
    private static string NameOf(string purpose, string key)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..40];
        return $"\0vbmc-{purpose}-{hash}";
    }

    public void Dispose() => _socket.Dispose();
}
