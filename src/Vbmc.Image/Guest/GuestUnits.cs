namespace Vbmc.Image.Guest;

/// <summary>
/// The systemd units and the script vbmc adds to every guest (the script and the console's and
/// power-off's behaviour are shared with <see cref="GuestInit"/>). Static text: nothing in them depends
/// on the configuration, so the same guest files give the same image bytes.
/// </summary>
internal static class GuestUnits
{
    public const string SecretsScriptPath = "/usr/lib/vbmc/install-secrets";
    public const string AuthorizedKeysPath = "/run/vbmc/ssh/authorized_keys";
    public const string HostKeyPath = "/etc/ssh/ssh_host_ed25519_key";

    /// <summary>Where the offloading account asks for a power-off: it creates this file (touch).</summary>
    public const string PoweroffRequestPath = "/run/vbmc/control/poweroff";

    /// <summary>
    /// Runs before sshd. The drive is found by its by-id link when udev has made it already, else
    /// by the serial the kernel shows in sysfs (the initrd loaded virtio_blk, so the disk is there
    /// before udev has handled its events: no wait). Any problem leaves a host key of the guest's
    /// own and an empty authorized keys file, so sshd always starts and nobody logs in with a wrong key.
    /// </summary>
    public const string SecretsScript = """
        #!/bin/sh
        # vbmc-secrets: installs the guest's SSH host key and the offloading account's authorized
        # keys before sshd starts. They arrive on the secrets drive, a tar archive attached read-only
        # as a virtio disk with the serial "vbmc-secrets" (made on the host by 'vbmc apply'): no key
        # is ever baked into the image. Without the drive the guest makes a host key of its own and
        # nobody can log in.
        set -u

        serial=vbmc-secrets
        host_key=/etc/ssh/ssh_host_ed25519_key
        keys_dir=/run/vbmc/ssh
        authorized=$keys_dir/authorized_keys

        say() {
        	echo "vbmc-secrets: $*" >&2
        }

        own_host_key() {
        	if [ ! -s "$host_key" ]; then
        		rm -f "$host_key" "$host_key.pub"
        		ssh-keygen -q -t ed25519 -N '' -C '' -f "$host_key"
        	fi
        }

        # The drive's device: udev's by-id link, else the virtio disk whose serial the kernel shows.
        find_drive() {
        	if [ -b "/dev/disk/by-id/virtio-$serial" ]; then
        		echo "/dev/disk/by-id/virtio-$serial"
        		return 0
        	fi
        	for file in /sys/block/vd*/serial; do
        		[ -r "$file" ] || continue
        		if [ "$(cat "$file")" = "$serial" ]; then
        			disk=${file%/serial}
        			echo "/dev/${disk##*/}"
        			return 0
        		fi
        	done
        	return 1
        }

        umask 022
        mkdir -p "$keys_dir"
        rm -f "$authorized"
        : > "$authorized"

        if ! drive=$(find_drive) || [ ! -b "$drive" ]; then
        	say "no secrets drive: this boot makes its own host key and allows no login"
        	own_host_key
        	exit 0
        fi

        work=$(mktemp -d /run/vbmc/secrets.XXXXXX) || exit 1
        trap 'rm -rf "$work"' EXIT
        umask 077
        if ! tar -x -f "$drive" -C "$work" --no-same-owner; then
        	say "cannot read the secrets drive $drive: this boot makes its own host key and allows no login"
        	own_host_key
        	exit 1
        fi
        for entry in ssh_host_ed25519_key ssh_host_ed25519_key.pub authorized_keys; do
        	if [ ! -f "$work/$entry" ] || [ -L "$work/$entry" ]; then
        		say "the secrets drive has no $entry: this boot makes its own host key and allows no login"
        		own_host_key
        		exit 1
        	fi
        done
        install -m 0600 "$work/ssh_host_ed25519_key" "$host_key"
        install -m 0644 "$work/ssh_host_ed25519_key.pub" "$host_key.pub"
        install -m 0644 "$work/authorized_keys" "$authorized"
        say "installed the host key and the authorized keys from $drive"

        # guix-daemon's own signing key (it signs the results guix offload takes back) and its
        # ACL (the host daemon's key, whose exports it imports), for a guest that runs it. The
        # unprivileged daemon of Debian's package reads them as its own account.
        guix_files="guix-signing-key.sec guix-signing-key.pub guix-acl"
        present=0
        for entry in $guix_files; do
        	if [ -f "$work/$entry" ] && [ ! -L "$work/$entry" ]; then
        		present=$((present + 1))
        	fi
        done
        if [ "$present" -eq 3 ]; then
        	owner=root
        	if getent passwd guix-daemon > /dev/null 2>&1; then
        		owner=guix-daemon
        	fi
        	mkdir -p /etc/guix
        	install -m 0400 "$work/guix-signing-key.sec" /etc/guix/signing-key.sec
        	install -m 0444 "$work/guix-signing-key.pub" /etc/guix/signing-key.pub
        	chown "$owner:" /etc/guix/signing-key.sec /etc/guix/signing-key.pub
        	install -m 0644 "$work/guix-acl" /etc/guix/acl
        	say "installed guix-daemon's signing key and ACL"
        elif [ "$present" -ne 0 ]; then
        	say "the secrets drive has only part of guix-daemon's keys: left out"
        fi

        """;

