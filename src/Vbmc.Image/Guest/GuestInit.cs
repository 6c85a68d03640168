using System.Text;
using Vbmc.Emitters.Shell;
using Vbmc.Lowering;
using Vbmc.Services.Checks;

namespace Vbmc.Image.Guest;

/// <summary>
/// The guest's init when vbmc's initrd boots it: busybox's init (the base's static busybox, which
/// the initrd uses already) with an inittab of vbmc's, instead of systemd. Under TCG systemd took
/// about 3 s to load its units before its first job, then journald, the tmpfiles pass and the
/// ordering of sysinit.target came before sshd: 14.7 s to the SSH banner where the kernel and
/// initrd alone take 5.1 s; with this init 7.0 s (bench/boot.sh). A build VM needs little of it: a few mounts, the run-time
/// folders, the secrets, sshd, the build daemons, the console and a power-off at the offloading
/// account's request. Each is here, in order: <see cref="BootScript"/> (once, before anything
/// else), then the daemons, sshd (once the daemons listen), the console and the power-off watcher,
/// each restarted when it ends. The daemons' output goes to the serial console, where the journal
/// went. With the base's own initrd, or a base without what these scripts run
/// (<see cref="NeededPrograms"/>), the guest boots systemd (<see cref="GuestBoot"/>).
/// </summary>
internal static class GuestInit
{
    public const string InitPath = "/usr/lib/vbmc/init";
    public const string InittabPath = "/etc/inittab";
    public const string BootScriptPath = "/usr/lib/vbmc/boot";
    public const string ServiceFolder = "/usr/lib/vbmc/service";
    public const string ConsolePath = ServiceFolder + "/console";
    public const string PoweroffWatchPath = ServiceFolder + "/poweroff-request";
    public const string ShutdownPath = "/usr/lib/vbmc/shutdown";

    /// <summary>A daemon vbmc starts: its name, the socket clients reach it at, its start script's text, the base's programs it runs.</summary>
    public sealed record Daemon(string Name, string Socket, string Script, IReadOnlyList<string> Programs);

    /// <summary>
    /// The guest files of this init: the link busybox runs as init (busybox picks its applet from
    /// the name it is started by), the inittab, the boot and service scripts; <paramref name="busybox"/>
    /// is the base's static busybox.
    /// </summary>
    public static IReadOnlyList<GuestFile> Files(string busybox, IReadOnlyList<Daemon> daemons)
    {
        var files = new List<GuestFile>
        {
            // Relative: the initrd looks for it under the root it mounted, before switching to it.
            GuestFile.Link(InitPath, Path.GetRelativePath(Path.GetDirectoryName(InitPath)!, busybox)),
            GuestFile.Regular(InittabPath, Inittab(busybox, daemons)),
            GuestFile.Regular(BootScriptPath, BootScript, GuestFile.Program),
            GuestFile.Regular(ShutdownPath, ShutdownScript, GuestFile.Program),
            GuestFile.Regular(ConsolePath, ConsoleScript, GuestFile.Program),
            GuestFile.Regular(PoweroffWatchPath, PoweroffWatchScript, GuestFile.Program),
            GuestFile.Regular(ServiceFolder + "/sshd", SshdScript(daemons), GuestFile.Program),
        };
        files.AddRange(daemons.Select(d => GuestFile.Regular(ServiceFolder + "/" + d.Name, d.Script, GuestFile.Program)));
        return files;
    }

    /// <summary>
    /// The base's programs the init's scripts run, beyond busybox and what every guest needs (sshd,
    /// tar, ssh-keygen): without one of them the guest boots systemd instead.
    /// </summary>
    public static IEnumerable<string> NeededPrograms(IReadOnlyList<Daemon> daemons)
    {
        yield return "/usr/bin/systemd-tmpfiles";
        yield return "/sbin/agetty";
        foreach (var daemon in daemons)
            foreach (var program in daemon.Programs) yield return program;
    }

