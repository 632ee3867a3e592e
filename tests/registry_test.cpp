// The rule registry against the rest of the repository: every line of
// rules/registry.def names a rule whose id, file, documentation and fixtures
// agree, and every file under data/ reads without an invalid line. A new rule
// that skips a step fails here, by name.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "dhrlint/rule.hpp"
#include "rules/kit/data.hpp"

namespace {

namespace fs = std::filesystem;

std::string hyphenated(std::string_view s) {
  std::string out(s);
  std::replace(out.begin(), out.end(), '_', '-');
  return out;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// The categories of output-contract.md's table.
const std::set<std::string> kContractCategories = {
    "identifying", "incomplete", "advocacy", "hba",    "repetition", "structure", "equality",
    "action-plan", "children",   "culture",  "family", "draft",      "style",     "custom"};

// Internal notes a user does not have: the project's domain guide, its source
// ids (L0, S8, R15, T3, ...), section signs, issue numbers.
const RE2 kInternalCitation(R"((dhr-guide|\b[LRSTBD][0-9]{1,2}\b|§|\bissue [0-9]|\.md\b))");
// A public source names a year (a guidance edition, an Act, a letter).
const RE2 kYear(R"(\b(19|20)[0-9]{2}\b)");

}  // namespace

TEST_CASE("registry: every rule's id, file and category agree with rules/registry.def") {
  const fs::path rules_dir = fs::path(DHRLINT_SOURCE_DIR) / "rules";
  std::set<std::string> ids;
  std::set<std::string_view> folders(dhrlint::registered_categories().begin(),
                                     dhrlint::registered_categories().end());
  REQUIRE_FALSE(dhrlint::registered_rules().empty());
  for (const dhrlint::RuleRegistration& r : dhrlint::registered_rules()) {
    const std::string expected_id = hyphenated(r.folder) + "/" + hyphenated(r.stem);
    CAPTURE(expected_id);
    std::unique_ptr<dhrlint::Rule> rule = r.make();
    REQUIRE(rule != nullptr);
    CHECK(rule->info().id == expected_id);
    CHECK_MESSAGE(ids.insert(rule->info().id).second, "registered twice");
    CHECK_MESSAGE(fs::is_regular_file(rules_dir / r.folder / (std::string(r.stem) + ".cpp")),
                  "no file rules/" << r.folder << "/" << r.stem << ".cpp");
    CHECK_MESSAGE(folders.count(r.folder) == 1,
                  "DHRLINT_CATEGORY(" << r.folder << ") is missing from rules/registry.def");
    CHECK_MESSAGE(kContractCategories.count(hyphenated(r.folder)) == 1,
                  "category " << r.folder << " is not one of output-contract.md's");
  }
  // make_all_rules() is the registry, whole.
  CHECK(dhrlint::make_all_rules().size() == dhrlint::registered_rules().size());
  for (std::string_view folder : folders) {
    CHECK_MESSAGE(fs::is_directory(rules_dir / folder), "no folder rules/" << folder);
  }
}

TEST_CASE("registry: every rule documents itself, citing public sources") {
  for (const auto& rule : dhrlint::make_all_rules()) {
    const dhrlint::RuleInfo& info = rule->info();
    CAPTURE(info.id);
    CHECK_FALSE(info.summary.empty());
    CHECK_MESSAGE(info.summary.find('\n') == std::string::npos, "the summary is one line");
    CHECK_FALSE(info.what.empty());
    CHECK_FALSE(info.why.empty());
    CHECK_FALSE(info.example.empty());
    CHECK_FALSE(info.fix.empty());
    CHECK_MESSAGE(RE2::PartialMatch(info.why, kYear),
                  "the rationale names no dated public source: " << info.why);
    for (const std::string* text :
         {&info.summary, &info.what, &info.why, &info.example, &info.fix}) {
      std::string m;
      CHECK_MESSAGE(!RE2::PartialMatch(*text, kInternalCitation, &m),
                    "cites the project's own notes (" << m << "): " << *text);
    }
  }
}

TEST_CASE("registry: every rule has true-positive and look-alike fixtures named after it") {
  const fs::path root = fs::path(DHRLINT_SOURCE_DIR) / "fixtures" / "rules";
  for (const dhrlint::RuleRegistration& r : dhrlint::registered_rules()) {
    const std::string id = hyphenated(r.folder) + "/" + hyphenated(r.stem);
    const std::string name = hyphenated(r.stem);
    CAPTURE(id);
    const fs::path dir = root / hyphenated(r.folder);
    REQUIRE_MESSAGE(fs::is_directory(dir), "no folder " << dir.string());
    std::size_t positives = 0;
    std::size_t lookalikes = 0;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
      const std::string file = entry.path().filename().string();
      if (entry.path().extension() != ".dhr" || file.rfind(name, 0) != 0) {
        continue;
      }
      // "school-name.dhr", "school-name-2.dhr", but not "school-name-x" for
      // a rule "school-name-x": the next character ends the rule's name.
      const char next = file[name.size()];
      if (next != '.' && next != '-') {
        continue;
      }
      if (file.rfind(name + "-lookalikes", 0) == 0) {
        ++lookalikes;
      } else if (read_text(entry.path()).find("!expect " + id + " ") != std::string::npos) {
        ++positives;
      }
    }
    CHECK_MESSAGE(positives >= 1, "no fixture " << name << "*.dhr expecting " << id);
    CHECK_MESSAGE(lookalikes >= 1, "no look-alike fixture " << name << "-lookalikes*.dhr");
  }
}

