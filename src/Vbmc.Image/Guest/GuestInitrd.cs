using System.Buffers.Binary;
using System.Text;

namespace Vbmc.Image.Guest;

/// <summary>
/// vbmc's own initrd for the guest, made instead of the base's when the base allows it: the base's
/// static busybox, the kernel modules the root disk needs, and a script that mounts the root and
/// starts its init. Debian's generic initrd (dracut, 25 MB: systemd, udev, its hardware database,
/// drivers for every disk) took 40 s of a 2-minute boot without KVM; this one is about 2 MB, needs
/// no decompression and hands over to the root's init about a second after the kernel starts it:
/// vbmc's guest init (<see cref="GuestInit"/>) when the root has it, else systemd, which then does
/// what the generic initrd did (udev, module loading, the clock from systemd.clock_usec=). The
/// image is fresh at every start (snapshot=on), so no fsck.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal static class GuestInitrd
{
    /// <summary>Where the base's busybox may be; it must be linked statically (the initrd has no libraries).</summary>
    public static readonly IReadOnlyList<string> BusyboxPaths = ["/usr/bin/busybox", "/bin/busybox"];

    /// <summary>The guest path of the base's busybox (the first of <see cref="BusyboxPaths"/> it has), or null.</summary>
    public static string? FindBusybox(RootFolder root) =>
        BusyboxPaths.FirstOrDefault(p => root.FolderPath(p) is { } host && File.Exists(host));

    /// <summary>
    /// What reading the root file system needs (the image is the first virtio disk, its root ext4),
    /// and the virtio NIC: sshd is reachable only once the NIC has its address, and udev in the
    /// root loads a module for it late (after a minute, under TCG, behind every other device's
    /// rules). Each is loaded from the initrd unless the kernel has it built in.
    /// </summary>
    public static readonly IReadOnlyList<string> BootModules = ["virtio_pci", "virtio_blk", "ext4", "virtio_net"];

    /// <summary>Module files busybox's insmod reads (it decompresses xz and gzip itself, not zstd).</summary>
    private static readonly string[] LoadableSuffixes = [".ko", ".ko.xz", ".ko.gz"];

    public const string ModuleFolder = "/lib/vbmc-initrd";

    /// <summary>
    /// The initrd's /init. The kernel consumes root= and init= but leaves them in /proc/cmdline.
    /// A failure powers the VM off with the reason on the console (QEMU then exits; an emergency
    /// shell would only leave an unattended build machine hanging).
    /// </summary>
    public const string InitScript = """
        #!/bin/busybox sh
        # vbmc's initrd: loads the drivers of the root disk and NIC, mounts the root file system that root=
        # names and starts its init (init=, else /sbin/init). Nothing else runs here: no udev, no
        # fsck (the image is fresh at each start), no console set-up; the root's init does the rest.
        bb=/bin/busybox

        fail() {
        	echo "vbmc initrd: $*; powering off" >&2
        	echo o > /proc/sysrq-trigger
        	while :; do $bb sleep 60; done
        }

        $bb mount -t proc proc /proc
        $bb mount -t sysfs sysfs /sys
        $bb mount -t devtmpfs devtmpfs /dev

        for module in $($bb cat /lib/vbmc-initrd/modules); do
        	$bb insmod "/lib/vbmc-initrd/$module" || fail "cannot load the kernel module $module"
        done

        root=
        init=
        mode=ro
        type=
        for argument in $($bb cat /proc/cmdline); do
        	case $argument in
        		root=*) root=${argument#root=} ;;
        		init=*) init=${argument#init=} ;;
        		rootfstype=*) type=${argument#rootfstype=} ;;
        		rw) mode=rw ;;
        		ro) mode=ro ;;
        	esac
        done
        [ -n "$root" ] || fail "no root= on the kernel command line"

        # The disk appears once its driver has probed it: wait up to 30 s.
        tries=0
        while :; do
        	case $root in
        		UUID=*|LABEL=*|PARTUUID=*) device=$($bb findfs "$root" 2>/dev/null) ;;
        		*) device=$root ;;
        	esac
        	if [ -n "$device" ] && [ -b "$device" ]; then
        		break
        	fi
        	tries=$((tries + 1))
        	[ "$tries" -le 300 ] || fail "no root device $root after 30 s"
        	$bb usleep 100000
        done

        # QEMU's user network always gives the guest 10.0.2.15/24 behind 10.0.2.2 (DNS 10.0.2.3): set
        # here, it is up when the root's init starts (no DHCP client, no wait for udev to name the NIC).
        tries=0
        while [ ! -e /sys/class/net/eth0 ]; do
        	tries=$((tries + 1))
        	[ "$tries" -le 100 ] || fail "no network interface eth0 after 10 s"
        	$bb usleep 100000
        done
        $bb ip link set lo up
        $bb ip link set eth0 up || fail "cannot bring eth0 up"
        $bb ip addr add 10.0.2.15/24 dev eth0 || fail "cannot give eth0 its address"
        $bb ip route add default via 10.0.2.2 || fail "cannot add the default route"

        $bb mount ${type:+-t "$type"} -o "$mode" "$device" /root || fail "cannot mount $device on /root"
        # The root's init: init= if given, else vbmc's guest init when the root has it, else systemd's.
        if [ -z "$init" ]; then
        	init=/sbin/init
        	if [ -h /root/usr/lib/vbmc/init ] && [ -f /root/etc/inittab ]; then
        		init=/usr/lib/vbmc/init
        	fi
        fi
        $bb mount --move /dev /root/dev || fail "cannot move /dev to the root file system"
        $bb umount /sys /proc
        exec $bb switch_root /root "$init"

        """;

    /// <summary>
    /// The initrd for the kernel <paramref name="kernelVersion"/> of the staged root, every entry
    /// dated <paramref name="timestamp"/>; or null and why the base's own initrd must be used.
    /// </summary>
    public static (byte[]? Initrd, string Reason) Make(string stagedRoot, string kernelVersion, DateTimeOffset timestamp)
    {
        var root = new RootFolder(stagedRoot);
        if (FindBusybox(root) is not { } busybox) return (null, "the base has no busybox (Debian: busybox-static)");
        var busyboxBytes = File.ReadAllBytes(root.FolderPath(busybox)!);
        if (!IsStaticElf(busyboxBytes)) return (null, "the base's busybox is not linked statically (Debian: busybox-static)");

        var modulesFolder = root.FolderPath("/lib/modules/" + kernelVersion);
        if (modulesFolder is null || !File.Exists(Path.Combine(modulesFolder, "modules.dep")))
            return (null, $"the base has no /lib/modules/{kernelVersion}/modules.dep");
        var builtin = File.Exists(Path.Combine(modulesFolder, "modules.builtin"))
            ? File.ReadAllLines(Path.Combine(modulesFolder, "modules.builtin")).Select(ModuleName).ToHashSet(StringComparer.Ordinal)
            : [];
        var dependencies = ParseModulesDep(File.ReadAllLines(Path.Combine(modulesFolder, "modules.dep")));
        var (order, missing) = LoadOrder(BootModules, builtin, dependencies);
        if (missing is not null) return (null, missing);
        var unreadable = order.FirstOrDefault(m => !LoadableSuffixes.Any(s => m.EndsWith(s, StringComparison.Ordinal)));
        if (unreadable is not null) return (null, $"busybox cannot load the kernel module {unreadable} (compressed with zstd)");

        var archive = new CpioArchive(timestamp.ToUnixTimeSeconds());
        foreach (var folder in new[] { "bin", "dev", "lib", ModuleFolder.TrimStart('/'), "proc", "root", "sys" }) archive.AddFolder(folder);
        archive.AddCharacterDevice("dev/console", 0b110_000_000, 5, 1);
        archive.AddFile("bin/busybox", busyboxBytes, 0b111_101_101);
        archive.AddFile("init", Encoding.UTF8.GetBytes(InitScript), 0b111_101_101);
        var names = order.Select(Path.GetFileName).ToList();
        archive.AddFile(ModuleFolder.TrimStart('/') + "/modules", Encoding.UTF8.GetBytes(string.Concat(names.Select(n => n + "\n"))), 0b110_100_100);
        foreach (var module in order)
            archive.AddFile(ModuleFolder.TrimStart('/') + "/" + Path.GetFileName(module), File.ReadAllBytes(Path.Combine(modulesFolder, module)), 0b110_100_100);
        return (archive.ToArray(), names.Count == 0 ? "busybox, no module (the kernel has the root disk's drivers built in)" : "busybox, " + string.Join(' ', names));
    }

    /// <summary>
    /// The module files to load, in order (each one's dependencies first), for the modules the
    /// kernel does not have built in; or the name of one the kernel has neither way.
    /// </summary>
    internal static (List<string> Order, string? Missing) LoadOrder(IEnumerable<string> wanted, ISet<string> builtin, IReadOnlyDictionary<string, (string File, List<string> Dependencies)> dependencies)
    {
        var order = new List<string>();
        foreach (var name in wanted)
        {
            if (builtin.Contains(name)) continue;
            if (!dependencies.TryGetValue(name, out var entry))
                return (order, $"the kernel has no module {name} (nor has it built in)");
            // modules.dep lists every dependency, the one to load first last.
            foreach (var file in Enumerable.Reverse(entry.Dependencies).Append(entry.File))
                if (!order.Contains(file, StringComparer.Ordinal)) order.Add(file);
        }
        return (order, null);
    }

    /// <summary>modules.dep: "kernel/a/b.ko.xz: kernel/c.ko.xz ..." by module name.</summary>
    internal static Dictionary<string, (string File, List<string> Dependencies)> ParseModulesDep(IEnumerable<string> lines)
    {
        var result = new Dictionary<string, (string, List<string>)>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0) continue;
            var file = line[..colon].Trim();
            var dependencies = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            result.TryAdd(ModuleName(file), (file, dependencies));
        }
        return result;
    }

    /// <summary>"kernel/drivers/block/virtio-blk.ko.xz" is module virtio_blk (the kernel treats '-' as '_').</summary>
    internal static string ModuleName(string file)
    {
        var name = Path.GetFileName(file.Trim());
        var ko = name.IndexOf(".ko", StringComparison.Ordinal);
        return (ko >= 0 ? name[..ko] : name).Replace('-', '_');
    }

    /// <summary>A 64-bit little-endian ELF program with no program interpreter (PT_INTERP): it needs no library.</summary>
    internal static bool IsStaticElf(byte[] file)
    {
        if (file.Length < 64 || file[0] != 0x7f || file[1] != (byte)'E' || file[2] != (byte)'L' || file[3] != (byte)'F') return false;
        if (file[4] != 2 || file[5] != 1) return false; // ELFCLASS64, little-endian
        var programHeaders = BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(0x20));
        var entrySize = BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(0x36));
        var count = BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(0x38));
        if (entrySize < 4 || programHeaders + (ulong)entrySize * count > (ulong)file.Length) return false;
        for (var i = 0; i < count; i++)
        {
            var type = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan((int)programHeaders + i * entrySize));
            if (type == 3) return false; // PT_INTERP: linked dynamically
        }
        return true;
    }
}
