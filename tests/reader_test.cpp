// The reader: fixtures/ooxml/reader-*/ are unpacked OOXML packages the build
// zips; each holds an `expected` file (format below) written from the
// specification (ECMA-376, ooxml-notes.md, output-contract.md), never from
// dhrlint's output. Corpus files that show a feature are checked too.
//
// `expected` format, one statement a line, `#` comments; values use the
// escapes \t \n \s (space) \\ and \uXXXX:
//   count PART N                      PART has N paragraphs
//   strict 0|1                        Document::strict
//   p PART INDEX                      selects a paragraph; the keys below apply to it:
//     text T | section S | label L | style_id S | heading_level N|none
//     table T R C | table none | depth D | text_box 0|1 | anchor PART INDEX
//     is_toc 0|1 | mark_deleted 0|1 | mark_hidden 0|1 | all_hidden 0|1
//     report_number 0|1 | typed_number N END | typed_number (empty: none)
//     headings PART:INDEX,PART:INDEX (empty: none)
//     list keys, compared as the paragraph's whole list, in order:
//     invisible KIND AT TEXT | revision KIND START END AUTHOR TEXT
//     note_ref KIND ID AT | comment_range ID START END | highlight START END VALUE
//     runspan BEGIN END RUN OFFSET
//   note KIND ID NUMBER PART INDEX    the whole notes list, in order
//   comment ID AUTHOR INITIALS PART:INDEX PARENT|- DONE   the whole comments list
//   header STORY PART TYPE|- NPARAS   the whole headers_footers list
//   property core|app|custom KEY VALUE / no_property GROUP KEY
//   tables N / table_shape NUMBER DEPTH ROWS (rows "|"-separated; cells
//     "COL+SPAN" with "v" when merged from above; "h" starts a header row)
//   reader_note SUBSTRING
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "dhrlint/dhrlint.hpp"
#include "support/fixture_docx.hpp"

namespace {

using dhrlint::Document;
using dhrlint::Paragraph;

std::string unescape(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 >= s.size()) {
      out.push_back(s[i]);
      continue;
    }
    char c = s[++i];
    if (c == 't')
      out.push_back('\t');
    else if (c == 'n')
      out.push_back('\n');
    else if (c == 's')
      out.push_back(' ');
    else if (c == '\\')
      out.push_back('\\');
    else if (c == 'u' && i + 4 < s.size()) {
      unsigned long cp = std::strtoul(s.substr(i + 1, 4).c_str(), nullptr, 16);
      i += 4;
      if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
      } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
      } else {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
      }
    } else {
      out.push_back('\\');
      out.push_back(c);
    }
  }
  return out;
}

std::string note_kind(dhrlint::NoteKind k) {
  return k == dhrlint::NoteKind::kFootnote ? "footnote" : "endnote";
}

std::string where(const Document& doc, std::size_t index) {
  if (index == dhrlint::kNoIndex || index >= doc.paragraphs.size()) return "-";
  return doc.paragraphs[index].part + ":" + std::to_string(doc.paragraphs[index].index);
}

// The paragraph's value for a scalar key, as `expected` writes it.
std::string scalar(const Document& doc, const Paragraph& p, const std::string& key) {
  auto flag = [](bool b) { return std::string(b ? "1" : "0"); };
  if (key == "text") return p.text;
  if (key == "section") return p.section;
  if (key == "label") return p.label;
  if (key == "style_id") return p.style_id;
  if (key == "heading_level") return p.heading_level ? std::to_string(*p.heading_level) : "none";
  if (key == "table") {
    if (!p.table) return "none";
    return std::to_string(p.table->table) + " " + std::to_string(p.table->row) + " " +
           std::to_string(p.table->col);
  }
  if (key == "depth") return p.table ? std::to_string(p.table->depth) : "0";
  if (key == "text_box") return flag(p.in_text_box);
  if (key == "anchor") {
    std::string w = where(doc, p.anchor);
    auto colon = w.rfind(':');
    return colon == std::string::npos ? w : w.substr(0, colon) + " " + w.substr(colon + 1);
  }
  if (key == "is_toc") return flag(p.is_toc);
  if (key == "mark_deleted") return flag(p.mark_deleted);
  if (key == "mark_hidden") return flag(p.mark_hidden);
  if (key == "all_hidden") return flag(p.all_hidden);
  if (key == "report_number") return flag(p.is_report_number);
  if (key == "typed_number") {
    if (p.typed_number.empty()) return "";
    return p.typed_number + " " + std::to_string(p.typed_number_end);
  }
  if (key == "headings") {
    std::string out;
    for (std::size_t h : p.headings) out += (out.empty() ? "" : ",") + where(doc, h);
    return out;
  }
  return "<unknown key " + key + ">";
}

