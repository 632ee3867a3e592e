// The rule-fixture runner (fixtures/README.md): every fixtures/rules/**/*.dhr
// is built into a .docx, read by the real reader, linted by every rule of the
// build, and the findings of the compared rules (@rules, else the fixture's
// category folder) must match its !expect lines one to one. A fixture without
// !expect lines asserts that the compared rules stay silent (look-alikes).
// fixtures/sample/*.dhr, the README's sample drafts, are run the same way.
// @identifiers lines give the private identifiers (Config::identifiers) the
// fixture is linted with, as --identifiers FILE would.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "dhrlint/dhrlint.hpp"
#include "lint/engine/linter.hpp"
#include "rules/kit/outline.hpp"
#include "support/fixture_docx.hpp"

namespace {

namespace fs = std::filesystem;
using dhrlint::testing::ActualFinding;
using dhrlint::testing::Expectation;

struct FixtureOutcome {
  bool ok = false;
  std::string report;  // what went wrong, for the failure message
};

// The category a fixture's folder names: fixtures/rules/hba/x.dhr -> "hba/*";
// "" for a fixture directly under fixtures/rules (then all rules compare).
std::string category_pattern(const fs::path& fixture, const fs::path& rules_root) {
  fs::path rel = fixture.lexically_relative(rules_root);
  auto it = rel.begin();
  if (it == rel.end() || std::next(it) == rel.end()) {
    return {};
  }
  return it->string() + "/*";
}

std::string paragraph_text(const dhrlint::Document& doc, const ActualFinding& a) {
  if (!a.paragraph) {
    return {};
  }
  for (const dhrlint::Paragraph& p : doc.paragraphs) {
    if (p.part == a.part && p.index == *a.paragraph) {
      return (p.label.empty() ? "" : p.label + " ") + p.text;
    }
  }
  return {};
}

// Builds, reads, lints and matches one fixture. `default_patterns` apply when
// the fixture has no @rules line.
FixtureOutcome run_fixture(const std::string& source, const std::string& name,
                           const std::vector<std::string>& default_patterns,
                           const dhrlint::Linter& linter) {
  FixtureOutcome out;
  std::ostringstream msg;
  msg << name << ":\n";
  bool problems = false;  // anything besides the matching itself
  std::string error;
  std::string bytes = dhrlint::testing::build_docx(source, &error);
  if (bytes.empty()) {
    out.report = name + ": " + error;
    return out;
  }
  std::vector<Expectation> expected = dhrlint::testing::parse_expectations(source, &error);
  if (!error.empty()) {
    out.report = name + ": " + error;
    return out;
  }
  std::vector<std::string> patterns = dhrlint::testing::parse_rules_directive(source);
  if (patterns.empty()) {
    patterns = default_patterns;
  }

  // A compared rule that does not exist would make a look-alike fixture pass
  // by comparing nothing: each @rules entry must select a rule of the build.
  auto compared = [&](std::string_view id) {
    if (patterns.empty()) {
      return true;
    }
    return std::any_of(patterns.begin(), patterns.end(),
                       [&](const std::string& p) { return dhrlint::rule_pattern_matches(p, id); });
  };
  for (const std::string& p : patterns) {
    bool selects = std::any_of(linter.rules().begin(), linter.rules().end(), [&](const auto& r) {
      return dhrlint::rule_pattern_matches(p, r->info().id);
    });
    if (!selects) {
      msg << "  @rules " << p << ": no such rule in the build\n";
      problems = true;
    }
  }
  for (const Expectation& e : expected) {
    if (!compared(e.rule)) {
      msg << "  line " << e.line << ": " << e.rule << " is not among the compared rules\n";
      problems = true;
    }
  }

  dhrlint::Result<dhrlint::Document> read = dhrlint::read_document_bytes(bytes, name);
  if (!read.ok()) {
    out.report = name + ": the reader refused the generated file: " + read.error().message;
    return out;
  }
  const dhrlint::Document& doc = read.value();
  // @identifiers lines stand for the --identifiers file: the fixture is linted
  // with them added to the linter's configuration.
  dhrlint::Config config = linter.config();
  for (std::string& identifier : dhrlint::testing::parse_identifiers_directive(source)) {
    config.identifiers.push_back(std::move(identifier));
  }
  // @config lines stand for .dhrlint.toml settings.
  for (const auto& [key, value] : dhrlint::testing::parse_config_directive(source)) {
    // Values checked as .dhrlint.toml checks them: a misspelt one would
    // quietly fall back to the default and prove nothing.
    const std::vector<std::string> editions = dhrlint::kit::outline_editions();
    const std::vector<std::string> kinds = {"auto", "overview", "executive-summary"};
    if (key == "edition" && std::find(editions.begin(), editions.end(), value) != editions.end()) {
      config.edition = value;
    } else if (key == "document_kind" &&
               std::find(kinds.begin(), kinds.end(), value) != kinds.end()) {
      config.document_kind = value;
    } else if (key == "edition" || key == "document_kind") {
      msg << "  @config " << key << " = " << value << ": not a value .dhrlint.toml accepts\n";
      problems = true;
    } else {
      msg << "  @config " << key << ": not a setting the runner knows (edition, document_kind)\n";
      problems = true;
    }
  }
  std::vector<std::string> failures;
  std::vector<dhrlint::Finding> findings = linter.lint_document(doc, config, &failures);
  for (const std::string& f : failures) {
    msg << "  rule failed: " << f << "\n";
    problems = true;
  }

  std::vector<ActualFinding> actual;
  for (const dhrlint::Finding& f : findings) {
    if (compared(f.rule)) {
      actual.push_back(dhrlint::testing::describe_finding(f, doc));
    }
  }
  dhrlint::testing::MatchReport match = dhrlint::testing::match_findings(expected, actual);
  out.ok = match.ok() && !problems;
  if (!match.ok()) {
    msg << "  expected but not found:\n";
    for (const Expectation& e : match.missing) {
      msg << "    " << dhrlint::testing::format_expectation(e) << "\n";
    }
    if (match.missing.empty()) {
      msg << "    (none)\n";
    }
    msg << "  found but not expected:\n";
    for (const ActualFinding& a : match.unexpected) {
      msg << "    " << dhrlint::testing::format_actual(a) << "\n";
      std::string text = paragraph_text(doc, a);
      if (!text.empty()) {
        msg << "      paragraph: " << text << "\n";
      }
    }
    if (match.unexpected.empty()) {
      msg << "    (none)\n";
    }
    msg << "  all compared findings:\n";
    for (const ActualFinding& a : actual) {
      msg << "    " << dhrlint::testing::format_actual(a) << "\n";
    }
  }
  out.report = msg.str();
  return out;
}

std::vector<fs::path> dhr_files(const fs::path& root, bool recursive) {
  std::vector<fs::path> files;
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    return files;
  }
  auto add = [&](const fs::directory_entry& entry) {
    if (entry.is_regular_file() && entry.path().extension() == ".dhr") {
      files.push_back(entry.path());
    }
  };
  if (recursive) {
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      add(entry);
    }
  } else {
    for (const auto& entry : fs::directory_iterator(root)) {
      add(entry);
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("fixture: runner self-test on an in-memory fixture") {
  dhrlint::Linter linter;
  const std::string base =
      "@rules draft/comments\n"
      "H1 Introduction\n"
      "H2 Family\n"
      "P The {comment:chair|Check this} met the family twice.\n";

  FixtureOutcome right =
      run_fixture(base + "!expect draft/comments 1.1.1 \"chair\"\n", "right.dhr", {}, linter);
  CHECK_MESSAGE(right.ok, right.report);

  // A comment nobody expected: the look-alike form of the same fixture fails.
  FixtureOutcome silent = run_fixture(base, "silent.dhr", {}, linter);
  CHECK_FALSE(silent.ok);
  CHECK(silent.report.find("found but not expected") != std::string::npos);
  CHECK(silent.report.find("!expect draft/comments 1.1.1 \"chair\"") != std::string::npos);

  FixtureOutcome wrong_section =
      run_fixture(base + "!expect draft/comments 1.1.2 \"chair\"\n", "wrong.dhr", {}, linter);
  CHECK_FALSE(wrong_section.ok);
  CHECK(wrong_section.report.find("expected but not found") != std::string::npos);

  FixtureOutcome twice = run_fixture(base +
                                         "!expect draft/comments 1.1.1 \"chair\"\n"
                                         "!expect draft/comments 1.1.1 \"chair\"\n",
                                     "twice.dhr", {}, linter);
  CHECK_FALSE(twice.ok);

  FixtureOutcome unknown =
      run_fixture("@rules draft/no-such-rule\nP Text.\n", "unknown.dhr", {}, linter);
  CHECK_FALSE(unknown.ok);
  CHECK(unknown.report.find("no such rule") != std::string::npos);

  FixtureOutcome misspelt = run_fixture(
      "@rules structure/missing-section\n@config document_kind = executive-summry\nP Text.\n",
      "misspelt-config.dhr", {}, linter);
  CHECK_FALSE(misspelt.ok);
  CHECK(misspelt.report.find("not a value .dhrlint.toml accepts") != std::string::npos);

  FixtureOutcome not_compared = run_fixture(base + "!expect hba/footnote-only 1.1.1 \"chair\"\n",
                                            "not-compared.dhr", {}, linter);
  CHECK_FALSE(not_compared.ok);

  FixtureOutcome malformed = run_fixture("P {b:open\n", "malformed.dhr", {}, linter);
  CHECK_FALSE(malformed.ok);
  CHECK(malformed.report.find("line 1") != std::string::npos);
}

TEST_CASE("fixture: @identifiers lines reach the linter's configuration") {
  CHECK(dhrlint::testing::parse_identifiers_directive(
            "@identifiers Jane Roe\nP x\n  @identifiers   Zo\xC3\xAB  # not a comment \n"
            "@identifiersX y\n") ==
        std::vector<std::string>{"Jane Roe", "Zo\xC3\xAB  # not a comment"});
  CHECK(dhrlint::testing::parse_identifiers_directive("@rules a/b\nP Jane Roe\n").empty());
  std::string error;
  CHECK(dhrlint::testing::build_docx("P x\n@identifiers\n", &error).empty());
  CHECK(error.rfind("line 2:", 0) == 0);

  dhrlint::Linter linter;
  REQUIRE(linter.config().identifiers.empty());
  const std::string body =
      "@rules identifying/private-identifier\n"
      "H1 Introduction\n"
      "H2 Family\n"
      "P Jane Roe moved to the area in 2015.\n"
      "!expect identifying/private-identifier 1.1.1 \"Jane Roe\"\n";
  FixtureOutcome with_ids = run_fixture("@identifiers Jane Roe\n" + body, "ids.dhr", {}, linter);
  CHECK_MESSAGE(with_ids.ok, with_ids.report);
  // Without the line the same text is no identifier: the expectation fails.
  FixtureOutcome without_ids = run_fixture(body, "no-ids.dhr", {}, linter);
  CHECK_FALSE(without_ids.ok);
  CHECK(without_ids.report.find("expected but not found") != std::string::npos);
  // One fixture's identifiers never leak into the next one's run.
  CHECK(linter.config().identifiers.empty());
}

// One doctest case per fixture file (tests/CMakeLists.txt generates them
// into rule_fixture_cases.cpp, each calling this), so that `ctest -N` lists
// every fixture and `ctest -R school-name` runs one rule's.
namespace dhrlint::testing {

void check_fixture_file(const std::string& relative) {
  const fs::path file = fs::path(DHRLINT_SOURCE_DIR) / relative;
  REQUIRE_MESSAGE(fs::is_regular_file(file), relative << " is gone: re-run cmake");
  // Rule fixtures compare their category folder's rules unless @rules says
  // otherwise; the sample reports compare every rule.
  const fs::path rules_root = fs::path(DHRLINT_SOURCE_DIR) / "fixtures" / "rules";
  std::vector<std::string> defaults;
  if (relative.rfind("fixtures/rules/", 0) == 0) {
    std::string pattern = category_pattern(file, rules_root);
    if (!pattern.empty()) {
      defaults.push_back(pattern);
    }
  }
  static const dhrlint::Linter linter;
  FixtureOutcome outcome = run_fixture(read_text(file), relative, defaults, linter);
  CHECK_MESSAGE(outcome.ok, outcome.report);
}

}  // namespace dhrlint::testing

TEST_CASE("fixture: sample reports yield exactly their expected findings") {
  const fs::path root = fs::path(DHRLINT_SOURCE_DIR) / "fixtures" / "sample";
  std::vector<fs::path> files = dhr_files(root, false);
  REQUIRE_MESSAGE(files.size() >= 2, "the overview and compliant sample reports are missing");
  dhrlint::Linter linter;
  for (const fs::path& file : files) {
    std::string name = file.lexically_relative(DHRLINT_SOURCE_DIR).string();
    FixtureOutcome outcome = run_fixture(read_text(file), name, {}, linter);
    CHECK_MESSAGE(outcome.ok, outcome.report);
  }
}
