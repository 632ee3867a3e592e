// The rule engine on documents built by hand: what RuleContext fills in,
// excerpts, ordering, rule selection, severity overrides, a rule that throws,
// and the parallel runner's order.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "dhrlint/dhrlint.hpp"
#include "lint/engine/linter.hpp"
#include "rules/kit/location.hpp"
#include "support/fixture_docx.hpp"

namespace dhrlint {
namespace {

Paragraph body(std::uint32_t index, std::string text, std::string section) {
  Paragraph p;
  p.part = "word/document.xml";
  p.index = index;
  p.text = std::move(text);
  p.section = std::move(section);
  return p;
}

// Three body paragraphs and a footnote anchored in the second.
Document sample_document() {
  Document doc;
  doc.path = "sample.docx";
  doc.main_part = "word/document.xml";
  doc.paragraphs.push_back(body(1, "Introduction", ""));
  doc.paragraphs.push_back(
      body(4,
           "The children attended Bow Green Primary School from 2015 until the family moved "
           "away in 2019.",
           "1.6.5"));
  doc.paragraphs.push_back(body(7, "Zoë’s mother was\tinformed\nlater.", "1.6.6"));
  Paragraph note;
  note.story = Story::kFootnote;
  note.part = "word/footnotes.xml";
  note.index = 3;
  note.text = "See the school's records.";
  note.section = "1.6.5";
  note.owner_id = "2";
  note.anchor = 1;
  doc.paragraphs.push_back(note);
  return doc;
}

// A rule that reports what it is told to: spans given as (paragraph, start, end).
class SpanRule final : public Rule {
 public:
  struct Hit {
    std::size_t p, start, end;
  };
  SpanRule(std::string id, Severity severity, std::vector<Hit> hits) : hits_(std::move(hits)) {
    info_.id = std::move(id);
    info_.summary = "test rule";
    info_.severity = severity;
  }
  const RuleInfo& info() const override { return info_; }
  void check(const Document&, RuleContext& ctx) const override {
    for (const Hit& h : hits_) ctx.report(*this, h.p, h.start, h.end, "hit");
  }

 private:
  RuleInfo info_;
  std::vector<Hit> hits_;
};

class ThrowingRule final : public Rule {
 public:
  ThrowingRule() {
    info_.id = "test/throws";
    info_.severity = Severity::kError;
  }
  const RuleInfo& info() const override { return info_; }
  void check(const Document&, RuleContext& ctx) const override {
    ctx.report(*this, 1, 0, 3, "half-done");
    throw std::runtime_error("boom");
  }

 private:
  RuleInfo info_;
};

class WholeDocumentRule final : public Rule {
 public:
  WholeDocumentRule() {
    info_.id = "test/whole";
    info_.severity = Severity::kInfo;
  }
  const RuleInfo& info() const override { return info_; }
  void check(const Document&, RuleContext& ctx) const override {
    ctx.report_document(*this, "no such section");
  }

