// draft/comments, draft/unaccepted-change and draft/hidden-text on models built
// by hand (the .dhr fixtures in fixtures/rules/draft/ run them on real files).
#include <doctest/doctest.h>

#include "dhrlint/dhrlint.hpp"
#include "lint/engine/linter.hpp"

namespace dhrlint {
namespace {

Document base_document() {
  Document doc;
  doc.path = "draft.docx";
  doc.main_part = "word/document.xml";
  Paragraph p;
  p.part = "word/document.xml";
  p.index = 2;
  p.section = "1.6.5";
  p.text = "The children attended the primary school.";
  doc.paragraphs.push_back(p);
  p.index = 3;
  p.section = "1.6.6";
  p.text = "The comments made by the GP were deleted from the record.";
  doc.paragraphs.push_back(p);
  return doc;
}

std::vector<Finding> lint_with(const Document& doc, const std::string& rule_id) {
  Config config;
  for (const auto& rule : make_all_rules()) {
    if (rule->info().id != rule_id) config.disabled_rules.push_back(rule->info().id);
  }
  return Linter(config).lint_document(doc);
}

void add_comment(Document& doc, std::string id, std::string author, std::size_t anchor,
                 std::size_t start, std::size_t end) {
  Paragraph body;
  body.story = Story::kComment;
  body.part = "word/comments.xml";
  body.index = static_cast<std::uint32_t>(doc.comments.size() + 1);
  body.text = "Was St Mary's - check";
  body.owner_id = id;
  body.anchor = anchor;
  doc.paragraphs.push_back(body);
  Comment c;
  c.id = id;
  c.author = std::move(author);
  c.part = "word/comments.xml";
  c.anchor = anchor;
  c.paragraphs = {doc.paragraphs.size() - 1};
  doc.comments.push_back(c);
  if (anchor < doc.paragraphs.size()) {
    doc.paragraphs[anchor].comment_ranges.push_back({id, start, end});
  }
}

TEST_CASE("draft rules: registered with documentation and severity error") {
  for (const char* id : {"draft/comments", "draft/unaccepted-change", "draft/hidden-text"}) {
    const Linter linter;
    const Rule* rule = linter.find_rule(id);
    REQUIRE_MESSAGE(rule != nullptr, id);
    const RuleInfo& info = rule->info();
    CHECK(info.severity == Severity::kError);
    CHECK_FALSE(info.summary.empty());
    CHECK_FALSE(info.what.empty());
    CHECK(info.why.find("Statutory Guidance") != std::string::npos);
    CHECK_FALSE(info.example.empty());
    CHECK_FALSE(info.fix.empty());
  }
}

TEST_CASE("draft rules: one comments finding per comment, on its anchor range") {
  Document doc = base_document();
  add_comment(doc, "0", "J. Smith", 0, 22, 40);
  add_comment(doc, "1", "A. Jones", 0, 4, 12);
  doc.comments.back().parent_id = "0";
  add_comment(doc, "5", "", kNoIndex, 0, 0);  // no reference in the body
  const auto findings = lint_with(doc, "draft/comments");
  REQUIRE(findings.size() == 3);
  // The contract's (part, paragraph, start) order: word/comments.xml sorts
  // before word/document.xml, so the unreferenced comment comes first, then
  // the body findings by start.
  CHECK(findings[0].location.part == "word/comments.xml");
  CHECK(findings[0].location.visibility == "unreferenced");
  CHECK(findings[0].location.comment_id == "5");
  CHECK(findings[1].location.comment_id == "1");
  CHECK(findings[1].location.start == 4u);
  CHECK(findings[1].message.find("Reply by A. Jones") != std::string::npos);
  CHECK(findings[2].location.comment_id == "0");
  CHECK(findings[2].location.part == "word/document.xml");
  CHECK(findings[2].location.paragraph == 2u);
  CHECK(findings[2].location.section == "1.6.5");
  CHECK(findings[2].location.start == 22u);
  CHECK(findings[2].location.end == 40u);
  CHECK(findings[2].message.find("J. Smith") != std::string::npos);
  CHECK(findings[2].severity == Severity::kError);
  REQUIRE(findings[2].location.related.size() == 1);
  CHECK(findings[2].location.related[0].part == "word/comments.xml");
}

TEST_CASE("draft rules: no comments, no comment findings (the word 'comments' is not one)") {
  CHECK(lint_with(base_document(), "draft/comments").empty());
  CHECK(lint_with(base_document(), "draft/unaccepted-change").empty());
  CHECK(lint_with(base_document(), "draft/hidden-text").empty());
}

TEST_CASE("draft rules: tracked changes, one finding per revision") {
  Document doc = base_document();
  Paragraph& p = doc.paragraphs[0];
  p.revisions.push_back({RevisionKind::kDeletion, 22, 22, "Bow Green", "Chair", "", "1"});
  p.revisions.push_back({RevisionKind::kInsertion, 22, 40, "", "Chair", "", "2"});
  p.revisions.push_back({RevisionKind::kMoveFrom, 4, 4, "moved words", "Chair", "", "3"});
  p.revisions.push_back({RevisionKind::kParagraphDeleted, 0, 0, "", "Chair", "", "4"});
  p.revisions.push_back({RevisionKind::kFormatChange, 0, 3, "", "Chair", "", "5"});
  const auto findings = lint_with(doc, "draft/unaccepted-change");
  REQUIRE(findings.size() == 5);
  CHECK(findings[0].location.start == 0u);  // format change [0,3)
  CHECK(findings[0].location.end == 3u);
  CHECK(findings[1].location.deleted_text == "moved words");
  CHECK(findings[1].location.visibility == "deleted");
  // Deletion and insertion both start at 22; the zero-width one sorts first by end.
  CHECK(findings[2].location.start == 22u);
  CHECK(findings[2].location.end == 22u);
  CHECK(findings[2].location.deleted_text == "Bow Green");
  CHECK(findings[2].message.find("by Chair") != std::string::npos);
  CHECK(findings[3].location.end == 40u);
  CHECK_FALSE(findings[3].location.deleted_text.has_value());
  // The deleted paragraph mark: zero width at the end of the paragraph.
  CHECK(findings[4].location.start == 41u);
  CHECK(findings[4].location.end == 41u);
  for (const Finding& f : findings) CHECK(f.location.section == "1.6.5");
}

TEST_CASE("draft rules: hidden text is reported, field codes and blank hidden runs are not") {
  Document doc = base_document();
  doc.paragraphs[1].invisible.push_back({InvisibleKind::kHidden, 3, "Ms Patel", "", "", 0});
  doc.paragraphs[1].invisible.push_back({InvisibleKind::kHidden, 5, "  ", "", "", 0});
  doc.paragraphs[1].invisible.push_back(
      {InvisibleKind::kFieldCode, 5, "HYPERLINK \"mailto:x@y\"", "", "", 0});
  const auto findings = lint_with(doc, "draft/hidden-text");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].location.visibility == "hidden");
  CHECK(findings[0].location.deleted_text == "Ms Patel");
  CHECK(findings[0].location.start == 3u);
  CHECK(findings[0].location.end == 3u);
}

}  // namespace
}  // namespace dhrlint

