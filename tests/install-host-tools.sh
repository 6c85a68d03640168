#!/usr/bin/env bash
# Installs, with apt-get and only when missing, the Debian tools vbmc runs (mmdebstrap,
# e2fsprogs, qemu-utils and qemu-system-x86 for guest images and boots; OpenSSH for keys and
# `vbmc test`; systemd for accounts; iproute2's ss, which launch scripts ask for busy ports),
# those that build the native vbmc (clang and zlib1g-dev: `dotnet publish` links it with them,
# tests/publish-native.sh) and those the test suite uses as reference tools (guile-3.0, the
# ShellCheck linter, systemd-analyze, sshd, nix-daemon, sfdisk, file, python3-jsonschema, git and
# pre-commit for the test of .pre-commit-hooks.yaml, cmark-gfm for SARIF's markdown,
# libvirt's virt-xml-validate with the xmllint it runs, for the libvirt domains) and those
# that check how vbmc is installed (src/packaging): groff and man for vbmc(1), bash-completion,
# zsh and fish for the completions, dpkg-dev and lintian for the .deb).
# Used by README's first set-up command and by tests/run-all.sh.
set -uo pipefail

missing=()
command -v guile-3.0 >/dev/null 2>&1 || missing+=(guile-3.0)
/usr/bin/python3 -c 'import jsonschema' >/dev/null 2>&1 || missing+=(python3-jsonschema)
command -v ssh-keygen >/dev/null 2>&1 || missing+=(openssh-client)
[ -x /usr/sbin/sshd ] || missing+=(openssh-server)
command -v shellcheck >/dev/null 2>&1 || missing+=(shellcheck)
command -v systemd-analyze >/dev/null 2>&1 || missing+=(systemd)
command -v qemu-system-x86_64 >/dev/null 2>&1 || missing+=(qemu-system-x86)
command -v qemu-img >/dev/null 2>&1 || missing+=(qemu-utils)
command -v mmdebstrap >/dev/null 2>&1 || missing+=(mmdebstrap)
[ -x /usr/sbin/mke2fs ] && [ -x /usr/sbin/debugfs ] || missing+=(e2fsprogs)
command -v nix-daemon >/dev/null 2>&1 || missing+=(nix-bin)
[ -x /usr/sbin/sfdisk ] || [ -x /sbin/sfdisk ] || missing+=(fdisk)
command -v file >/dev/null 2>&1 || missing+=(file)
command -v git >/dev/null 2>&1 || missing+=(git)
[ -x /usr/bin/pre-commit ] || missing+=(pre-commit)
command -v cmark-gfm >/dev/null 2>&1 || missing+=(cmark-gfm)
command -v ss >/dev/null 2>&1 || [ -x /usr/sbin/ss ] || [ -x /sbin/ss ] || missing+=(iproute2)
# vbmc's man page and completions, and its Debian package (src/packaging, tests/Vbmc.Packaging.Tests).
command -v groff >/dev/null 2>&1 || missing+=(groff-base)
command -v man >/dev/null 2>&1 || missing+=(man-db)
[ -f /usr/share/bash-completion/bash_completion ] || missing+=(bash-completion)
command -v zsh >/dev/null 2>&1 || missing+=(zsh)
command -v fish >/dev/null 2>&1 || missing+=(fish)
command -v dpkg-shlibdeps >/dev/null 2>&1 || missing+=(dpkg-dev)
command -v lintian >/dev/null 2>&1 || missing+=(lintian)
# Native AOT (dotnet publish -p:PublishAot=true) links with clang and needs zlib's headers.
command -v clang >/dev/null 2>&1 || missing+=(clang)
[ -f /usr/include/zlib.h ] || missing+=(zlib1g-dev)
# setsid: `vbmc start` runs a launch script in a session of its own (util-linux is essential in Debian).
command -v setsid >/dev/null 2>&1 || missing+=(util-linux)
# The rootless image test makes an ordinary user (useradd, usermod: passwd) and runs vbmc as it (setpriv).
command -v setpriv >/dev/null 2>&1 || missing+=(util-linux)
PATH="$PATH:/usr/sbin:/sbin" command -v useradd >/dev/null 2>&1 || missing+=(passwd)
command -v virt-xml-validate >/dev/null 2>&1 || missing+=(libvirt-clients)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
if ((${#missing[@]} > 0)); then
  echo "installing: ${missing[*]}"
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
  "${sudo[@]}" apt-get update || exit 1
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}" || exit 1
fi

