#!/usr/bin/env bash
# findings-snapshot.sh BUILD_DIR OUT_DIR: lints every rule fixture, the sample
# drafts and every file of the shared corpus with BUILD_DIR/dhrlint and writes
# one JSON per input under OUT_DIR, so that two builds (before and after a
# refactor or a speed change) can be compared with `diff -r BEFORE AFTER`.
# Fixtures with @identifiers lines are linted without them (the CLI has no
# identifiers file here); the comparison is like for like all the same.
set -euo pipefail
build="$(cd "$1" && pwd)"; out="$2"
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${DHRLINT_CORPUS_DIR:-$root/../shared/corpus/docx}"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
lint() {  # lint NAME FILE: the JSON, with the run's temporary path taken out
  "$build/dhrlint" --format json --fail-on none "$2" 2>/dev/null | sed "s#$tmp/##g; s#$corpus/##g" > "$out/$1.json" || true
}
while IFS= read -r src; do
  rel="${src#"$root/fixtures/"}"; name="${rel//\//__}"
  "$build/dhrlint-mkfixture" "$src" "$tmp/$name.docx" >/dev/null
  lint "$name" "$tmp/$name.docx"
done < <(find "$root/fixtures/rules" "$root/fixtures/sample" -name '*.dhr' | sort)
if [ -d "$corpus" ]; then
  for f in "$corpus"/*.docx "$corpus"/*.docm; do
    [ -e "$f" ] || continue
    lint "corpus__$(basename "$f")" "$f"
  done
fi
echo "$(ls "$out" | wc -l) snapshots in $out"
