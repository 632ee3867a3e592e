// The text and JSON formats against output-contract.md, and --dump's shape.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <sstream>

#include "dhrlint/dhrlint.hpp"
#include "lint/output/dump.hpp"
#include "lint/output/github.hpp"
#include "lint/output/json.hpp"
#include "lint/output/junit.hpp"
#include "lint/output/sarif.hpp"
#include "lint/output/text.hpp"

namespace dhrlint {
namespace {

using nlohmann::json;

std::shared_ptr<Document> model() {
  auto doc = std::make_shared<Document>();
  doc->path = "drafts/overview-report.docx";
  doc->main_part = "word/document.xml";
  Paragraph p;
  p.part = "word/document.xml";
  p.index = 57;
  p.label = "1.6.5.";
  p.section = "1.6.5";
  p.style_name = "Body Numbered";
  p.style_id = "BodyNumbered";
  p.text = "The children attended Bow Green Primary School from 2015.";
  doc->paragraphs.push_back(p);
  Paragraph note;
  note.story = Story::kFootnote;
  note.part = "word/footnotes.xml";
  note.index = 4;
  note.section = "1.8.3";
  note.owner_id = "12";
  note.anchor = 0;
  note.text = "Honour-based abuse was not considered.";
  doc->paragraphs.push_back(note);
  Note n;
  n.id = "12";
  n.number = "6";
  n.part = "word/footnotes.xml";
  n.anchor = 0;
  n.paragraphs = {1};
  doc->notes.push_back(n);
  Paragraph header;
  header.story = Story::kHeader;
  header.part = "word/header1.xml";
  header.index = 1;
  header.text = "DRAFT";
  doc->paragraphs.push_back(header);
  doc->properties.core["creator"] = "J. Smith";
  return doc;
}

Finding finding(std::string rule, Severity severity, std::string part,
                std::optional<std::string> section, std::optional<std::uint32_t> paragraph,
                std::optional<std::size_t> start, std::optional<std::size_t> end) {
  Finding f;
  f.rule = std::move(rule);
  f.severity = severity;
  f.message = "message of " + f.rule;
  f.location.part = std::move(part);
  f.location.section = std::move(section);
  f.location.paragraph = paragraph;
  f.location.start = start;
  f.location.end = end;
  return f;
}

std::vector<FileResult> sample_results() {
  auto doc = model();
  FileResult ok;
  ok.path = "drafts/overview-report.docx";
  ok.document = doc;
  ok.findings.push_back(finding("identifying/school-name", Severity::kError, "word/document.xml",
                                "1.6.5", 57, 22, 46));
  ok.findings.back().excerpt = "…attended Bow Green Primary School from…";
  ok.findings.push_back(
      finding("hba/footnote-only", Severity::kWarning, "word/footnotes.xml", "1.8.3", 4, 0, 18));
  ok.findings.back().location.note_id = "12";
  ok.findings.push_back(
      finding("draft/markings", Severity::kInfo, "word/header1.xml", std::nullopt, 1, 0, 5));
  Finding property = finding("identifying/property-name", Severity::kWarning, "docProps/core.xml",
                             std::nullopt, std::nullopt, std::nullopt, std::nullopt);
  property.location.property = "creator";
  ok.findings.push_back(property);
  Finding deleted = finding("draft/unaccepted-change", Severity::kError, "word/document.xml",
                            "1.6.5", 57, 10, 10);
  deleted.location.visibility = "deleted";
  deleted.location.deleted_text = "Bow";
  Location related;
  related.part = "word/comments.xml";
  related.paragraph = 1;
  deleted.location.related.push_back(related);
  ok.findings.push_back(deleted);

  FileResult bad;
  bad.path = "drafts/broken.docx";
  bad.status = FileStatus::kError;
  bad.error = make_error(ErrorKind::kLegacyDoc, "not a .docx: legacy Word 97-2003 binary (.doc)");
  return {ok, bad};  // deliberately not in path order
}

TEST_CASE("output: JSON has the contract's shape, files in path order") {
  const json j = json::parse(format_json(sample_results()));
  CHECK(j["tool"]["name"] == "dhrlint");
  CHECK(j["tool"]["version"] == "0.1.0");
  REQUIRE(j["files"].size() == 2);
  const json& bad = j["files"][0];
  CHECK(bad["path"] == "drafts/broken.docx");
  CHECK(bad["status"] == "error");
  CHECK(bad["error_kind"] == "legacy-doc");
  CHECK(bad["error"] == "not a .docx: legacy Word 97-2003 binary (.doc)");
  CHECK(bad["findings"].is_array());
  CHECK(bad["findings"].empty());

  const json& ok = j["files"][1];
  CHECK(ok["status"] == "ok");
  CHECK_FALSE(ok.contains("error_kind"));
  REQUIRE(ok["findings"].size() == 5);
  const json& school = ok["findings"][0];
  CHECK(school["rule"] == "identifying/school-name");
  CHECK(school["severity"] == "error");
  CHECK(school["message"].is_string());
  CHECK(school["excerpt"] == "…attended Bow Green Primary School from…");
  const json& loc = school["location"];
  CHECK(loc["part"] == "word/document.xml");
  CHECK(loc["section"] == "1.6.5");
  CHECK(loc["paragraph"] == 57);
  CHECK(loc["start"] == 22);
  CHECK(loc["end"] == 46);
  // Optional fields are left out where they do not apply.
  CHECK_FALSE(loc.contains("deleted_text"));
  CHECK_FALSE(loc.contains("related"));

  CHECK(ok["findings"][1]["location"]["note_id"] == "12");
  CHECK(ok["findings"][2]["location"]["section"].is_null());
  const json& prop = ok["findings"][3]["location"];
  CHECK(prop["property"] == "creator");
  CHECK(prop["paragraph"].is_null());
  CHECK(prop["start"].is_null());
  const json& del = ok["findings"][4]["location"];
  CHECK(del["visibility"] == "deleted");
  CHECK(del["deleted_text"] == "Bow");
  CHECK(del["start"] == del["end"]);
  REQUIRE(del["related"].size() == 1);
  CHECK(del["related"][0]["part"] == "word/comments.xml");
}

TEST_CASE("output: JSON survives invalid UTF-8 in document text") {
  auto results = sample_results();
  results[0].findings[0].excerpt = "bad \xff byte";
  CHECK_NOTHROW(json::parse(format_json(results)));
}

TEST_CASE("output: text lines, places and summary") {
  const auto results = sample_results();
  std::ostringstream out;
  write_text(out, results, false);
  std::vector<std::string> lines;
  std::istringstream in(out.str());
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
  }
  REQUIRE(lines.size() == 7);
  CHECK(lines[0] ==
        "drafts/overview-report.docx:1.6.5: error: message of identifying/school-name "
        "[identifying/school-name]");
  CHECK(lines[1] ==
        "drafts/overview-report.docx:1.8.3 (footnote 6): warning: message of hba/footnote-only "
        "[hba/footnote-only]");
  CHECK(lines[2] ==
        "drafts/overview-report.docx:- (header): info: message of draft/markings "
        "[draft/markings]");
  CHECK(lines[3] ==
        "drafts/overview-report.docx:- (properties: creator): warning: message of "
        "identifying/property-name [identifying/property-name]");
  CHECK(lines[4].rfind("drafts/overview-report.docx:1.6.5: error:", 0) == 0);
  CHECK(lines[5] ==
        "drafts/broken.docx: unreadable: not a .docx: legacy Word 97-2003 binary (.doc) "
        "(legacy-doc)");
  CHECK(lines[6] == "2 files, 1 unreadable, 5 findings (2 errors, 2 warnings, 1 info)");
  CHECK(out.str().find('\x1b') == std::string::npos);

