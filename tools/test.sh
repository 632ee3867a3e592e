#!/usr/bin/env bash
# Quick start 2 (and what CI runs): install what is missing, then a release
# build + the whole test suite, then an ASan+UBSan build + the whole suite
# (-O1 with line tables: fast enough to build and run inside CI's budget).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bash "$root/tools/deps.sh" --test
jobs="$(nproc)"
run_suite() {
  local dir="$1"; shift
  cmake -S "$root" -B "$dir" "$@" >/dev/null
  cmake --build "$dir" -j"$jobs"
  (cd "$dir" && ctest --output-on-failure -j"$jobs")
}
echo "== release build and tests"
run_suite "$root/build" -DCMAKE_BUILD_TYPE=Release
echo "== ASan+UBSan build and tests"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  run_suite "$root/build-asan" -DCMAKE_BUILD_TYPE=None -DCMAKE_CXX_FLAGS="-O1 -g1" -DDHRLINT_SANITIZE=ON
