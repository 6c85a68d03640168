#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs vbmc as a program of the system, from the repository:
#   bash src/packaging/install.sh [--prefix PREFIX] [--destdir DESTDIR] [--binary PATH]
# PREFIX (default /usr/local) receives:
#   bin/vbmc                                     the native program (mode 0755)
#   share/man/man1/vbmc.1.gz                     vbmc(1), written by `vbmc manual`
#   share/bash-completion/completions/vbmc       `vbmc completion bash`
#   share/zsh/site-functions/_vbmc               `vbmc completion zsh`
#   share/fish/vendor_completions.d/vbmc.fish    `vbmc completion fish`
#   share/doc/vbmc/copyright                     the licence (GPL-3.0-or-later)
# DESTDIR is prepended to every path, for staging a package (build-deb.sh). The binary is the one
# tests/publish-native.sh publishes now (out/aot/vbmc), or PATH. The man page and completions
# come from that binary, so they describe the commands it has. vbmc needs no other file: the
# stdlib and QEMU's CPU models are resources inside it.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"

usage() { echo "usage: $0 [--prefix PREFIX] [--destdir DESTDIR] [--binary PATH]" >&2; exit 2; }
prefix=/usr/local
destdir=
binary=
while (($# > 0)); do
  case "$1" in
    --prefix) (($# >= 2)) || usage; prefix="$2"; shift 2 ;;
    --destdir) (($# >= 2)) || usage; destdir="$2"; shift 2 ;;
    --binary) (($# >= 2)) || usage; binary="$2"; shift 2 ;;
    *) usage ;;
  esac
done
case "$prefix" in /*) ;; *) echo "$0: --prefix must be an absolute path: $prefix" >&2; exit 2 ;; esac

if [ -z "$binary" ]; then
  # Published every time (the SDK redoes only what changed), so the installed program is the source's.
  binary="$(bash "$repo/tests/publish-native.sh" | tail -n 1)"
fi
[ -x "$binary" ] || { echo "$0: $binary is not an executable file" >&2; exit 2; }

root="$destdir$prefix"
work="$(mktemp -d "${TMPDIR:-/tmp}/vbmc-install.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# Everything is generated before anything is installed: a failing generator installs nothing.
"$binary" manual >"$work/vbmc.1"
# -n: no name or time in the gzip header, so the same page gives the same bytes.
gzip -9n <"$work/vbmc.1" >"$work/vbmc.1.gz"
"$binary" completion bash >"$work/vbmc.bash"
"$binary" completion zsh >"$work/_vbmc"
"$binary" completion fish >"$work/vbmc.fish"

install -d -m 0755 "$root/bin" "$root/share/man/man1" "$root/share/bash-completion/completions" \
  "$root/share/zsh/site-functions" "$root/share/fish/vendor_completions.d" "$root/share/doc/vbmc"
install -m 0755 "$binary" "$root/bin/vbmc"
install -m 0644 "$work/vbmc.1.gz" "$root/share/man/man1/vbmc.1.gz"
install -m 0644 "$work/vbmc.bash" "$root/share/bash-completion/completions/vbmc"
install -m 0644 "$work/_vbmc" "$root/share/zsh/site-functions/_vbmc"
install -m 0644 "$work/vbmc.fish" "$root/share/fish/vendor_completions.d/vbmc.fish"
install -m 0644 "$repo/LICENSE" "$root/share/doc/vbmc/copyright"
echo "installed vbmc $("$binary" --version) under $root"
