#!/usr/bin/env bash
# The differential harness: vbmc check against GNU Guix 1.5.0 on tests/corpus and Guix's own
# example templates (tests/Vbmc.GuixDifferential.Tests; rules in tests/corpus/README.md).
#   bash tests/guix-differential.sh            run it; prints the per-file table and the summary line
#   bash tests/guix-differential.sh --update   rewrite tests/Vbmc.GuixDifferential.Tests/known-disagreements.txt
#                                              from today's disagreements (after fixing vbmc: the list shrinks)
# Needs root (the reference root is entered as an overlay) and makes the reference root when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
filter="FullyQualifiedName~Vbmc.GuixDifferential.Tests.GuixDifferentialTests"
case "${1:-}" in
  --update)
    export VBMC_GUIX_DIFFERENTIAL_UPDATE=1
    filter="FullyQualifiedName~Vbmc.GuixDifferential.Tests.GuixDifferentialTests.Vbmc_agrees_with_Guix_except_on_the_known_disagreements"
    ;;
  "") ;;
  *) echo "usage: bash tests/guix-differential.sh [--update]" >&2; exit 2 ;;
esac
bash tests/reference-root.sh >/dev/null
dotnet test tests/Vbmc.GuixDifferential.Tests -nologo --filter "$filter" --logger "console;verbosity=detailed"
if [ "${VBMC_GUIX_DIFFERENTIAL_UPDATE:-}" = 1 ]; then
  echo "known disagreements: $(grep -vc '^#' tests/Vbmc.GuixDifferential.Tests/known-disagreements.txt) files (git diff tests/Vbmc.GuixDifferential.Tests/known-disagreements.txt)"
fi