 private:
  RuleInfo info_;
};

std::vector<std::unique_ptr<Rule>> rules_of(std::unique_ptr<Rule> a,
                                            std::unique_ptr<Rule> b = nullptr,
                                            std::unique_ptr<Rule> c = nullptr) {
  std::vector<std::unique_ptr<Rule>> rules;
  for (auto* r : {&a, &b, &c}) {
    if (*r) rules.push_back(std::move(*r));
  }
  return rules;
}

TEST_CASE("engine: report fills part, paragraph ordinal, section, span, severity, excerpt") {
  const Document doc = sample_document();
  // "Bow Green Primary School" is code points 22..46 of paragraph 1.
  Linter linter({}, rules_of(std::make_unique<SpanRule>("test/span", Severity::kWarning,
                                                        std::vector<SpanRule::Hit>{{1, 22, 46}})));
  const auto findings = linter.lint_document(doc);
  REQUIRE(findings.size() == 1);
  const Finding& f = findings[0];
  CHECK(f.rule == "test/span");
  CHECK(f.severity == Severity::kWarning);
  CHECK(f.location.part == "word/document.xml");
  CHECK(f.location.paragraph == 4u);
  CHECK(f.location.section == "1.6.5");
  CHECK(f.location.start == 22u);
  CHECK(f.location.end == 46u);
  CHECK(f.excerpt ==
        "The children attended Bow Green Primary School from 2015 until the family "
        "mo…");
}

TEST_CASE("engine: null section, note ids and spans clamped to the paragraph") {
  const Document doc = sample_document();
  Linter linter(
      {}, rules_of(std::make_unique<SpanRule>(
              "test/span", Severity::kInfo, std::vector<SpanRule::Hit>{{0, 0, 500}, {3, 4, 10}})));
  const auto findings = linter.lint_document(doc);
  REQUIRE(findings.size() == 2);
  CHECK_FALSE(findings[0].location.section.has_value());
  CHECK(findings[0].location.end == 12u);  // "Introduction" has 12 code points
  CHECK(findings[0].excerpt == "Introduction");
  CHECK(findings[1].location.part == "word/footnotes.xml");
  CHECK(findings[1].location.section == "1.6.5");
  CHECK(findings[1].location.note_id == "2");
}

TEST_CASE("engine: excerpt counts code points, marks cuts, flattens tabs and newlines") {
  CHECK(make_excerpt("Zoë’s mother was\tinformed\nlater.", 0, 5) ==
        "Zoë’s mother was informed later.");
  const std::string long_text(100, 'a');
  const std::string e = make_excerpt(long_text, 50, 52);
  CHECK(e == "…" + std::string(30 + 2 + 30, 'a') + "…");
  // A zero-width span at the end still shows its context.
  CHECK(make_excerpt("abc", 3, 3) == "abc");
  // A very long span shows its two ends.
  const std::string span = std::string(100, 'x');
  CHECK(make_excerpt(span, 0, 100) == std::string(40, 'x') + "…" + std::string(40, 'x'));
  // Offsets past the end are clamped, never out of range.
  CHECK(make_excerpt("abc", 10, 20) == "abc");
}

TEST_CASE("engine: findings come in (part, paragraph, start, rule) order") {
  const Document doc = sample_document();
  Linter linter(
      {}, rules_of(std::make_unique<SpanRule>(
                       "test/b", Severity::kWarning,
                       std::vector<SpanRule::Hit>{{3, 0, 1}, {2, 5, 6}, {1, 3, 4}}),
                   std::make_unique<SpanRule>("test/a", Severity::kWarning,
                                              std::vector<SpanRule::Hit>{{1, 3, 4}, {1, 0, 1}}),
                   std::make_unique<WholeDocumentRule>()));
  const auto findings = linter.lint_document(doc);
  REQUIRE(findings.size() == 6);
  // The whole-document finding (no paragraph) first, then body by paragraph
  // and start, rule breaking ties, the footnote part last.
  CHECK(findings[0].rule == "test/whole");
  CHECK_FALSE(findings[0].location.paragraph.has_value());
  CHECK(findings[0].location.part == "word/document.xml");
  CHECK((findings[1].rule == "test/a" && findings[1].location.start == 0u));
  CHECK((findings[2].rule == "test/a" && findings[2].location.start == 3u));
  CHECK((findings[3].rule == "test/b" && findings[3].location.start == 3u));
  CHECK(findings[4].location.paragraph == 7u);
  CHECK(findings[5].location.part == "word/footnotes.xml");
}

TEST_CASE("engine: disabled rules, category patterns and severity overrides") {
  const Document doc = sample_document();
  auto make = [] {
    return rules_of(std::make_unique<SpanRule>("alpha/one", Severity::kWarning,
                                               std::vector<SpanRule::Hit>{{1, 0, 1}}),
                    std::make_unique<SpanRule>("alpha/two", Severity::kWarning,
                                               std::vector<SpanRule::Hit>{{1, 1, 2}}),
                    std::make_unique<SpanRule>("beta/one", Severity::kWarning,
                                               std::vector<SpanRule::Hit>{{1, 2, 3}}));
  };
  CHECK(rule_pattern_matches("alpha/*", "alpha/one"));
  CHECK_FALSE(rule_pattern_matches("alpha/*", "alphabet/one"));
  CHECK_FALSE(rule_pattern_matches("alpha/on", "alpha/one"));

  Config off_category;
  off_category.disabled_rules = {"alpha/*"};
  auto findings = Linter(off_category, make()).lint_document(doc);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].rule == "beta/one");

  Config overrides;
  overrides.disabled_rules = {"alpha/two"};
  overrides.severity_overrides["alpha/*"] = Severity::kInfo;
  overrides.severity_overrides["alpha/one"] = Severity::kError;  // exact id wins
  findings = Linter(overrides, make()).lint_document(doc);
  REQUIRE(findings.size() == 2);
  CHECK((findings[0].rule == "alpha/one" && findings[0].severity == Severity::kError));
  CHECK((findings[1].rule == "beta/one" && findings[1].severity == Severity::kWarning));

  Config threshold;
  threshold.fail_on = Severity::kWarning;
  CHECK(finding_fails(threshold, findings[1]));
  threshold.fail_on = Severity::kError;
  CHECK_FALSE(finding_fails(threshold, findings[1]));
  threshold.fail_on_none = true;
  CHECK_FALSE(finding_fails(threshold, findings[0]));
}

TEST_CASE("engine: a rule that throws is named and dropped; the others still report") {
  const Document doc = sample_document();
  Linter linter({}, rules_of(std::make_unique<ThrowingRule>(),
                             std::make_unique<SpanRule>("test/span", Severity::kWarning,
                                                        std::vector<SpanRule::Hit>{{1, 0, 3}})));
  std::vector<std::string> failures;
  const auto findings = linter.lint_document(doc, linter.config(), &failures);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].rule == "test/span");
  REQUIRE(failures.size() == 1);
  CHECK(failures[0] == "test/throws: boom");
}

