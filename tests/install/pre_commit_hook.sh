#!/usr/bin/env bash
# tests/install/pre_commit_hook.sh SOURCE_DIR BUILD_DIR: the hook in
# .pre-commit-hooks.yaml does what pre-commit would make it do. pre-commit
# itself is not installed here (PyPI is out of reach), so this reads the
# hook's entry, args, files and exclude, and runs the entry as pre-commit
# runs a `language: system` hook: entry, args, then the staged files that
# match `files` and not `exclude`, with dhrlint installed on PATH.
set -euo pipefail
src="$1"; build="$2"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" >/dev/null

# The hook's fields, one a line: id, language, entry, files, exclude, args.
python3 - "$src/.pre-commit-hooks.yaml" >"$work/hook" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
fields = {}
for line in text.splitlines():
    m = re.match(r"^\s*-?\s*([a-z_]+):\s*(.*)$", line)
    if m and not line.lstrip().startswith("#"):
        fields.setdefault(m.group(1), m.group(2).strip())
args = fields.get("args", "[]").strip("[]")
print(fields["id"]); print(fields["language"]); print(fields["entry"])
print(fields["files"]); print(fields["exclude"])
print(" ".join(a.strip() for a in args.split(",") if a.strip()))
PY
mapfile -t hook <"$work/hook"
[ "${hook[0]}" = dhrlint ] && [ "${hook[1]}" = system ]
entry="${hook[2]}"; files="${hook[3]}"; exclude="${hook[4]}"; read -r -a args <<<"${hook[5]}"

# Which staged names the hook takes (Python's re, as pre-commit uses).
python3 - "$files" "$exclude" <<'PY'
import re, sys
files, exclude = re.compile(sys.argv[1]), re.compile(sys.argv[2])
take = lambda p: bool(files.search(p)) and not exclude.search(p)
assert take("drafts/overview report.docx") and take("x.docm")
assert not take("x.doc") and not take("notes.txt") and not take("drafts/~$overview.docx")
PY

mkdir -p "$work/repo/.git" "$work/repo/drafts"
cp "$build/fixtures/sample/compliant-report.docx" "$work/repo/drafts/final.docx"
cp "$build/fixtures/sample/overview-report.docx" "$work/repo/drafts/draft.docx"
cd "$work/repo"
PATH="$work/prefix/bin:$PATH" "$entry" "${args[@]}" drafts/final.docx >/dev/null
set +e
PATH="$work/prefix/bin:$PATH" "$entry" "${args[@]}" drafts/final.docx drafts/draft.docx >"$work/out"
rc=$?
set -e
[ "$rc" -eq 1 ] || { echo "the hook should fail a draft with errors (exit $rc)"; exit 1; }
grep -q "drafts/draft.docx" "$work/out"
echo "the pre-commit hook passes the compliant sample and fails the faulty one"
