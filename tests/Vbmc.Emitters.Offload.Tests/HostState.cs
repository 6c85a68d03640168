using Vbmc.Lowering;

namespace Vbmc.Emitters.Offload.Tests;

/// <summary>
/// A host's VM state as <see cref="GuixOffloadOracle"/> installs it in the reference root before
/// a load: the pid files and public host keys of VMs at their installed paths. Everything else
/// below /var/lib/vbmc and /etc/vbmc is removed first, so each state stands alone.
/// </summary>
public sealed class HostState
{
    /// <summary>Stands for the pid of a live process of the session (a sleep) in a pid file's text.</summary>
    public const string LivePid = "<live-pid>";

    /// <summary>A pid that no process can have: Linux hands out pids below pid_max only.</summary>
    public static int DeadPid => int.Parse(File.ReadAllText("/proc/sys/kernel/pid_max").Trim());

    private static readonly string[] Cleared = [InstallLayout.StateRoot, InstallLayout.SecretRoot];

    /// <summary>Installed path and text, or null text for a folder standing where the file should be.</summary>
    private readonly List<(string Path, string? Text)> _entries = [];

    /// <summary>The public host key line the tests install for a VM.</summary>
    public static string HostKeyOf(string vm) =>
        $"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOm3H0xJ1pQ9VqH0Qm2l0xPq6wN4gC1m3Jt6pQyQJ2lS root@{vm}";

    /// <summary>The VM runs (a live pid in its pid file) and its host key is installed.</summary>
    public HostState Running(string vm) => PidFile(vm, $"{LivePid}\n").HostKey(vm, HostKeyOf(vm) + "\n");

    /// <summary>The VM's pid file with this text (<see cref="LivePid"/> in it becomes the live pid).</summary>
    public HostState PidFile(string vm, string text) => Add(InstallLayout.PidFile(vm), text);

    public HostState HostKey(string vm, string text) => Add(InstallLayout.GuestHostPublicKey(vm), text);

    /// <summary>A folder where the file should be: opening it for reading fails.</summary>
    public HostState FolderAt(string installedPath) => Add(installedPath, null);

    private HostState Add(string installedPath, string? text)
    {
        if (!Cleared.Any(root => installedPath.StartsWith(root + "/", StringComparison.Ordinal)))
            throw new ArgumentException($"{installedPath} is not below {string.Join(" or ", Cleared)}", nameof(installedPath));
        _entries.Add((installedPath, text));
        return this;
    }

    /// <summary>Makes the root's VM state this one; <paramref name="hostPath"/> maps a path inside the root to the host.</summary>
    internal void ApplyTo(Func<string, string> hostPath, int livePid)
    {
        foreach (var root in Cleared)
        {
            var folder = hostPath(root);
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        foreach (var (installedPath, text) in _entries)
        {
            var path = hostPath(installedPath);
            if (text is null)
            {
                Directory.CreateDirectory(path);
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text.Replace(LivePid, livePid.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }
    }
}
