#!/usr/bin/env bash
# On-demand benchmark (not run in CI): vbmc side by side with GNU Guix 1.5.0, same input files.
#   bash bench/guix.sh [RUNS]      (as root; RUNS defaults to 5)
# For each input, the median wall time of RUNS runs of
#   - `vbmc check FILE`, the Native AOT program the README installs (tests/publish-native.sh), and
#   - Guix 1.5.0 in the reference root (tests/reference-root.sh: Debian sid's guix, chrooted with
#     /proc and /dev in a private mount namespace) reading the same file the way the guix
#     command does: a machines file with guix offload's own `build-machines` of
#     (guix scripts offload); an operating-system with guix system's `read-operating-system` of
#     (guix scripts system) (`load*` in its user module, which compiles the file) and then
#     `fold-services` of the operating system's services;
# each a fresh process, start-up included (Guile and Guix's modules for Guix).
# Inputs: a 2-machine file (tests/acceptance/06-machines-file-deprecated-system.scm), examples/build-vm.scm,
# and generated machines files of 1,000, 10,000 and 100,000 build machines (Guix is not run on
# the last: it takes minutes a run). One untimed run of each side first checks that it reads the
# input (vbmc exits 0; Guix returns the expected number of machines, or a folded `system`
# service) and warms the page cache.
# Prints a table (input; vbmc's median wall ms, best wall ms and median CPU ms (user + system:
# what the program costs when the machine's other work is set aside); Guix's median and best ms;
# vbmc/Guix of the medians and of the best runs), how vbmc's CPU time grows with the number of
# machines, and the targets of issue 14 (on medians, best runs beside): check at most
# 0.5x Guix on the machines file and 0.1x on the operating-system file, 10,000 machines under
# 0.3 s. The reference root is never written: Guix runs in an overlay of it below a temporary
# folder.
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

echo "publishing vbmc (Native AOT: tests/publish-native.sh)..."
vbmc=$(bash tests/publish-native.sh | tail -n 1)

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
generate 100000 >"$inputs/machines-100000.scm"

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
# median and the best wall time in ms of RUNS runs of `guile PROGRAM FILE`, as "MEDIAN BEST".
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
printf '%s\n' $times | sort -n | awk '{a[NR]=$1} END {if (NR % 2) m=a[(NR+1)/2]; else m=int((a[NR/2]+a[NR/2+1])/2); print m, a[1]}'
SH

mount -t overlay overlay -o "lowerdir=$reference,upperdir=$work/upper,workdir=$work/overlay-work" "$work/root"

# guix_ms EXPECTED PROGRAM FILE: Guix's median and best, "MEDIAN BEST", measured inside the root.
guix_ms() {
  unshare --mount --propagation private -- sh -c '
    root=$1; shift
    mount -t proc proc "$root/proc" && mount --rbind /dev "$root/dev" && mount -t tmpfs tmpfs "$root/tmp" &&
    exec chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C.UTF-8 HOME=/root \
      GUILE_AUTO_COMPILE=0 /bin/sh '"$inside"'/time.sh "$@"' sh "$work/root" "$runs" "$1" "$inside/$2" "$inside/$3"
}

# vbmc_ms FILE: vbmc's median wall time, best wall time and median CPU time (user + system, from
# bash's time), "MEDIAN BEST CPU" in ms (one checked run first).
vbmc_ms() {
  "$vbmc" check "$inputs/$1" >/dev/null 2>"$work/vbmc.err" || { echo "vbmc check $1 failed:" >&2; cat "$work/vbmc.err" >&2; exit 1; }
  local walls=() cpus=() measured
  for ((i = 0; i < runs; i++)); do
    measured=$( { TIMEFORMAT='%3R %3U %3S'; time "$vbmc" check "$inputs/$1" >/dev/null 2>&1 || true; } 2>&1 | tail -n 1)
    walls+=($(awk '{ printf "%d", $1 * 1000 }' <<<"$measured"))
    cpus+=($(awk '{ printf "%d", ($2 + $3) * 1000 }' <<<"$measured"))
  done
  echo "$(median "${walls[@]}") $(printf '%s\n' "${walls[@]}" | sort -n | head -n 1) $(median "${cpus[@]}")"
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }

