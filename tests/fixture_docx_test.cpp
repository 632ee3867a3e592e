// The .dhr fixture generator (tests/support/fixture_docx): the packages it
// writes are sound zips of well-formed, fully related parts; malformed sources
// are refused with their line; !expect lines parse as fixtures/README.md says;
// the matcher pairs findings one to one; and the real reader reads a generated
// file back with the labels, sections and text the format promises.
#include <zip.h>

#include <doctest/doctest.h>
#include <pugixml.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "dhrlint/dhrlint.hpp"
#include "support/fixture_docx.hpp"

namespace {

using dhrlint::testing::ActualFinding;
using dhrlint::testing::build_docx;
using dhrlint::testing::Expectation;
using dhrlint::testing::match_findings;
using dhrlint::testing::parse_expectations;

// Every feature of the format once, in a realistic order.
constexpr const char* kSource = R"dhr(%% a small report touching every line kind
@rules draft/*
@core creator = Report Author
@core title = Overview Report
@app Company = Example CSP
@custom Reference = DHR 0
@author Review Chair
TITLE Domestic Homicide Review: Overview Report
HU1 Contents
H1 Introduction
H2 Scope
P The review covers the period from 2019 to 2022.[^Terms of reference, Appendix A.]
P The panel met six times.
H2 Family involvement
P The chair wrote to Amira's sister {comment:twice|Check the dates.} in 2023.
A the first letter;
A the second letter; and
A a meeting.
P Agencies were asked for chronologies.
A a restarted item.
B a bullet point
T 1.2.3 A typed number in plain text.
Q "A quotation from the family."
| Pseudonym | Relationship | Age |
|---|---|---|
| Amira | Victim | 34 |
| Kamal | Perpetrator | 38 \| 39 |

H1 Analysis
H2 Findings
P Text with {ins:an insertion}, {del:a deletion}, {hidden:hidden words}, {hl:a highlight} and {b:bo{i:ld}}.[^^An endnote.]
BOX Text-box paragraph.
H3 A third-level heading
P After the third-level heading.
HEADER Draft: not for publication
FOOTER Footer text
)dhr";

std::string read_entry(zip_t* za, zip_uint64_t index, bool* ok) {
  std::string data;
  zip_stat_t st;
  *ok = false;
  if (zip_stat_index(za, index, 0, &st) != 0) {
    return data;
  }
  zip_file_t* f = zip_fopen_index(za, index, 0);
  if (f == nullptr) {
    return data;
  }
  data.resize(static_cast<std::size_t>(st.size));
  zip_int64_t got = zip_fread(f, data.data(), data.size());
  // One more read must return 0: libzip checks the CRC at the end of the data.
  char extra = 0;
  zip_int64_t tail = zip_fread(f, &extra, 1);
  zip_fclose(f);
  *ok = got == static_cast<zip_int64_t>(data.size()) && tail == 0;
  return data;
}

// The package's parts by name, read the way `unzip -t` tests them (every
// entry inflated, CRC checked); empty map when the zip does not open.
std::map<std::string, std::string> read_package(const std::string& bytes) {
  std::map<std::string, std::string> parts;
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &ze);
  REQUIRE(src != nullptr);
  zip_t* za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
  zip_error_fini(&ze);
  if (za == nullptr) {
    zip_source_free(src);
    return parts;
  }
  zip_int64_t n = zip_get_num_entries(za, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    bool ok = false;
    std::string data = read_entry(za, static_cast<zip_uint64_t>(i), &ok);
    CHECK_MESSAGE(ok, "entry " << zip_get_name(za, static_cast<zip_uint64_t>(i), 0));
    parts[zip_get_name(za, static_cast<zip_uint64_t>(i), 0)] = data;
  }
  zip_discard(za);
  return parts;
}

const dhrlint::Paragraph* find_paragraph(const dhrlint::Document& doc, std::string_view text,
                                         dhrlint::Story story = dhrlint::Story::kBody) {
  for (const dhrlint::Paragraph& p : doc.paragraphs) {
    if (p.story == story && p.text == text) {
      return &p;
    }
  }
  return nullptr;
}

ActualFinding actual(std::string rule, std::optional<std::string> section, std::string span,
                     std::string sev = "error", std::string in = "body", std::string vis = "") {
  ActualFinding a;
  a.rule = std::move(rule);
  a.section = std::move(section);
  a.span = std::move(span);
  a.sev = std::move(sev);
  a.in = std::move(in);
  a.vis = std::move(vis);
  a.part = "word/document.xml";
  return a;
}

}  // namespace

TEST_CASE("fixture: generated package is a sound zip of well-formed, related parts") {
  std::string error;
  std::string bytes = build_docx(kSource, &error);
  REQUIRE_MESSAGE(!bytes.empty(), error);
  std::map<std::string, std::string> parts = read_package(bytes);
  REQUIRE_FALSE(parts.empty());

  for (const char* name :
       {"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml",
        "word/styles.xml", "word/numbering.xml", "word/settings.xml", "word/footnotes.xml",
        "word/endnotes.xml", "word/comments.xml", "word/header1.xml", "word/footer1.xml",
        "docProps/core.xml", "docProps/app.xml", "docProps/custom.xml"}) {
    CHECK_MESSAGE(parts.count(name) == 1, "missing part " << name);
  }
  std::map<std::string, pugi::xml_document> xml;
  for (const auto& part : parts) {
    const std::string& name = part.first;
    pugi::xml_parse_result r = xml[name].load_buffer(part.second.data(), part.second.size());
    CHECK_MESSAGE(r, name << ": " << r.description() << " at " << r.offset);
  }

  // Every part but the content types and the relationships has an Override.
  std::set<std::string> overrides;
  for (pugi::xml_node o : xml["[Content_Types].xml"].child("Types").children("Override")) {
    overrides.insert(o.attribute("PartName").value());
  }
  for (const auto& part : parts) {
    const std::string& name = part.first;
    if (name == "[Content_Types].xml" || name.find(".rels") != std::string::npos) {
      continue;
    }
    CHECK_MESSAGE(overrides.count("/" + name) == 1, "no content type for " << name);
  }
  for (const std::string& o : overrides) {
    CHECK_MESSAGE(parts.count(o.substr(1)) == 1, o);
  }

  // Every relationship target exists.
  for (pugi::xml_node r : xml["_rels/.rels"].child("Relationships").children("Relationship")) {
    CHECK(parts.count(r.attribute("Target").value()) == 1);
  }
  for (pugi::xml_node r :
       xml["word/_rels/document.xml.rels"].child("Relationships").children("Relationship")) {
    CHECK(parts.count(std::string("word/") + r.attribute("Target").value()) == 1);
  }

  // The Word pattern: headings and Body Numbered linked to abstractNum 0.
  pugi::xml_node numbering = xml["word/numbering.xml"].child("w:numbering");
  pugi::xml_node outline =
      numbering.find_child_by_attribute("w:abstractNum", "w:abstractNumId", "0");
  CHECK(std::string(outline.find_child_by_attribute("w:lvl", "w:ilvl", "2")
                        .child("w:pStyle")
                        .attribute("w:val")
                        .value()) == "BodyNumbered");
  CHECK(std::string(outline.find_child_by_attribute("w:lvl", "w:ilvl", "2")
                        .child("w:lvlText")
                        .attribute("w:val")
                        .value()) == "%1.%2.%3.");
  // Two runs of A lines: two nums restarting the (a) list.
  int restarts = 0;
  for (pugi::xml_node num : numbering.children("w:num")) {
    if (num.child("w:lvlOverride").child("w:startOverride")) {
      ++restarts;
    }
  }
  CHECK(restarts == 2);
  // Separator notes, then the real notes from id 1.
  pugi::xml_node notes = xml["word/footnotes.xml"].child("w:footnotes");
  CHECK(std::string(notes.first_child().attribute("w:id").value()) == "-1");
  CHECK(notes.find_child_by_attribute("w:footnote", "w:id", "1"));
  // The text box is written twice, as Word does: wps Choice and VML Fallback.
  std::string body = parts["word/document.xml"];
  CHECK(body.find("<mc:Choice Requires=\"wps\">") != std::string::npos);
  CHECK(body.find("<mc:Fallback><w:pict>") != std::string::npos);
}

TEST_CASE("fixture: the build writes every sample draft with the generator") {
  const std::filesystem::path sources =
      std::filesystem::path(DHRLINT_SOURCE_DIR) / "fixtures" / "sample";
  const std::filesystem::path built =
      std::filesystem::path(DHRLINT_BINARY_DIR) / "fixtures" / "sample";
  int samples = 0;
  for (const auto& entry : std::filesystem::directory_iterator(sources)) {
    if (entry.path().extension() != ".dhr") {
      continue;
    }
    ++samples;
    std::filesystem::path docx = built / (entry.path().stem().string() + ".docx");
    CAPTURE(docx.string());
    std::ifstream in(docx, std::ios::binary);
    REQUIRE(in.good());
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::ifstream src(entry.path(), std::ios::binary);
    std::string source((std::istreambuf_iterator<char>(src)), std::istreambuf_iterator<char>());
    std::string error;
    CHECK(bytes == build_docx(source, &error));
  }
  CHECK(samples >= 2);
}

TEST_CASE("fixture: the same source gives the same bytes") {
  std::string error;
  CHECK(build_docx(kSource, &error) == build_docx(kSource, &error));
}

TEST_CASE("fixture: malformed sources are refused with their line") {
  struct Case {
    const char* source;
    const char* line;
  };
  const Case cases[] = {
      {"H1 One\nX unknown kind\n", "line 2:"},
      {"P {b:unterminated\n", "line 1:"},
      {"P [^unterminated note\n", "line 1:"},
      {"T ok\nP {comment:no body}\n", "line 2:"},
      {"BOX no anchor\n", "line 1:"},
      {"P {ins:a {del:b}}\n", "line 1:"},
      {"P a[^b[^c]]\n", "line 1:"},
      {"@core nonsense = x\n", "line 1:"},
      {"@author\n", "line 1:"},
  };
  for (const Case& c : cases) {
    std::string error;
    CAPTURE(c.source);
    CHECK(build_docx(c.source, &error).empty());
    CHECK(error.rfind(c.line, 0) == 0);
  }
  // Not markup: stay literal text.
  std::string error;
  CHECK_FALSE(build_docx("P [insert date] {unknown} a } b ]\n", &error).empty());
}

TEST_CASE("fixture: !expect and @rules lines") {
  std::string error;
  std::vector<Expectation> e = parse_expectations(
      "@rules hba/footnote-only  hba/*\n"
      "P text\n"
      "!expect identifying/school-name 1.6.5 \"Bow Green Primary School\"\n"
      "  !expect hba/footnote-only 1.8.3 \"honour \\\"based\\\"\" in=footnote sev=error\n"
      "!expect draft/unaccepted-change 2.1 \"old words\" vis=deleted\n"
      "!expect advocacy/not-stated - -\n"
      "!expect identifying/property-name - property=creator sev=warning\n",
      &error);
  REQUIRE_MESSAGE(error.empty(), error);
  REQUIRE(e.size() == 5);
  CHECK(e[0].rule == "identifying/school-name");
  CHECK(e[0].section == "1.6.5");
  CHECK(e[0].span == "Bow Green Primary School");
  CHECK(e[0].in == "body");
  CHECK(e[0].line == 3);
  CHECK(e[1].span == "honour \"based\"");
  CHECK(e[1].in == "footnote");
  CHECK(e[1].sev == "error");
  CHECK(e[2].vis == "deleted");
  CHECK_FALSE(e[3].section.has_value());
  CHECK_FALSE(e[3].span.has_value());
  CHECK(e[4].in.empty());  // property= without in=: the story is not checked
  CHECK(e[4].property == "creator");
  CHECK(dhrlint::testing::parse_rules_directive("@rules a/b c/*\nP x\n@rules d/e\n") ==
        std::vector<std::string>{"a/b", "c/*", "d/e"});

  for (const char* bad : {"!expect rule-without-category 1.1 \"x\"", "!expect a/b 1.1 \"open",
                          "!expect a/b 1.1 \"x\" in=sidebar", "!expect a/b 1.1 \"x\" \"y\"",
                          "!expect a/b", "!expect a/b 1.1 colour=red", "!expectx a/b 1.1 \"x\""}) {
    error.clear();
    parse_expectations(bad, &error);
    CHECK_MESSAGE(error.rfind("line 1:", 0) == 0, bad);
  }
}

TEST_CASE("fixture: matcher pairs findings with expectations one to one") {
  std::string error;
  std::vector<Expectation> e = parse_expectations(
      "!expect x/a 1.1.1 \"Bow\"\n"
      "!expect x/a 1.1.1 \"Bow\" sev=warning\n"
      "!expect x/b - -\n",
      &error);
  REQUIRE(e.size() == 3);

  SUBCASE("exact multiset: a loose expectation does not steal the strict one's finding") {
    // Greedy matching would give the first (any severity) expectation the
    // warning and leave the sev=warning one unmatched.
    std::vector<ActualFinding> a = {actual("x/a", "1.1.1", "Bow", "warning"),
                                    actual("x/a", "1.1.1", "Bow", "error"),
                                    actual("x/b", std::nullopt, "")};
    CHECK(match_findings(e, a).ok());
  }
  SUBCASE("a finding too many and one too few") {
    std::vector<ActualFinding> a = {actual("x/a", "1.1.1", "Bow", "error"),
                                    actual("x/a", "1.1.1", "Bow", "error"),
                                    actual("x/b", std::nullopt, "")};
    auto report = match_findings(e, a);
    CHECK_FALSE(report.ok());
    REQUIRE(report.missing.size() == 1);
    CHECK(report.missing[0].sev == "warning");
    REQUIRE(report.unexpected.size() == 1);
    CHECK(report.unexpected[0].sev == "error");
  }
  SUBCASE("every named field must agree") {
    std::vector<Expectation> one(e.begin(), e.begin() + 1);
    CHECK(match_findings(one, {actual("x/a", "1.1.1", "Bow")}).ok());
    CHECK_FALSE(match_findings(one, {actual("x/a", "1.1.2", "Bow")}).ok());
    CHECK_FALSE(match_findings(one, {actual("x/a", "1.1.1", "Bow Green")}).ok());
    CHECK_FALSE(match_findings(one, {actual("x/c", "1.1.1", "Bow")}).ok());
    CHECK_FALSE(match_findings(one, {actual("x/a", "1.1.1", "Bow", "error", "footnote")}).ok());
    CHECK_FALSE(
        match_findings(one, {actual("x/a", "1.1.1", "Bow", "error", "body", "hidden")}).ok());
    CHECK_FALSE(match_findings(one, {actual("x/a", std::nullopt, "Bow")}).ok());
  }
  SUBCASE("no expectation: any finding is unexpected") {
    CHECK(match_findings({}, {}).ok());
    CHECK(match_findings({}, {actual("x/a", "1", "y")}).unexpected.size() == 1);
  }
  SUBCASE("findings are printed in the !expect syntax") {
    ActualFinding a = actual("x/a", "1.6.5", "Bow \"Green\"", "error", "footnote");
    a.paragraph = 3;
    a.start = 4;
    a.end = 13;
    std::string line = dhrlint::testing::format_actual(a);
    CHECK(line.rfind("!expect x/a 1.6.5 \"Bow \\\"Green\\\"\" in=footnote sev=error", 0) == 0);
    CHECK(line.find("paragraph 3 [4,13)") != std::string::npos);
  }
}

TEST_CASE("fixture: describe_finding reads the span text from the model") {
  dhrlint::Document doc;
  dhrlint::Paragraph p;
  p.part = "word/document.xml";
  p.index = 7;
  p.text = "Zoë attended Bow Green Primary School.";
  doc.paragraphs.push_back(p);
  dhrlint::Finding f;
  f.rule = "identifying/school-name";
  f.severity = dhrlint::Severity::kError;
  f.location.part = "word/document.xml";
  f.location.section = "1.6.5";
  f.location.paragraph = 7;
  f.location.start = 13;  // code points: "Zoë" is 3 of them
  f.location.end = 37;
  ActualFinding a = dhrlint::testing::describe_finding(f, doc);
  CHECK(a.span == "Bow Green Primary School");
  CHECK(a.in == "body");
  CHECK(a.sev == "error");

  f.location.part = "word/footnotes.xml";
  f.location.deleted_text = "old name";
  f.location.visibility = "deleted";
  a = dhrlint::testing::describe_finding(f, doc);
  CHECK(a.span == "old name");
  CHECK(a.in == "footnote");
  CHECK(a.vis == "deleted");

  dhrlint::Finding prop;
  prop.rule = "identifying/property-name";
  prop.location.part = "docProps/core.xml";
  prop.location.property = "creator";
  a = dhrlint::testing::describe_finding(prop, doc);
  CHECK(a.in == "property");
  CHECK(a.property == "creator");
  CHECK(a.span.empty());
}

TEST_CASE("fixture: the reader reads a generated report back as the format promises") {
  std::string error;
  std::string bytes = build_docx(kSource, &error);
  REQUIRE_MESSAGE(!bytes.empty(), error);
  dhrlint::Result<dhrlint::Document> read = dhrlint::read_document_bytes(bytes, "fixture.docx");
  REQUIRE_MESSAGE(read.ok(), (read.ok() ? "" : read.error().message));
  const dhrlint::Document& doc = read.value();

  auto label_of = [&](std::string_view text) {
    const dhrlint::Paragraph* p = find_paragraph(doc, text);
    return p != nullptr ? p->label : std::string("<no paragraph>");
  };
  auto section_of = [&](std::string_view text) {
    const dhrlint::Paragraph* p = find_paragraph(doc, text);
    return p != nullptr ? p->section : std::string("<no paragraph>");
  };
  CHECK(label_of("Domestic Homicide Review: Overview Report") == "");
  CHECK(label_of("Contents") == "");
  CHECK(label_of("Introduction") == "1.");
  CHECK(label_of("Scope") == "1.1.");
  CHECK(label_of("The review covers the period from 2019 to 2022.") == "1.1.1.");
  CHECK(label_of("The panel met six times.") == "1.1.2.");
  CHECK(label_of("Family involvement") == "1.2.");
  CHECK(label_of("The chair wrote to Amira's sister twice in 2023.") == "1.2.1.");
  CHECK(label_of("the first letter;") == "(a)");
  CHECK(label_of("a meeting.") == "(c)");
  CHECK(label_of("Agencies were asked for chronologies.") == "1.2.2.");
  CHECK(label_of("a restarted item.") == "(a)");
  CHECK(label_of("a bullet point") == "•");
  CHECK(label_of("Analysis") == "2.");

  CHECK(section_of("Introduction") == "1");
  CHECK(section_of("The panel met six times.") == "1.1.2");
  CHECK(section_of("a meeting.") == "1.2.1");
  CHECK(section_of("a bullet point") == "1.2.2");
  CHECK(section_of("1.2.3 A typed number in plain text.") == "1.2.3");
  CHECK(section_of("Amira") == "1.2.3");  // table cells belong to the number before
  CHECK(label_of("Findings") == "2.1.");
  // heading 3 shares level 3 of the list with Body Numbered, as in Word.
  CHECK(label_of("A third-level heading") == "2.1.2.");
  CHECK(label_of("After the third-level heading.") == "2.1.3.");

  const dhrlint::Paragraph* cell = find_paragraph(doc, "38 | 39");
  REQUIRE(cell != nullptr);
  REQUIRE(cell->table.has_value());
  CHECK(cell->table->row == 2);
  CHECK(cell->table->col == 2);
  REQUIRE_FALSE(doc.tables.empty());
  CHECK(doc.tables[0].rows[0].header);

  const dhrlint::Paragraph* mixed =
      find_paragraph(doc, "Text with an insertion, , , a highlight and bold.");
  REQUIRE(mixed != nullptr);
  CHECK(mixed->label == "2.1.1.");
  CHECK(mixed->section == "2.1.1");
  bool deleted = false;
  bool hidden = false;
  for (const dhrlint::InvisibleText& t : mixed->invisible) {
    deleted = deleted || (t.kind == dhrlint::InvisibleKind::kDeleted && t.text == "a deletion" &&
                          t.author == "Review Chair");
    hidden = hidden || (t.kind == dhrlint::InvisibleKind::kHidden && t.text == "hidden words");
  }
  CHECK(deleted);
  CHECK(hidden);
  CHECK(mixed->revisions.size() == 2);
  CHECK(mixed->highlights.size() == 1);
  CHECK(mixed->note_refs.size() == 1);

  int box_copies = 0;
  for (const dhrlint::Paragraph& p : doc.paragraphs) {
    if (p.text == "Text-box paragraph.") {
      ++box_copies;
      CHECK(p.in_text_box);
      CHECK(p.section == "2.1.1");
    }
  }
  CHECK(box_copies == 1);

  const dhrlint::Paragraph* note =
      find_paragraph(doc, " Terms of reference, Appendix A.", dhrlint::Story::kFootnote);
  REQUIRE(note != nullptr);
  CHECK(note->section == "1.1.1");
  CHECK(find_paragraph(doc, " An endnote.", dhrlint::Story::kEndnote) != nullptr);

  REQUIRE(doc.comments.size() == 1);
  CHECK(doc.comments[0].author == "Review Chair");
  const dhrlint::Paragraph* anchored =
      find_paragraph(doc, "The chair wrote to Amira's sister twice in 2023.");
  REQUIRE(anchored != nullptr);
  REQUIRE(anchored->comment_ranges.size() == 1);
  CHECK(anchored->comment_ranges[0].end - anchored->comment_ranges[0].start == 5);

  CHECK(find_paragraph(doc, "Draft: not for publication", dhrlint::Story::kHeader) != nullptr);
  CHECK(find_paragraph(doc, "Footer text", dhrlint::Story::kFooter) != nullptr);
  CHECK(doc.properties.core.at("creator") == "Report Author");
  CHECK(doc.properties.core.at("title") == "Overview Report");
  CHECK(doc.properties.app.at("Company") == "Example CSP");
  CHECK(doc.properties.custom.at("Reference") == "DHR 0");
}