TEST_CASE("engine: report_at keeps the given location and fills an excerpt") {
  const Document doc = sample_document();
  class AtRule final : public Rule {
   public:
    AtRule() { info_.id = "test/at"; }
    const RuleInfo& info() const override { return info_; }
    void check(const Document&, RuleContext& ctx) const override {
      Location deleted;
      deleted.part = "word/document.xml";
      deleted.paragraph = 7;
      deleted.start = 4;
      deleted.end = 4;
      deleted.visibility = "deleted";
      deleted.deleted_text = "old";
      ctx.report_at(*this, deleted, "deleted");
      Location property;
      property.part = "docProps/core.xml";
      property.property = "creator";
      ctx.report_at(*this, property, "creator", "J. Smith");
    }

   private:
    RuleInfo info_;
  };
  Linter linter({}, rules_of(std::make_unique<AtRule>()));
  const auto findings = linter.lint_document(doc);
  REQUIRE(findings.size() == 2);
  // docProps/core.xml sorts before word/document.xml (contract order by part).
  CHECK(findings[0].location.property == "creator");
  CHECK(findings[0].excerpt == "J. Smith");
  CHECK(findings[1].location.part == "word/document.xml");
  CHECK(findings[1].excerpt == "Zoë’s mother was informed later.");
  CHECK(findings[1].location.deleted_text == "old");
}

TEST_CASE("engine: lint_files returns sorted paths whatever the thread count") {
  namespace fs = std::filesystem;
  // Real fixture packages when the build made them, plus unreadable inputs:
  // the order and content must not depend on -j.
  std::vector<std::string> paths;
  const fs::path fixtures = fs::path(DHRLINT_BINARY_DIR) / "fixtures" / "ooxml";
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(fixtures, ec)) {
    if (entry.path().extension() == ".docx") paths.push_back(entry.path().string());
  }
  const fs::path tmp = fs::temp_directory_path() / "dhrlint-engine-test";
  fs::create_directories(tmp);
  for (const char* name : {"z-not-a-zip.docx", "a-not-a-zip.docx", "m-not-a-zip.docx"}) {
    std::ofstream(tmp / name) << "plain text, not a package";
    paths.push_back((tmp / name).string());
  }
  paths.push_back((tmp / "absent.docx").string());
  std::vector<std::string> reversed(paths.rbegin(), paths.rend());

  const Linter linter;
  const auto one = linter.lint_files(paths, 1);
  const auto four = linter.lint_files(reversed, 4);
  REQUIRE(one.size() == paths.size());
  REQUIRE(four.size() == paths.size());
  for (std::size_t i = 0; i < one.size(); ++i) {
    if (i > 0) CHECK(one[i - 1].path < one[i].path);
    CHECK(one[i].path == four[i].path);
    CHECK(one[i].status == four[i].status);
    REQUIRE(one[i].findings.size() == four[i].findings.size());
    for (std::size_t k = 0; k < one[i].findings.size(); ++k) {
      CHECK(one[i].findings[k].rule == four[i].findings[k].rule);
      CHECK(one[i].findings[k].location.start == four[i].findings[k].location.start);
    }
    if (one[i].status == FileStatus::kError) {
      CHECK(one[i].findings.empty());
      CHECK(one[i].document == nullptr);
    } else {
      CHECK(one[i].document != nullptr);
    }
  }
  const auto bad = std::find_if(one.begin(), one.end(), [](const FileResult& r) {
    return r.path.find("a-not-a-zip") != std::string::npos;
  });
  REQUIRE(bad != one.end());
  CHECK(bad->status == FileStatus::kError);
  CHECK(bad->error.kind == ErrorKind::kNotZip);
  fs::remove_all(tmp);
}

TEST_CASE("engine: a file's result keeps what outputs read, the whole model only when asked") {
  namespace fs = std::filesystem;
  std::string error;
  const std::string bytes = dhrlint::testing::build_docx(
      "H1 Background\nP The family were told of the review.[^Her sister, in 2021.]\n", &error);
  REQUIRE_MESSAGE(!bytes.empty(), error);
  const fs::path path = fs::temp_directory_path() / "dhrlint-engine-keep.docx";
  std::ofstream(path, std::ios::binary) << bytes;

  Linter linter;
  const FileResult slim = linter.lint_file(path.string());
  REQUIRE(slim.document != nullptr);
  CHECK(slim.document->paragraphs.empty());  // a folder run holds this for every file
  REQUIRE(slim.document->notes.size() == 1);
  CHECK(slim.document->notes[0].number == "1");
  CHECK(slim.document->main_part == "word/document.xml");

  linter.keep_documents(true);
  const FileResult whole = linter.lint_file(path.string());
  REQUIRE(whole.document != nullptr);
  CHECK_FALSE(whole.document->paragraphs.empty());
  CHECK(whole.findings.size() == slim.findings.size());
  fs::remove(path);
}

}  // namespace
}  // namespace dhrlint
