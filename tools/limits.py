#!/usr/bin/env python3
"""tools/limits.py [BUILD_DIR]: the worst inputs the size limits let through.

Builds, in a temporary folder, .docx files that sit just under each of the
reader's limits (16 MiB a part, 48 MiB a package, 50,000 paragraphs, 2 MiB of
text) in the shapes that cost most per byte, plus some just over them, and
prints for each the whole-process time, the peak memory and how the run
ended. The issue's target: any input ends in a clear error or a correct lint
within 2 s and under 256 MiB. A measurement, never a test: nothing here
asserts a time (these machines are noisy).
"""
import os, random, subprocess, sys, tempfile, zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
      'package/2006/content-types"><Default Extension="rels" ContentType="application/'
      'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
      '"application/xml"/><Override PartName="/word/document.xml" ContentType="application/'
      'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="word/document.xml"/></Relationships>')
DOC_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="http://'
            'schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target='
            '"footnotes.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>')
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
WORDS = ("the panel considered whether Salma had contact with services and whether her family "
         "were offered advocacy by the Home Office in London on 3 May 2019 see paragraph 4.2 "
         "Appendix C Mr Smith said").split()


def write(path, body, extra=None):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/document.xml",
                   f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>{body}</w:body>'
                   "</w:document>")
        for name, data in (extra or {}).items():
            z.writestr(name, data)


def para(text):
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def runs(rng, size):
    out, n = [], 0
    while n < size:
        r = (f'<w:r><w:rPr><w:b w:val="{rng.randint(0, 1)}"/><w:i/></w:rPr>'
             f'<w:t>{rng.choice("abcdefghij")}</w:t></w:r>')
        out.append(r)
        n += len(r)
    return "".join(out)


def cases(rng):
    mib = 1 << 20
    yield "prose, 1.9 MiB of text", lambda p: write(p, "".join(
        para(" ".join(rng.choice(WORDS) for _ in range(150)) + ". Ahmed said so.")
        for _ in range(2300)))
    yield "one-letter words, 1.9 MiB of text", lambda p: write(p, "".join(
        para(" ".join(rng.choice(LETTERS) for _ in range(2000))) for _ in range(490)))
    yield "49,000 paragraphs of 20 one-letter words", lambda p: write(p, "".join(
        para(" ".join(rng.choice(LETTERS) for _ in range(20))) for _ in range(49000)))
    yield "49,990 empty paragraphs", lambda p: write(p, "<w:p/>" * 49990)
    yield "15.5 MiB of one-letter runs in each of 3 parts", lambda p: write(
        p, "<w:p>" + runs(rng, int(15.5 * mib)) + '<w:r><w:footnoteReference w:id="2"/></w:r></w:p>',
        {"word/_rels/document.xml.rels": DOC_RELS,
         "word/footnotes.xml": f'<?xml version="1.0"?><w:footnotes xmlns:w="{W}"><w:footnote '
                               f'w:id="2"><w:p>{runs(rng, int(15.5 * mib))}</w:p></w:footnote>'
                               "</w:footnotes>",
         "word/comments.xml": f'<?xml version="1.0"?><w:comments xmlns:w="{W}"><w:comment w:id="0" '
                              f'w:author="x"><w:p>{runs(rng, int(15.5 * mib))}</w:p></w:comment>'
                              "</w:comments>"})
    yield "over: 2.1 MiB of text", lambda p: write(p, "".join(
        para(" ".join(rng.choice(WORDS) for _ in range(150))) for _ in range(2600)))
    yield "over: 50,001 paragraphs", lambda p: write(p, "<w:p/>" * 50001)
    yield "over: a 17 MiB part", lambda p: write(p, "<w:p>" + runs(rng, 17 * mib) + "</w:p>")


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    build = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "build")
    dhrlint = os.path.join(build, "dhrlint")
    rng = random.Random(2026)
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in cases(rng):
            path = os.path.join(tmp, "case.docx")
            make(path)
            r = subprocess.run(["/usr/bin/time", "-f", "%e %M", dhrlint, "--format", "text",
                                "--fail-on", "none", path], capture_output=True, text=True)
            seconds, kib = r.stderr.strip().splitlines()[-1].split()
            ended = "lint" if r.returncode == 0 else f"exit {r.returncode}: " + next(
                (l for l in r.stdout.splitlines() if "unreadable" in l), "?").split(": ", 1)[-1]
            print(f"{name:<48} {os.path.getsize(path) / 1024:8.0f} KiB  {float(seconds):5.2f} s  "
                  f"{int(kib) / 1024:6.1f} MiB  {ended}")


if __name__ == "__main__":
    main()
