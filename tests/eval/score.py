#!/usr/bin/env python3
"""Scores dhrlint on the evaluation drafts: precision and recall per category.

    python3 tests/eval/score.py [--build build] [--drafts tests/eval/drafts]
                                [--categories identifying,incomplete,...]
                                [--producers word,pandoc,libreoffice] [-v]

Each draft is a .dhr file (fixtures/README.md) with a .truth file beside it:
one planted fault a line, `CATEGORY SECTION "span"  # note`, SECTION being
the contract's report paragraph number or `-` for a whole-document fault.
The drafts were written from the statutory guidance and the QA Panel letter,
not from the rule code (tests/eval/README.md). Each draft is built into a
.docx the way Word writes one (dhrlint-mkfixture); with --producers it is also
re-saved by pandoc and by LibreOffice when they are installed, and each copy
is scored on its own (pandoc copies of drafts numbered by hand only: pandoc
renumbers Word's list numbering, so the truth's sections do not apply). Matching is by draft, category and section (the span is
for people to read): a planted fault is found when some finding of its
category is at its section (recall = found / planted); a finding is correct
when some planted fault of its category is at its section (precision =
correct / findings), so two findings on one fault (one per service named in
the sentence, say) are not a false alarm. 
Each truth file declares the categories its draft was annotated for, in a
comment line `# categories: identifying incomplete advocacy hba style ...`;
a truth file without one was annotated for the four older categories
(identifying, incomplete, advocacy, hba). A draft is scored only on the
categories it declares (and --categories selects): a finding of a category
the draft was not annotated for is neither a false alarm nor a hit, since
nobody looked for such faults in it. Findings of undeclared categories
(draft/comments on a draft annotated for the four older ones, say) are not
scored.

Exit code 0 whatever the scores: this is a measurement, not a test
(tests/eval_test.cpp checks that the set itself is well formed).
"""
import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

CATEGORIES = ["identifying", "incomplete", "advocacy", "hba", "repetition", "structure", "equality",
              "action-plan", "children", "culture", "family", "draft", "style"]
DEFAULT_DECLARED = ["identifying", "incomplete", "advocacy", "hba"]
DECLARED_LINE = re.compile(r"^#\s*categories:\s*(?P<cats>.*)$")
TRUTH_LINE = re.compile(r'^(?P<cat>[a-z-]+)\s+(?P<sec>\S+)(?:\s+"(?P<span>(?:[^"\\]|\\.)*)"|\s+-)?\s*(?:#.*)?$')


def read_truth(path):
    """Returns (faults, declared categories)."""
    faults = []
    declared = None
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            d = DECLARED_LINE.match(line)
            if d:
                if declared is not None:
                    sys.exit(f"{path}:{number}: a second '# categories:' line")
                declared = d.group("cats").replace(",", " ").split()
                unknown = [c for c in declared if c not in CATEGORIES]
                if unknown or not declared:
                    sys.exit(f"{path}:{number}: unknown or no categories: {' '.join(unknown)}")
                continue
            if not line or line.startswith("#"):
                continue
            m = TRUTH_LINE.match(line)
            if not m:
                sys.exit(f"{path}:{number}: not CATEGORY SECTION \"span\" [# note]: {line}")
            sec = m.group("sec")
            faults.append({"category": m.group("cat"), "section": None if sec == "-" else sec.rstrip("."),
                           "span": m.group("span") or "", "line": number})
    declared = declared if declared is not None else list(DEFAULT_DECLARED)
    for t in faults:
        if t["category"] not in declared:
            sys.exit(f"{path}:{t['line']}: category {t['category']} is not among the declared ones "
                     f"({' '.join(declared)})")
    return faults, declared


def build(args, drafts, out):
    """Returns {(draft, producer): docx path}."""
    built = {}
    mk = os.path.join(args.build, "dhrlint-mkfixture")
    for name in drafts:
        src = os.path.join(args.drafts, name + ".dhr")
        word = os.path.join(out, f"{name}.word.docx")
        subprocess.run([mk, src, word], check=True, stdout=subprocess.DEVNULL)
        if "word" in args.producers:
            built[(name, "word")] = word
        # pandoc's docx writer drops the numbering of headings and renumbers
        # Word-numbered paragraphs as one flat list (1, 2, 3, ...): its copy
        # of such a draft is a different document whose section numbers the
        # truth file does not describe. Typed numbers survive, so pandoc
        # copies are scored for drafts numbered by hand only.
        word_numbered = any(re.match(r"(?:H[123]|P)(?:\s|$)", line)
                            for line in open(src, encoding="utf-8"))
        if "pandoc" in args.producers and shutil.which("pandoc") and not word_numbered:
            target = os.path.join(out, f"{name}.pandoc.docx")
            subprocess.run(["pandoc", word, "-o", target], check=True)
            built[(name, "pandoc")] = target
        if "libreoffice" in args.producers and shutil.which("soffice"):
            lo_dir = os.path.join(out, "lo-" + name)
            profile = "file://" + os.path.join(out, "lo-profile")
            subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless",
                            "--convert-to", "docx:MS Word 2007 XML", "--outdir", lo_dir, word],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            target = os.path.join(out, f"{name}.libreoffice.docx")
            os.replace(os.path.join(lo_dir, f"{name}.word.docx"), target)
            built[(name, "libreoffice")] = target
    return built


