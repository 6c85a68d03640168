namespace Vbmc.Processes;

/// <summary>
/// A program of the host that vbmc runs: its name, the Debian package that installs it (for the
/// "apt-get install PACKAGE" hint when it is missing) and how long one run may take before it is
/// killed. Every program vbmc runs is listed here, so that each has a time limit.
/// </summary>
public sealed record HostProgram
{
    /// <summary>The name looked up on PATH, e.g. <c>mke2fs</c>.</summary>
    public string Name { get; }

    /// <summary>The Debian package that installs it.</summary>
    public string DebianPackage { get; }

    /// <summary>The time limit of one run, unless a request sets its own.</summary>
    public TimeSpan Timeout { get; }

    public HostProgram(string name, string debianPackage, TimeSpan timeout)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(debianPackage);
        ProgramRequest.CheckTimeout(timeout);
        Name = name;
        DebianPackage = debianPackage;
        Timeout = timeout;
    }

    // Guest images (Vbmc.Image). mmdebstrap downloads and installs a whole Debian root: measured
    // 75-100 s with a close mirror, much more with a slow one.
    public static readonly HostProgram Mmdebstrap = new("mmdebstrap", "mmdebstrap", TimeSpan.FromHours(2));
    public static readonly HostProgram Tar = new("tar", "tar", TimeSpan.FromMinutes(30));

    // Disks (Vbmc.Image.Disk): seconds for vbmc's images, minutes for large roots on slow disks.
    public static readonly HostProgram Mke2fs = new("mke2fs", "e2fsprogs", TimeSpan.FromMinutes(30));
    public static readonly HostProgram Debugfs = new("debugfs", "e2fsprogs", TimeSpan.FromMinutes(15));
    public static readonly HostProgram QemuImg = new("qemu-img", "qemu-utils", TimeSpan.FromMinutes(30));

    // Apply (Vbmc.Host.Apply). systemctl start waits for the unit to start.
    public static readonly HostProgram SshKeygen = new("ssh-keygen", "openssh-client", TimeSpan.FromSeconds(30));
    public static readonly HostProgram SystemdSysusers = new("systemd-sysusers", "systemd", TimeSpan.FromMinutes(2));
    public static readonly HostProgram SystemdTmpfiles = new("systemd-tmpfiles", "systemd", TimeSpan.FromMinutes(2));
    public static readonly HostProgram Systemctl = new("systemctl", "systemd", TimeSpan.FromMinutes(5));

    // Operating installed VMs (vbmc start, stop, logs...): each answers within seconds, but
    // systemctl and herd wait for the service to start or stop.
    public static readonly HostProgram Herd = new("herd", "shepherd", TimeSpan.FromMinutes(5));
    public static readonly HostProgram Journalctl = new("journalctl", "systemd", TimeSpan.FromMinutes(1));
    /// <summary>setsid -f: the launch script in a session of its own, outliving the vbmc that started it.</summary>
    public static readonly HostProgram Setsid = new("setsid", "util-linux", TimeSpan.FromSeconds(30));
    public static readonly HostProgram Shell = new("sh", "dash", TimeSpan.FromSeconds(30));

    /// <summary>The OpenSSH client (vbmc test). Its runs take their limit from the probe's --timeout.</summary>
    public static readonly HostProgram Ssh = new("ssh", "openssh-client", TimeSpan.FromMinutes(2));

    /// <summary>"NAME is not installed".</summary>
    public string NotInstalled => $"{Name} is not installed";

    /// <summary>"apt-get install PACKAGE".</summary>
    public string InstallHint => $"apt-get install {DebianPackage}";

    /// <summary>The program's full path, from <see cref="ProgramSearch.DefaultFolders"/>; null when missing.</summary>
    public string? Locate() => ProgramSearch.Locate(Name);

    /// <summary>The program's full path in the first of <paramref name="folders"/> that has it; null when missing.</summary>
    public string? Locate(IEnumerable<string> folders) => ProgramSearch.Locate(Name, folders);

    /// <summary>The program's full path; a <see cref="ProgramMissingException"/> naming the package when missing.</summary>
    public string Require() => Locate() ?? throw new ProgramMissingException(Name, DebianPackage);

    /// <summary>A request to run <paramref name="executable"/> (this program's path) with this program's time limit.</summary>
    public ProgramRequest Request(string executable, IEnumerable<string> arguments) => new(executable, arguments, Timeout);
}
