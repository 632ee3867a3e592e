// The evaluation set (tests/eval/) is well formed: every draft builds into a
// .docx, has a truth file, and every truth line names a contract category, a
// report paragraph number (or -) and a span. A truth file may declare the
// categories its draft was annotated for ("# categories: identifying hba ...",
// default the four older ones); they must be contract categories and every
// fault's category must be among them. The scores themselves are a
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
  const RE2 declared_re(R"re(^\s*#\s*categories:\s*(.*)$)re");
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
    std::set<std::string> declared = {"identifying", "incomplete", "advocacy", "hba"};
    std::set<std::string> fault_categories;
    bool declared_seen = false;
    while (std::getline(t, line)) {
      ++number;
      std::string list;
      if (RE2::FullMatch(line, declared_re, &list)) {
        CHECK_MESSAGE(!declared_seen, truth.filename().string()
                                          << ":" << number << ": a second categories line");
        declared_seen = true;
        declared.clear();
        for (char& c : list) {
          if (c == ',') {
            c = ' ';
          }
        }
        std::size_t pos = 0;
        while ((pos = list.find_first_not_of(" \t", pos)) != std::string::npos) {
          const auto end = list.find_first_of(" \t", pos);
          const std::string cat = list.substr(pos, end == std::string::npos ? end : end - pos);
          CHECK_MESSAGE(categories.count(cat) == 1, truth.filename().string()
                                                        << ":" << number
                                                        << ": unknown declared category " << cat);
          declared.insert(cat);
          pos = end;
        }
        CHECK_MESSAGE(!declared.empty(), truth.filename().string()
                                             << ":" << number << ": no categories declared");
        continue;
      }
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
        fault_categories.insert(category);
        ++faults;
      }
    }
    for (const auto& cat : fault_categories) {
      CHECK_MESSAGE(declared.count(cat) == 1,
                    truth.filename().string() << ": a fault of category " << cat
                                              << " in a draft not declared as annotated for it");
    }
    if (faults == 0) {
      ++compliant;
    }
  }
  CHECK(drafts >= 10);
  CHECK(compliant >= 1);
}