def lint(args, paths):
    exe = os.path.join(args.build, "dhrlint")
    run = subprocess.run([exe, "--format", "json", "--fail-on", "none", *paths],
                         capture_output=True, text=True)
    if run.returncode not in (0, 1, 3):
        sys.exit(f"dhrlint failed ({run.returncode}): {run.stderr}")
    return {f["path"]: f for f in json.loads(run.stdout)["files"]}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--build", default=os.path.join(root, "build"))
    p.add_argument("--drafts", default=os.path.join(here, "drafts"))
    p.add_argument("--categories", default=",".join(CATEGORIES),
                   help="categories to score (each draft only on those it declares); default: all")
    p.add_argument("--producers", default="word")
    p.add_argument("-v", "--verbose", action="store_true", help="list every miss and false alarm")
    p.add_argument("--check", action="store_true",
                   help="only read the truth files and list each draft's faults and declared categories "
                        "(needs no build)")
    args = p.parse_args()
    categories = [c for c in args.categories.split(",") if c]
    unknown = [c for c in categories if c not in CATEGORIES]
    if unknown:
        sys.exit(f"unknown categories: {', '.join(unknown)}")
    drafts = sorted(f[:-4] for f in os.listdir(args.drafts) if f.endswith(".dhr"))
    if not drafts:
        sys.exit(f"no drafts in {args.drafts}")
    truth, declared = {}, {}
    for d in drafts:
        truth[d], declared[d] = read_truth(os.path.join(args.drafts, d + ".truth"))
    if args.check:
        for d in drafts:
            print(f"{d}: {len(truth[d])} faults; categories: {' '.join(declared[d])}")
        return

    with tempfile.TemporaryDirectory() as out:
        built = build(args, drafts, out)
        results = lint(args, list(built.values()))

        counts = collections.defaultdict(lambda: collections.Counter())
        compliant_findings = collections.Counter()
        details = []
        for (draft, producer), path in sorted(built.items()):
            result = results.get(path)
            if result is None or result.get("status") != "ok":
                details.append(f"{draft} [{producer}]: not read: {result and result.get('error')}")
                continue
            scored = [c for c in categories if c in declared[draft]]
            found = [f for f in result["findings"] if f["rule"].split("/")[0] in scored]
            planted = [t for t in truth[draft] if t["category"] in scored]
            planted_at = {(t["category"], t["section"]) for t in planted}
            found_at = {(f["rule"].split("/")[0], f["location"].get("section")) for f in found}
            for t in planted:
                c = counts[(t["category"], producer)]
                c["planted"] += 1
                if (t["category"], t["section"]) in found_at:
                    c["found"] += 1
                else:
                    details.append(f"{draft} [{producer}] MISSED {t['category']} "
                                   f"{t['section'] or '-'} \"{t['span']}\" (truth line {t['line']})")
            for f in found:
                cat = f["rule"].split("/")[0]
                c = counts[(cat, producer)]
                c["findings"] += 1
                if (cat, f["location"].get("section")) in planted_at:
                    c["correct"] += 1
                    continue
                if not truth[draft]:
                    compliant_findings[producer] += 1
                details.append(f"{draft} [{producer}] FALSE ALARM {f['rule']} "
                               f"{f['location'].get('section') or '-'}: {f.get('excerpt', '')}")

    producers = sorted({p for (_, p) in built})
    print(f"{len(drafts)} drafts ({sum(1 for d in drafts if not truth[d])} compliant), "
          f"producers: {', '.join(producers)}")
    print(f"{'category':<12} {'producer':<12} {'drafts':>6} {'planted':>7} {'found':>6} {'findings':>8} "
          f"{'correct':>7} {'precision':>9} {'recall':>6}")
    for cat in categories:
        annotated = sum(1 for d in drafts if cat in declared[d])
        for producer in producers:
            c = counts[(cat, producer)]
            precision = f"{c['correct'] / c['findings']:.2f}" if c["findings"] else "-"
            recall = f"{c['found'] / c['planted']:.2f}" if c["planted"] else "-"
            print(f"{cat:<12} {producer:<12} {annotated:>6} {c['planted']:>7} {c['found']:>6} "
                  f"{c['findings']:>8} {c['correct']:>7} {precision:>9} {recall:>6}")
    for producer in producers:
        print(f"findings on compliant drafts [{producer}]: {compliant_findings[producer]}")
    if args.verbose:
        print()
        print("\n".join(details))


if __name__ == "__main__":
    main()
