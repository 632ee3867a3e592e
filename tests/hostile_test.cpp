// Hostile inputs whose cost once grew with the square of their size (found by
// a mutation run: the speed issue). Each must lint correctly in linear time;
// a quadratic return shows as a suite minutes longer, never as a flaky
// timing assertion.
#include <doctest/doctest.h>

#include <string>

#include "dhrlint/dhrlint.hpp"
#include "lint/engine/linter.hpp"
#include "support/fixture_docx.hpp"

namespace {

using dhrlint::testing::DocxParts;

std::string& part(DocxParts& parts, const std::string& name) {
  for (auto& [n, bytes] : parts) {
    if (n == name) {
      return bytes;
    }
  }
  FAIL("no part " << name);
  static std::string none;
  return none;
}

}  // namespace

TEST_CASE("hostile: a list level whose label repeats %3. thousands of times") {
  // 300 numbered paragraphs whose label is 1.1.1.1.1... 9,000 characters
  // long: incomplete/dangling-crossref once copied every dotted prefix of
  // every number into a set (300 such paragraphs: 45 s and 13 GB).
  std::string source = "H1 Introduction\nH2 Background\n";
  for (int i = 0; i < 300; ++i) {
    source += "P The panel met on " + std::to_string(i % 28 + 1) +
              " May (see paragraph 4.2 for its members).\n";
  }
  std::string error;
  DocxParts parts = dhrlint::testing::build_docx_parts(source, &error);
  REQUIRE_MESSAGE(!parts.empty(), error);
  std::string& numbering = part(parts, "word/numbering.xml");
  const std::string level = "<w:lvlText w:val=\"%1.%2.%3.\"/>";
  const std::size_t at = numbering.find(level);
  REQUIRE(at != std::string::npos);
  std::string repeated = "%1.%2.";
  for (int i = 0; i < 3000; ++i) {
    repeated += "%3.";
  }
  numbering.replace(at, level.size(), "<w:lvlText w:val=\"" + repeated + "\"/>");
  const std::string bytes = dhrlint::testing::zip_parts(parts, &error);
  REQUIRE_MESSAGE(!bytes.empty(), error);

  dhrlint::Result<dhrlint::Document> read = dhrlint::read_document_bytes(bytes, "long-labels.docx");
  REQUIRE(read.ok());
  const dhrlint::Document& doc = read.value();
  std::size_t long_labels = 0;
  for (const dhrlint::Paragraph& p : doc.paragraphs) {
    if (p.label.size() > 6000) {
      ++long_labels;
    }
  }
  CHECK(long_labels == 300);

  const dhrlint::Linter linter;
  std::vector<std::string> failures;
  const std::vector<dhrlint::Finding> findings =
      linter.lint_document(doc, linter.config(), &failures);
  CHECK(failures.empty());
  // Each paragraph points at paragraph 4.2, which this report does not
  // have (its numbers are 1.1.1.1..., 1.1.2.2.2..., ...): the rule still reads
  // every one.
  std::size_t dangling = 0;
  for (const dhrlint::Finding& f : findings) {
    if (f.rule == "incomplete/dangling-crossref") {
      ++dangling;
    }
  }
  CHECK(dangling == 300);
}
