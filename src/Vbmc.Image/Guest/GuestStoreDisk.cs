namespace Vbmc.Image.Guest;

/// <summary>
/// For a VM with a persistent store disk (store-disk-size): a unit that mounts it, before any
/// build daemon or its socket starts, and binds its folders over /nix, /gnu and /var/guix (each
/// store with its database), so that what the daemons received stays across starts while the
/// rest of the guest is the image's again (snapshot=on). The first start formats the disk and
/// seeds each folder with the image's content. Without the disk (its file was removed, or the
/// script was run with --print) the unit does nothing: the stores start empty, as without the field.
/// </summary>
internal static class GuestStoreDisk
{
    public const string ScriptPath = "/usr/lib/vbmc/mount-store";
    public const string UnitName = "vbmc-store.service";

    public const string Script = """
        #!/bin/sh
        # vbmc-store: keeps the build daemons' stores on the VM's persistent store disk, a virtio
        # disk with the serial "vbmc-store" (made empty on the host by 'vbmc apply').
        set -u

        serial=vbmc-store
        top=/var/lib/vbmc-store

        say() {
        	echo "vbmc-store: $*" >&2
        }

        # The disk's device: the virtio disk whose serial the kernel shows (udev may not have run yet).
        find_disk() {
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

        if ! disk=$(find_disk) || [ ! -b "$disk" ]; then
        	say "no store disk: the stores start empty"
        	exit 0
        fi
        if ! blkid -p "$disk" >/dev/null 2>&1; then
        	say "formatting the store disk $disk (its first start)"
        	mkfs.ext4 -q -L vbmc-store "$disk" || { say "cannot format $disk"; exit 1; }
        fi
        mkdir -p "$top"
        mount -o noatime "$disk" "$top" || { say "cannot mount $disk"; exit 1; }
        for dir in /nix /gnu /var/guix; do
        	[ -d "$dir" ] || continue
        	name=$(echo "${dir#/}" | tr / -)
        	if [ ! -d "$top/$name" ]; then
        		# Seeded under another name and renamed: a cut start seeds again.
        		rm -rf "$top/$name.new"
        		if ! { mkdir "$top/$name.new" && cp -a "$dir/." "$top/$name.new/" \
        			&& chown --reference="$dir" "$top/$name.new" && chmod --reference="$dir" "$top/$name.new" \
        			&& mv "$top/$name.new" "$top/$name"; }; then
        			say "cannot seed $top/$name from $dir"
        			exit 1
        		fi
        	fi
        	mount --bind "$top/$name" "$dir" || { say "cannot mount $top/$name on $dir"; exit 1; }
        done
        say "the stores are on $disk"

        """;

    /// <summary>
    /// Before the daemons' sockets and services (they must open the stores on the disk, not the
    /// image's) and before Debian's gnu-store.mount, for a base where it runs (vbmc masks it:
    /// <see cref="GuestDaemonSettings.ReadOnlyStoreMount"/>). /gnu is bound, not /gnu/store: Debian's
    /// guix-daemon unit stops gnu-store.mount, the unit of whatever is mounted at /gnu/store, and
    /// would unmount a bind of the disk's store there (its builds then went to the image's store,
    /// lost at the next start).
    /// </summary>
    public const string Unit = """
        [Unit]
        Description=vbmc: the build daemons' stores on the persistent store disk
        DefaultDependencies=no
        After=local-fs.target
        Before=sysinit.target sockets.target nix-daemon.socket nix-daemon.service guix-daemon.service gnu-store.mount shutdown.target
        Conflicts=shutdown.target

        [Service]
        Type=oneshot
        RemainAfterExit=yes
        ExecStart=/usr/lib/vbmc/mount-store
        StandardError=journal+console

        [Install]
        WantedBy=sysinit.target

        """;
}
