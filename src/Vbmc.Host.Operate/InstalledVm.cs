using Vbmc.Host.Probe;
using Vbmc.Lowering;

namespace Vbmc.Host.Operate;

/// <summary>
/// A VM of the installed generation under a root, with the paths of its files there (each
/// under the root: with --root R they are R's files, as apply installed them).
/// </summary>
public sealed record InstalledVm(ManifestVm Vm, string Root)
{
    public string Name => Vm.Name;

    /// <summary>A host path under the root (the path itself when the root is /).</summary>
    public string Under(string hostPath) => ProbeTargets.InsideRoot(Root, hostPath);

    public bool RootIsHost => Root is "/" or "" || Path.GetFullPath(Root) == "/";

    public string StateDirectory => Under(InstallLayout.StateDirectory(Name));
    public string Script => Path.Join(StateDirectory, InstallLayout.ScriptFileName(Name));
    /// <summary>QEMU's pid file, which the launch script writes under every service manager.</summary>
    public string PidFile => Under(InstallLayout.PidFile(Name));
    /// <summary>The guest's second serial port (a root shell), where the launch script puts it.</summary>
    public string ConsoleSocket => Under(InstallLayout.ConsoleSocket(Name));
    /// <summary>The serial console and QEMU's messages: Shepherd's log file, and the script's when vbmc starts it.</summary>
    public string SerialLog => Under(InstallLayout.SerialLog(Name));
    public string SecretsDrive => Under(InstallLayout.SecretsDrive(Name));
    public string StoreDisk => Under(InstallLayout.StoreDisk(Name));
    public string OffloadKey => Under(Vm.Secrets.OffloadKey);
    public string GuestHostPublicKey => Under(Vm.Secrets.GuestHostKey + ".pub");
    public string SystemdUnit => Under(Vbmc.Host.Apply.HostPaths.SystemdUnitFolder + "/" + InstallLayout.SystemdUnitName(Name));
    public string ShepherdFile => Under(InstallLayout.ShepherdDirectory + "/" + Name + ".scm");
    public string KnownHosts => Under(InstallLayout.KnownHosts(Name));
}
