#!/usr/bin/env python3
"""Writes the generated regression inputs of tests/fuzz/regressions/ (the
hostile input classes of the speed issue, small enough to keep in the
repository). Each file is one fuzz input: a mode byte, then the bytes
(tests/fuzz/fuzz_one.hpp). Usage:
  build/dhrlint-mkfixture BASE.dhr base.docx   (BASE: fuzz_one.cpp's kBase)
  python3 tests/fuzz/make_regressions.py base.docx tests/fuzz/regressions
Inputs the fuzzer finds are added beside these, minimised, by hand."""
import sys
import zipfile

base, out = sys.argv[1], sys.argv[2]
z = zipfile.ZipFile(base)
document = z.read("word/document.xml").decode()
numbering = z.read("word/numbering.xml").decode()
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def write(name, mode, text):
    data = text.encode("utf-8", "surrogateescape") if isinstance(text, str) else text
    with open(f"{out}/{name}", "wb") as f:
        f.write(bytes([mode]) + data)


level = '<w:lvlText w:val="%1.%2.%3."/>'
assert level in numbering
write("numbering-long-level-text", 2,
      numbering.replace(level, '<w:lvlText w:val="%1.%2.' + "%3." * 2000 + '"/>', 1))
write("numbering-percent-beyond-9", 2,
      numbering.replace(level, '<w:lvlText w:val="%10.%0.%99%%%"/>', 1))
body = document.index("<w:body>") + len("<w:body>")
write("document-missing-note-open-comment", 1, document[:body] +
      '<w:p><w:commentRangeStart w:id="41"/><w:r><w:t>Open.</w:t></w:r>'
      '<w:r><w:footnoteReference w:id="999"/></w:r></w:p>' + document[body:])
write("document-invalid-utf8", 1, document[:body].encode() +
      b"<w:p><w:r><w:t>Bad \xc3\x28 bytes \xff\xfe here \xe2\x80.</w:t></w:r></w:p>" +
      document[body:].encode())
depth = 1000
write("document-deep-xmlns", 1,
      f"<w:document {W}><w:body>" +
      '<w:sdt xmlns:v="urn:schemas-microsoft-com:vml"><w:sdtContent>' * depth +
      "<w:p><w:r><w:t>deep</w:t></w:r></w:p>" + "</w:sdtContent></w:sdt>" * depth +
      "</w:body></w:document>")
