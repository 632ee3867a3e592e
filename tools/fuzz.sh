#!/usr/bin/env bash
# tools/fuzz.sh [SECONDS]: builds the libFuzzer target with clang
# (-fsanitize=fuzzer,address,undefined) in build-fuzz/ and fuzzes the whole
# path (zip, XML, model, numbering, every rule, every output) for SECONDS
# (default 1800), seeded with every fixture and the shared corpus (as whole
# packages and as their single XML parts: tests/fuzz/fuzz_one.hpp), with
# tests/fuzz/ooxml.dict. Crashes, leaks, timeouts and out-of-memory inputs
# land in build-fuzz/artifacts/; minimise one with
#   build-fuzz/dhrlint_fuzz -minimize_crash=1 -runs=10000 ARTIFACT
# and add the result to tests/fuzz/regressions/ (the replay test runs it).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-1800}"
bash "$root/tools/deps.sh"
need=(clang-14 libclang-rt-14-dev libfuzzer-14-dev python3)
missing=()
for p in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
out="$root/build-fuzz"
cmake -S "$root" -B "$out" -DCMAKE_BUILD_TYPE=None -DCMAKE_C_COMPILER=clang-14 \
  -DCMAKE_CXX_COMPILER=clang++-14 -DDHRLINT_FUZZ=ON -DDHRLINT_BUILD_TESTS=OFF \
  -DCMAKE_CXX_FLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined" \
  >/dev/null
cmake --build "$out" -j"$(nproc)" --target dhrlint_fuzz dhrlint-mkfixture
seeds="$out/seeds"
rm -rf "$seeds"; mkdir -p "$seeds" "$out/corpus" "$out/artifacts"
corpus="${DHRLINT_CORPUS_DIR:-$root/../shared/corpus/docx}"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
for src in "$root"/fixtures/rules/*/*.dhr "$root"/fixtures/sample/*.dhr; do
  "$out/dhrlint-mkfixture" "$src" "$tmp/$(basename "$src" .dhr).docx" >/dev/null
done
python3 - "$seeds" "$tmp" "$corpus" "$root/tests/fuzz/regressions" <<'PY'
import hashlib, os, sys, zipfile
seeds, *dirs = sys.argv[1:]
parts = {"word/document.xml": 1, "word/numbering.xml": 2, "word/styles.xml": 3,
         "word/footnotes.xml": 4, "word/comments.xml": 5, "docProps/core.xml": 6,
         "word/settings.xml": 7}
def seed(data):
    with open(os.path.join(seeds, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)
for d in dirs:
    if not os.path.isdir(d):
        continue
    for name in sorted(os.listdir(d)):
        path = os.path.join(d, name)
        data = open(path, "rb").read()
        if name.endswith((".docx", ".docm")):
            if len(data) < 2_000_000:
                seed(b"\x00" + data)
            try:
                with zipfile.ZipFile(path) as z:
                    for part, mode in parts.items():
                        if part in z.namelist():
                            seed(bytes([mode]) + z.read(part)[:500_000])
            except Exception:
                pass
        elif os.path.isfile(path) and name != "README.md":
            seed(data)
print(len(os.listdir(seeds)), "seeds")
PY
cd "$out"
# -timeout: an input that takes longer is reported as a hang (the target for
# any input is 2 s in a release build; ASan and UBSan cost about 3x).
exec ./dhrlint_fuzz -dict="$root/tests/fuzz/ooxml.dict" -max_total_time="$seconds" \
  -timeout=10 -rss_limit_mb=2048 -max_len=1048576 -artifact_prefix="$out/artifacts/" \
  -print_final_stats=1 "$out/corpus" "$seeds"