  std::ostringstream coloured;
  write_text(coloured, results, true);
  CHECK(coloured.str().find("\x1b[") != std::string::npos);
}

TEST_CASE("output: place names for comments, endnotes and footers without a model") {
  Finding f = finding("draft/comments", Severity::kError, "word/comments.xml", "2", 3, 0, 1);
  f.location.comment_id = "3";
  CHECK(finding_place(f, nullptr) == "comment 3");
  f = finding("x/y", Severity::kError, "word/endnotes.xml", "2", 3, 0, 1);
  f.location.note_id = "2";
  CHECK(finding_place(f, nullptr) == "endnote 2");
  f = finding("x/y", Severity::kError, "word/footer2.xml", std::nullopt, 1, 0, 1);
  CHECK(finding_place(f, nullptr) == "footer");
  f = finding("x/y", Severity::kError, "word/document.xml", "1", 1, 0, 1);
  CHECK(finding_place(f, nullptr).empty());
  f.message = "two\nlines";
  CHECK(format_finding_line("a.docx", f, nullptr, false) == "a.docx:1: error: two lines [x/y]");
}

TEST_CASE("output: summary singular and plural forms") {
  std::vector<FileResult> one(1);
  one[0].path = "a.docx";
  CHECK(summary_line(one) == "1 file, 0 findings");
  one[0].findings.push_back(finding("x/y", Severity::kError, "word/document.xml", "1", 1, 0, 1));
  CHECK(summary_line(one) == "1 file, 1 finding (1 error, 0 warnings, 0 info)");
}

TEST_CASE("output: --dump has the contract's paragraphs, notes, comments, properties") {
  const json j = json::parse(dump_document(*model()));
  CHECK(j["path"] == "drafts/overview-report.docx");
  REQUIRE(j["paragraphs"].size() == 3);
  const json& p = j["paragraphs"][0];
  CHECK(p["part"] == "word/document.xml");
  CHECK(p["paragraph"] == 57);
  CHECK(p["label"] == "1.6.5.");
  CHECK(p["section"] == "1.6.5");
  CHECK(p["style"] == "Body Numbered");
  CHECK(p["style_id"] == "BodyNumbered");
  CHECK(p["heading_level"].is_null());
  CHECK(p["table"].is_null());
  CHECK(p["text"] == "The children attended Bow Green Primary School from 2015.");
  CHECK(j["paragraphs"][2]["section"].is_null());
  REQUIRE(j["notes"].size() == 1);
  CHECK(j["notes"][0]["part"] == "word/footnotes.xml");
  CHECK(j["notes"][0]["id"] == 12);
  CHECK(j["notes"][0]["number"] == "6");
  CHECK(j["notes"][0]["anchor_part"] == "word/document.xml");
  CHECK(j["notes"][0]["anchor_paragraph"] == 57);
  CHECK(j["notes"][0]["text"] == "Honour-based abuse was not considered.");
  CHECK(j["comments"].is_array());
  CHECK(j["properties"]["core"]["creator"] == "J. Smith");
  CHECK(j["properties"]["app"].is_object());
  CHECK(j["properties"]["custom"].is_object());

  const json e = json::parse(dump_error("x.docx", make_error(ErrorKind::kNotZip, "not a zip")));
  CHECK(e == json{{"path", "x.docx"},
                  {"status", "error"},
                  {"error_kind", "not-zip"},
                  {"error", "not a zip"}});
}

TEST_CASE("output: GitHub annotations, one a finding, escaped for workflow commands") {
  std::ostringstream out;
  write_github(out, sample_results());
  const std::string text = out.str();
  // Files come as given (the CLI sorts them); each finding is one line.
  CHECK(text.find("::error file=drafts/overview-report.docx,line=57,col=23,"
                  "title=identifying/school-name::paragraph 1.6.5: message of "
                  "identifying/school-name\n") != std::string::npos);
  CHECK(text.find("::warning file=drafts/overview-report.docx,line=4,col=1,"
                  "title=hba/footnote-only::paragraph 1.8.3, footnote 6: ") != std::string::npos);
  CHECK(text.find("::notice file=drafts/overview-report.docx,line=1,col=1,title=draft/markings"
                  "::header: ") != std::string::npos);
  CHECK(text.find("title=identifying/property-name::properties: creator: ") != std::string::npos);
  CHECK(text.find("::error file=drafts/broken.docx,title=dhrlint::unreadable: not a .docx: legacy "
                  "Word 97-2003 binary (.doc) (legacy-doc)\n") != std::string::npos);

  // Hostile text in the path and the message: nothing may end the command or
  // start a new one.
  FileResult hostile;
  hostile.path = "drafts/a,b:c%.docx";
  Finding f;
  f.rule = "incomplete/placeholder";
  f.severity = Severity::kError;
  f.message = "Placeholder '<script>\"&\x01::x\r\n::error::y 100%' left";
  f.location.part = "word/document.xml";
  f.location.paragraph = 3;
  hostile.findings.push_back(f);
  const std::string line = format_github_annotation(hostile.path, f, nullptr);
  CHECK(line ==
        "::error file=drafts/a%2Cb%3Ac%25.docx,line=3,title=incomplete/placeholder::"
        "Placeholder '<script>\"&\x01::x%0D%0A::error::y 100%25' left");
  CHECK(line.find('\n') == std::string::npos);
  CHECK(escape_workflow_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A");
  CHECK(escape_workflow_data("a:b,c%\r") == "a:b,c%25%0D");
}

TEST_CASE("output: JUnit XML, a suite a file, a failing case a finding, text escaped") {
  std::vector<FileResult> results = sample_results();
  Finding hostile = results[0].findings[0];
  hostile.message = "Placeholder '<script>alert(\"x\")</script> & \x01\x7F' left";
  hostile.excerpt = "]]> <![CDATA[ \r\n";
  results[0].findings.push_back(hostile);
  FileResult clean;
  clean.path = "drafts/a&b.docx";
  clean.document = results[0].document;
  results.push_back(clean);
  const std::string xml = format_junit(results);

  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_string(xml.c_str());
  REQUIRE_MESSAGE(parsed, parsed.description());
  const pugi::xml_node suites = doc.child("testsuites");
  CHECK(std::string(suites.attribute("tests").value()) == "8");  // 6 findings, 1 clean, 1 error
  CHECK(std::string(suites.attribute("failures").value()) == "6");
  CHECK(std::string(suites.attribute("errors").value()) == "1");
  std::size_t suites_seen = 0;
  for (const pugi::xml_node suite : suites.children("testsuite")) {
    ++suites_seen;
    const std::string name = suite.attribute("name").value();
    if (name == "drafts/broken.docx") {
      CHECK(std::string(suite.child("testcase").child("error").attribute("type").value()) ==
            "legacy-doc");
    } else if (name == "drafts/a&b.docx") {
      CHECK(suite.child("testcase"));
      CHECK_FALSE(suite.child("testcase").child("failure"));
    } else {
      CHECK(name == "drafts/overview-report.docx");
      std::size_t failing = 0;
      for (const pugi::xml_node c : suite.children("testcase")) {
        failing += c.child("failure") ? 1 : 0;
      }
      CHECK(failing == 6);
    }
  }
  CHECK(suites_seen == 3);
  // The hostile message reads back exactly, but for the two characters XML
  // cannot hold.
  bool found = false;
  const pugi::xml_node report =
      suites.find_child_by_attribute("testsuite", "name", "drafts/overview-report.docx");
  for (const pugi::xml_node c : report.children("testcase")) {
    const std::string message = c.child("failure").attribute("message").value();
    if (message.find("<script>") != std::string::npos) {
      found = true;
      CHECK(message ==
            "Placeholder '<script>alert(\"x\")</script> & \xEF\xBF\xBD\xEF\xBF\xBD' left");
      CHECK(std::string(c.child("failure").text().get()).find("]]> <![CDATA[ \r\n") !=
            std::string::npos);
    }
  }
  CHECK(found);
  CHECK(escape_xml("a<b>&\"'\t") == "a&lt;b&gt;&amp;&quot;&apos;&#9;");
}

TEST_CASE("output: JSON and SARIF carry hostile text as data, escaped") {
  std::vector<FileResult> results = sample_results();
  const std::string hostile = "<script>alert(\"x\")</script> & \x01\x1f ::error::y\r\n\\ '";
  Finding f = results[0].findings[0];
  f.message = "Placeholder '" + hostile + "' left";
  f.redacted_message = "Placeholder left";
  f.excerpt = hostile;
  f.location.deleted_text = hostile;
  results[0].findings.push_back(f);

  const std::string text = format_json(results);
  CHECK(text.find('\x01') == std::string::npos);  // control characters are \u escapes
  CHECK(text.find("\\u0001") != std::string::npos);
  const json parsed = json::parse(text);
  const json& last = parsed["files"][1]["findings"].back();
  CHECK(last["message"] == f.message);
  CHECK(last["excerpt"] == hostile);
  CHECK(last["location"]["deleted_text"] == hostile);

  RuleInfo info;
  info.id = f.rule;
  info.summary = "summary";
  const std::string sarif_text = format_sarif(results, {&info});
  CHECK(sarif_text.find('\x01') == std::string::npos);
  const json sarif = json::parse(sarif_text);
  // SARIF is uploaded: no excerpt, no deleted text, the message without the
  // quoted text.
  CHECK(sarif_text.find("<script>") == std::string::npos);
  bool seen = false;
  for (const json& r : sarif["runs"][0]["results"]) {
    seen = seen || r["message"]["text"] == "Placeholder left";
  }
  CHECK(seen);
}

TEST_CASE("output: the version the outputs print is the project's (CMakeLists.txt)") {
  CHECK(std::string(kVersion) == DHRLINT_PROJECT_VERSION);
}

}  // namespace
}  // namespace dhrlint
