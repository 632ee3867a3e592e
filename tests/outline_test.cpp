// kit::Outline: the report's sections from its headings, as other rule
// families ask for them (find, in_section, heading_of, kind, required).
#include <doctest/doctest.h>

#include <string>

#include "dhrlint/dhrlint.hpp"
#include "rules/kit/analysis.hpp"
#include "rules/kit/outline.hpp"
#include "support/fixture_docx.hpp"

namespace {

using namespace dhrlint;

Document read(const std::string& dhr) {
  std::string error;
  const std::string bytes = testing::build_docx(dhr, &error);
  REQUIRE_MESSAGE(error.empty(), error);
  Result<Document> doc = read_document_bytes(bytes, "outline.docx");
  REQUIRE(doc.ok());
  return std::move(doc).value();
}

// The index of the first body paragraph whose text starts with `prefix`.
std::size_t paragraph(const Document& doc, std::string_view prefix) {
  for (std::size_t i = 0; i < doc.paragraphs.size(); ++i) {
    if (doc.paragraphs[i].text.rfind(prefix, 0) == 0) {
      return i;
    }
  }
  FAIL("no paragraph " << std::string(prefix));
  return kNoIndex;
}

}  // namespace

TEST_CASE("outline: styled and typed headings, synonyms, nesting, appendices") {
  const Document doc = read(
      "TITLE Overview Report\n"
      "T Independent Chair and Author: Helen Marsh\n"
      "H1 Timescales and terms of reference\n"
      "P The terms of reference were agreed in May.\n"
      "H1 Analysis\n"
      "P Agencies did not share what they knew.[^A note on risk.]\n"
      "T Lessons for the police\n"
      "P Officers should speak to victims alone.\n"
      "T 5. CONCLUSIONS\n"
      "T 5.1 There were missed opportunities.\n"
      "HU1 Appendix A: Terms of reference\n"
      "T The full terms.\n");
  Config config;
  SharedResources shared{text::Lexicon()};
  DocumentAnalysis analysis(doc, config, shared);
  const kit::Outline& o = kit::outline(analysis);
  CHECK(&o == &kit::outline(analysis));  // read once, shared

  // The cover line "Chair and Author: Helen Marsh" is not a heading.
  REQUIRE(o.headings().size() == 5);
  const kit::OutlineHeading* tor = o.find("terms-of-reference");
  REQUIRE(tor != nullptr);
  CHECK(tor->has("timescales"));
  CHECK_FALSE(tor->appendix);
  CHECK(o.find_all("terms-of-reference").size() == 2);
  CHECK(o.find_all("terms-of-reference")[1]->appendix);
  CHECK(o.find("chair") == nullptr);
  CHECK(o.present("conclusions"));
  CHECK(o.find("conclusions")->typed);

  // "Lessons for the police" (typed, unnumbered) nests under "Analysis".
  const std::size_t alone = paragraph(doc, "Officers should");
  CHECK(o.in_section(alone, "lessons"));
  CHECK(o.in_section(alone, "analysis"));
  CHECK(o.heading_of(alone)->has("lessons"));
  // A note counts where it is anchored.
  std::size_t note = kNoIndex;
  for (std::size_t i = 0; i < doc.paragraphs.size(); ++i) {
    if (doc.paragraphs[i].story == Story::kFootnote) note = i;
  }
  REQUIRE(note != kNoIndex);
  CHECK(o.in_section(note, "analysis"));
  CHECK_FALSE(o.in_section(note, "terms-of-reference"));
  // "5. CONCLUSIONS" ends the analysis.
  CHECK_FALSE(o.in_section(paragraph(doc, "5.1 There"), "analysis"));
  CHECK(o.heading_of(paragraph(doc, "Overview Report")) == nullptr);

  CHECK(o.kind() == kit::DocumentKind::kOverview);
  CHECK(o.edition() == "2016");
  CHECK(o.required().front() == "timescales");
  CHECK(o.required().back() == "action-plan");
  CHECK(kit::section_name("terms-of-reference") == "Terms of reference");
  CHECK(kit::outline_editions() == std::vector<std::string>{"2016", "2024"});
}

TEST_CASE("outline: the document kind, from the title, the opening or the configuration") {
  SharedResources shared{text::Lexicon()};
  auto kind = [&](const std::string& dhr, const std::string& setting = "auto") {
    const Document doc = read(dhr);
    Config config;
    config.document_kind = setting;
    DocumentAnalysis analysis(doc, config, shared);
    return kit::outline(analysis).kind();
  };
  using kit::DocumentKind;
  CHECK(kind("TITLE DHR Ruth: Executive Summary\nH1 Review process\nP Text.\n") ==
        DocumentKind::kExecutiveSummary);
  CHECK(kind("T Executive Summary of the Overview Report\nH1 Review process\nP Text.\n") ==
        DocumentKind::kExecutiveSummary);
  // An overview report that opens with an executive summary section.
  CHECK(kind("TITLE Overview Report\nH1 Executive Summary\nP Text.\n") == DocumentKind::kOverview);
  CHECK(kind("H1 Executive Summary\nP Text.\nH1 Chronology\nP Text.\n") == DocumentKind::kOverview);
  // A typed "EXECUTIVE SUMMARY" line after an overview report's cover is a
  // section of it; at the top of a file with no other title, the title.
  CHECK(kind("T Northfield CSP\nT Overview Report into the death of Joanne\n"
             "T EXECUTIVE SUMMARY\nT 1.1 This summary outlines the review.\n"
             "H1 Chronology\nP Text.\n") == DocumentKind::kOverview);
  CHECK(kind("T EXECUTIVE SUMMARY\nH1 Review process\nP Text.\n") ==
        DocumentKind::kExecutiveSummary);
  CHECK(kind("H1 Introduction\nP This executive summary sets out the review's findings.\n") ==
        DocumentKind::kExecutiveSummary);
  CHECK(kind("H1 Introduction\nP Text.\n", "executive-summary") == DocumentKind::kExecutiveSummary);
  CHECK(kind("TITLE DHR Ruth: Executive Summary\nP Text.\n", "overview") ==
        DocumentKind::kOverview);
  CHECK(kit::required_sections("2016", DocumentKind::kExecutiveSummary).size() == 8);
  CHECK(kit::required_sections("1999", DocumentKind::kOverview).empty());
}