    /// <summary>
    /// busybox init's table: the boot script first (init waits for it), then every service, each
    /// started again when it ends. busybox runs a line through /bin/sh when it has a shell character,
    /// so every line names a script alone.
    /// </summary>
    public static string Inittab(string busybox, IReadOnlyList<Daemon> daemons)
    {
        var shell = busybox + " sh ";
        var text = new StringBuilder();
        text.Append("# vbmc: the build VM's init (busybox init, started by vbmc's initrd; see busybox's init applet).\n");
        text.Append("# The boot script runs once, then each service runs and is started again when it ends. Each runs\n");
        text.Append("# in busybox's shell, whose own commands (mount, sleep...) start without loading a library.\n");
        text.Append("::sysinit:").Append(shell).Append(BootScriptPath).Append('\n');
        foreach (var daemon in daemons) text.Append("::respawn:").Append(shell).Append(ServiceFolder).Append('/').Append(daemon.Name).Append('\n');
        text.Append("::respawn:").Append(shell).Append(ServiceFolder).Append("/sshd\n");
        text.Append("::respawn:").Append(shell).Append(ConsolePath).Append('\n');
        text.Append("::respawn:").Append(shell).Append(PoweroffWatchPath).Append('\n');
        text.Append("::shutdown:").Append(shell).Append(ShutdownPath).Append('\n');
        return text.ToString();
    }

    /// <summary>
    /// The first lines of each service script: a service that ends is started again by init at
    /// once, so a second start waits 2 s (a daemon that cannot start fails every 2 s, not in a loop
    /// that takes the VM's CPUs).
    /// </summary>
    private static string ServiceHead(string name, string what) => $"""
        #!/bin/sh
        # vbmc: {what}, started by the guest's init ({InittabPath}) and started again when it ends.
        set -u
        mark=/run/vbmc/started/{name}
        if [ -e "$mark" ]; then
        	echo "vbmc: {name} ended; starting it again in 2 s" >&2
        	sleep 2
        fi
        mkdir -p /run/vbmc/started
        : > "$mark"

        """;

    /// <summary>
    /// guix-daemon as Debian's unit runs it (its own account, CAP_CHOWN kept for the per-user
    /// folders, LC_ALL=C.UTF-8) with vbmc's options: see <see cref="GuestDaemonSettings.GuixDaemonArguments"/>.
    /// <paramref name="account"/>: the unit's User= (null: root, as a base of the user's may run it).
    /// </summary>
    public static Daemon GuixDaemon(VmPlan vm, string? account)
    {
        // The account is the base's text: it goes into the script quoted, never into the comment.
        var text = new StringBuilder(ServiceHead(GuestDaemons.Guix, "GNU Guix's build daemon"));
        if (account is null)
        {
            text.Append("exec env -i ").Append(ServicePath).Append(" HOME=/root LC_ALL=C.UTF-8 /usr/bin/guix-daemon");
        }
        else
        {
            // The account's environment, as systemd gives a unit with User= (setpriv changes ids only).
            var user = ShellQuoting.Quote(account);
            text.Append("home=$(awk -F: -v user=").Append(user).Append(" '$1 == user { print $6; exit }' /etc/passwd)\n");
            text.Append("exec env -i ").Append(ServicePath).Append(" \"HOME=${home:-/}\" USER=").Append(user).Append(" LOGNAME=").Append(user)
                .Append(" LC_ALL=C.UTF-8 /usr/bin/setpriv --reuid=").Append(user).Append(" --regid=").Append(user)
                .Append(" --init-groups --inh-caps=+chown --ambient-caps=+chown /usr/bin/guix-daemon");
        }
        foreach (var argument in GuestDaemonSettings.GuixDaemonArguments(vm)) text.Append(' ').Append(ShellQuoting.Quote(argument));
        return new Daemon(GuestDaemons.Guix, GuestDaemons.GuixSocket, text.Append('\n').ToString(),
            account is null ? ["/usr/bin/guix-daemon"] : ["/usr/bin/guix-daemon", "/usr/bin/setpriv"]);
    }

