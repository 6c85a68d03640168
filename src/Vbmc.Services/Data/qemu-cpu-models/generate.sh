#!/usr/bin/env bash
# The x86 CPU models of the QEMU versions vbmc's launch scripts meet (Debian 12's QEMU on the
# host, Debian sid's in the tests' reference root), as QEMU itself lists them with -cpu help:
# one model or alias a line, sorted. QemuCpuModelCheck reads them; a test regenerates them and
# fails when they differ.
#   bash src/Vbmc.Services/Data/qemu-cpu-models/generate.sh [FOLDER]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here}
# QEMU 7.2 prints "x86 NAME  DESCRIPTION", QEMU 11 "  NAME  DESCRIPTION", under a heading line
# and, in newer versions, before a list of CPUID flags (after a blank line).
list() {
  "$@" -cpu help | awk 'NR == 1 { next } /^$/ { exit } { print ($1 == "x86" ? $2 : $1) }' | LC_ALL=C sort -u
}
version() { "$@" --version | sed -n 's/^QEMU emulator version \([0-9]*\.[0-9]*\).*/\1/p'; }
host_version=$(version qemu-system-x86_64)
list qemu-system-x86_64 >"$out/x86_64-$host_version.txt"
root=$(bash "$here/../../../../tests/reference-root.sh")
root_version=$(version chroot "$root" qemu-system-x86_64)
list chroot "$root" qemu-system-x86_64 >"$out/x86_64-$root_version.txt"
echo "QEMU $host_version (host) and $root_version (reference root) written to $out" >&2
