// incomplete/* on models built by hand (fixtures/rules/incomplete/*.dhr run
// them on real .docx files): spans, sections, look-alikes, the numbering
// walk, and the term data the rules read.
#include <doctest/doctest.h>

#include <algorithm>

#include "dhrlint/dhrlint.hpp"
#include "lint/engine/linter.hpp"
#include "rules/incomplete/numbering.hpp"
#include "rules/kit/kit.hpp"

namespace dhrlint {
namespace {

// A body paragraph numbered by Word ("1.8.3."), or unnumbered when `label` is "".
Paragraph body(std::uint32_t index, std::string label, std::string section, std::string text) {
  Paragraph p;
  p.part = "word/document.xml";
  p.index = index;
  p.label = label;
  p.is_report_number = !label.empty() && label.front() >= '0' && label.front() <= '9';
  p.section = std::move(section);
  p.text = std::move(text);
  return p;
}

Paragraph heading(std::uint32_t index, int level, std::string label, std::string text) {
  Paragraph p =
      body(index, label, label.empty() ? "" : label.substr(0, label.size() - 1), std::move(text));
  p.heading_level = level;
  return p;
}

Document document(std::vector<Paragraph> paragraphs) {
  Document doc;
  doc.path = "incomplete.docx";
  doc.main_part = "word/document.xml";
  doc.paragraphs = std::move(paragraphs);
  return doc;
}

std::vector<Finding> lint_with(const Document& doc, const std::string& rule_id) {
  Config config;
  for (const auto& rule : make_all_rules()) {
    if (rule->info().id != rule_id) config.disabled_rules.push_back(rule->info().id);
  }
  return Linter(config).lint_document(doc);
}

std::string span_of(const Document& doc, const Finding& f) {
  const Paragraph* p = doc.find(f.location.part, *f.location.paragraph);
  REQUIRE(p != nullptr);
  return text::slice(p->text, *f.location.start, *f.location.end);
}

}  // namespace

TEST_CASE("incomplete: every term list compiles") {
  for (const char* name : {"incomplete/placeholders.txt", "incomplete/crossrefs.txt"}) {
    kit::TermList list(name);
    CHECK_MESSAGE(list.ok(), (list.ok() ? std::string() : list.errors().front().to_string()));
    CHECK_FALSE(list.group_names().empty());
  }
  CHECK_FALSE(kit::folded_values("incomplete/sentence-endings.txt", "open").empty());
  CHECK_FALSE(kit::folded_values("incomplete/sentence-endings.txt", "never-final").empty());
}

TEST_CASE("incomplete: term patterns match across hyphens, quotes and case") {
  kit::TermList list("incomplete/placeholders.txt");
  const auto found = [&](const char* s) { return !list.find(text::fold(s), "marker").empty(); };
  CHECK(found("see Error! Reference source not found."));
  CHECK(found("see ERROR!  Bookmark not defined."));
  CHECK(found("born in 19XX"));
  CHECK(found("[Insert name of agency]"));
  CHECK_FALSE(found("a size XXL top"));
  CHECK_FALSE(found("a to-do list"));
  CHECK_FALSE(found("she said \"he told me [...] nothing\""));
  CHECK(kit::term_to_pattern("honour based") == "\\bhonour[\\s\\-'\"]+based\\b");
  CHECK(kit::term_to_pattern("shame*") == "\\bshame\\w*\\b");
}

TEST_CASE("incomplete: outline numbers follow each other") {
  using incomplete::outline_follows;
  using incomplete::parse_outline_number;
  const auto follows = [](const char* a, const char* b) {
    return outline_follows(parse_outline_number(a), parse_outline_number(b));
  };
  CHECK(follows("1.6.4", "1.6.5"));
  CHECK(follows("1.6.4", "1.7"));
  CHECK(follows("1.6.4", "2"));
  CHECK(follows("1.6.4", "2.1.1"));
  CHECK(follows("1.6", "1.6.1"));
  CHECK_FALSE(follows("1.6.4", "1.6.6"));
  CHECK_FALSE(follows("1.6.4", "1.6.4"));
  CHECK_FALSE(follows("1.6.4", "1.5"));
  CHECK_FALSE(follows("1.6", "1.6.2"));
  CHECK(parse_outline_number("1.x").empty());
  CHECK(parse_outline_number("1..2").empty());
}

TEST_CASE("incomplete: truncated paragraph at 1.8.3, span is the unfinished sentence") {
  Document doc = document({
      heading(1, 2, "1.8.", "Analysis"),
      body(2, "1.8.1.", "1.8.1", "Agencies responded to each incident in isolation."),
      body(3, "1.8.3.", "1.8.3", "The IDVA closed the case. The case was closed without"),
      body(4, "1.8.4.", "1.8.4", "The panel recommends that"),
      body(5, "(a)", "1.8.4", "agencies share information;"),
  });
  doc.paragraphs[4].is_report_number = false;
  const auto findings = lint_with(doc, "incomplete/truncated-paragraph");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].location.section == "1.8.3");
  CHECK(findings[0].severity == Severity::kWarning);
  CHECK(span_of(doc, findings[0]) == "The case was closed without");
}

TEST_CASE("incomplete: a full stop before a footnote mark or closing quote is a full stop") {
  Document doc = document({
      body(1, "1.1.1.", "1.1.1", "Her sister said \"she was always laughing.\""),
      body(2, "1.1.2.", "1.1.2", "The panel read the research on economic abuse."),
  });
  doc.paragraphs[1].note_refs.push_back(NoteRef{NoteKind::kFootnote, "3", 46});
  CHECK(lint_with(doc, "incomplete/truncated-paragraph").empty());
}