    /// <summary>The PATH systemd gives a service.</summary>
    private const string ServicePath = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /// <summary>
    /// nix-daemon as Nix's socket unit runs it: started by the first client of its socket (its own
    /// start took 1.2 s of a TCG boot, beside sshd's), through systemd's socket activator, which
    /// hands the listening socket over (Nix reads LISTEN_FDS). Clients connect as any account
    /// (the folder's mode says who may): the socket's mode is 0666 (SocketMode= of a socket unit).
    /// </summary>
    public static Daemon NixDaemon()
    {
        const string socket = GuestDaemons.NixSocket;
        var text = new StringBuilder(ServiceHead(GuestDaemons.Nix, "Nix's build daemon, started by its socket's first client"));
        text.Append("# Nix's unit: LimitNOFILE=1048576. The shell is busybox's, whose ulimit has -n.\n# shellcheck disable=SC3045\n");
        text.Append("ulimit -n 1048576 2>/dev/null || ulimit -n 524288 2>/dev/null || :\n");
        text.Append("rm -f ").Append(socket).Append('\n');
        text.Append("env -i ").Append(ServicePath).Append(" HOME=/root /usr/bin/systemd-socket-activate -l ").Append(socket)
            .Append(" /usr/bin/nix-daemon --daemon &\n");
        text.Append("activator=$!\n");
        WaitForSocket(text, socket, 100, " && kill -0 \"$activator\" 2>/dev/null");
        text.Append("chmod 0666 ").Append(socket).Append(" 2>/dev/null\n");
        text.Append("wait \"$activator\"\n");
        return new Daemon(GuestDaemons.Nix, socket, text.ToString(), ["/usr/bin/nix-daemon", "/usr/bin/systemd-socket-activate"]);
    }

    /// <summary>
    /// sshd, once the build daemons listen (10 s at most): a client that logs in as soon as SSH
    /// answers (guix offload does) finds its daemon. -e: its log goes to the console (no syslog).
    /// Debian's extra "sshd -t" is left out, as with systemd (sshd checks its configuration as it starts).
    /// </summary>
    public static string SshdScript(IReadOnlyList<Daemon> daemons)
    {
        var text = new StringBuilder(ServiceHead("sshd", "OpenSSH's server"));
        foreach (var daemon in daemons)
        {
            var socket = ShellQuoting.Quote(daemon.Socket);
            WaitForSocket(text, socket, 200, "");
            text.Append("[ -S ").Append(socket).Append(" ] || echo \"vbmc: ").Append(daemon.Name).Append(" does not listen yet; starting sshd anyway\" >&2\n");
        }
        text.Append("exec /usr/sbin/sshd -D -e\n");
        return text.ToString();
    }