TEST_CASE("registry: every file under data/ is valid") {
  const std::vector<std::string_view> names = dhrlint::kit::embedded_data_names();
  REQUIRE_FALSE(names.empty());
  // The build embeds every file of data/ but its README.
  std::size_t on_disk = 0;
  for (const auto& entry :
       fs::recursive_directory_iterator(fs::path(DHRLINT_SOURCE_DIR) / "data")) {
    if (entry.is_regular_file() && entry.path().filename() != "README.md") {
      ++on_disk;
    }
  }
  CHECK(names.size() == on_disk);
  for (std::string_view name : names) {
    dhrlint::kit::DataFile file = dhrlint::kit::DataFile::load(name);
    file.validate();
    CAPTURE(name);
    CHECK_FALSE(file.all().empty());
    for (const dhrlint::kit::DataError& e : file.errors()) {
      FAIL_CHECK(e.to_string());
    }
  }
}

TEST_CASE("registry: the data reader reports bad lines with file, line and reason") {
  using dhrlint::kit::DataFile;
  DataFile file = DataFile::parse("x/test.txt",
                                  "# comment\n"
                                  "[group]\n"
                                  "honour based\n"
                                  "re: (unclosed\n"
                                  "head: School\n"
                                  "[]\n"
                                  "re:\n"
                                  "[other]\n"
                                  "re: \\bhbv?\\b\n");
  file.validate();
  REQUIRE(file.errors().size() == 4);
  CHECK(file.errors()[0].line == 5);  // key: value shape
  CHECK(file.errors()[0].to_string().rfind("data/x/test.txt:5: ", 0) == 0);
  CHECK(file.errors()[1].line == 6);  // empty group name
  CHECK(file.errors()[2].line == 7);  // re: without a pattern
  CHECK(file.errors()[3].line == 4);  // RE2's reason
  CHECK(file.errors()[3].reason.find("missing )") != std::string::npos);
  CHECK(file.values("group") == std::vector<std::string>{"honour based", "(unclosed"});
  CHECK(file.group_names() == std::vector<std::string>{"group", "other"});
  CHECK(DataFile::load("no/such-file.txt").errors().size() == 1);
}

TEST_CASE("registry: no file under rules/ names a header of the reader, engine, outputs or CLI") {
  // The include root of the rules (tests/layering) stops "lint/engine/x.hpp";
  // this catches the relative spelling ("../../lint/engine/x.hpp") as well.
  const RE2 forbidden(R"(#\s*include\s*["<][^">]*lint/(engine|ooxml|package|cli|output)/)");
  std::size_t files = 0;
  for (const auto& entry :
       fs::recursive_directory_iterator(fs::path(DHRLINT_SOURCE_DIR) / "rules")) {
    const std::string ext = entry.path().extension().string();
    if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".hpp" && ext != ".def")) {
      continue;
    }
    ++files;
    std::ifstream in(entry.path());
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
      ++number;
      CHECK_MESSAGE(!RE2::PartialMatch(line, forbidden), entry.path().string()
                                                             << ":" << number << ": " << line);
    }
  }
  CHECK(files > 30);
}
