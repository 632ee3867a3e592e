// Unit tests of the identifying/* rules on hand-built document models: each
// test asserts the exact findings (rule, section, span, visibility).
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "dhrlint/rule.hpp"
#include "lint/engine/analysis.hpp"
#include "lint/text/text.hpp"
#include "rules/identifying/common.hpp"

namespace {

using namespace dhrlint;

const SharedResources& shared_resources() {
  static const SharedResources resources{text::Lexicon()};
  return resources;
}

// A document built paragraph by paragraph.
struct DocBuilder {
  Document doc;
  DocBuilder() {
    doc.path = "test.docx";
    doc.main_part = "word/document.xml";
  }
  std::size_t add(std::string text, std::string section = "1.1.1", Story story = Story::kBody,
                  std::string part = "word/document.xml") {
    Paragraph p;
    p.story = story;
    p.part = std::move(part);
    std::uint32_t index = 1;
    for (const Paragraph& q : doc.paragraphs) {
      if (q.part == p.part) ++index;
    }
    p.index = index;
    p.text = std::move(text);
    p.section = std::move(section);
    doc.paragraphs.push_back(std::move(p));
    return doc.paragraphs.size() - 1;
  }
  // A table: rows of cell texts; returns nothing, paragraphs appended.
  void table(const std::vector<std::vector<std::string>>& rows, std::string section = "1.1.1") {
    Table t;
    t.part = "word/document.xml";
    t.number = static_cast<std::uint32_t>(doc.tables.size() + 1);
    for (std::size_t r = 0; r < rows.size(); ++r) {
      Table::Row row;
      for (std::size_t c = 0; c < rows[r].size(); ++c) {
        const std::size_t p = add(rows[r][c], section);
        doc.paragraphs[p].table =
            TableCoord{t.number, static_cast<std::uint32_t>(r), static_cast<std::uint32_t>(c), 1};
        Table::Cell cell;
        cell.col = static_cast<std::uint32_t>(c);
        cell.paragraphs.push_back(p);
        row.cells.push_back(cell);
      }
      t.rows.push_back(row);
    }
    doc.tables.push_back(t);
  }
};

// "rule section span [vis]" for each finding, sorted.
std::string run(const Rule& rule, const Document& doc, const Config& config = {}) {
  DocumentAnalysis analysis(doc, shared_resources());
  RuleContext ctx(doc, config, analysis);
  rule.check(doc, ctx);
  std::vector<std::string> out;
  for (const Finding& f : ctx.take_findings()) {
    std::string span;
    if (f.location.deleted_text) {
      span = *f.location.deleted_text;
    } else if (f.location.paragraph && f.location.start) {
      const Paragraph* p = doc.find(f.location.part, *f.location.paragraph);
      if (p) span = text::slice(p->text, *f.location.start, *f.location.end);
    } else if (f.location.property) {
      span = "property=" + *f.location.property;
    }
    std::string line = f.rule + " " + f.location.section.value_or("-") + " \"" + span + "\"";
    if (f.location.visibility) line += " vis=" + *f.location.visibility;
    out.push_back(line);
  }
  std::sort(out.begin(), out.end());
  std::string joined;
  for (const std::string& l : out) joined += l + "\n";
  return joined;
}

std::string run_on(const Rule& rule, const std::vector<std::string>& paragraphs,
                   const Config& config = {}) {
  DocBuilder b;
  for (const std::string& p : paragraphs) b.add(p);
  return run(rule, b.doc, config);
}

// The expected findings, one "rule section \"span\" [vis=...]" a line, sorted.
std::string Lines(std::vector<std::string> lines) {
  std::sort(lines.begin(), lines.end());
  std::string joined;
  for (const std::string& l : lines) joined += l + "\n";
  return joined;
}

}  // namespace

TEST_CASE("identifying: school-name look-alikes do not fire") {
  auto rule = identifying::make_school_name_rule();
  CHECK(run_on(*rule, {
                          "Child A moved to the school in 2016.",
                          "Her primary school was told about the incident.",
                          "Operation Encompass notifies schools before the next school day.",
                          "The Designated Safeguarding Lead spoke to Child A.",
                          "The College of Policing publishes Authorised Professional Practice.",
                          "The Royal College of Nursing guidance was followed.",
                          "School attendance fell during 2019.",
                          "Schools",
                          "Education",
                          "Secondary School",
                          "Transition To Secondary School",
                          "Tower Hamlets Primary Care Trust and the Metropolitan Police.",
                          "The Local Primary School and the School Nursing Service.",
                          "Child A's School Nurse saw her twice.",
                          "Barts Health NHS Trust and Tower Hamlets Council attended.",
                          "Child B attended School 2 and then Nursery A.",
                          "She studied at King's College London.",
                      }) == Lines({}));
}

TEST_CASE("identifying: school-name finds named schools") {
  auto rule = identifying::make_school_name_rule();
  CHECK(run_on(*rule, {"Child A attended Bow Green Primary School from 2015."}) ==
        Lines({"identifying/school-name 1.1.1 \"Bow Green Primary School\""}));
  CHECK(run_on(*rule, {"The children went to St Agnes' RC Primary, near their home."}) ==
        Lines({"identifying/school-name 1.1.1 \"St Agnes' RC Primary\""}));
  CHECK(run_on(*rule, {"Child A moved to Mulberry Academy Shoreditch in Year 7."}) ==
        Lines({"identifying/school-name 1.1.1 \"Mulberry Academy Shoreditch\""}));
  CHECK(run_on(*rule, {"Child B attended Little Stars Day Nursery."}) ==
        Lines({"identifying/school-name 1.1.1 \"Little Stars Day Nursery\""}));
  CHECK(run_on(*rule, {"Our Lady of Lourdes Catholic Primary School referred Child A."}) ==
        Lines({"identifying/school-name 1.1.1 \"Our Lady of Lourdes Catholic Primary School\""}));
  CHECK(run_on(*rule, {"She enrolled at Newham Sixth Form College."}) ==
        Lines({"identifying/school-name 1.1.1 \"Newham Sixth Form College\""}));
  CHECK(run_on(*rule, {"He was placed at the Phoenix Pupil Referral Unit."}) ==
        Lines({"identifying/school-name 1.1.1 \"Phoenix Pupil Referral Unit\""}));
  CHECK(run_on(*rule, {"Mulberry School for Girls made a referral."}) ==
        Lines({"identifying/school-name 1.1.1 \"Mulberry School for Girls\""}));
}

TEST_CASE("identifying: school-name in tables, notes and deleted text") {
  auto rule = identifying::make_school_name_rule();
  DocBuilder b;
  b.table({{"Agency", "Representative"}, {"Bow Green Primary School", "Headteacher"}}, "1.2.1");
  const std::size_t note = b.add("Bow Green Primary School provided a chronology.", "1.6.5",
                                 Story::kFootnote, "word/footnotes.xml");
  b.doc.paragraphs[note].owner_id = "3";
  const std::size_t p = b.add("Child A attended the primary school.", "1.6.5");
  b.doc.paragraphs[p].invisible.push_back(
      InvisibleText{InvisibleKind::kDeleted, 21, " (Bow Green Primary School)", "A", "", 0});
  CHECK(run(*rule, b.doc) ==
        Lines({"identifying/school-name 1.2.1 \"Bow Green Primary School\"",
               "identifying/school-name 1.6.5 \"Bow Green Primary School\"",
               "identifying/school-name 1.6.5 \"Bow Green Primary School\" vis=deleted"}));
}