    public const string SecretsService = """
        [Unit]
        Description=vbmc: SSH host key and authorized keys from the secrets drive
        DefaultDependencies=no
        After=local-fs.target
        Before=ssh.service sysinit.target shutdown.target
        Conflicts=shutdown.target

        [Service]
        Type=oneshot
        RemainAfterExit=yes
        ExecStart=/usr/lib/vbmc/install-secrets
        StandardError=journal+console

        [Install]
        WantedBy=multi-user.target

        """;

    /// <summary>
    /// sshd needs its host key: whoever starts it pulls the secrets unit in first. Debian's unit
    /// runs "sshd -t" before sshd: the empty ExecStartPre= drops it, since sshd checks its
    /// configuration again as it starts (one run of sshd less, seconds without KVM).
    /// </summary>
    public const string SshDropIn = """
        [Unit]
        Wants=vbmc-secrets.service
        After=vbmc-secrets.service

        [Service]
        ExecStartPre=

        """;

    /// <summary>
    /// The offloading account has no root rights, yet the host must be able to shut the guest down
    /// cleanly over SSH (QEMU then exits 0): creating the request file powers the guest off.
    /// </summary>
    public const string PoweroffPath = """
        [Unit]
        Description=vbmc: power off when the offloading account asks (/run/vbmc/control/poweroff)

        [Path]
        PathExists=/run/vbmc/control/poweroff

        [Install]
        WantedBy=paths.target

        """;

    public const string PoweroffService = """
        [Unit]
        Description=vbmc: power off at the offloading account's request

        [Service]
        Type=oneshot
        ExecStart=/bin/systemctl --no-block poweroff

        """;

    /// <summary>
    /// A root shell on the second serial port, which the launch script puts on the host's console
    /// socket (vbmc console). Root without a password because that socket is only for its owner,
    /// the VM's account, and the host's root (0700), who own the guest's disks anyway; nothing
    /// runs until a client presses Enter (--wait-cr: vbmc console sends one), and Type=idle starts
    /// it after the boot's jobs, so it costs the boot nothing. A VM started without the socket has
    /// no UART there (type 0): the condition keeps agetty from failing in a loop.
    /// </summary>
    /// <summary>The console's login prompt on ttyS1: root logged in once a client presses Enter (see <see cref="ConsoleService"/>).</summary>
    public const string ConsoleGetty = "/sbin/agetty --wait-cr --autologin root --noclear --keep-baud 115200,38400,9600 ttyS1 vt220";

    public const string ConsoleService = $$"""
        [Unit]
        Description=vbmc: root shell on the second serial port (vbmc console)
        After=systemd-user-sessions.service

        [Service]
        ExecCondition=/bin/sh -c 'read -r type </sys/class/tty/ttyS1/type && [ "$$type" != 0 ]'
        ExecStart=-{{ConsoleGetty}}
        Type=idle
        Restart=always
        RestartSec=1
        UtmpIdentifier=ttyS1
        TTYPath=/dev/ttyS1
        TTYReset=yes
        TTYVHangup=yes
        IgnoreSIGPIPE=no
        SendSIGHUP=yes
        KillMode=process

        [Install]
        WantedBy=multi-user.target

        """;

    /// <summary>DHCP on the virtio NIC: QEMU's user network gives 10.0.2.15 and its DNS is 10.0.2.3.</summary>
    public const string Network = """
        [Match]
        Type=ether

        [Network]
        DHCP=ipv4
        LinkLocalAddressing=no
        IPv6AcceptRA=no

        """;

    /// <summary>The journal (and so syslog) on the serial console, kept in memory only.</summary>
    public const string Journald = """
        [Journal]
        Storage=volatile
        ForwardToConsole=yes
        TTYPath=/dev/ttyS0
        MaxLevelConsole=info

        """;

    /// <summary>
    /// QEMU's PC machine has an IDE controller with a CD-ROM drive, a PC speaker and a VGA card the
    /// guest never uses (its disks are virtio, its console serial): udev would load their drivers
    /// at boot, seconds each without KVM, competing with sshd's start. A blacklist only stops
    /// loading by device alias; "modprobe NAME" still works.
    /// </summary>
    public const string LegacyDeviceBlacklist = """
        # vbmc: drivers of QEMU's default PC devices a build VM does not use (its disks are virtio).
        blacklist ata_piix
        blacklist ata_generic
        blacklist pata_acpi
        blacklist sr_mod
        blacklist floppy
        blacklist bochs
        blacklist pcspkr
        blacklist intel_rapl_msr
        blacklist rapl

        """;

    /// <summary>
    /// The mtime of these files tells systemd that /etc and /var are up to date with /usr
    /// (ConditionNeedsUpdate=): without them, the first boot would rebuild the hwdb and caches.
    /// </summary>
    public const string UpdatedStamp = "# Written by vbmc: /etc and /var match /usr (see systemd-update-done.service(8)).\n";
}
