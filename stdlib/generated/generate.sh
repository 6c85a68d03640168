#!/usr/bin/env bash
# Regenerates the data files of stdlib/generated/ (the public interface of every (gnu ...) and
# (guix ...) module of GNU Guix 1.5.0) by asking the real Guix of the reference root
# (tests/reference-root.sh, made when missing) with describe-guix.scm. As root.
#
#   bash stdlib/generated/generate.sh [OUTPUT-FOLDER]
#
# OUTPUT-FOLDER defaults to stdlib/generated itself: its gnu.scm, guix.scm, gnu/ and guix/ are
# replaced (nothing else there is touched). Guile runs chrooted in a copy-on-write overlay of the
# reference root, in a private mount namespace, with the environment the tests use
# (tests/Vbmc.TestSupport/ReferenceRoot.cs); the cached root is never written. The output is
# deterministic: the same root gives the same bytes. Prints describe-guix.scm's summary (counts by
# kind, modules that fail to load) and the time taken.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
out=${1:-$here}
if [ "$(id -u)" -ne 0 ]; then
  echo "generate.sh: run as root (it chroots into an overlay of the reference root)" >&2
  exit 2
fi
reference=$(bash "$repo/tests/reference-root.sh" | tail -n 1)
[ -d "$reference" ] || { echo "generate.sh: no reference root" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/vbmc-describe-guix.XXXXXX")
trap 'rm -rf "$work"' EXIT
inside=/var/tmp/describe-guix
mkdir -p "$work/upper$inside" "$work/overlay-work" "$work/root"
cp "$here/describe-guix.scm" "$work/upper$inside/describe-guix.scm"

start=$(date +%s%N)
# The overlay and the file systems inside are mounted in the private namespace only: they go
# away with it.
unshare --mount --propagation private -- sh -c '
  set -e
  work=$1 reference=$2 inside=$3
  r=$work/root
  mount -t overlay overlay -o "lowerdir=$reference,upperdir=$work/upper,workdir=$work/overlay-work" "$r"
  mount -t proc proc "$r/proc"
  mount --rbind /dev "$r/dev"
  mount -t sysfs sysfs "$r/sys"
  mount -t tmpfs -o mode=1777 tmpfs "$r/tmp"
  mount -t tmpfs -o mode=755 tmpfs "$r/run"
  exec chroot "$r" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C.UTF-8 HOME=/root USER=root \
    guile --no-auto-compile "$inside/describe-guix.scm" "$inside/out"' \
  sh "$work" "$reference" "$inside" >"$work/summary" 2>"$work/log" || {
  cat "$work/log" >&2
  echo "generate.sh: describe-guix.scm failed (its output above)" >&2
  exit 1
}
end=$(date +%s%N)

result=$work/upper$inside/out
[ -f "$result/guix.scm" ] || { cat "$work/log" >&2; echo "generate.sh: no output" >&2; exit 1; }
mkdir -p "$out"
rm -rf "$out/gnu" "$out/guix" "$out/gnu.scm" "$out/guix.scm"
cp -r "$result/gnu" "$result/guix" "$result/gnu.scm" "$result/guix.scm" "$out/"
cat "$work/summary"
echo "files: $(find "$result" -name '*.scm' | wc -l), bytes: $(cat $(find "$result" -name '*.scm' | sort) | wc -c)"
echo "generated in $(((end - start) / 1000000)) ms into $out"
