#!/usr/bin/env bash
# Publishes vbmc as a Native AOT program (src/Vbmc.Cli: PublishAot) into out/aot/ and prints the
# program's absolute path on its last line:
#   bash tests/publish-native.sh
# tests/run-all.sh runs the CLI tests against it (VBMC_EXECUTABLE), and bench/ measures it. The
# folder is ignored by git and kept between runs: the SDK compiles again only what changed.
# Needs clang and zlib's headers (tests/install-host-tools.sh installs them).
set -euo pipefail
cd "$(dirname "$0")/.."

case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64) rid=linux-arm64 ;;
  *) echo "tests/publish-native.sh: no .NET runtime identifier known for $(uname -m)" >&2; exit 2 ;;
esac
for tool in clang; do
  command -v "$tool" >/dev/null 2>&1 || { echo "tests/publish-native.sh: $tool is missing (run: bash tests/install-host-tools.sh)" >&2; exit 2; }
done

out="$PWD/out/aot"
dotnet publish src/Vbmc.Cli/Vbmc.Cli.csproj -c Release -r "$rid" -o "$out" -nologo -v quiet >&2
if [ ! -x "$out/vbmc" ]; then
  echo "tests/publish-native.sh: the publish made no $out/vbmc" >&2
  exit 1
fi
echo "$out/vbmc"
