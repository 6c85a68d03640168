#!/usr/bin/env bash
# On-demand benchmark (not run in CI): vbmc side by side with GNU Guix 1.5.0, same input files.
#   bash bench/guix.sh [RUNS]      (as root; RUNS defaults to 5)
# For each input, the median wall time of RUNS runs of
#   - `vbmc check FILE` (Release, ReadyToRun, published as bench/run.sh does), and
#   - Guix 1.5.0 in the reference root (tests/reference-root.sh: Debian sid's guix, chrooted with
#     /proc and /dev in a private mount namespace) reading the same file the way the guix
#     command does: a machines file with guix offload's own `build-machines` of
#     (guix scripts offload); an operating-system with guix system's `read-operating-system` of
#     (guix scripts system) (`load*` in its user module, which compiles the file) and then
#     `fold-services` of the operating system's services;
# each a fresh process, start-up included (Guile and Guix's modules for Guix, .NET for vbmc).
# Inputs: a 2-machine file (tests/acceptance/06-machines-file-deprecated-system.scm), examples/build-vm.scm,
# and generated machines files of 1,000 and 10,000 build machines. One untimed run of each side
# first checks that it reads the input (vbmc exits 0; Guix returns the expected number of
# machines, or a folded `system` service) and warms the page cache.
# Prints a table: input, vbmc median ms, Guix median ms, vbmc/Guix. The reference root is
# never written: Guix runs in an overlay of it below a temporary folder.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
if [ "$(id -u)" -ne 0 ]; then
  echo "bench/guix.sh: run as root (it chroots into an overlay of the reference root)" >&2
  exit 2
fi
reference=$(bash tests/reference-root.sh | tail -n 1)
work="$(mktemp -d "${TMPDIR:-/tmp}/vbmc-bench-guix.XXXXXX")"
cleanup() {
  if mountpoint -q "$work/root"; then
    umount "$work/root" || umount -l "$work/root" || { echo "bench/guix.sh: $work/root is still mounted; left in place" >&2; return; }
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "publishing vbmc (Release, ReadyToRun)..."
dotnet publish src/Vbmc.Cli/Vbmc.Cli.csproj -c Release -r linux-x64 --self-contained false \
  -p:PublishReadyToRun=true -o "$work/vbmc" -nologo -v quiet >/dev/null
vbmc="$work/vbmc/vbmc"

# The inputs live in the overlay's upper folder, so vbmc (outside) and Guix (inside, as
# /var/tmp/vbmc-bench) read the very same files.
inside=/var/tmp/vbmc-bench
inputs="$work/upper$inside"
mkdir -p "$inputs" "$work/overlay-work" "$work/root"
cp tests/acceptance/06-machines-file-deprecated-system.scm "$inputs/machines-2.scm"
cp examples/build-vm.scm "$inputs/build-vm.scm"
generate() { # generate N: a machines file of N build machines (bench/run.sh's records)
  echo "(list"
  for ((i = 0; i < $1; i++)); do
    printf ' (build-machine (name "node%d.example.org") (systems (list "x86_64-linux")) (user "offload")\n' "$i"
    printf '   (host-key "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICPPatb3GaTHMYKbPL9K6CPq3KVFF4Nl6crp7HYQvlZd") (parallel-builds %d))\n' $((i % 8 + 1))
  done
  echo ")"
}
generate 1000 >"$inputs/machines-1000.scm"
generate 10000 >"$inputs/machines-10000.scm"

# Guix's side: two Guile programs and a timing loop, all run inside the root.
cat >"$inputs/load-machines.scm" <<'SCM'
;; As guix offload reads /etc/guix/machines.scm: its own 'build-machines' on FILE.
(use-modules (guix scripts offload))
(display (length ((@@ (guix scripts offload) build-machines) (cadr (command-line)))))
(newline)
SCM
cat >"$inputs/load-os.scm" <<'SCM'
;; As guix system reads its configuration file, then the folding of its services.
(use-modules (guix scripts system) (gnu services) (gnu system))
(let* ((os (read-operating-system (cadr (command-line))))
       (system (fold-services (operating-system-services os))))
  (display (service-type-name (service-kind system)))
  (newline))
SCM
cat >"$inputs/time.sh" <<'SH'
# time.sh RUNS EXPECTED PROGRAM FILE: checks that one run prints EXPECTED, then prints the
# median wall time in ms of RUNS runs of `guile PROGRAM FILE`.
runs=$1 expected=$2 program=$3 file=$4
got=$(guile --no-auto-compile -s "$program" "$file" 2>/tmp/guix.err) || true
if [ "$got" != "$expected" ]; then
  echo "Guix read $file as '$got', expected '$expected':" >&2
  cat /tmp/guix.err >&2
  exit 1
fi
times=""
i=0
while [ "$i" -lt "$runs" ]; do
  start=$(date +%s%N)
  guile --no-auto-compile -s "$program" "$file" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  times="$times $(((end - start) / 1000000))"
  i=$((i + 1))
done
printf '%s\n' $times | sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'
SH

mount -t overlay overlay -o "lowerdir=$reference,upperdir=$work/upper,workdir=$work/overlay-work" "$work/root"

# guix_ms EXPECTED PROGRAM FILE: Guix's median, measured inside the root.
guix_ms() {
  unshare --mount --propagation private -- sh -c '
    root=$1; shift
    mount -t proc proc "$root/proc" && mount --rbind /dev "$root/dev" && mount -t tmpfs tmpfs "$root/tmp" &&
    exec chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C.UTF-8 HOME=/root \
      GUILE_AUTO_COMPILE=0 /bin/sh '"$inside"'/time.sh "$@"' sh "$work/root" "$runs" "$1" "$inside/$2" "$inside/$3"
}

# vbmc_ms FILE: vbmc's median (one checked run first).
vbmc_ms() {
  "$vbmc" check "$inputs/$1" >/dev/null 2>"$work/vbmc.err" || { echo "vbmc check $1 failed:" >&2; cat "$work/vbmc.err" >&2; exit 1; }
  local times=() start end
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s%N)
    "$vbmc" check "$inputs/$1" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(((end - start) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'
}

guix_version=$(unshare --mount --propagation private -- sh -c \
  'mount -t proc proc "$1/proc" && exec chroot "$1" /usr/bin/env -i PATH=/usr/bin:/bin guix --version' sh "$work/root" | head -n 1)
echo "$guix_version; vbmc $("$vbmc" --version); medians of $runs runs, ms"
echo
printf '%-40s %10s %10s %10s\n' "input" "vbmc ms" "Guix ms" "vbmc/Guix"
row() { # row LABEL FILE EXPECTED PROGRAM
  local v g
  v=$(vbmc_ms "$2")
  g=$(guix_ms "$3" "$4" "$2")
  printf '%-40s %10s %10s %10s\n' "$1" "$v" "$g" "$(awk -v a="$v" -v b="$g" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')"
}
row "machines file, 2 machines" machines-2.scm 2 load-machines.scm
row "operating-system (build-vm.scm)" build-vm.scm system load-os.scm
row "machines file, 1,000 machines" machines-1000.scm 1000 load-machines.scm
row "machines file, 10,000 machines" machines-10000.scm 10000 load-machines.scm