std::vector<std::string> list(const Paragraph& p, const std::string& key) {
  std::vector<std::string> out;
  if (key == "invisible") {
    for (const auto& t : p.invisible) {
      out.push_back(std::string(dhrlint::invisible_kind_name(t.kind)) + " " + std::to_string(t.at) +
                    " " + t.text);
    }
  } else if (key == "revision") {
    for (const auto& r : p.revisions) {
      out.push_back(std::string(dhrlint::revision_kind_name(r.kind)) + " " +
                    std::to_string(r.start) + " " + std::to_string(r.end) + " " + r.author + " " +
                    r.text);
    }
  } else if (key == "note_ref") {
    for (const auto& n : p.note_refs) {
      out.push_back(note_kind(n.kind) + " " + n.id + " " + std::to_string(n.at));
    }
  } else if (key == "comment_range") {
    for (const auto& c : p.comment_ranges) {
      out.push_back(c.id + " " + std::to_string(c.start) + " " + std::to_string(c.end));
    }
  } else if (key == "highlight") {
    for (const auto& h : p.highlights) {
      out.push_back(std::to_string(h.start) + " " + std::to_string(h.end) + " " + h.value);
    }
  } else if (key == "runspan") {
    for (const auto& r : p.runs) {
      out.push_back(std::to_string(r.text_begin) + " " + std::to_string(r.text_end) + " " +
                    std::to_string(r.run) + " " + std::to_string(r.run_offset));
    }
  }
  return out;
}

// One string for doctest to print when a list differs.
std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += "[" + i + "]\n";
  return out;
}

bool is_list_key(const std::string& key) {
  return key == "invisible" || key == "revision" || key == "note_ref" || key == "comment_range" ||
         key == "highlight" || key == "runspan";
}

std::string table_shape(const dhrlint::Table& t) {
  std::string out = std::to_string(t.number) + " " + std::to_string(t.depth) + " ";
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    if (r > 0) out += "|";
    if (t.rows[r].header) out += "h";
    for (std::size_t c = 0; c < t.rows[r].cells.size(); ++c) {
      const auto& cell = t.rows[r].cells[c];
      if (c > 0) out += ",";
      out += std::to_string(cell.col) + "+" + std::to_string(cell.span);
      if (cell.merged_from_above) out += "v";
    }
  }
  return out;
}

std::string fixture_docx(const std::string& name) {
  return std::string(DHRLINT_BINARY_DIR) + "/fixtures/ooxml/" + name + ".docx";
}

