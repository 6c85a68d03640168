#!/usr/bin/env bash
# On-demand benchmark (not run in CI):
#   bash bench/boot.sh [RUNS]
# Compiles examples/boot-2014.scm (2 CPUs, 1024 MiB, clock at 2014-06-01) with its image
# (the Debian base comes from vbmc's cache; the first run makes it), then boots it RUNS times
# (default 3) with the generated run-boot-2014.sh under TCG, and prints the image build time,
# the image's size on disk and, per boot and as the median, the time from starting the script
# to reading sshd's "SSH-" banner on the forwarded port (the port accepts connections before
# the guest's sshd runs, so only the banner says it is up).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
work="$(mktemp -d "${TMPDIR:-/tmp}/vbmc-boot-bench.XXXXXX")"
qemu_pid=""
cleanup() {
  if [ -n "$qemu_pid" ]; then kill "$qemu_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# A free loopback port for the guest's SSH, written into a copy of the example.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
sed "s/11422/$port/" examples/boot-2014.scm >"$work/boot-2014.scm"

echo "building vbmc..."
dotnet build src/Vbmc.Cli/Vbmc.Cli.csproj -c Release -o "$work/vbmc" -nologo -v quiet >/dev/null

start=$(date +%s%N)
dotnet "$work/vbmc/vbmc.dll" compile "$work/boot-2014.scm" -o "$work/out" --quiet
end=$(date +%s%N)
echo "image_build_seconds=$(awk -v n=$((end - start)) 'BEGIN { printf "%.1f", n / 1e9 }')"
echo "image_bytes_on_disk=$(du -B1 "$work/out/boot-2014.qcow2" | cut -f1)"
echo "image_virtual_bytes=$(qemu-img info --output=json "$work/out/boot-2014.qcow2" | python3 -c 'import json,sys; print(json.load(sys.stdin)["virtual-size"])')"

# banner PORT: true once "SSH-" can be read from 127.0.0.1:PORT.
banner() {
  python3 - "$1" <<'PY'
import socket, sys
try:
    with socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=3) as s:
        s.settimeout(5)
        sys.exit(0 if s.recv(4) == b"SSH-" else 1)
except OSError:
    sys.exit(1)
PY
}

times=()
for ((i = 1; i <= runs; i++)); do
  start=$(date +%s%N)
  sh "$work/out/run-boot-2014.sh" --accel tcg --no-secrets --no-pidfile --serial-log "$work/serial-$i.log" >"$work/qemu-$i.log" 2>&1 &
  qemu_pid=$!
  until banner "$port"; do
    if ! kill -0 "$qemu_pid" 2>/dev/null; then echo "QEMU exited; see the serial log:" >&2; tail -20 "$work/serial-$i.log" >&2; exit 1; fi
    if (( ($(date +%s%N) - start) / 1000000000 > 300 )); then echo "no banner after 300 s" >&2; exit 1; fi
    sleep 0.5
  done
  end=$(date +%s%N)
  seconds=$(awk -v n=$((end - start)) 'BEGIN { printf "%.1f", n / 1e9 }')
  echo "boot $i: banner after ${seconds} s"
  times+=("$seconds")
  kill "$qemu_pid"
  wait "$qemu_pid" 2>/dev/null || true
  qemu_pid=""
done
echo "boot_to_banner_seconds=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
echo "load_average=$(cut -d' ' -f1-3 /proc/loadavg)"
