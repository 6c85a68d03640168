#!/usr/bin/env bash
# On-demand benchmark (not run in CI):
#   bash bench/run.sh [RUNS]
# Prints the median wall time of `vbmc check` on each acceptance file (tests/acceptance), the
# start-up time of a trivial .NET console program for comparison (vbmc's floor), the ratio, and
# the throughput of checking a generated machines file of 10,000 build-machine records.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-15}"
work="$(mktemp -d "${TMPDIR:-/tmp}/vbmc-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# Published ReadyToRun, as a user installs it: precompiled code removes most JIT time from
# start-up, which is what a short `vbmc check` run mostly is.
echo "publishing vbmc (Release, ReadyToRun)..."
dotnet publish src/Vbmc.Cli/Vbmc.Cli.csproj -c Release -r linux-x64 --self-contained false \
  -p:PublishReadyToRun=true -o "$work/vbmc" -nologo -v quiet >/dev/null

# A trivial console program, outside the repository so that its Directory.Build.props does
# not apply: the cost of starting .NET at all.
mkdir -p "$work/trivial"
cat >"$work/trivial/trivial.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <InvariantGlobalization>true</InvariantGlobalization>
  </PropertyGroup>
</Project>
XML
echo 'System.Console.WriteLine("hello");' >"$work/trivial/Program.cs"
echo "building the trivial program (Release)..."
dotnet build "$work/trivial/trivial.csproj" -c Release -o "$work/trivial/out" -nologo -v quiet >/dev/null

# median_ms CMD...: runs CMD $runs times and prints the median wall time in milliseconds.
# (Exit codes are ignored: error files exit 1 by design.)
median_ms() {
  local times=() start end
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(((end - start) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'
}

trivial_ms=$(median_ms "$work/trivial/out/trivial")
echo
echo "trivial .NET program start-up: ${trivial_ms} ms (median of $runs)"
echo
printf '%-42s %10s %8s\n' "acceptance file" "median ms" "ratio"
for f in tests/acceptance/*.scm; do
  ms=$(median_ms "$work/vbmc/vbmc" check "$f")
  ratio=$(awk -v a="$ms" -v b="$trivial_ms" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "-" }')
  printf '%-42s %10s %8s\n' "$(basename "$f")" "$ms" "${ratio}x"
done

# 10,000 build-machine records, as one machines file.
big="$work/machines-10000.scm"
{
  echo "(list"
  for ((i = 0; i < 10000; i++)); do
    printf ' (build-machine (name "node%d.example.org") (systems (list "x86_64-linux")) (user "offload")\n' "$i"
    printf '   (host-key "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICPPatb3GaTHMYKbPL9K6CPq3KVFF4Nl6crp7HYQvlZd") (parallel-builds %d))\n' $((i % 8 + 1))
  done
  echo ")"
} >"$big"
big_runs=3
saved_runs=$runs
runs=$big_runs
big_ms=$(median_ms "$work/vbmc/vbmc" check "$big")
runs=$saved_runs
"$work/vbmc/vbmc" check "$big" >/dev/null 2>"$work/big.err" || { echo "checking the generated file failed:"; cat "$work/big.err"; }
echo
echo "generated machines file, 10000 build-machine records: ${big_ms} ms (median of $big_runs)"
awk -v ms="$big_ms" -v t="$trivial_ms" 'BEGIN {
  if (ms > t) printf "throughput: %d records/s (start-up excluded), %d records/s (including start-up)\n", 10000 / ((ms - t) / 1000), 10000 / (ms / 1000);
  else printf "throughput: %d records/s\n", 10000 / (ms / 1000) }'