// Reads fixture `name` and checks every statement of its `expected` file.
void check_fixture(const std::string& name) {
  std::ifstream in(std::string(DHRLINT_SOURCE_DIR) + "/fixtures/ooxml/" + name + "/expected");
  REQUIRE_MESSAGE(in.good(), "fixture " << name << " has no expected file");
  auto read = dhrlint::read_document(fixture_docx(name));
  REQUIRE_MESSAGE(read.ok(), name << ": " << (read.ok() ? "" : read.error().message));
  const Document& doc = read.value();

  const Paragraph* current = nullptr;
  std::string current_name;
  // List keys are compared whole, once the paragraph's block ends.
  std::map<std::string, std::vector<std::string>> lists;
  std::vector<std::string> notes, comments, headers;
  bool want_notes = false, want_comments = false, want_headers = false;
  auto flush = [&]() {
    if (current != nullptr) {
      for (const auto& [key, want] : lists) {
        std::vector<std::string> got = list(*current, key);
        INFO(name << " " << current_name << " " << key);
        CHECK(join(got) == join(want));
      }
    }
    lists.clear();
  };

  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    line = unescape(line);
    auto space = line.find(' ');
    std::string key = line.substr(0, space);
    std::string value = space == std::string::npos ? "" : line.substr(space + 1);
    INFO(name << ":" << line_no << ": " << line);
    if (key == "p") {
      flush();
      std::istringstream ss(value);
      std::string part;
      std::uint32_t index = 0;
      ss >> part >> index;
      current = doc.find(part, index);
      current_name = value;
      REQUIRE_MESSAGE(current != nullptr, name << ": no paragraph " << value);
    } else if (key == "count") {
      std::istringstream ss(value);
      std::string part;
      std::size_t n = 0;
      ss >> part >> n;
      std::size_t got = 0;
      for (const auto& p : doc.paragraphs) got += p.part == part ? 1 : 0;
      CHECK(got == n);
    } else if (key == "strict") {
      CHECK(doc.strict == (value == "1"));
    } else if (key == "note") {
      want_notes = true;
      notes.push_back(value);
    } else if (key == "comment") {
      want_comments = true;
      comments.push_back(value);
    } else if (key == "header") {
      want_headers = true;
      headers.push_back(value);
    } else if (key == "property" || key == "no_property") {
      std::istringstream ss(value);
      std::string group, prop;
      ss >> group >> prop;
      std::string rest;
      std::getline(ss, rest);
      if (!rest.empty() && rest[0] == ' ') rest.erase(0, 1);
      const auto& m = group == "core"  ? doc.properties.core
                      : group == "app" ? doc.properties.app
                                       : doc.properties.custom;
      auto it = m.find(prop);
      if (key == "no_property") {
        CHECK(it == m.end());
      } else {
        REQUIRE_MESSAGE(it != m.end(), "no property " << group << " " << prop);
        CHECK(it->second == rest);
      }
    } else if (key == "tables") {
      CHECK(std::to_string(doc.tables.size()) == value);
    } else if (key == "table_shape") {
      std::string number = value.substr(0, value.find(' '));
      bool found = false;
      for (const auto& t : doc.tables) {
        if (std::to_string(t.number) == number) {
          found = true;
          CHECK(table_shape(t) == value);
        }
      }
      CHECK_MESSAGE(found, "no table " << number);
    } else if (key == "reader_note") {
      bool found = false;
      for (const auto& n : doc.reader_notes) found = found || n.find(value) != std::string::npos;
      CHECK_MESSAGE(found, "no reader note containing " << value);
    } else if (is_list_key(key)) {
      REQUIRE(current != nullptr);
      lists[key].push_back(value);
    } else {
      REQUIRE(current != nullptr);
      CHECK(scalar(doc, *current, key) == value);
    }
  }
  flush();
  if (want_notes) {
    std::vector<std::string> got;
    for (const auto& n : doc.notes) {
      std::string w = where(doc, n.anchor);
      auto colon = w.rfind(':');
      if (colon != std::string::npos) w[colon] = ' ';
      got.push_back(note_kind(n.kind) + " " + n.id + " " + n.number + " " + w);
    }
    CHECK(join(got) == join(notes));
  }
  if (want_comments) {
    std::vector<std::string> got;
    for (const auto& c : doc.comments) {
      got.push_back(c.id + " " + c.author + " " + c.initials + " " + where(doc, c.anchor) + " " +
                    (c.parent_id.empty() ? "-" : c.parent_id) + " " + (c.done ? "1" : "0"));
    }
    CHECK(join(got) == join(comments));
  }
  if (want_headers) {
    std::vector<std::string> got;
    for (const auto& h : doc.headers_footers) {
      got.push_back(std::string(h.story == dhrlint::Story::kHeader ? "header" : "footer") + " " +
                    h.part + " " + (h.type.empty() ? "-" : h.type) + " " +
                    std::to_string(h.paragraphs.size()));
    }
    CHECK(join(got) == join(headers));
  }
}

std::filesystem::path corpus(const std::string& file) {
  return std::filesystem::path(DHRLINT_CORPUS_DIR) / file;
}

// Corpus files are optional locally (skip with a reason) but required in CI.
bool corpus_file_available(const std::string& file) {
  if (std::filesystem::exists(corpus(file))) return true;
  const char* ci = std::getenv("CI");
  if (ci != nullptr && std::string(ci) == "true") {
    FAIL("corpus file " << file << " is missing under CI=true");
  }
  MESSAGE("corpus file " << file << " not found; skipped");
  return false;
}

std::vector<const Paragraph*> body(const Document& doc) {
  std::vector<const Paragraph*> out;
  for (const auto& p : doc.paragraphs) {
    if (p.story == dhrlint::Story::kBody) out.push_back(&p);
  }
  return out;
}

int occurrences(const Document& doc, const std::string& needle) {
  int n = 0;
  for (const auto& p : doc.paragraphs) {
    for (std::size_t at = p.text.find(needle); at != std::string::npos;
         at = p.text.find(needle, at + 1)) {
      ++n;
    }
  }
  return n;
}

}  // namespace

