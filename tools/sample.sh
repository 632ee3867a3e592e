#!/usr/bin/env bash
# Quick start 1: install what is missing, configure, build, and lint the bundled
# fictional sample draft (fixtures/sample/overview-report.dhr, built into a .docx).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bash "$root/tools/deps.sh"
cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$root/build" -j"$(nproc)" --target dhrlint dhrlint_sample_fixtures >/dev/null
set +e
"$root/build/dhrlint" "$root/build/fixtures/sample/overview-report.docx" "$@"
rc=$?
set -e
echo "(exit code $rc: 1 means findings at or above --fail-on, as a CI job would see)" >&2
exit 0
