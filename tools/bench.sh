#!/usr/bin/env bash
# tools/bench.sh [RUNS]: the speed benchmark, whole process and per phase, in
# one run (these machines are noisy: compare the ratios, never the absolute
# times across runs). Builds build-bench/ in release with the benchmark
# targets, writes the synthetic 150-page report and the one-page draft, then
# for each document times, paired and interleaved RUNS times (default 15):
#   floor     build-bench/tests/bench/dhrlint-floor: inflate + XML-parse every part
#   dhrlint   dhrlint --format json (the whole process, start-up included)
#   pandoc    pandoc -t plain (when installed)
# and prints medians, the ratio to the floor and peak memory; then a folder
# of 200 reports (100 of each) linted with -j1 and -j2 (3 paired runs); then
# the in-process phases (tests/bench/dhrlint_bench: unzip and parse, the
# reader, rule start-up, each family, each rule's share of a full run, the
# JSON output). Never a test: no time is asserted anywhere.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-15}"
bash "$root/tools/deps.sh"
out="$root/build-bench"
cmake -S "$root" -B "$out" -DCMAKE_BUILD_TYPE=Release -DDHRLINT_BUILD_BENCH=ON \
  -DDHRLINT_BUILD_TESTS=OFF >/dev/null
cmake --build "$out" -j"$(nproc)" --target dhrlint dhrlint-mkfixture dhrlint-floor \
  dhrlint-bench-report dhrlint_bench >/dev/null
docs="$out/bench-docs"
mkdir -p "$docs"
"$out/tests/bench/dhrlint-bench-report" "$docs/large-report.docx"
"$out/dhrlint-mkfixture" "$root/tests/bench/one-page.dhr" "$docs/one-page.docx"
python3 - "$out" "$docs" "$runs" <<'PY'
import os, shutil, statistics, subprocess, sys, time
out, docs, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
def commands(doc):
    c = {"floor": [f"{out}/tests/bench/dhrlint-floor", doc],
         "dhrlint": [f"{out}/dhrlint", "--format", "json", "--fail-on", "none", doc]}
    if shutil.which("pandoc"):
        c["pandoc"] = ["pandoc", doc, "-t", "plain", "-o", os.devnull]
    return c
def peak_kib(cmd):
    r = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], capture_output=True, text=True)
    return int(r.stderr.strip().splitlines()[-1])
for name in ("large-report", "one-page"):
    doc = f"{docs}/{name}.docx"
    cmds = commands(doc)
    times = {k: [] for k in cmds}
    for _ in range(runs):           # interleaved, so drift hits all alike
        for k, cmd in cmds.items():
            t = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times[k].append(time.perf_counter() - t)
    floor = statistics.median(times["floor"])
    print(f"{name}.docx ({os.path.getsize(doc)} bytes), median of {runs} paired runs:")
    for k, ts in times.items():
        m = statistics.median(ts)
        mem = peak_kib(cmds[k]) if k != "pandoc" else 0
        extra = f", peak {mem / 1024:.1f} MiB" if mem else ""
        print(f"  {k:<8} {m * 1000:8.1f} ms  {m / floor:6.1f}x the floor{extra}")
    if "pandoc" in times:
        print(f"  pandoc takes {statistics.median(times['pandoc']) / statistics.median(times['dhrlint']):.1f}x "
              f"as long as dhrlint")
PY
folder="$docs/folder-200"
rm -rf "$folder" && mkdir -p "$folder"
for i in $(seq -w 1 100); do
  cp "$docs/large-report.docx" "$folder/report-$i.docx"
  cp "$docs/one-page.docx" "$folder/draft-$i.docx"
done
python3 - "$out/dhrlint" "$folder" <<'PY'
import statistics, subprocess, sys, time
dhrlint, folder = sys.argv[1], sys.argv[2]
times = {1: [], 2: []}
for _ in range(3):
    for j in (1, 2):
        t = time.perf_counter()
        subprocess.run([dhrlint, f"-j{j}", "--format", "json", "--fail-on", "none", folder],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times[j].append(time.perf_counter() - t)
one, two = statistics.median(times[1]), statistics.median(times[2])
print(f"folder of 200 reports (100 large, 100 one-page), median of 3 paired runs:")
print(f"  -j1 {one:6.2f} s   -j2 {two:6.2f} s   {one / two:4.2f}x faster on 2 cores")
PY
echo "in-process phases (one process, start-up excluded):"
"$out/tests/bench/dhrlint_bench" --benchmark_min_time=1 2>/dev/null | grep -E '^BM_'
