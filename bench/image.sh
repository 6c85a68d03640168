#!/usr/bin/env bash
# On-demand benchmark of disk image assembly (not run in CI):
#   bash bench/image.sh [STAGED-ROOT|"" [FORMAT|all [SIZE-GIB [ROUNDS]]]]
# Times vbmc's DiskAssembler (MBR + mke2fs -d + timestamp normalisation + qcow2 writing) on a
# staged root folder against `mke2fs -d` alone on the same folder, in ROUNDS rounds (default 3)
# of mke2fs alone then each format's assembly, and prints key=value lines:
#   content_bytes, content_bytes_on_disk      what the folder holds (apparent / allocated)
#   step_seconds{FORMAT,STEP}                 each step of the format's fastest assembly
#   assemble_seconds{FORMAT}                  the fastest assembly (and its median over the rounds)
#   image_bytes{FORMAT}, image_bytes_on_disk{FORMAT}  the image's size and what it takes on disk
#   mke2fs_only_seconds                       mke2fs -d alone: the fastest of ROUNDS+1 runs (and the median)
#   ratio_raw, ratio_qcow2, ratio_compressed_qcow2   fastest assembly / fastest mke2fs -d alone
#   ratio_median_...                          the same with the medians
#   assemble_cpu_seconds{FORMAT}, mke2fs_only_cpu_seconds, cpu_ratio_...   the same in processor
#                                             time (vbmc's threads and the tools it runs): what a
#                                             build costs whatever else runs; the wall-clock
#                                             ratios show what work on both cores gains
# Each assembly includes the ownership pass a guest image build makes (every entry's owner set
# in the inode tables after mke2fs: owned_entries), with the staged folder's own owners; a base's
# device nodes (none in the stand-in) would add one debugfs run.
# The step "writing partition table" ends when the staged tree's size is known, summed while
# mke2fs already runs: the step after it starts late by that much.
# FORMAT is all (default: raw, qcow2 and compressed-qcow2 in one run), compressed-qcow2, qcow2 or
# raw; SIZE-GIB the virtual size (default 20). On a shared machine the fastest runs are the ones
# least slowed by other work; a difference between the two kinds of ratio says the load changed.
# Without STAGED-ROOT, a stand-in for a Debian root (about 560 MB, 11,000 files) is copied from
# this host's /usr/bin, /usr/share/doc and /usr/lib/python3.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d "${TMPDIR:-/tmp}/vbmc-image-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

for tool in mke2fs debugfs; do
  command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || [ -x "/sbin/$tool" ] \
    || { echo "bench/image.sh: $tool is missing (apt-get install e2fsprogs)" >&2; exit 2; }
done

staged="${1:-}"
if [ -z "$staged" ]; then
  staged="$work/staged"
  echo "copying a stand-in root folder from /usr..." >&2
  mkdir -p "$staged/usr/share" "$staged/usr/lib"
  cp -a /usr/bin "$staged/usr/"
  cp -a /usr/share/doc "$staged/usr/share/"
  cp -a /usr/lib/python3 "$staged/usr/lib/"
fi
[ -d "$staged" ] || { echo "bench/image.sh: $staged is not a folder" >&2; exit 2; }

echo "building the measuring program (Release)..." >&2
# Its own artifacts folder: no obj/bin shared with other builds of the repository.
dotnet build bench/ImageBench/ImageBench.csproj -c Release --artifacts-path "$work/artifacts" -nologo -v quiet >/dev/null
"$work/artifacts/bin/ImageBench/release/ImageBench" "$staged" "${2:-all}" "${3:-20}" "${4:-3}"
