// advocacy/* on models built by hand (fixtures/rules/advocacy/*.dhr run them
// on real .docx files): the letter's case, statements that count and do not.
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
  p.label = section.empty() ? "" : section + ".";
  p.is_report_number = !section.empty();
  p.section = std::move(section);
  p.text = std::move(text);
  return p;
}

Paragraph heading(std::uint32_t index, std::string text) {
  Paragraph p = body(index, "", std::move(text));
  p.heading_level = 2;
  return p;
}

// Body paragraphs under one heading (index 0).
Document document(const std::string& heading_text, const std::vector<std::string>& texts) {
  Document doc;
  doc.path = "advocacy.docx";
  doc.main_part = "word/document.xml";
  doc.paragraphs.push_back(heading(1, heading_text));
  for (std::size_t i = 0; i < texts.size(); ++i) {
    Paragraph p = body(static_cast<std::uint32_t>(i + 2), "1.5." + std::to_string(i + 1), texts[i]);
    p.headings = {0};
    doc.paragraphs.push_back(p);
  }
  return doc;
}

std::vector<Finding> lint_category(const Document& doc) {
  Config config;
  for (const auto& rule : make_all_rules()) {
    if (rule->info().id.rfind("advocacy/", 0) != 0) {
      config.disabled_rules.push_back(rule->info().id);
    }
  }
  return Linter(config).lint_document(doc);
}

}  // namespace

TEST_CASE("advocacy: every term list compiles") {
  for (const char* name :
       {"advocacy/services.txt", "advocacy/context.txt", "advocacy/sections.txt"}) {
    kit::TermList list(name);
    CHECK_MESSAGE(list.ok(), (list.ok() ? std::string() : list.errors().front().to_string()));
    CHECK_FALSE(list.group_names().empty());
  }
}

TEST_CASE("advocacy: the letter's case - the Homicide Service named, no outcome") {
  const Document doc = document(
      "Involvement of family and friends",
      {"The chair wrote to Salma's niece and nephew at the start of the review.",
       "Letters to the family were sent through the Victim Support Homicide Service in June "
       "2023."});
  const auto findings = lint_category(doc);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].rule == "advocacy/outcome-unclear");
  CHECK(findings[0].severity == Severity::kWarning);
  CHECK(findings[0].location.section == "1.5.2");
  const Paragraph& p = doc.paragraphs[2];
  CHECK(text::slice(p.text, *findings[0].location.start, *findings[0].location.end) ==
        "Victim Support Homicide Service");
}

TEST_CASE("advocacy: nothing said at all is one whole-document error") {
  const Document doc = document("Involvement of family and friends",
                                {"The chair met Salma's niece twice during the review."});
  const auto findings = lint_category(doc);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].rule == "advocacy/not-stated");
  CHECK(findings[0].severity == Severity::kError);
  CHECK_FALSE(findings[0].location.section.has_value());
  CHECK_FALSE(findings[0].location.paragraph.has_value());
  CHECK(findings[0].location.part == "word/document.xml");
}

TEST_CASE("advocacy: an offer and its take-up silence both rules") {
  for (const char* statement :
       {"The chair offered the family a referral to AAFDA, which they accepted.",
        "Salma's sister was supported by a specialist advocate from AAFDA throughout the review.",
        "The family were told about specialist advocacy but chose not to take it up.",
        "The police referred Salma's parents to the Victim Support Homicide Service."}) {
    const Document doc = document("Family involvement", {statement});
    CHECK_MESSAGE(lint_category(doc).empty(), statement);
  }
}

TEST_CASE("advocacy: duties, recommendations, IDVAs and panel roles are not statements") {
  for (const char* text :
       {"Families should be offered specialist advocacy by AAFDA.",
        "The IDVA provided advocacy for Salma and her children with the housing department.",
        "AAFDA was a member of the review panel and supported the chair.",
        "It is not known whether the family were offered specialist advocacy."}) {
    const Document doc = document("Family involvement", {text});
    const auto findings = lint_category(doc);
    REQUIRE_MESSAGE(findings.size() == 1, text);
    const bool unclear_sentence = std::string(text).find("not known") != std::string::npos;
    CHECK_MESSAGE(
        findings[0].rule == (unclear_sentence ? "advocacy/outcome-unclear" : "advocacy/not-stated"),
        text);
  }
}

TEST_CASE("advocacy: a glossary row does not count") {
  Document doc = document("Family involvement", {"The chair met Salma's niece twice."});
  Paragraph glossary = heading(10, "Glossary");
  doc.paragraphs.push_back(glossary);
  Paragraph row =
      body(11, "", "AAFDA - Advocacy After Fatal Domestic Abuse, which supported the family");
  row.headings = {doc.paragraphs.size() - 1};
  doc.paragraphs.push_back(row);
  const auto findings = lint_category(doc);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].rule == "advocacy/not-stated");
}

}  // namespace dhrlint