TEST_CASE("incomplete: placeholder in a footnote carries the note id and the anchor's section") {
  Document doc = document({body(1, "1.2.2.", "1.2.2", "The GP saw Amira in 2021.")});
  Paragraph note;
  note.story = Story::kFootnote;
  note.part = "word/footnotes.xml";
  note.index = 3;
  note.owner_id = "6";
  note.anchor = 0;
  note.section = "1.2.2";
  note.text = "Source: [insert GP IMR reference]";
  doc.paragraphs.push_back(note);
  const auto findings = lint_with(doc, "incomplete/placeholder");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].location.part == "word/footnotes.xml");
  CHECK(findings[0].location.note_id == "6");
  CHECK(findings[0].location.section == "1.2.2");
  CHECK(span_of(doc, findings[0]) == "[insert GP IMR reference]");
  CHECK(findings[0].severity == Severity::kError);
}

TEST_CASE("incomplete: comments and headers are not searched for placeholders") {
  Document doc = document({body(1, "1.1.1.", "1.1.1", "The review was completed.")});
  Paragraph comment = body(1, "", "1.1.1", "TBC with the police");
  comment.story = Story::kComment;
  comment.part = "word/comments.xml";
  doc.paragraphs.push_back(comment);
  CHECK(lint_with(doc, "incomplete/placeholder").empty());
}

TEST_CASE("incomplete: empty numbered paragraph and empty leaf heading") {
  Document doc = document({
      heading(1, 1, "1.", "Introduction"),
      heading(2, 2, "1.1.", "Timescales"),
      heading(3, 2, "1.2.", "Confidentiality"),
      body(4, "1.2.1.", "1.2.1", "  "),
      body(5, "", "1.2.1", ""),
      body(6, "1.2.2.", "1.2.2", "Pseudonyms were agreed with the family."),
  });
  const auto empty_paragraphs = lint_with(doc, "incomplete/empty-paragraph");
  REQUIRE(empty_paragraphs.size() == 1);
  CHECK(empty_paragraphs[0].location.section == "1.2.1");
  const auto empty_sections = lint_with(doc, "incomplete/empty-section");
  REQUIRE(empty_sections.size() == 1);
  CHECK(empty_sections[0].location.section == "1.1");
  CHECK(span_of(doc, empty_sections[0]) == "Timescales");
}

TEST_CASE("incomplete: typed numbering gaps and duplicates, restart at 1 is not a gap") {
  auto typed = [](std::uint32_t index, const std::string& number, const std::string& rest) {
    Paragraph p = body(index, "", number, number + " " + rest);
    p.typed_number = number;
    p.typed_number_end = number.size() + 1;
    p.is_report_number = true;
    return p;
  };
  Document doc = document({
      typed(1, "1.1", "The review was commissioned."), typed(2, "1.2", "The panel met six times."),
      typed(3, "1.1", "Overview report: the review was commissioned."),  // restart
      typed(4, "1.2", "The panel met six times."),
      typed(5, "1.4", "The chair met the family."),  // gap
      typed(6, "1.5", "The family read the draft."),
      typed(7, "1.5", "The family commented on the draft."),  // duplicate
  });
  const auto gaps = lint_with(doc, "incomplete/numbering-gap");
  REQUIRE(gaps.size() == 1);
  CHECK(gaps[0].location.paragraph == 5u);
  CHECK(span_of(doc, gaps[0]) == "1.4");
  const auto duplicates = lint_with(doc, "incomplete/numbering-duplicate");
  REQUIRE(duplicates.size() == 1);
  CHECK(duplicates[0].location.paragraph == 7u);
  CHECK(duplicates[0].severity == Severity::kInfo);
}

TEST_CASE("incomplete: dangling cross-references, external references skipped") {
  Document doc = document({
      heading(1, 1, "1.", "Introduction"),
      body(2, "1.1.", "1.1", "The review was commissioned in 2023."),
      body(3, "1.2.", "1.2", "See paragraph 1.1 and paragraph 4.2 for the details."),
      body(4, "1.3.", "1.3", "Families are entitled to advocacy (paragraph 56 of the guidance)."),
      body(5, "1.4.", "1.4", "The terms of reference are at Appendix C."),
      heading(6, 1, "", "Appendix A: Terms of reference"),
  });
  const auto findings = lint_with(doc, "incomplete/dangling-crossref");
  REQUIRE(findings.size() == 2);
  CHECK(span_of(doc, findings[0]) == "paragraph 4.2");
  CHECK(span_of(doc, findings[1]) == "Appendix C");
}

TEST_CASE("incomplete: every rule documents itself") {
  std::size_t count = 0;
  for (const auto& rule : make_all_rules()) {
    const RuleInfo& info = rule->info();
    if (info.id.rfind("incomplete/", 0) != 0) continue;
    ++count;
    CHECK_FALSE(info.summary.empty());
    CHECK_FALSE(info.what.empty());
    CHECK(info.why.find("Tower Hamlets") != std::string::npos);
    CHECK(info.example.find("Fires") != std::string::npos);
    CHECK(info.example.find("Does not fire") != std::string::npos);
    CHECK_FALSE(info.fix.empty());
  }
  CHECK(count == 7);
}

}  // namespace dhrlint
