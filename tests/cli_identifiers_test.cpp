// The private identifiers file end to end through the dhrlint executable
// (DHRLINT_EXE): --identifiers FILE and `identifiers = "path"` in
// .dhrlint.toml reach identifying/private-identifier, its findings appear in
// the JSON and text outputs, and nothing of the file that the document does
// not contain (identifiers, comments) is ever printed, on stdout or stderr.
// A missing or invalid identifiers file is a configuration error (exit 2).
// Every rule of the build runs, so a leak by any of them would show.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "support/fixture_docx.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct CliRun {
  int code = -1;
  std::string out;
  std::string err;
};

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// A fresh scratch folder (mkdtemp) that is its own repository root, so config
// discovery never reaches a .dhrlint.toml above it.
class Scratch {
 public:
  Scratch() {
    std::string pattern = (fs::temp_directory_path() / "dhrlint-ids-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    root_ = pattern;
    fs::create_directories(root_ / ".git");
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;

  fs::path path(const std::string& rel) const { return root_ / rel; }

  void write(const std::string& rel, const std::string& bytes) const {
    fs::create_directories(path(rel).parent_path());
    std::ofstream(path(rel), std::ios::binary) << bytes;
  }

  void docx(const std::string& rel, const std::string& dhr) const {
    std::string error;
    const std::string bytes = dhrlint::testing::build_docx(dhr, &error);
    REQUIRE_MESSAGE(error.empty(), error);
    write(rel, bytes);
  }

  // Runs the executable in the scratch folder with `args`.
  CliRun run(const std::string& args) const {
    const fs::path err_file = root_ / "stderr.txt";
    const std::string cmd = "cd '" + root_.string() + "' && NO_COLOR=1 '" + DHRLINT_EXE + "' " +
                            args + " 2>'" + err_file.string() + "'";
    CliRun r;
    FILE* pipe = popen(cmd.c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buf[4096];
    std::size_t n = 0;
    while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) {
      r.out.append(buf, n);
    }
    const int status = pclose(pipe);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.err = read_all(err_file);
    return r;
  }

 private:
  fs::path root_;
};

// The report: the victim's real name in the body (and the title property),
// the estate in the same paragraph, the child's real name with a diaeresis
// the list does not write, and the perpetrator's surname in a tracked deletion.
const char* const kReport =
    "@core title = DHR Rukhsana Begum - draft\n"
    "H1 Introduction\n"
    "H2 Background\n"
    "P Rukhsana Begum moved to Bow Green in 2015.\n"
    "P Her daughter Zo\xC3\xAB started nursery in 2019.\n"
    "P Police recorded the call{del: from Tariq Khan}.\n";

// The list: four entries the report holds, and entries and comments it does
// not hold, which must never be printed.
const char* const kIdentifiers =
    "# private identifiers: informant codename Bluebell\n"
    "Rukhsana Begum   # the victim\n"
    "Zoe\n"
    "Bow Green\n"
    "Khan\n"
    "Farida Qureshi  # maternal aunt, Leytonstone\n"
    "07700 900456\n"
    "E3 5QZ\n";
// (Words a rule's own message may hold, such as "the victim", are left out.)
const char* const kNeverPrinted[] = {"Bluebell",    "Farida",       "Qureshi", "maternal aunt",
                                     "Leytonstone", "07700 900456", "900456",  "E3 5QZ"};

void check_nothing_leaked(const CliRun& r) {
  const std::string out = lower(r.out);
  const std::string err = lower(r.err);
  for (const char* secret : kNeverPrinted) {
    CAPTURE(secret);
    CHECK(out.find(lower(secret)) == std::string::npos);
    CHECK(err.find(lower(secret)) == std::string::npos);
  }
}

using Key = std::tuple<std::string, long long, long long, std::string, std::string>;

// (section, start, end, property, deleted_text) of the private-identifier
// findings of the first file of a JSON report; -1 for a missing field.
std::multiset<Key> private_identifier_findings(const json& report) {
  std::multiset<Key> keys;
  for (const json& f : report["files"][0]["findings"]) {
    if (f["rule"] != "identifying/private-identifier") {
      continue;
    }
    CHECK(f["severity"] == "error");
    const json& loc = f["location"];
    auto str = [&](const char* key) {
      return loc.contains(key) && loc[key].is_string() ? loc[key].get<std::string>()
                                                       : std::string("-");
    };
    auto num = [&](const char* key) {
      return loc.contains(key) && loc[key].is_number() ? loc[key].get<long long>() : -1LL;
    };
    keys.insert(
        Key{str("section"), num("start"), num("end"), str("property"), str("deleted_text")});
  }
  return keys;
}

const std::multiset<Key> kExpected = {
    // "Rukhsana Begum moved to Bow Green in 2015."
    Key{"1.1.1", 0, 14, "-", "-"},
    Key{"1.1.1", 24, 33, "-", "-"},
    // "Her daughter Zoë started nursery in 2019."
    Key{"1.1.2", 13, 16, "-", "-"},
    // "Police recorded the call." with " from Tariq Khan" deleted after "call"
    Key{"1.1.3", 24, 24, "-", "Khan"},
    Key{"-", -1, -1, "title", "-"},
};

}  // namespace

TEST_CASE("cli-identifiers: --identifiers FILE finds the listed names and prints no others") {
  Scratch ws;
  ws.docx("report.docx", kReport);
  ws.write("private/ids.txt", kIdentifiers);

  const CliRun r = ws.run("--identifiers private/ids.txt --format json report.docx");
  CHECK(r.code == 1);  // error findings
  check_nothing_leaked(r);
  const json j = json::parse(r.out);
  REQUIRE(j["files"].size() == 1);
  CHECK(j["files"][0]["status"] == "ok");
  CHECK(private_identifier_findings(j) == kExpected);
  // A finding shows the text it matched, as the document writes it.
  bool excerpt_seen = false;
  for (const json& f : j["files"][0]["findings"]) {
    if (f["rule"] == "identifying/private-identifier" && f["location"]["section"] == "1.1.2") {
      excerpt_seen = true;
      CHECK(f["excerpt"].get<std::string>().find("Zo\xC3\xAB") != std::string::npos);
    }
  }
  CHECK(excerpt_seen);

  // The text output: one line a finding, and still nothing of the list.
  const CliRun text = ws.run("--identifiers private/ids.txt report.docx");
  CHECK(text.code == 1);
  check_nothing_leaked(text);
  std::size_t lines = 0;
  for (std::size_t at = text.out.find("[identifying/private-identifier]"); at != std::string::npos;
       at = text.out.find("[identifying/private-identifier]", at + 1)) {
    ++lines;
  }
  CHECK(lines == kExpected.size());
  CHECK(text.out.find("report.docx:1.1.1: error: ") != std::string::npos);

  // Without the list the same report has no private-identifier finding.
  const CliRun without = ws.run("--format json report.docx");
  CHECK(private_identifier_findings(json::parse(without.out)).empty());
}

TEST_CASE("cli-identifiers: identifiers = \"path\" in .dhrlint.toml works the same way") {
  Scratch ws;
  ws.docx("drafts/report.docx", kReport);
  ws.write("private/ids.txt", kIdentifiers);
  // Relative to the config file's folder.
  ws.write(".dhrlint.toml", "identifiers = \"private/ids.txt\"\n");
  const CliRun r = ws.run("--format json drafts/report.docx");
  CHECK(r.code == 1);
  check_nothing_leaked(r);
  CHECK(private_identifier_findings(json::parse(r.out)) == kExpected);
}

TEST_CASE("cli-identifiers: a missing or invalid identifiers file is exit 2, nothing linted") {
  Scratch ws;
  ws.docx("report.docx", kReport);
  CliRun r = ws.run("--identifiers absent/ids.txt --format json report.docx");
  CHECK(r.code == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("absent/ids.txt") != std::string::npos);

  // Invalid UTF-8: refused without echoing the file's lines.
  ws.write("bad.txt", "Farida Qureshi\nE3 \xFF 5QZ\n");
  r = ws.run("--identifiers bad.txt report.docx");
  CHECK(r.code == 2);
  CHECK(r.out.empty());
  check_nothing_leaked(r);

  // The config key naming a missing file: exit 2 too.
  ws.write(".dhrlint.toml", "identifiers = \"nowhere.txt\"\n");
  r = ws.run("report.docx");
  CHECK(r.code == 2);
  CHECK(r.out.empty());
}
