#!/usr/bin/env bash
# The whole test suite, as CI runs it (.ci/run) and as a developer reruns it:
#   bash tests/run-all.sh
# 1. installs the host tools vbmc and the tests use, only when missing (tests/install-host-tools.sh);
# 2. makes the reference root when missing (tests/reference-root.sh), installs the grammar's npm tool (for the grammar drift test);
# 3. publishes vbmc as the Native AOT program the README installs (tests/publish-native.sh, into
#    out/aot/) and exports VBMC_EXECUTABLE, so that every test that runs the vbmc program (the
#    acceptance runner, the differential harness, the CLI, apply and boot tests) runs that one;
# 4. restores and runs every test project, without the tests of later stages (trait
#    Category=Pending: see tests/Vbmc.Cli.Tests/AcceptanceCatalog.cs);
# 5. runs the acceptance runner again with each installed form of vbmc: install.sh's PREFIX, the
#    .deb (dpkg -i, then dpkg --purge) and the dotnet tool (tests/acceptance-installed.sh);
# 6. names each failed test with the start of its message (CI keeps only the end of the output),
#    ends with the line "N passed, N failed", and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2

bash tests/install-host-tools.sh || exit 1

# The reference root (Debian sid with the real guix and shepherd), made once and cached: the
# end-to-end tests run the real programs from it.
bash tests/reference-root.sh >/dev/null || exit 1

if [ -f grammar/package-lock.json ]; then
  (cd grammar && npm ci --no-audit --no-fund) || exit 1
fi

dotnet restore vbmc.sln || exit 1

publish_start=$(date +%s)
native="$(bash tests/publish-native.sh | tail -n 1)" || { echo "publishing the native vbmc failed"; echo "0 passed, 1 failed"; exit 1; }
export VBMC_EXECUTABLE="$native"
echo "vbmc under test: $VBMC_EXECUTABLE (Native AOT, published in $(($(date +%s) - publish_start)) s)"

results="$(mktemp -d "${TMPDIR:-/tmp}/vbmc-test-results.XXXXXX")"
trap 'rm -rf "$results"' EXIT

dotnet build vbmc.sln --no-restore -nologo || { echo "0 passed, 1 failed"; exit 1; }

# One project at a time, each with its own results folder, so every trx report survives.
status=0
passed=0
failed=0
# Adds the counters of the trx reports in a folder to the totals of the closing line CI reads.
count_trx() {
  local trx counters p f
  for trx in "$1"/*.trx; do
    [ -f "$trx" ] || continue
    counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
    p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
    f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0}))
  done
}
for project in $(dotnet sln vbmc.sln list | tr '\\' '/' | grep -E '\.Tests\.csproj$' | sort); do
  name="$(basename "$project" .csproj)"
  echo "=== $name"
  dotnet test "$project" --no-build --filter "Category!=Pending" \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
    --results-directory "$results/$name" 2>&1 | tee -a "$results/console.log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  count_trx "$results/$name"
done

installed_start=$(date +%s)
bash tests/acceptance-installed.sh "$results/installed" 2>&1 | tee -a "$results/console.log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
for kind in prefix deb tool; do count_trx "$results/installed/$kind"; done
echo "acceptance runner with the installed vbmc (PREFIX, .deb, dotnet tool): $(($(date +%s) - installed_start)) s"

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The build or a test host failed before any test could report: count that as a failure.
  failed=1
fi
# The failed tests again, each with the first lines of what the console logger printed for it.
if grep -q '^ *Failed [A-Za-z]' "$results/console.log" 2>/dev/null; then
  echo "=== failed tests"
  awk '/^ *Failed [A-Za-z]/ { left = 12 } left > 0 { print; left-- }' "$results/console.log" | cut -c1-300 | head -n 200
fi
echo "$passed passed, $failed failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
