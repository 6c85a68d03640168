#!/usr/bin/env bash
# The reference root: a Debian sid root folder with the real programs vbmc's files are made for
# (GNU Guix 1.5.0: guix, guix-daemon, guix offload and Guix's compiled modules; GNU Shepherd
# 1.0.9; sid's Nix; QEMU; busybox-static and the OpenSSH client), made once with mmdebstrap and cached.
#
#   bash tests/reference-root.sh          makes the root when missing, prints its folder
#   bash tests/reference-root.sh --key    prints the cache key only (nothing is made)
#
# Cached as CACHE/reference/KEY/root (CACHE: $VBMC_CACHE_DIR, default ~/.cache/vbmc, as vbmc's
# own Debian bases), KEY being the sha256 of the inputs below (written beside it as KEY.txt).
# A lock file makes concurrent callers wait for the first one instead of running mmdebstrap
# twice; the root is unpacked under a temporary name and renamed into place, so a folder named
# KEY/root is always whole. Tests never write into it: they enter a copy-on-write overlay of it
# (tests/Vbmc.TestSupport/ReferenceRoot.cs).
#
# The sid Release file of the mirror these machines reach is past its validity date, hence
# Acquire::Check-Valid-Until "false" (signatures are still checked).
set -euo pipefail

recipe_version=1
suite=sid
mirror=${VBMC_REFERENCE_MIRROR:-http://deb.debian.org/debian}
packages=busybox-static,ca-certificates,guix,iproute2,nix-bin,openssh-client,procps,qemu-system-x86,qemu-utils,shepherd

key_text="vbmc reference root
recipe: $recipe_version
variant: apt
suite: $suite
mirror: $mirror
packages: $packages
"
key=$(printf '%s' "$key_text" | sha256sum | cut -c1-64)
if [ "${1:-}" = "--key" ]; then
  echo "$key"
  exit 0
fi

cache=${VBMC_CACHE_DIR:-$HOME/.cache/vbmc}/reference
folder=$cache/$key
root=$folder/root
if [ -d "$root" ]; then
  echo "$root"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "reference-root.sh: making the reference root needs root (mmdebstrap keeps the root's owners)" >&2
  exit 2
fi
command -v mmdebstrap >/dev/null 2>&1 || {
  echo "reference-root.sh: mmdebstrap is missing: run tests/install-host-tools.sh" >&2
  exit 2
}

mkdir -p "$folder"
exec 9>"$folder/lock"
if ! flock -w 1800 9; then
  echo "reference-root.sh: another process has been making $folder for 30 minutes; remove $folder/lock if none runs" >&2
  exit 2
fi
if [ -d "$root" ]; then # made by whoever held the lock before us
  echo "$root"
  exit 0
fi

work=$(mktemp -d "$folder/.make.XXXXXX")
trap 'rm -rf "$work"' EXIT
echo "reference-root.sh: making the Debian $suite root (guix, shepherd, nix, qemu) with mmdebstrap; about a minute" >&2
start=$(date +%s)
mmdebstrap --variant=apt --aptopt='Acquire::Check-Valid-Until "false"' \
  --include="$packages" --format=tar -- "$suite" "$work/root.tar" "$mirror" >"$work/log" 2>&1 || {
  cat "$work/log" >&2
  echo "reference-root.sh: mmdebstrap failed (log above)" >&2
  exit 2
}
mkdir "$work/root"
tar -x -p --numeric-owner -f "$work/root.tar" -C "$work/root"
rm -f "$work/root.tar"
for program in guix guix-daemon shepherd herd guile busybox qemu-system-x86_64 nix-daemon nix-build; do
  chroot "$work/root" sh -c "command -v $program" >/dev/null || {
    echo "reference-root.sh: the new root has no $program" >&2
    exit 2
  }
done
printf '%s' "$key_text" >"$folder/KEY.txt"
mv "$work/root" "$root"
echo "reference-root.sh: made in $(($(date +%s) - start)) s" >&2
echo "$root"
