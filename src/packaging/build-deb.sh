#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Debian package of vbmc with dpkg's own tools and prints its path on the last line:
#   bash src/packaging/build-deb.sh [--binary PATH] [--output DIR]
# The tree is the one install.sh makes for --prefix /usr (binary, vbmc(1), bash/zsh/fish
# completions), with Debian's copyright and changelog; the control file takes the version from
# `vbmc --version`, the architecture from `dpkg --print-architecture` and the shared libraries
# the binary needs from dpkg-shlibdeps. Output: DIR/vbmc_VERSION_ARCH.deb (default DIR: out/deb).
# The Maintainer field is $DEBFULLNAME <$DEBEMAIL> when both are set, else the last commit's author.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"

usage() { echo "usage: $0 [--binary PATH] [--output DIR]" >&2; exit 2; }
binary=
output="$repo/out/deb"
while (($# > 0)); do
  case "$1" in
    --binary) (($# >= 2)) || usage; binary="$2"; shift 2 ;;
    --output) (($# >= 2)) || usage; output="$2"; shift 2 ;;
    *) usage ;;
  esac
done
for tool in dpkg-deb dpkg-shlibdeps; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$0: $tool is missing (apt-get install dpkg-dev)" >&2; exit 2; }
done
[ -n "$binary" ] || binary="$(bash "$repo/tests/publish-native.sh" | tail -n 1)"

version="$("$binary" --version)"
arch="$(dpkg --print-architecture)"
if [ -n "${DEBFULLNAME:-}" ] && [ -n "${DEBEMAIL:-}" ]; then
  maintainer="$DEBFULLNAME <$DEBEMAIL>"
else
  maintainer="$(git -C "$repo" log -1 --format='%an <%ae>')"
fi
# The date of the last commit, not the clock's: the same tree gives the same package.
epoch="$(git -C "$repo" log -1 --format=%ct)"
export SOURCE_DATE_EPOCH="$epoch"

stage="$(mktemp -d "${TMPDIR:-/tmp}/vbmc-deb.XXXXXX")"
trap 'rm -rf "$stage"' EXIT
tree="$stage/vbmc"
bash "$repo/src/packaging/install.sh" --prefix /usr --destdir "$tree" --binary "$binary" >&2

# Debian's form of the licence: a machine-readable copyright naming the GPL text Debian ships.
cat >"$stage/copyright" <<COPYRIGHT
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: vbmc

Files: *
Copyright: $(date -u -d "@$epoch" +%Y) $maintainer
License: GPL-3+
 This program is free software: you can redistribute it and/or modify it under the terms of
 the GNU General Public License as published by the Free Software Foundation, either version 3
 of the License, or (at your option) any later version.
 .
 On Debian systems, the complete text of the GNU General Public License version 3 can be
 found in /usr/share/common-licenses/GPL-3.
COPYRIGHT
install -m 0644 "$stage/copyright" "$tree/usr/share/doc/vbmc/copyright"

# A native package's changelog: one entry for the version built, dated by its commit.
commit="$(git -C "$repo" rev-parse --short=12 HEAD)"
cat >"$stage/changelog" <<CHANGELOG
vbmc ($version) unstable; urgency=medium

  * Built from the vbmc source tree at commit $commit.

 -- $maintainer  $(date -u -R -d "@$epoch")
CHANGELOG
gzip -9n <"$stage/changelog" >"$stage/changelog.gz"
install -m 0644 "$stage/changelog.gz" "$tree/usr/share/doc/vbmc/changelog.gz"

# The libraries the native program links (libc, zlib...), as Debian's dpkg-shlibdeps finds them;
# it reads the package's name from a debian/control beside it.
mkdir -p "$stage/shlibs/debian"
printf 'Source: vbmc\n\nPackage: vbmc\nArchitecture: any\n' >"$stage/shlibs/debian/control"
shlibs="$(cd "$stage/shlibs" && dpkg-shlibdeps -O "$tree/usr/bin/vbmc" | sed -n 's/^shlibs:Depends=//p')"
[ -n "$shlibs" ] || { echo "$0: dpkg-shlibdeps found no library for $tree/usr/bin/vbmc" >&2; exit 1; }

install -d -m 0755 "$tree/DEBIAN"
# dpkg --verify (debsums) checks the installed files against these sums.
(cd "$tree" && find usr -type f -print0 | sort -z | xargs -0 md5sum) >"$stage/md5sums"
install -m 0644 "$stage/md5sums" "$tree/DEBIAN/md5sums"
cat >"$stage/control" <<CONTROL
Package: vbmc
Version: $version
Architecture: $arch
Maintainer: $maintainer
Installed-Size: $(du -sk --exclude=DEBIAN "$tree" | cut -f1)
Depends: $shlibs
Recommends: e2fsprogs, libzstd1, mmdebstrap, openssh-client, qemu-system-x86, qemu-utils, systemd
Suggests: guix | nix-bin
Section: devel
Priority: optional
Description: compiler for Guix-style configurations of virtual build machines
 vbmc checks Guix-style Scheme configurations of virtual build machines (QEMU
 virtual machines whose clock starts at a chosen date and whose CPU model
 matches that date, used as offload targets by guix-daemon or nix-daemon) with
 file:line:col diagnostics, compiles them into guest disk images, launch
 scripts, systemd and Shepherd units, accounts and offload machine files,
 installs those on a host as generations that roll back, and tests each build
 machine over SSH.
 .
 Checking needs nothing else; guest images need mmdebstrap, e2fsprogs and,
 compressed, libzstd1; installing needs systemd, OpenSSH and qemu-utils, and
 the machines run under QEMU.
CONTROL
install -m 0644 "$stage/control" "$tree/DEBIAN/control"

install -d -m 0755 "$output"
deb="$(cd "$output" && pwd)/vbmc_${version}_${arch}.deb"
dpkg-deb --build --root-owner-group "$tree" "$deb" >&2
echo "$deb"
