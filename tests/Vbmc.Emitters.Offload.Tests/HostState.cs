using Vbmc.Lowering;

namespace Vbmc.Emitters.Offload.Tests;

/// <summary>
/// A temporary folder standing for a host's / in <see cref="GuileMachinesFile"/>: the pid files
/// and public host keys of VMs, at their installed paths below it.
/// </summary>
public sealed class HostState : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("vbmc-offload-root-");

    public string Root => folder.FullName;

    /// <summary>A pid that no process can have: Linux hands out pids below pid_max only.</summary>
    public static int DeadPid => int.Parse(File.ReadAllText("/proc/sys/kernel/pid_max").Trim());

    /// <summary>A live process: the test host itself.</summary>
    public static int LivePid => Environment.ProcessId;

    /// <summary>The public host key line the tests install for a VM.</summary>
    public static string HostKeyOf(string vm) =>
        $"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOm3H0xJ1pQ9VqH0Qm2l0xPq6wN4gC1m3Jt6pQyQJ2lS root@{vm}";

    /// <summary>The VM runs (a live pid in its pid file) and its host key is installed.</summary>
    public HostState Running(string vm) => PidFile(vm, $"{LivePid}\n").HostKey(vm, HostKeyOf(vm) + "\n");

    public HostState PidFile(string vm, string content) => Write(InstallLayout.PidFile(vm), content);

    public HostState HostKey(string vm, string content) => Write(InstallLayout.GuestHostPublicKey(vm), content);

    /// <summary>A folder where the file should be: opening it for reading fails.</summary>
    public HostState FolderAt(string installedPath)
    {
        Directory.CreateDirectory(Below(installedPath));
        return this;
    }

    private HostState Write(string installedPath, string content)
    {
        var path = Below(installedPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return this;
    }

    private string Below(string installedPath) => Root + installedPath;

    public void Dispose() => folder.Delete(recursive: true);
}