namespace dhrlint {
namespace {

TEST_CASE("draft rules: highlights and run shading; shading in a table is design") {
  Document doc = base_document();
  // "the primary school" highlighted in two colours, one space apart: one finding.
  doc.paragraphs[0].highlights = {{22, 25, "yellow"}, {26, 41, "green"}};
  // Run shading on body text is a highlight too.
  doc.paragraphs[1].highlights = {{4, 12, "shading:D9D9D9"}};
  // A table header cell: white text on dark run shading, and a highlight.
  Paragraph cell;
  cell.part = "word/document.xml";
  cell.index = 4;
  cell.section = "1.6.6";
  cell.text = "Lead agency";
  cell.table = TableCoord{1, 0, 0, 1};
  cell.highlights = {{0, 11, "shading:1F3864"}};
  doc.paragraphs.push_back(cell);
  cell.index = 5;
  cell.text = "Police";
  cell.table = TableCoord{1, 1, 0, 1};
  cell.highlights = {{0, 6, "yellow"}};
  doc.paragraphs.push_back(cell);
  const std::vector<Finding> findings = lint_with(doc, "draft/highlighted-text");
  REQUIRE(findings.size() == 3);
  CHECK(findings[0].location.paragraph == 2u);
  CHECK(findings[0].location.start == 22u);
  CHECK(findings[0].location.end == 41u);
  CHECK(findings[0].message.rfind("Highlighted text", 0) == 0);
  CHECK(findings[1].location.paragraph == 3u);
  CHECK(findings[1].message.rfind("Shaded text", 0) == 0);
  CHECK(findings[2].location.paragraph == 5u);
}

TEST_CASE("draft rules: track changes on is one document finding, off is none") {
  Document doc = base_document();
  CHECK(lint_with(doc, "draft/track-changes-on").empty());
  doc.settings.track_revisions = true;
  const std::vector<Finding> findings = lint_with(doc, "draft/track-changes-on");
  REQUIRE(findings.size() == 1);
  CHECK_FALSE(findings[0].location.paragraph.has_value());
  CHECK_FALSE(findings[0].location.section.has_value());
  CHECK(findings[0].severity == Severity::kInfo);
}

}  // namespace
}  // namespace dhrlint
