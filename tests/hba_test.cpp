// hba/* on models built by hand (fixtures/rules/hba/*.dhr run them on real
// .docx files): the footnote finding's related body location, the severity
// escalation with independent cues, and dismissals with and without reasons.
#include <doctest/doctest.h>

#include "dhrlint/dhrlint.hpp"
#include "lint/engine/linter.hpp"
#include "rules/kit/kit.hpp"

namespace dhrlint {
namespace {

Paragraph body(std::uint32_t index, std::string section, std::string text) {
  Paragraph p;
  p.part = "word/document.xml";
  p.index = index;
  p.label = section + ".";
  p.is_report_number = true;
  p.section = std::move(section);
  p.text = std::move(text);
  return p;
}

Document document(const std::vector<std::string>& texts) {
  Document doc;
  doc.path = "hba.docx";
  doc.main_part = "word/document.xml";
  for (std::size_t i = 0; i < texts.size(); ++i) {
    doc.paragraphs.push_back(
        body(static_cast<std::uint32_t>(i + 1), "1.9." + std::to_string(i + 1), texts[i]));
  }
  return doc;
}

// Adds footnote `id` with `text`, referenced from paragraph `anchor` at `at`.
void add_footnote(Document& doc, std::size_t anchor, std::size_t at, const std::string& id,
                  const std::string& text) {
  doc.paragraphs[anchor].note_refs.push_back(NoteRef{NoteKind::kFootnote, id, at});
  Paragraph note;
  note.story = Story::kFootnote;
  note.part = "word/footnotes.xml";
  note.index = static_cast<std::uint32_t>(doc.notes.size() + 3);
  note.owner_id = id;
  note.anchor = anchor;
  note.section = doc.paragraphs[anchor].section;
  note.text = text;
  doc.paragraphs.push_back(note);
  Note n;
  n.id = id;
  n.number = id;
  n.part = "word/footnotes.xml";
  n.anchor = anchor;
  n.paragraphs = {doc.paragraphs.size() - 1};
  doc.notes.push_back(n);
}

std::vector<Finding> lint_with(const Document& doc, const std::string& rule_id) {
  Config config;
  for (const auto& rule : make_all_rules()) {
    if (rule->info().id != rule_id) config.disabled_rules.push_back(rule->info().id);
  }
  return Linter(config).lint_document(doc);
}

}  // namespace

TEST_CASE("hba: every term list compiles") {
  for (const char* name :
       {"hba/terms.txt", "hba/cues.txt", "hba/reasoning.txt", "hba/sections.txt"}) {
    kit::TermList list(name);
    CHECK_MESSAGE(list.ok(), (list.ok() ? std::string() : list.errors().front().to_string()));
    CHECK_FALSE(list.group_names().empty());
  }
}

TEST_CASE("hba: the usual spellings are recognised") {
  kit::TermList terms("hba/terms.txt");
  for (const char* s :
       {"honour-based abuse", "Honour Based Violence", "honor-based violence",
        "so-called \u2018honour\u2019", "\u2018honour\u2019\u2011based abuse", "HBA", "HBV",
        "izzat", "a forced marriage", "honour killing", "honour-related violence"}) {
    CHECK_MESSAGE(terms.contains(std::string_view(s), "term"), s);
  }
  for (const char* s : {"in honour of her memory", "an honourable man", "HBAs2", "dishonest"}) {
    CHECK_MESSAGE(!terms.contains(std::string_view(s), "term"), s);
  }
}

TEST_CASE("hba: considered only in a footnote - note location, anchor as related") {
  Document doc = document({"Salma and Omar married in 2008.",
                           "The panel considered the cultural context of Salma's life."});
  add_footnote(doc, 1, 58, "6",
               "The panel considered whether \u2018honour-based\u2019 abuse was relevant and "
               "concluded that it was not.");
  const auto findings = lint_with(doc, "hba/footnote-only");
  REQUIRE(findings.size() == 1);
  const Finding& f = findings[0];
  CHECK(f.severity == Severity::kError);
  CHECK(f.location.part == "word/footnotes.xml");
  CHECK(f.location.note_id == "6");
  CHECK(f.location.section == "1.9.2");
  REQUIRE(f.location.related.size() == 1);
  CHECK(f.location.related[0].part == "word/document.xml");
  CHECK(f.location.related[0].paragraph == 2u);
  CHECK(f.location.related[0].section == "1.9.2");
  CHECK(f.location.related[0].start == 58u);
  // Considered in the footnote: not "not considered".
  CHECK(lint_with(doc, "hba/not-considered").empty());
}

TEST_CASE("hba: not considered - nothing without a cue, warning, error with two kinds") {
  {
    // An ethnicity and a religion are never cues; without one, nothing.
    const Document doc = document({"Margaret lived with her son, a British Pakistani Muslim man."});
    CHECK(lint_with(doc, "hba/not-considered").empty());
  }
  {
    // Two cues of one kind stay a warning.
    const Document doc =
        document({"Kamal came on a spouse visa and had no recourse to public funds."});
    const auto findings = lint_with(doc, "hba/not-considered");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].severity == Severity::kWarning);
    CHECK(findings[0].location.related.size() == 1);
  }
  {
    const Document doc = document({"The marriage had been arranged by both families.",
                                   "Kamal came to the UK on a spouse visa in 2011."});
    const auto findings = lint_with(doc, "hba/not-considered");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].severity == Severity::kError);
    REQUIRE(findings[0].location.related.size() == 2);
    CHECK(findings[0].location.related[0].paragraph.has_value());
  }
}

TEST_CASE("hba: dismissal without reasons fires, with reasons does not") {
  const Document doc =
      document({"There was no evidence of HBA, because the family described no act to protect the "
                "family's reputation.",
                "The panel found no evidence of HBA. It reached this view after consulting Karma "
                "Nirvana.",
                "Agencies did not recognise the risk of honour-based abuse.",
                "There was no evidence of honour-based abuse."});
  const auto findings = lint_with(doc, "hba/unreasoned-dismissal");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].location.section == "1.9.4");
  CHECK(*findings[0].location.start == 0u);
  CHECK(*findings[0].location.end == 44u);
}

}  // namespace dhrlint