    /// <summary>
    /// Shell lines that wait, 50 ms at a time, at most <paramref name="tries"/> times, for
    /// <paramref name="socket"/> (already a shell word) to exist, while <paramref name="andWhile"/> holds too.
    /// </summary>
    private static void WaitForSocket(StringBuilder text, string socket, int tries, string andWhile) =>
        text.Append("tries=0\nwhile [ ! -S ").Append(socket).Append(" ] && [ \"$tries\" -lt ")
            .Append(tries.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(" ]").Append(andWhile)
            .Append("; do\n\tusleep 50000\n\ttries=$((tries + 1))\ndone\n");

    /// <summary>
    /// Run once by init before any service: what systemd did on the way to sshd in a build VM. The
    /// initrd mounted the root read-write, moved /dev (devtmpfs) onto it and set up the network.
    /// </summary>
    public const string BootScript = $$"""
        #!/bin/sh
        # vbmc-boot: the build VM's start, run by its init before any service: the kernel's file
        # systems, the run-time folders (tmpfiles.d), the host name, kernel settings and modules the
        # base lists, the persistent store disk, then the secrets (host key and authorized keys).
        set -u
        say() {
        	echo "vbmc-boot: $*" >&2
        }

        mount -t proc -o nosuid,nodev,noexec proc /proc
        mount -t sysfs -o nosuid,nodev,noexec sysfs /sys
        mount -t cgroup2 -o nosuid,nodev,noexec,nsdelegate cgroup2 /sys/fs/cgroup || say "no cgroup2 file system"
        mkdir -p /dev/pts /dev/shm
        mount -t devpts -o nosuid,noexec,gid=5,mode=0620,ptmxmode=0666 devpts /dev/pts
        mount -t tmpfs -o nosuid,nodev,mode=1777 tmpfs /dev/shm
        ln -sfn /proc/self/fd /dev/fd
        ln -sfn /proc/self/fd/0 /dev/stdin
        ln -sfn /proc/self/fd/1 /dev/stdout
        ln -sfn /proc/self/fd/2 /dev/stderr
        mount -t tmpfs -o nosuid,nodev,mode=0755 tmpfs /run
        mkdir -p /run/lock /run/sshd
        chmod 1777 /run/lock

        hostname -F /etc/hostname || say "cannot set the host name"
        # Every copy of the image gets its own machine id, as systemd makes one for an empty file.
        if [ ! -s /etc/machine-id ]; then
        	tr -d '-' < /proc/sys/kernel/random/uuid > /etc/machine-id
        fi

        if [ -x /usr/sbin/sysctl ]; then
        	/usr/sbin/sysctl -q --system > /dev/null || say "sysctl --system failed"
        fi
        for list in /etc/modules-load.d/*.conf /run/modules-load.d/*.conf /usr/local/lib/modules-load.d/*.conf /usr/lib/modules-load.d/*.conf; do
        	[ -f "$list" ] || continue
        	sed -e 's/[#;].*//' "$list" | while read -r module; do
        		[ -n "$module" ] && { /usr/sbin/modprobe "$module" || say "cannot load the kernel module $module"; }
        	done
        done

        # The stores are mounted first: tmpfiles makes the daemons' folders in them.
        if [ -x /usr/lib/vbmc/mount-store ]; then
        	/usr/lib/vbmc/mount-store
        fi
        # A socket left on the persistent store disk by an earlier start is not a listening daemon.
        rm -f {{GuestDaemons.GuixSocket}} {{GuestDaemons.NixSocket}}
        # The base's run-time folders and files (tmpfiles.d: the build daemons' socket folders, utmp,
        # vbmc's power-off request folder), beside the secrets (on the VM's other CPU): neither uses
        # what the other makes. Not --remove: the image is fresh at each start, nothing to clean.
        # /run/nologin would keep the offloading account out: systemd removes it once the boot is done.
        { systemd-tmpfiles --create --boot || say "systemd-tmpfiles reported a problem"; } &
        tmpfiles=$!
        sh /usr/lib/vbmc/install-secrets
        wait "$tmpfiles"
        rm -f /run/nologin
        exit 0

        """;

    /// <summary>
    /// Run by init when it powers off, before it ends every process itself: the services end
    /// first, so that the file systems (the persistent store disk's) can be unmounted clean.
    /// </summary>
    public const string ShutdownScript = """
        #!/bin/sh
        # vbmc-shutdown: run by the guest's init as it powers off: ends every process, then unmounts
        # the file systems (or makes them read-only), so that the persistent store disk stays clean.
        kill -s TERM -- -1 2>/dev/null
        sleep 1
        kill -s KILL -- -1 2>/dev/null
        sync
        umount -a -r 2>/dev/null
        sync
        exit 0

        """;

    /// <summary>
    /// A root shell on the second serial port, which the launch script puts on the host's console
    /// socket (vbmc console): see <see cref="GuestUnits.ConsoleService"/> for why root needs no
    /// password there. A VM started without the socket has no UART at ttyS1 (type 0): then nothing runs.
    /// </summary>
    public static readonly string ConsoleScript = $"""
        #!/bin/sh
        # vbmc: a root shell on the second serial port (vbmc console), started by the guest's init
        # ({InittabPath}) and started again when it ends; it waits for a client to press Enter.
        type=0
        read -r type < /sys/class/tty/ttyS1/type
        if [ "$type" = 0 ]; then
        	exec sleep 2147483647
        fi
        exec {GuestUnits.ConsoleGetty}

        """;

    /// <summary>
    /// The offloading account has no root rights, yet the host must be able to shut the guest down
    /// cleanly over SSH (QEMU then exits 0): creating the request file asks init to power off
    /// (SIGUSR2 is busybox init's power-off). Looked at every second: a second of delay, no daemon.
    /// </summary>
    public static readonly string PoweroffWatchScript = $"""
        #!/bin/sh
        # vbmc: powers the guest off when the offloading account creates {GuestUnits.PoweroffRequestPath}.
        while [ ! -e {GuestUnits.PoweroffRequestPath} ]; do
        	sleep 1
        done
        echo "vbmc: powering off at the offloading account's request" >&2
        kill -s USR2 1
        exec sleep 2147483647

        """;
}