TEST_CASE("reader: complex fields show their result, nested and without separate") {
  check_fixture("reader-fields");
}
TEST_CASE("reader: run content, symbols, breaks, hyphens, containers, highlights, run map") {
  check_fixture("reader-runs");
}
TEST_CASE("reader: hidden text through run, character style, paragraph style") {
  check_fixture("reader-hidden");
}
TEST_CASE("reader: insertions, deletions, moves, paragraph-mark and format changes") {
  check_fixture("reader-revisions");
}
TEST_CASE("reader: text boxes read once, after their anchor") { check_fixture("reader-textbox"); }
TEST_CASE("reader: content controls at block, row, cell and run level") {
  check_fixture("reader-sdt");
}
TEST_CASE("reader: tables with merges, header rows and nesting") { check_fixture("reader-tables"); }
TEST_CASE("reader: footnotes and endnotes with Word's -1/0 separators") {
  check_fixture("reader-notes-word");
}
TEST_CASE("reader: notes with 0/1 separators and numStart") { check_fixture("reader-notes-zero"); }
TEST_CASE("reader: comments across paragraphs, references, replies") {
  check_fixture("reader-comments");
}
TEST_CASE("reader: headers and footers") { check_fixture("reader-headers"); }
TEST_CASE("reader: document properties") { check_fixture("reader-properties"); }
TEST_CASE("reader: Strict OOXML") { check_fixture("reader-strict"); }
TEST_CASE("reader: typed report numbers versus dates and amounts; sections") {
  check_fixture("reader-typed");
}
TEST_CASE("reader: altChunk content is reported as not analysed") {
  check_fixture("reader-altchunk");
}

TEST_CASE("reader: errors are values naming the reason") {
  auto not_zip = dhrlint::read_document_bytes("plain text, not a package", "x.docx");
  REQUIRE_FALSE(not_zip.ok());
  CHECK(not_zip.error().kind == dhrlint::ErrorKind::kNotZip);
  auto absent = dhrlint::read_document("/nonexistent/dir/report.docx");
  REQUIRE_FALSE(absent.ok());
  CHECK(absent.error().kind == dhrlint::ErrorKind::kIo);
}

TEST_CASE("reader: malformed optional part is an XML error naming the part") {
  auto read = dhrlint::read_document(fixture_docx("reader-bad-footnotes"));
  REQUIRE_FALSE(read.ok());
  CHECK(read.error().kind == dhrlint::ErrorKind::kXml);
  CHECK(read.error().message.find("word/footnotes.xml") != std::string::npos);
}

TEST_CASE("reader: a missing optional part is fine") { check_fixture("reader-missing-optional"); }

TEST_CASE("reader: hostile nesting is capped, not a stack overflow") {
  // fixtures/ooxml/reader-deep nests 300 content controls, 300 hyperlinks
  // and 300 tables; the reader stops at 256 levels and says so.
  check_fixture("reader-deep");
  auto read = dhrlint::read_document(fixture_docx("reader-deep"));
  REQUIRE_MESSAGE(read.ok(), (read.ok() ? "" : read.error().message));
  const Document& doc = read.value();
  CHECK(occurrences(doc, "shallow") == 3);
  CHECK(occurrences(doc, "deep") == 0);
  bool noted = false;
  for (const auto& n : doc.reader_notes)
    noted = noted || n.find("nested deeper") != std::string::npos;
  CHECK(noted);
}

TEST_CASE("reader: corpus text box alternates - the Choice branch is read, once") {
  if (!corpus_file_available("docx4j__textbox_alternates_contrived.docx")) return;
  auto read = dhrlint::read_document(corpus("docx4j__textbox_alternates_contrived.docx"));
  REQUIRE(read.ok());
  // The mc:Choice (Requires="wpg") holds "A text box", the VML mc:Fallback
  // "v:textbox" (ooxml-notes 3.3): the Choice is understood, so only it.
  const Document& doc = read.value();
  CHECK(occurrences(doc, "A text box") == 1);
  CHECK(occurrences(doc, "v:textbox") == 0);
  for (const auto* p : body(doc)) {
    if (p->text == "A text box") {
      CHECK(p->in_text_box);
      CHECK(p->anchor != dhrlint::kNoIndex);
    }
  }
}