guix_version=$(unshare --mount --propagation private -- sh -c \
  'mount -t proc proc "$1/proc" && exec chroot "$1" /usr/bin/env -i PATH=/usr/bin:/bin guix --version' sh "$work/root" | head -n 1)
echo "$guix_version; vbmc $("$vbmc" --version); medians of $runs runs, ms"
echo
# Medians are the figures; on a machine shared with other work the best run shows what the
# program itself costs, so both are printed, with the ratio of each.
printf '%-34s %8s %8s %8s %8s %8s %9s %9s\n' "input" "vbmc ms" "best" "cpu ms" "Guix ms" "best" "ratio" "best/best"
declare -A wall best cpu ratio best_ratio
row() { # row KEY LABEL FILE [EXPECTED PROGRAM]: Guix is not run without EXPECTED
  local measured g="-" gb="-" r="-" rb="-"
  measured=$(vbmc_ms "$3")
  read -r "wall[$1]" "best[$1]" "cpu[$1]" <<<"$measured"
  if [ $# -ge 5 ]; then
    measured=$(guix_ms "$4" "$5" "$3")
    read -r g gb <<<"$measured"
    r=$(awk -v a="${wall[$1]}" -v b="$g" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')
    rb=$(awk -v a="${best[$1]}" -v b="$gb" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')
  fi
  ratio[$1]=$r
  best_ratio[$1]=$rb
  printf '%-34s %8s %8s %8s %8s %8s %9s %9s\n' "$2" "${wall[$1]}" "${best[$1]}" "${cpu[$1]}" "$g" "$gb" "$r" "$rb"
}
row m2 "machines file, 2 machines" machines-2.scm 2 load-machines.scm
row os "operating-system (build-vm.scm)" build-vm.scm system load-os.scm
row m1k "machines file, 1,000 machines" machines-1000.scm 1000 load-machines.scm
row m10k "machines file, 10,000 machines" machines-10000.scm 10000 load-machines.scm
row m100k "machines file, 100,000 machines" machines-100000.scm

echo
echo "vbmc, machines (median wall; best; median CPU, ms): 1,000 ${wall[m1k]}; ${best[m1k]}; ${cpu[m1k]}" \
  "- 10,000 ${wall[m10k]}; ${best[m10k]}; ${cpu[m10k]} - 100,000 ${wall[m100k]}; ${best[m100k]}; ${cpu[m100k]}"
echo "growth in CPU time: 10,000 / 1,000 $(awk -v a="${cpu[m10k]}" -v b="${cpu[m1k]}" 'BEGIN { printf "%.1f", a / b }')x," \
  "100,000 / 10,000 $(awk -v a="${cpu[m100k]}" -v b="${cpu[m10k]}" 'BEGIN { printf "%.1f", a / b }')x (linear: 10x)"
verdict() { awk -v v="$1" -v limit="$2" 'BEGIN { print (v != "-" && v + 0 <= limit + 0) ? "met" : "NOT met" }'; }
echo "targets (issue 14), on medians (best runs in brackets):"
echo "  check on the machines file <= 0.5x Guix:         ${ratio[m2]}x $(verdict "${ratio[m2]}" 0.5) (${best_ratio[m2]}x $(verdict "${best_ratio[m2]}" 0.5))"
echo "  check on the operating-system file <= 0.1x Guix: ${ratio[os]}x $(verdict "${ratio[os]}" 0.1) (${best_ratio[os]}x $(verdict "${best_ratio[os]}" 0.1))"
echo "  10,000 machines < 300 ms:                        ${wall[m10k]} ms $(verdict "${wall[m10k]}" 299) (${best[m10k]} ms $(verdict "${best[m10k]}" 299))"
