#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The acceptance runner (tests/Vbmc.Cli.Tests/AcceptanceTests.cs) run again with each installed
# form of vbmc, as a user gets it: src/packaging/install.sh into a PREFIX, the .deb installed
# with dpkg (into /usr: run as root, as CI does; removed afterwards), and the dotnet tool
# installed from its package's folder alone. tests/run-all.sh calls it after the main run:
#   VBMC_EXECUTABLE=out/aot/vbmc bash tests/acceptance-installed.sh RESULTS-DIR
# Each run writes RESULTS-DIR/KIND/acceptance-KIND.trx (KIND: prefix, deb, tool), which
# run-all.sh counts. Needs a built Vbmc.Cli.Tests (it runs with --no-build).
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

results="${1:?usage: $0 RESULTS-DIR}"
native="${VBMC_EXECUTABLE:?VBMC_EXECUTABLE must name the native vbmc (tests/publish-native.sh)}"
work="$(mktemp -d "${TMPDIR:-/tmp}/vbmc-installed.XXXXXX")"
deb_installed=0
# shellcheck disable=SC2317 # called by the trap
cleanup() {
  if [ "$deb_installed" -eq 1 ]; then dpkg --purge vbmc >/dev/null || echo "dpkg --purge vbmc failed" >&2; fi
  rm -rf "$work"
}
trap cleanup EXIT

status=0
# Runs the acceptance test class with VBMC_EXECUTABLE set to $2, into RESULTS-DIR/$1.
acceptance() {
  local kind="$1" program="$2" start
  start=$(date +%s)
  echo "=== acceptance runner with the $kind vbmc: $program"
  VBMC_EXECUTABLE="$program" dotnet test tests/Vbmc.Cli.Tests --no-build \
    --filter "FullyQualifiedName~Vbmc.Cli.Tests.AcceptanceTests.&Category!=Pending" \
    --logger "trx;LogFileName=acceptance-$kind.trx" --results-directory "$results/$kind" || status=1
  echo "acceptance runner with the $kind vbmc: $(($(date +%s) - start)) s"
}
timed() {
  local what="$1" start; shift
  start=$(date +%s)
  "$@" || { echo "$what failed" >&2; status=1; return 1; }
  echo "$what: $(($(date +%s) - start)) s"
}

# 1. install.sh into a PREFIX.
if timed "install.sh" bash src/packaging/install.sh --prefix "$work/prefix" --binary "$native"; then
  acceptance prefix "$work/prefix/bin/vbmc"
fi

# 2. The .deb, installed and removed with dpkg.
if dpkg -s vbmc >/dev/null 2>&1; then
  echo "a vbmc package is already installed: remove it first (dpkg -r vbmc); the .deb is not tested" >&2
  status=1
elif start=$(date +%s) && deb="$(bash src/packaging/build-deb.sh --binary "$native" --output "$work/deb" | tail -n 1)" && [ -f "$deb" ]; then
  echo "build-deb.sh: $(($(date +%s) - start)) s"
  if timed "dpkg -i" dpkg -i "$deb"; then
    deb_installed=1
    acceptance deb /usr/bin/vbmc
    timed "dpkg --purge" dpkg --purge vbmc && deb_installed=0
  fi
else
  echo "build-deb.sh failed" >&2
  status=1
fi

# 3. The dotnet tool, from its folder alone (no other NuGet source, an empty package cache).
if timed "build-tool.sh" bash src/packaging/build-tool.sh --output "$work/feed"; then
  cat >"$work/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="vbmc" value="$work/feed" />
  </packageSources>
</configuration>
CONFIG
  version="$("$native" --version)"
  if NUGET_PACKAGES="$work/packages" timed "dotnet tool install" \
    dotnet tool install vbmc --tool-path "$work/tools" --configfile "$work/nuget.config" --version "$version"; then
    acceptance tool "$work/tools/vbmc"
  fi
fi

exit "$status"