TEST_CASE("reader: corpus duplicate-encoded text box is emitted once") {
  // Two w:txbxContent copies (mc:Choice and mc:Fallback) of one text box.
  if (!corpus_file_available("pandoc__textbox_image_duplicate_encoding.docx")) return;
  auto read = dhrlint::read_document(corpus("pandoc__textbox_image_duplicate_encoding.docx"));
  REQUIRE(read.ok());
  int in_boxes = 0;
  for (const auto* p : body(read.value())) in_boxes += p->in_text_box ? 1 : 0;
  CHECK(in_boxes == 1);
  CHECK(occurrences(read.value(), "The image is below.") == 1);
}

TEST_CASE("reader: corpus footnotes - separators skipped, numbered by reference") {
  // pandoc's oracle: "Ouch[1].[2]" with notes "A tachyon walks into a bar." and "Fin."
  if (!corpus_file_available("mammoth__footnotes.docx")) return;
  auto read = dhrlint::read_document(corpus("mammoth__footnotes.docx"));
  REQUIRE(read.ok());
  const Document& doc = read.value();
  REQUIRE(doc.notes.size() == 2);
  CHECK(doc.notes[0].number == "1");
  CHECK(doc.notes[1].number == "2");
  REQUIRE(doc.notes[0].paragraphs.size() == 1);
  CHECK(doc.paragraphs[doc.notes[0].paragraphs[0]].text.find("A tachyon walks into a bar.") !=
        std::string::npos);
  const Paragraph& ouch = doc.paragraphs[0];
  CHECK(ouch.text == "Ouch.");
  REQUIRE(ouch.note_refs.size() == 2);
  CHECK(ouch.note_refs[0].at == 4);
  CHECK(ouch.note_refs[1].at == 5);
  CHECK(doc.notes[0].anchor == 0);
}

TEST_CASE("reader: corpus move - moved text shows once, at its new place") {
  // LibreOffice prints the moved sentence twice; pandoc (changes accepted) once.
  if (!corpus_file_available("pandoc__track_changes_move.docx")) return;
  auto read = dhrlint::read_document(corpus("pandoc__track_changes_move.docx"));
  REQUIRE(read.ok());
  const Document& doc = read.value();
  CHECK(occurrences(doc, "Here is the text to be moved.") == 1);
  bool kept = false;
  for (const auto& p : doc.paragraphs) {
    for (const auto& t : p.invisible) {
      kept = kept || (t.kind == dhrlint::InvisibleKind::kMovedFrom &&
                      t.text.find("Here is the text to be moved.") != std::string::npos);
    }
  }
  CHECK(kept);
}

TEST_CASE("reader: corpus Strict packages read like Transitional") {
  for (const char* file :
       {"mammoth__strict-format.docx", "d2p__strict.docx", "pandoc__7691.docx"}) {
    if (!corpus_file_available(file)) continue;
    auto read = dhrlint::read_document(corpus(file));
    REQUIRE_MESSAGE(read.ok(), file);
    CHECK_MESSAGE(read.value().strict, file);
    bool text = false;
    for (const auto* p : body(read.value())) text = text || !p->text.empty();
    CHECK_MESSAGE(text, file);
  }
}

TEST_CASE("reader: corpus headers - even, default, first and the footer") {
  if (!corpus_file_available("docx4j__odd_even_different_first_page.docx")) return;
  auto read = dhrlint::read_document(corpus("docx4j__odd_even_different_first_page.docx"));
  REQUIRE(read.ok());
  const Document& doc = read.value();
  std::map<std::string, std::string> types;
  for (const auto& hf : doc.headers_footers) types[hf.part] = hf.type;
  CHECK(types["word/header1.xml"] == "even");
  CHECK(types["word/header2.xml"] == "default");
  CHECK(types["word/header3.xml"] == "first");
  CHECK(types["word/footer1.xml"] == "default");
  CHECK(occurrences(doc, "First page") == 1);
  for (const auto& p : doc.paragraphs) {
    if (p.story == dhrlint::Story::kHeader || p.story == dhrlint::Story::kFooter) {
      CHECK(p.section.empty());
    }
  }
}

TEST_CASE("reader: corpus core properties") {
  if (!corpus_file_available("poi__documentProperties.docx")) return;
  auto read = dhrlint::read_document(corpus("poi__documentProperties.docx"));
  REQUIRE(read.ok());
  const auto& core = read.value().properties.core;
  CHECK(core.at("title") == "Hello World");
  CHECK(core.at("creator") == "Paolo Mottadelli");
  CHECK(core.at("category") == "test");
  CHECK(core.at("created") == "2009-07-20T13:12:00Z");
}

