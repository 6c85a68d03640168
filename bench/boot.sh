#!/usr/bin/env bash
# On-demand benchmark (not run in CI):
#   bash bench/boot.sh [RUNS]
# Compiles examples/boot-2014.scm (2 CPUs, 1024 MiB, clock at 2014-06-01) with its image
# (the Debian base comes from vbmc's cache; the first run makes it) using the native vbmc of
# tests/publish-native.sh (or the program VBMC names), then boots it RUNS times (default 3)
# each way, in turns, with the generated run-boot-2014.sh under TCG:
#   floor: the same QEMU command (machine, CPU, memory, disks, kernel, initrd) with the same
#     kernel command line plus "init=/usr/bin/true panic=-1": the initrd does all its work
#     (modules, root device, fsck, switch to the root), then the root's init exits at once;
#     the kernel's panic reboots at once and -no-reboot makes QEMU exit. Timed from starting
#     the script to QEMU's exit: the kernel and initrd work every boot of this image pays.
#   boot: the full boot, timed from starting the script to reading sshd's "SSH-" banner on
#     the forwarded port (the port accepts connections before the guest's sshd runs, so only
#     the banner says it is up).
# Prints the image build time and size, each run, the medians (floor_seconds,
# boot_to_banner_seconds), their ratio (goal: at most 1.5) and the load average before and
# after (other work on the machine slows TCG: compare figures of one run only).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
case $runs in ''|*[!0-9]*|0) echo "bench/boot.sh: RUNS must be a positive number, not '$runs'" >&2; exit 2 ;; esac
work="$(mktemp -d "${TMPDIR:-/tmp}/vbmc-boot-bench.XXXXXX")"
qemu_pid=""
cleanup() {
  if [ -n "$qemu_pid" ]; then kill "$qemu_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

seconds_since() {
  awk -v n=$(($(date +%s%N) - $1)) 'BEGIN { printf "%.1f", n / 1e9 }'
}
median() {
  printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

# A free loopback port for the guest's SSH, written into a copy of the example.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
sed "s/11422/$port/" examples/boot-2014.scm >"$work/boot-2014.scm"

if [ -n "${VBMC:-}" ]; then
  vbmc=$VBMC # another build, e.g. of the commit to compare with
else
  echo "building vbmc (tests/publish-native.sh)..."
  vbmc=$(bash tests/publish-native.sh | tail -1)
fi

start=$(date +%s%N)
"$vbmc" compile "$work/boot-2014.scm" -o "$work/out" --quiet
echo "image_build_seconds=$(seconds_since "$start")"
echo "image_bytes_on_disk=$(du -B1 "$work/out/boot-2014.qcow2" | cut -f1)"
echo "image_virtual_bytes=$(qemu-img info --output=json "$work/out/boot-2014.qcow2" | python3 -c 'import json,sys; print(json.load(sys.stdin)["virtual-size"])')"
echo "initrd_bytes=$(stat -c %s "$work/out/boot-2014.initrd")"
echo "load_average_before=$(cut -d' ' -f1-3 /proc/loadavg)"

run=(sh "$work/out/run-boot-2014.sh" --accel tcg --no-secrets --no-pidfile)
# The kernel command line the script passes (-append), to pass it again with the floor's init.
append=$("${run[@]}" --print0 2>/dev/null | tr '\0' '\n' | awk 'previous == "-append" { print; exit } { previous = $0 }')
if [ -z "$append" ]; then echo "bench/boot.sh: the launch script boots no kernel directly (no -append)" >&2; exit 1; fi

# wait_for_banner PORT PID: returns once "SSH-" can be read from 127.0.0.1:PORT (tried every 50 ms
# by one process, so that the time is the banner's to within 0.05 s, as the floor's is QEMU's
# exit); fails when process PID ends first or after 600 s.
wait_for_banner() {
  python3 - "$1" "$2" <<'PY'
import os, socket, sys, time
port, pid = int(sys.argv[1]), int(sys.argv[2])
deadline = time.monotonic() + 600
while time.monotonic() < deadline:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
            s.settimeout(1)
            if s.recv(4) == b"SSH-":
                sys.exit(0)
    except OSError:
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        print("QEMU exited before the banner", file=sys.stderr)
        sys.exit(1)
    time.sleep(0.05)
print("no banner after 600 s", file=sys.stderr)
sys.exit(1)
PY
}

# QEMU appends a later -append over the script's: the floor's command line is the boot's plus its init.
floor() {
  local start status=0
  start=$(date +%s%N)
  timeout 600 "${run[@]}" --serial-log "$work/floor-$1.log" -- -append "$append init=/usr/bin/true panic=-1" >"$work/qemu-floor-$1.log" 2>&1 || status=$?
  if [ "$status" -ne 0 ]; then echo "floor $1: QEMU exited with status $status; see the serial log:" >&2; tail -20 "$work/floor-$1.log" >&2; exit 1; fi
  if ! grep -q 'Attempted to kill init' "$work/floor-$1.log"; then echo "floor $1: the root's init did not run (no panic on exit); see the serial log:" >&2; tail -20 "$work/floor-$1.log" >&2; exit 1; fi
  floor_seconds=$(seconds_since "$start")
}

boot() {
  local start
  start=$(date +%s%N)
  "${run[@]}" --serial-log "$work/serial-$1.log" >"$work/qemu-$1.log" 2>&1 &
  qemu_pid=$!
  if ! wait_for_banner "$port" "$qemu_pid"; then echo "see the serial log:" >&2; tail -20 "$work/serial-$1.log" >&2; exit 1; fi
  boot_seconds=$(seconds_since "$start")
  kill "$qemu_pid"
  wait "$qemu_pid" 2>/dev/null || true
  qemu_pid=""
}

floors=()
boots=()
for ((i = 1; i <= runs; i++)); do
  floor "$i"
  echo "floor $i: QEMU exited after ${floor_seconds} s"
  floors+=("$floor_seconds")
  boot "$i"
  echo "boot $i: banner after ${boot_seconds} s"
  boots+=("$boot_seconds")
done
floor_median=$(median "${floors[@]}")
boot_median=$(median "${boots[@]}")
echo "floor_seconds=$floor_median"
echo "boot_to_banner_seconds=$boot_median"
echo "ratio=$(awk -v b="$boot_median" -v f="$floor_median" 'BEGIN { printf "%.2f", b / f }')"
echo "load_average_after=$(cut -d' ' -f1-3 /proc/loadavg)"
