#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Packs vbmc as a .NET tool (PackAsTool) and prints the package's path on the last line:
#   bash src/packaging/build-tool.sh [--output DIR]
# Output: DIR/vbmc.VERSION.nupkg (default DIR: out/nupkg). The package holds vbmc.dll and its
# libraries, run by the .NET 10 runtime of whoever installs it, so it is packed without Native
# AOT (PublishAot=false). Install it from that folder alone, without any other source:
#   dotnet tool install --tool-path DIR --add-source out/nupkg vbmc
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"

usage() { echo "usage: $0 [--output DIR]" >&2; exit 2; }
output="$repo/out/nupkg"
while (($# > 0)); do
  case "$1" in
    --output) (($# >= 2)) || usage; output="$2"; shift 2 ;;
    *) usage ;;
  esac
done
install -d -m 0755 "$output"
output="$(cd "$output" && pwd)"

dotnet pack "$repo/src/Vbmc.Cli/Vbmc.Cli.csproj" -c Release -nologo -v quiet -o "$output" \
  -p:PackAsTool=true -p:PublishAot=false >&2
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$repo/src/Vbmc.Cli/Vbmc.Cli.csproj" | head -n 1)"
package="$output/vbmc.$version.nupkg"
[ -f "$package" ] || { echo "$0: the pack made no $package" >&2; exit 1; }
echo "$package"