TEST_CASE("reader: corpus main part found through relationships") {
  if (!corpus_file_available("pandoc__alternate_document_path.docx")) return;
  auto read = dhrlint::read_document(corpus("pandoc__alternate_document_path.docx"));
  REQUIRE(read.ok());
  CHECK(read.value().main_part != "word/document.xml");
  CHECK(occurrences(read.value(), "This is italic, bold, underlined") == 1);
}

TEST_CASE("reader: contents typed by hand are TOC lines, one such line is not") {
  std::string error;
  const std::string bytes = dhrlint::testing::build_docx(
      "T Contents\n"
      "T 1. Introduction\t3\n"
      "T 2. Analysis ........ 7\n"
      "T Appendix A – Glossary\t12\n"
      "HU1 1. Introduction\n"
      "T 1.1 The review began in 2023.\n"
      "T Calls to the police in 2021\t14\n"
      "T 1.2 The panel met six times.\n",
      &error);
  REQUIRE_MESSAGE(!bytes.empty(), error);
  auto read = dhrlint::read_document_bytes(bytes, "contents.docx");
  REQUIRE(read.ok());
  const auto& ps = read.value().paragraphs;
  REQUIRE(ps.size() >= 8);
  CHECK_FALSE(ps[0].is_toc);  // the title "Contents" has no page number
  CHECK(ps[1].is_toc);
  CHECK(ps[2].is_toc);
  CHECK(ps[3].is_toc);
  CHECK(ps[1].section.empty());  // "1." of the contents is no section
  CHECK_FALSE(ps[1].is_report_number);
  CHECK(ps[4].section == "1");
  CHECK_FALSE(ps[6].is_toc);  // a single line ending in a figure
  CHECK(ps[6].section == "1.1");
  CHECK(ps[7].section == "1.2");
}

TEST_CASE("reader: settings - w:trackRevisions on, off by w:val, absent, no settings part") {
  std::string error;
  auto read_with_settings = [&](const std::string& dhr, const char* settings) {
    dhrlint::testing::DocxParts parts = dhrlint::testing::build_docx_parts(dhr, &error);
    REQUIRE_MESSAGE(!parts.empty(), error);
    for (auto it = parts.begin(); it != parts.end(); ++it) {
      if (it->first == "word/settings.xml") {
        if (settings == nullptr) {
          parts.erase(it);  // the relationship stays: a missing optional part
        } else {
          it->second = settings;
        }
        break;
      }
    }
    auto read = dhrlint::read_document_bytes(dhrlint::testing::zip_parts(parts, &error), "s.docx");
    REQUIRE_MESSAGE(read.ok(), (read.ok() ? std::string() : read.error().message));
    return read.value().settings.track_revisions;
  };
  const std::string body = "P The panel met in 2023.\n";
  // The fixture directive writes the element; without it there is none.
  CHECK(read_with_settings("@settings trackRevisions\n" + body, nullptr) == false);
  {
    const std::string bytes =
        dhrlint::testing::build_docx("@settings trackRevisions\n" + body, &error);
    REQUIRE_MESSAGE(!bytes.empty(), error);
    auto read = dhrlint::read_document_bytes(bytes, "on.docx");
    REQUIRE(read.ok());
    CHECK(read.value().settings.track_revisions);
    const std::string plain = dhrlint::testing::build_docx(body, &error);
    auto off = dhrlint::read_document_bytes(plain, "off.docx");
    REQUIRE(off.ok());
    CHECK_FALSE(off.value().settings.track_revisions);
  }
  const std::string ns =
      "<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">";
  CHECK(read_with_settings(body, (ns + "<w:trackRevisions/></w:settings>").c_str()));
  CHECK(read_with_settings(body, (ns + "<w:trackRevisions w:val=\"true\"/></w:settings>").c_str()));
  CHECK_FALSE(
      read_with_settings(body, (ns + "<w:trackRevisions w:val=\"false\"/></w:settings>").c_str()));
  CHECK_FALSE(
      read_with_settings(body, (ns + "<w:trackRevisions w:val=\"0\"/></w:settings>").c_str()));
  CHECK_FALSE(read_with_settings(body, (ns + "<w:zoom w:percent=\"90\"/></w:settings>").c_str()));
  // An unknown @settings value is a fixture error naming the line.
  CHECK(dhrlint::testing::build_docx("@settings trackChanges\n" + body, &error).empty());
  CHECK(error.find("line 1") != std::string::npos);
}
