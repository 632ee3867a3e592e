// The evaluation set (tests/eval/) is well formed: every draft builds into a
// .docx, has a truth file, and every truth line names a contract category, a
// report paragraph number (or -) and a span. The scores themselves are a
// measurement (tests/eval/score.py), not a test.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include <re2/re2.h>

#include "support/fixture_docx.hpp"

namespace fs = std::filesystem;

TEST_CASE("eval: every draft builds and every truth line parses") {
  const fs::path dir = fs::path(DHRLINT_SOURCE_DIR) / "tests" / "eval" / "drafts";
  const std::set<std::string> categories = {
      "identifying", "incomplete", "advocacy", "hba",    "repetition", "structure", "equality",
      "action-plan", "children",   "culture",  "family", "draft",      "style"};
  const RE2 line_re(
      R"re(^([a-z-]+)\s+(-|\d+(?:\.\d+)*)(?:\s+"((?:[^"\\]|\\.)*)"|\s+-)?\s*(?:#.*)?$)re");
  std::size_t drafts = 0;
  std::size_t compliant = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".dhr") {
      continue;
    }
    ++drafts;
    const std::string name = entry.path().filename().string();
    CAPTURE(name);
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string source((std::istreambuf_iterator<char>(in)),
                             std::istreambuf_iterator<char>());
    std::string error;
    CHECK_MESSAGE(!dhrlint::testing::build_docx(source, &error).empty(), error);
    fs::path truth = entry.path();
    truth.replace_extension(".truth");
    REQUIRE_MESSAGE(fs::is_regular_file(truth), "no " << truth.filename().string());
    std::ifstream t(truth);
    std::string line;
    std::size_t faults = 0;
    std::size_t number = 0;
    while (std::getline(t, line)) {
      ++number;
      const auto first = line.find_first_not_of(" \t");
      if (first == std::string::npos || line[first] == '#') {
        continue;
      }
      std::string category;
      const bool parsed = RE2::FullMatch(line, line_re, &category);
      CHECK_MESSAGE(parsed, truth.filename().string() << ":" << number << ": " << line);
      if (parsed) {
        CHECK_MESSAGE(categories.count(category) == 1,
                      truth.filename().string() << ":" << number << ": unknown category");
        ++faults;
      }
    }
    if (faults == 0) {
      ++compliant;
    }
  }
  CHECK(drafts >= 10);
  CHECK(compliant >= 1);
}
