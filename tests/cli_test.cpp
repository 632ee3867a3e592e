// The dhrlint executable end to end: exit codes and their precedence,
// --fail-on, unreadable inputs among good ones, --dump, --explain,
// --list-rules, directory discovery, .dhrlint.toml and identifiers files.
// Inputs are generated with the .dhr fixture support into a temp folder.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "dhrlint/rule.hpp"
#include "lint/cli/app.hpp"
#include "lint/cli/config_file.hpp"
#include "lint/cli/inputs.hpp"
#include "support/fixture_docx.hpp"
#include "support/skip.hpp"

namespace dhrlint {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct Run {
  int code = -1;
  std::string out;
  std::string err;
};

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A scratch folder that is its own repository root (a .git folder), so config
// discovery never reaches a .dhrlint.toml above it.
class Workspace {
 public:
  Workspace() {
    static int counter = 0;
    root_ = fs::temp_directory_path() /
            ("dhrlint-cli-" + std::to_string(getpid()) + "-" + std::to_string(++counter));
    fs::remove_all(root_);
    fs::create_directories(root_ / ".git");
    // Only the draft rules run, so exit codes depend on what these tests plant.
    write(".dhrlint.toml", "[rules]\n" + others_off());
  }

  // [rules] lines turning every rule but the draft ones off.
  static std::string others_off() {
    std::string lines;
    for (const auto& rule : make_all_rules()) {
      if (rule->info().id.rfind("draft/", 0) != 0) {
        lines += "\"" + rule->info().id + "\" = \"off\"\n";
      }
    }
    return lines;
  }
  ~Workspace() { fs::remove_all(root_); }
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  fs::path path(const std::string& rel) const { return root_ / rel; }

  void write(const std::string& rel, const std::string& bytes) const {
    fs::create_directories(path(rel).parent_path());
    std::ofstream(path(rel), std::ios::binary) << bytes;
  }

  std::string docx(const std::string& rel, const std::string& dhr) const {
    std::string error;
    const std::string bytes = testing::build_docx(dhr, &error);
    REQUIRE_MESSAGE(error.empty(), error);
    write(rel, bytes);
    return path(rel).string();
  }

  Run run(const std::string& args) const {
    const fs::path err_file = root_ / "stderr.txt";
    const std::string cmd = std::string("cd '") + root_.string() + "' && NO_COLOR=1 '" +
                            DHRLINT_EXE + "' " + args + " 2>'" + err_file.string() + "'";
    Run r;
    FILE* pipe = popen(cmd.c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buf[4096];
    std::size_t n = 0;
    while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) {
      r.out.append(buf, n);
    }
    const int status = pclose(pipe);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.err = slurp(err_file);
    return r;
  }

 private:
  fs::path root_;
};

const char* const kClean =
    "H1 Introduction\n"
    "H2 Background\n"
    "P The review began in 2020 and was chaired independently.\n";
const char* const kWithComment =
    "H1 Introduction\n"
    "H2 Background\n"
    "P The children attended {comment:the primary school|Was it St Mary's? check} locally.\n";
const char* const kWithTrackedChange =
    "H1 Introduction\n"
    "H2 Background\n"
    "P The review began in {del:March }2020.\n";

TEST_CASE("cli: --version, --help, --list-rules, --explain") {
  Workspace ws;
  Run r = ws.run("--version");
  CHECK(r.code == 0);
  CHECK(r.out == "dhrlint 0.1.0\n");
  r = ws.run("--help");
  CHECK(r.code == 0);
  CHECK(r.out.find("--fail-on") != std::string::npos);
  r = ws.run("--list-rules");
  CHECK(r.code == 0);
  CHECK(r.out.find("draft/comments") != std::string::npos);
  CHECK(r.out.find("draft/unaccepted-change") != std::string::npos);
  r = ws.run("--explain draft/comments");
  CHECK(r.code == 0);
  for (const char* heading : {"What it does", "Why it matters", "Example", "How to fix"}) {
    CHECK(r.out.find(heading) != std::string::npos);
  }
  CHECK(r.out.find("error") != std::string::npos);
  r = ws.run("--explain draft/no-such-rule");
  CHECK(r.code == 2);
  CHECK(r.err.find("unknown rule") != std::string::npos);
  r = ws.run("--no-such-option x.docx");
  CHECK(r.code == 2);
}

TEST_CASE("cli: exit 0 when clean, 1 on findings, --fail-on moves the threshold") {
  Workspace ws;
  ws.docx("clean.docx", kClean);
  ws.docx("commented.docx", kWithComment);
  Run r = ws.run("clean.docx");
  CHECK(r.code == 0);
  CHECK(r.out == "1 file, 0 findings\n");

  r = ws.run("commented.docx");
  CHECK(r.code == 1);
  CHECK(r.out.find("commented.docx:1.1.1: error: ") != std::string::npos);
  CHECK(r.out.find("[draft/comments]") != std::string::npos);
  CHECK(r.out.find("\x1b[") == std::string::npos);  // not a terminal: no colour
  r = ws.run("--fail-on none commented.docx");
  CHECK(r.code == 0);
  r = ws.run("--fail-on bogus commented.docx");
  CHECK(r.code == 2);

  // A severity override in the config below the threshold: no failure.
  ws.write("soft/.dhrlint.toml",
           "fail_on = \"warning\"\n[rules]\n\"draft/*\" = \"info\"\n" + Workspace::others_off());
  ws.docx("soft/commented.docx", kWithComment);
  r = ws.run("soft/commented.docx");
  CHECK(r.code == 0);
  CHECK(r.out.find(": info: ") != std::string::npos);
  r = ws.run("--fail-on info soft/commented.docx");  // the command line wins
  CHECK(r.code == 1);
}

TEST_CASE("cli: an unreadable input is named, the others are still linted, exit 3") {
  Workspace ws;
  ws.docx("a-good.docx", kWithComment);
  ws.write("b-broken.docx", "this is not a zip file at all");
  ws.docx("c-tracked.docx", kWithTrackedChange);
  Run r = ws.run("--format json a-good.docx b-broken.docx c-tracked.docx");
  CHECK(r.code == 3);
  CHECK(r.err.find("dhrlint: b-broken.docx: ") != std::string::npos);
  CHECK(r.err.find("(not-zip)") != std::string::npos);
  const json j = json::parse(r.out);
  REQUIRE(j["files"].size() == 3);
  CHECK(j["files"][0]["path"] == "a-good.docx");
  CHECK(j["files"][0]["status"] == "ok");
  CHECK(j["files"][0]["findings"][0]["rule"] == "draft/comments");
  CHECK(j["files"][1]["status"] == "error");
  CHECK(j["files"][1]["error_kind"] == "not-zip");
  CHECK(j["files"][1]["findings"].empty());
  const json& tracked = j["files"][2]["findings"];
  REQUIRE(tracked.size() == 1);
  CHECK(tracked[0]["rule"] == "draft/unaccepted-change");
  CHECK(tracked[0]["location"]["deleted_text"] == "March ");
  CHECK(tracked[0]["location"]["visibility"] == "deleted");
  CHECK(tracked[0]["location"]["start"] == tracked[0]["location"]["end"]);

  // A missing path next to a real one is an unreadable input too.
  r = ws.run("a-good.docx missing.docx");
  CHECK(r.code == 3);
  CHECK(r.err.find("missing.docx") != std::string::npos);
  CHECK(r.out.find("missing.docx: unreadable:") != std::string::npos);
}

TEST_CASE("cli: precedence 2 > 3 > 1, and no input found is 2") {
  Workspace ws;
  ws.docx("good.docx", kWithComment);
  ws.write("broken.docx", "PK not really");
  ws.write("bad.toml", "colour = \"red\"\n");
  Run r = ws.run("--config bad.toml good.docx broken.docx");
  CHECK(r.code == 2);
  CHECK(r.err.find("unknown key \"colour\"") != std::string::npos);
  CHECK(r.out.empty());  // nothing was linted
  r = ws.run("good.docx broken.docx");
  CHECK(r.code == 3);
  r = ws.run("good.docx");
  CHECK(r.code == 1);

  fs::create_directories(ws.path("empty"));
  ws.write("empty/notes.txt", "not a report");
  r = ws.run("empty");
  CHECK(r.code == 2);
  r = ws.run("nowhere.docx");
  CHECK(r.code == 2);
  r = ws.run("");
  CHECK(r.code == 2);
}

TEST_CASE("cli: configuration and identifiers errors are exit 2") {
  Workspace ws;
  ws.docx("good.docx", kClean);
  ws.write("unknown-rule.toml", "[rules]\n\"draft/no-such\" = \"off\"\n");
  ws.write("bad-value.toml", "[rules]\n\"draft/comments\" = \"loud\"\n");
  ws.write("bad-syntax.toml", "fail_on = \n");
  ws.write("ok.toml", "identifiers = \"ids.txt\"\npseudonyms = [\"Adult A\"]\n[rules]\n" +
                          Workspace::others_off());
  ws.write("ids.txt", "# real names\nJane Roe  # the victim\n\nBow Green\n");
  ws.write("bad-ids.txt", "Jane \xff\xfe Roe\n");
  CHECK(ws.run("--config unknown-rule.toml good.docx").code == 2);
  CHECK(ws.run("--config bad-value.toml good.docx").code == 2);
  Run r = ws.run("--config bad-syntax.toml good.docx");
  CHECK(r.code == 2);
  CHECK(r.err.find("bad-syntax.toml:1") != std::string::npos);
  CHECK(ws.run("--config ok.toml good.docx").code == 0);
  r = ws.run("--identifiers bad-ids.txt good.docx");
  CHECK(r.code == 2);
  CHECK(r.err.find("UTF-8") != std::string::npos);
  CHECK(ws.run("--identifiers absent.txt good.docx").code == 2);
  // The identifiers are never printed.
  r = ws.run("--identifiers ids.txt good.docx");
  CHECK(r.code == 0);
  CHECK(r.out.find("Jane Roe") == std::string::npos);
  CHECK(r.err.find("Jane Roe") == std::string::npos);
}

TEST_CASE("cli: configuration errors name the file, the line and the nearest known name") {
  Workspace ws;
  ws.docx("good.docx", kClean);
  ws.write("typo-key.toml", "fail_on = \"error\"\n\npsuedonyms = [\"Adult A\"]\n");
  ws.write("odd-key.toml", "colour = true\n");
  ws.write("typo-rule.toml",
           "[rules]\n\"draft/comments\" = \"off\"\n\"draft/coments\" = \"off\"\n");
  ws.write("wrong-type.toml", "pseudonyms = [\"Adult A\"]\nfail_on = 3\n");
  Run r = ws.run("--config typo-key.toml good.docx");
  CHECK(r.code == 2);
  CHECK(r.err.find("typo-key.toml:3: unknown key \"psuedonyms\" (did you mean \"pseudonyms\"?)") !=
        std::string::npos);
  r = ws.run("--config odd-key.toml good.docx");
  CHECK(r.code == 2);
  CHECK(r.err.find("odd-key.toml:1: unknown key \"colour\" (known: ") != std::string::npos);
  r = ws.run("--config typo-rule.toml good.docx");
  CHECK(r.code == 2);
  CHECK(r.err.find("typo-rule.toml:3: [rules]: unknown rule \"draft/coments\" (did you mean "
                   "\"draft/comments\"?)") != std::string::npos);
  r = ws.run("--config wrong-type.toml good.docx");
  CHECK(r.code == 2);
  CHECK(r.err.find("wrong-type.toml:2: fail_on must be a string") != std::string::npos);
}

TEST_CASE("cli: edition and document_kind settings, checked with a did-you-mean") {
  Workspace ws;
  // An executive summary in all but its title: as an overview report it
  // lacks many more sections than as the summary the user says it is.
  ws.docx("summary.docx",
          "H1 The review process\nP Agencies provided chronologies.\n"
          "H1 Terms of reference\nP The review covered 2016 to 2019.\n"
          "H1 Contributors and the review panel\nP Five agencies took part.\n"
          "H1 The independent chair and author\nP The chair is independent.\n"
          "H1 Conclusions, lessons and recommendations\nP Agencies should share risk.\n");
  std::string rules = "[rules]\n";
  for (const auto& rule : make_all_rules()) {
    if (rule->info().id != "structure/missing-section") {
      rules += "\"" + rule->info().id + "\" = \"off\"\n";
    }
  }
  ws.write("overview.toml", "edition = \"2024\"\ndocument_kind = \"overview\"\n" + rules);
  ws.write("summary.toml", "document_kind = \"executive-summary\"\n" + rules);
  ws.write("typo-edition.toml", "fail_on = \"error\"\nedition = \"2061\"\n");
  ws.write("typo-kind.toml", "document_kind = \"executive summary\"\n");
  ws.write("odd-kind.toml", "document_kind = \"minutes\"\n");
  ws.write("wrong-type.toml", "edition = 2016\n");
  ws.write("typo-key.toml", "editon = \"2016\"\n");
  Run r = ws.run("--format json --config overview.toml summary.docx");
  CHECK(r.code == 0);
  CHECK(json::parse(r.out)["files"][0]["findings"].size() > 5);
  r = ws.run("--format json --config summary.toml summary.docx");
  CHECK(r.code == 0);
  CHECK(json::parse(r.out)["files"][0]["findings"].empty());
  r = ws.run("--config typo-edition.toml summary.docx");
  CHECK(r.code == 2);
  CHECK(r.err.find("typo-edition.toml:2: edition: unknown value \"2061\" (did you mean "
                   "\"2016\"?)") != std::string::npos);
  r = ws.run("--config typo-kind.toml summary.docx");
  CHECK(r.code == 2);
  CHECK(r.err.find("typo-kind.toml:1: document_kind: unknown value \"executive summary\" (did "
                   "you mean \"executive-summary\"?)") != std::string::npos);
  r = ws.run("--config odd-kind.toml summary.docx");
  CHECK(r.code == 2);
  CHECK(r.err.find("odd-kind.toml:1: document_kind: unknown value \"minutes\" (known: auto, "
                   "overview, executive-summary)") != std::string::npos);
  r = ws.run("--config wrong-type.toml summary.docx");
  CHECK(r.code == 2);
  CHECK(r.err.find("wrong-type.toml:1: edition must be a string: one of 2016, 2024") !=
        std::string::npos);
  r = ws.run("--config typo-key.toml summary.docx");
  CHECK(r.code == 2);
  CHECK(r.err.find("typo-key.toml:1: unknown key \"editon\" (did you mean \"edition\"?)") !=
        std::string::npos);
}

TEST_CASE("cli: [style] max_sentence_words sets style/long-sentence's limit, with errors by line") {
  Workspace ws;
  // One sentence of 33 words: under the default limit (60), over a limit of 25.
  ws.docx("long.docx",
          "H1 Analysis\nH2 Police\n"
          "P The officers who attended the flat in August 2021 spoke to Kamal in the hallway and "
          "then to Amira in the kitchen while he waited in the next room with the door open.\n");
  ws.write("default.toml", "");
  ws.write("tight.toml", "[style]\nmax_sentence_words = 25\n");
  ws.write("typo.toml", "fail_on = \"info\"\n[style]\nmax_sentence_word = 25\n");
  ws.write("text.toml", "[style]\nmax_sentence_words = \"25\"\n");
  ws.write("small.toml", "[style]\n\nmax_sentence_words = 3\n");
  ws.write("scalar.toml", "style = 25\n");
  ws.write("near.toml", "styel = 25\n");
  Run r = ws.run("--config default.toml --select style/long-sentence --format json long.docx");
  CHECK(r.code == 0);
  CHECK(json::parse(r.out)["files"][0]["findings"].empty());
  r = ws.run("--config tight.toml --select style/long-sentence --format json long.docx");
  REQUIRE(json::parse(r.out)["files"][0]["findings"].size() == 1);
  const json f = json::parse(r.out)["files"][0]["findings"][0];
  CHECK(f["rule"] == "style/long-sentence");
  CHECK(f["message"].get<std::string>().find("33 words") != std::string::npos);
  CHECK(f["message"].get<std::string>().find("25") != std::string::npos);
  r = ws.run("--config typo.toml long.docx");
  CHECK(r.code == 2);
  CHECK(r.err.find("typo.toml:3: style.max_sentence_word: unknown key (did you mean "
                   "\"max_sentence_words\"?)") != std::string::npos);
  r = ws.run("--config text.toml long.docx");
  CHECK(r.code == 2);
  CHECK(r.err.find("text.toml:2: style.max_sentence_words must be a whole number") !=
        std::string::npos);
  r = ws.run("--config small.toml long.docx");
  CHECK(r.code == 2);
  CHECK(r.err.find("small.toml:3: style.max_sentence_words must be") != std::string::npos);
  r = ws.run("--config scalar.toml long.docx");
  CHECK(r.code == 2);
  CHECK(r.err.find("scalar.toml:1: style must be a table") != std::string::npos);
  r = ws.run("--config near.toml long.docx");
  CHECK(r.code == 2);
  CHECK(r.err.find("near.toml:1: unknown key \"styel\" (did you mean \"style\"?)") !=
        std::string::npos);
}

TEST_CASE("cli: directories are searched recursively, lock files and other files skipped") {
  Workspace ws;
  ws.docx("drafts/one.docx", kClean);
  ws.docx("drafts/deeper/TWO.DOCX", kClean);
  ws.docx("drafts/deeper/three.docm", kClean);
  ws.write("drafts/~$one.docx", "Word lock file, not a package");
  ws.write("drafts/notes.txt", "notes");
  ws.write("drafts/old.doc", "not looked at in a directory");
  Run r = ws.run("--format json drafts");
  CHECK(r.code == 0);
  const json j = json::parse(r.out);
  REQUIRE(j["files"].size() == 3);
  CHECK(j["files"][0]["path"] == "drafts/deeper/TWO.DOCX");
  CHECK(j["files"][1]["path"] == "drafts/deeper/three.docm");
  CHECK(j["files"][2]["path"] == "drafts/one.docx");
  for (const json& f : j["files"]) {
    CHECK(f["status"] == "ok");
  }
}

TEST_CASE("cli: -j does not change the output") {
  Workspace ws;
  for (int i = 0; i < 6; ++i) {
    ws.docx("d/" + std::to_string(i) + ".docx", i % 2 == 0 ? kWithComment : kWithTrackedChange);
  }
  ws.write("d/broken.docx", "nope");
  const Run one = ws.run("--format json -j 1 d");
  const Run many = ws.run("--format json -j 4 d");
  CHECK(one.code == 3);
  CHECK(many.code == 3);
  CHECK(one.out == many.out);
  CHECK(one.err == many.err);
}

TEST_CASE("cli: --stats adds where the time went on standard error, and changes nothing else") {
  Workspace ws;
  ws.docx("a.docx", kWithComment);
  ws.docx("b.docx", kWithTrackedChange);
  ws.write("c.docx", "nope");
  const Run plain = ws.run("--format json a.docx b.docx c.docx");
  const Run stats = ws.run("--format json --stats a.docx b.docx c.docx");
  CHECK(stats.code == plain.code);
  CHECK(stats.out == plain.out);              // the report itself is untouched
  CHECK(stats.err.rfind(plain.err, 0) == 0);  // the same errors first, then the stats
  const std::string added = stats.err.substr(plain.err.size());
  CHECK(added.find("dhrlint: stats: 3 files (1 unreadable), ") == 0);
  CHECK(added.find(" findings\n") != std::string::npos);
  for (const char* phase :
       {"  start-up ", "  lint ", "    read ", "    rules ", "  output ", "  total "}) {
    CHECK_MESSAGE(added.find(phase) != std::string::npos, phase);
  }
  // The slowest rules are named by id, under "rules".
  bool named = false;
  for (const char* category : {"identifying/", "incomplete/", "draft/", "hba/", "advocacy/"}) {
    named = named || added.find(std::string("      ") + category) != std::string::npos;
  }
  CHECK(named);
  CHECK(plain.err.find("stats") == std::string::npos);
}

TEST_CASE("cli: --select and --ignore choose rules by id or category, with a did-you-mean") {
  Workspace ws;
  // One draft with a comment and a tracked change: two draft/ findings.
  ws.docx("both.docx",
          "H1 Introduction\nH2 Background\n"
          "P The {comment:panel|check} met {del:in March }in April.\n");
  const json all = json::parse(ws.run("--format json both.docx").out);
  std::set<std::string> rules;
  for (const json& f : all["files"][0]["findings"]) {
    rules.insert(f["rule"].get<std::string>());
  }
  REQUIRE(rules == std::set<std::string>{"draft/comments", "draft/unaccepted-change"});

  auto rules_of = [&](const std::string& args) {
    std::set<std::string> out;
    const json report = json::parse(ws.run("--format json " + args).out);
    for (const json& f : report["files"][0]["findings"]) {
      out.insert(f["rule"].get<std::string>());
    }
    return out;
  };
  CHECK(rules_of("--select draft/comments both.docx") == std::set<std::string>{"draft/comments"});
  CHECK(rules_of("--ignore draft/comments both.docx") ==
        std::set<std::string>{"draft/unaccepted-change"});
  CHECK(rules_of("--select 'draft/*' --ignore draft/unaccepted-change both.docx") ==
        std::set<std::string>{"draft/comments"});
  CHECK(rules_of("--ignore draft/comments,draft/unaccepted-change both.docx").empty());
  // Rules the configuration switches off stay off: --select narrows.
  CHECK(rules_of("--select identifying/school-name both.docx").empty());

  Run r = ws.run("--select draft/coments both.docx");
  CHECK(r.code == 2);
  CHECK(r.err.find("--select: unknown rule \"draft/coments\" (did you mean \"draft/comments\"?)") !=
        std::string::npos);
  r = ws.run("--ignore 'identifyng/*' both.docx");
  CHECK(r.code == 2);
  CHECK(r.err.find("(did you mean \"identifying/*\"?)") != std::string::npos);
  r = ws.run("--ignore nothing-like-a-rule both.docx");
  CHECK(r.code == 2);
  CHECK(r.err.find("(see dhrlint --list-rules)") != std::string::npos);
}

TEST_CASE("cli: --output writes the report to a file, never over an input") {
  Workspace ws;
  ws.docx("a.docx", kWithComment);
  const Run to_stdout = ws.run("--format json a.docx");
  Run r = ws.run("--format json --output report.json a.docx");
  CHECK(r.code == to_stdout.code);
  CHECK(r.out.empty());
  CHECK(slurp(ws.path("report.json")) == to_stdout.out);
  // Text to a file carries no colour codes.
  r = ws.run("-o report.txt a.docx");
  CHECK(slurp(ws.path("report.txt")).find('\x1b') == std::string::npos);
  CHECK(slurp(ws.path("report.txt")).find("draft/comments") != std::string::npos);

  // GitHub annotations, to a file or standard output.
  r = ws.run("--format github a.docx");
  CHECK(r.code == to_stdout.code);
  CHECK(r.out.rfind("::error file=a.docx,line=", 0) == 0);
  CHECK(r.out.find(",title=draft/comments::") != std::string::npos);

  const std::string before = slurp(ws.path("a.docx"));
  r = ws.run("--output a.docx a.docx");
  CHECK(r.code == 2);
  CHECK(r.err.find("is one of the inputs") != std::string::npos);
  CHECK(slurp(ws.path("a.docx")) == before);
  // A configuration error (here in a .dhrlint.toml found next to an input) is
  // found before the report is opened: no empty file is left.
  ws.docx("sub/c.docx", kWithComment);
  ws.write("sub/.dhrlint.toml", "colour = true\n");
  r = ws.run("--output never.json sub/c.docx");
  CHECK(r.code == 2);
  CHECK_FALSE(fs::exists(ws.path("never.json")));
  r = ws.run("--output no-such-folder/report.json a.docx");
  CHECK(r.code == 2);
  CHECK(r.err.find("cannot write") != std::string::npos);
}

TEST_CASE("cli: - reads a .docx from standard input, named by --stdin-filename") {
  Workspace ws;
  ws.docx("a.docx", kWithComment);
  ws.docx("sub/b.docx", kWithTrackedChange);
  const Run direct = ws.run("--format json a.docx");
  Run r = ws.run("--format json - < a.docx");
  CHECK(r.code == direct.code);
  const json piped = json::parse(r.out);
  REQUIRE(piped["files"].size() == 1);
  CHECK(piped["files"][0]["path"] == "-");
  CHECK(piped["files"][0]["findings"] == json::parse(direct.out)["files"][0]["findings"]);

  r = ws.run("--stdin-filename drafts/overview.docx - < a.docx");
  CHECK(r.out.rfind("drafts/overview.docx:", 0) == 0);
  // With files as well: one more input, in path order.
  r = ws.run("--format json - sub/b.docx < a.docx");
  CHECK(json::parse(r.out)["files"].size() == 2);
  // Its .dhrlint.toml is the one nearest the name it is given.
  ws.write("cfg/.dhrlint.toml",
           "[rules]\n" + Workspace::others_off() + "\"draft/comments\" = \"off\"\n");
  r = ws.run("--format json --stdin-filename cfg/a.docx - < a.docx");
  CHECK(json::parse(r.out)["files"][0]["findings"].empty());

  r = ws.run("- < sub");  // a folder is no document: read fails, a clear error
  CHECK(r.code != 0);
  r = ws.run("--stdin-filename x.docx a.docx");
  CHECK(r.code == 2);
  CHECK(r.err.find("--stdin-filename") != std::string::npos);
  r = ws.run("- < /dev/null");
  CHECK(r.code == 3);
  CHECK(r.out.find("-: unreadable:") != std::string::npos);
}

TEST_CASE("cli: --quiet leaves out the summary line") {
  Workspace ws;
  ws.docx("a.docx", kWithComment);
  const Run loud = ws.run("a.docx");
  const Run quiet = ws.run("-q a.docx");
  CHECK(quiet.code == loud.code);
  CHECK(loud.out.find("1 file, ") != std::string::npos);
  CHECK(quiet.out.find("1 file, ") == std::string::npos);
  CHECK(loud.out.rfind(quiet.out, 0) == 0);  // the findings, unchanged
}

TEST_CASE("cli: --dump prints the model, or the error object with exit 3") {
  Workspace ws;
  ws.docx("report.docx", kWithComment);
  ws.write("broken.docx", "not a zip");
  Run r = ws.run("--dump report.docx");
  CHECK(r.code == 0);
  const json j = json::parse(r.out);
  CHECK(j["path"] == "report.docx");
  REQUIRE(j["paragraphs"].is_array());
  bool found = false;
  for (const json& p : j["paragraphs"]) {
    if (p["label"] == "1.1.1.") {
      found = true;
      CHECK(p["section"] == "1.1.1");
      CHECK(p["text"] == "The children attended the primary school locally.");
      CHECK(p["part"] == "word/document.xml");
    }
  }
  CHECK(found);
  REQUIRE(j["comments"].size() == 1);
  CHECK(j["comments"][0]["text"] == "Was it St Mary's? check");
  CHECK(j["properties"].contains("core"));

  r = ws.run("--dump broken.docx");
  CHECK(r.code == 3);
  const json e = json::parse(r.out);
  CHECK(e["path"] == "broken.docx");
  CHECK(e["status"] == "error");
  CHECK(e["error_kind"] == "not-zip");
  CHECK(e["error"].is_string());
  CHECK(r.err.find("broken.docx") != std::string::npos);
}

}  // namespace
}  // namespace dhrlint

namespace dhrlint {
namespace {

TEST_CASE("cli: identifiers file lines, comments, BOM, CRLF and invalid UTF-8") {
  std::vector<std::string> ids;
  CHECK(parse_identifiers("\xEF\xBB\xBF# header\r\nJane Roe  # the victim\r\n\r\n  Bow Green  \n"
                          "Zoë Smith\n#only comment\nSW1A 1AA",
                          ids)
            .empty());
  CHECK(ids == std::vector<std::string>{"Jane Roe", "Bow Green", "Zoë Smith", "SW1A 1AA"});
  ids.clear();
  CHECK_FALSE(parse_identifiers("Jane \xC0\xAF Roe\n", ids).empty());  // overlong '/'
  CHECK_FALSE(parse_identifiers("\xED\xA0\x80\n", ids).empty());       // a surrogate
  CHECK_FALSE(parse_identifiers("truncated \xE2\x82", ids).empty());
}

TEST_CASE("cli: lintable names and config discovery up to the repository root") {
  CHECK(is_lintable_name("report.docx"));
  CHECK(is_lintable_name("REPORT.DocM"));
  CHECK_FALSE(is_lintable_name("~$report.docx"));
  CHECK_FALSE(is_lintable_name("report.doc"));
  CHECK_FALSE(is_lintable_name("docx"));

  const fs::path root =
      fs::temp_directory_path() / ("dhrlint-discovery-" + std::to_string(getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "repo" / ".git");
  fs::create_directories(root / "repo" / "a" / "b");
  std::ofstream(root / ".dhrlint.toml") << "# above the repository: never used\n";
  std::ofstream(root / "repo" / "a" / ".dhrlint.toml") << "\n";
  CHECK(find_config_for(root / "repo" / "a" / "b" / "x.docx") ==
        root / "repo" / "a" / ".dhrlint.toml");
  CHECK(find_config_for(root / "repo" / "a" / "b") == root / "repo" / "a" / ".dhrlint.toml");
  CHECK_FALSE(find_config_for(root / "repo" / "y.docx").has_value());
  fs::remove_all(root);
}

TEST_CASE("cli: colour only when asked for (a terminal), never in JSON") {
  Workspace ws;
  const std::string file = ws.docx("c.docx", kWithComment);
  std::ostringstream out;
  std::ostringstream err;
  const std::vector<std::string> args = {"--no-config", "--fail-on", "none", file};
  CHECK(run_cli(args, out, err, Terminal{true}) == 0);
  CHECK(out.str().find("\x1b[") != std::string::npos);
  out.str("");
  CHECK(run_cli(args, out, err, Terminal{false}) == 0);
  CHECK(out.str().find("\x1b[") == std::string::npos);
  out.str("");
  CHECK(run_cli({"--no-config", "--format", "json", file}, out, err, Terminal{true}) == 1);
  CHECK(out.str().find("\x1b[") == std::string::npos);
}

TEST_CASE("cli: custom rules from the configuration: words, patterns, scope, replacement") {
  Workspace ws;
  ws.docx("draft.docx",
          "H1 Introduction\nH2 Background\n"
          "P Salma stayed at the Rosewood  Refuge in 2019; rosewood refuge staff helped.\n"
          "P The domestic dispute was reported.[^A domestic dispute, police said.]\n"
          "| Agency | Note |\n| Police | domestic dispute |\n\n"
          "P Rosewood Refuges are not a name here.\n");
  ws.write("custom.toml", "[rules]\n" + Workspace::others_off() +
                              "\"custom/dispute\" = \"error\"\n"
                              "[custom.named-refuge]\n"
                              "words = [\"Rosewood Refuge\"]\n"
                              "message = \"Names the refuge\"\n"
                              "replacement = \"a refuge in the area\"\n"
                              "[custom.dispute]\n"
                              "pattern = '(?i)\\bdomestic dispute\\b'\n"
                              "message = \"Minimising language\"\n"
                              "scope = [\"notes\", \"tables\"]\n");
  Run r = ws.run("--config custom.toml --format json draft.docx");
  CHECK(r.code == 1);  // custom/dispute is raised to error
  const json report = json::parse(r.out);
  std::vector<std::string> seen;
  for (const json& f : report["files"][0]["findings"]) {
    seen.push_back(f["rule"].get<std::string>() + " " + f["location"]["part"].get<std::string>() +
                   " " + std::to_string(f["location"]["start"].get<int>()) + " " +
                   f["severity"].get<std::string>());
    if (f["rule"] == "custom/named-refuge") {
      CHECK(f["message"] == "Names the refuge; use \"a refuge in the area\" instead");
    }
  }
  // Words: whole words, any case, any run of spaces; not "Rosewood Refuges".
  // The pattern: only in the scopes named (the note and the table cell).
  INFO(r.out);
  CHECK(seen == std::vector<std::string>{
                    "custom/named-refuge word/document.xml 20 warning",
                    "custom/named-refuge word/document.xml 46 warning",
                    "custom/dispute word/document.xml 0 error",
                    "custom/dispute word/footnotes.xml 3 error",
                });
  // The HTML page gives a custom rule's fix as it does a built-in rule's.
  r = ws.run("--config custom.toml --format html draft.docx");
  CHECK(r.out.find("Use &quot;a refuge in the area&quot; instead.") != std::string::npos);
  // --select and --ignore take custom ids; [rules] switches them.
  r = ws.run("--config custom.toml --format json --ignore custom/* draft.docx");
  CHECK(json::parse(r.out)["files"][0]["findings"].empty());
  r = ws.run("--config custom.toml --format json --select custom/dispute draft.docx");
  CHECK(json::parse(r.out)["files"][0]["findings"].size() == 2);
}

TEST_CASE("cli: custom rule errors name the file, the line, the key and RE2's reason") {
  Workspace ws;
  ws.docx("good.docx", kClean);
  ws.write("bad-re.toml", "[custom.broken]\nmessage = \"x\"\npattern = \"(unclosed\"\n");
  ws.write("both.toml", "[custom.both]\nmessage = \"x\"\npattern = \"a\"\nwords = [\"b\"]\n");
  ws.write("typo.toml", "[custom.typo]\nmessage = \"x\"\nwords = [\"b\"]\nscoep = [\"body\"]\n");
  ws.write("scope.toml", "[custom.scope]\nmessage = \"x\"\nwords = [\"b\"]\nscope = [\"note\"]\n");
  ws.write("name.toml", "[custom.Bad_Name]\nmessage = \"x\"\nwords = [\"b\"]\n");
  ws.write("nomsg.toml", "[custom.quiet]\nwords = [\"b\"]\n");
  Run r = ws.run("--config bad-re.toml good.docx");
  CHECK(r.code == 2);
  CHECK(r.err.find("bad-re.toml:3: custom.broken.pattern: RE2 rejected the pattern: missing )") !=
        std::string::npos);
  r = ws.run("--config both.toml good.docx");
  CHECK(r.code == 2);
  CHECK(r.err.find("both.toml:") != std::string::npos);
  CHECK(r.err.find("not both") != std::string::npos);
  r = ws.run("--config typo.toml good.docx");
  CHECK(r.code == 2);
  CHECK(r.err.find("typo.toml:4: custom.typo.scoep: unknown key (did you mean \"scope\"?)") !=
        std::string::npos);
  r = ws.run("--config scope.toml good.docx");
  CHECK(r.code == 2);
  CHECK(r.err.find("scope.toml:4: custom.scope.scope: unknown scope \"note\" (did you mean "
                   "\"notes\"?)") != std::string::npos);
  r = ws.run("--config name.toml good.docx");
  CHECK(r.code == 2);
  CHECK(r.err.find("lower-case words") != std::string::npos);
  r = ws.run("--config nomsg.toml good.docx");
  CHECK(r.code == 2);
  CHECK(r.err.find("custom.quiet.message is missing") != std::string::npos);
}

TEST_CASE("cli: a renamed rule's old id still works in config, --select, --ignore, --explain") {
  Workspace ws;
  ws.docx("tracked.docx", kWithTrackedChange);
  CHECK(ws.run("tracked.docx").code == 1);
  ws.write("old.toml",
           "[rules]\n" + Workspace::others_off() + "\"draft/tracked-changes\" = \"off\"\n");
  CHECK(ws.run("--config old.toml tracked.docx").code == 0);
  CHECK(ws.run("--ignore draft/tracked-changes tracked.docx").code == 0);
  Run r = ws.run("--format json --select draft/tracked-changes tracked.docx");
  CHECK(json::parse(r.out)["files"][0]["findings"][0]["rule"] == "draft/unaccepted-change");
  r = ws.run("--explain draft/tracked-changes");
  CHECK(r.code == 0);
  CHECK(r.out.find("draft/tracked-changes is the old id of draft/unaccepted-change") !=
        std::string::npos);
}

TEST_CASE("cli: --write-baseline records fingerprints only; --baseline shows only new findings") {
  Workspace ws;
  const std::string before =
      "H1 Introduction\nH2 Background\n"
      "P The children attended {comment:the primary school|Was it St Mary's? check} locally.\n";
  ws.docx("draft.docx", before);
  Run r = ws.run("--write-baseline baseline.json draft.docx");
  CHECK(r.code == 0);  // recording is not failing
  CHECK(r.err.find("wrote 1 finding to the baseline baseline.json") != std::string::npos);
  const std::string baseline = slurp(ws.path("baseline.json"));
  CHECK(baseline.find("draft/comments:") != std::string::npos);
  for (const char* text : {"primary", "school", "Mary", "check", "children", "Author"}) {
    CHECK_MESSAGE(baseline.find(text) == std::string::npos, "baseline holds " << text);
  }
  r = ws.run("--baseline baseline.json draft.docx");
  CHECK(r.code == 0);
  CHECK(r.err.find("1 finding is in the baseline baseline.json and not shown") !=
        std::string::npos);
  // A paragraph added above and a new comment below: only the new one shows.
  ws.docx("draft.docx", "H1 Introduction\nH2 Background\nP The review began in 2020.\n" +
                            std::string(before.substr(before.find("P The children"))) +
                            "P The panel {comment:met|how often?} five times.\n");
  r = ws.run("--format json --baseline baseline.json draft.docx");
  CHECK(r.code == 1);
  const json report = json::parse(r.out);
  REQUIRE(report["files"][0]["findings"].size() == 1);
  CHECK(report["files"][0]["findings"][0]["excerpt"].get<std::string>().find("met") !=
        std::string::npos);
  // A baseline written with a renamed rule's old id still matches.
  ws.docx("tracked.docx", kWithTrackedChange);
  CHECK(ws.run("--write-baseline t.json tracked.docx").code == 0);
  std::string old = slurp(ws.path("t.json"));
  const std::size_t at = old.find("draft/unaccepted-change");
  REQUIRE(at != std::string::npos);
  old.replace(at, std::string("draft/unaccepted-change").size(), "draft/tracked-changes");
  ws.write("t.json", old);
  CHECK(ws.run("--baseline t.json tracked.docx").code == 0);
  // Bad baselines are usage errors.
  ws.write("bad.json", "{\"files\": {}}");
  r = ws.run("--baseline bad.json draft.docx");
  CHECK(r.code == 2);
  CHECK(r.err.find("not a dhrlint baseline") != std::string::npos);
  CHECK(ws.run("--baseline absent.json draft.docx").code == 2);
}

TEST_CASE("cli: --redact leaves document text out of every format") {
  Workspace ws;
  ws.docx("draft.docx",
          "@author Jane Secret\n"
          "H1 Introduction\nH2 Background\n"
          "P The children attended {comment:Zebulon Academy|Was it St Mary's? check} and "
          "{del:Quixotic Lane }school.\n");
  for (const char* format : {"text", "json", "junit", "github", "sarif", "html"}) {
    CAPTURE(format);
    const Run plain = ws.run(std::string("--format ") + format + " draft.docx");
    CHECK(plain.code == 1);
    if (std::string(format) != "sarif") {  // SARIF never carries them
      CHECK(plain.out.find("Jane Secret") != std::string::npos);
    }
    const Run r = ws.run(std::string("--redact --format ") + format + " draft.docx");
    CHECK(r.code == 1);
    for (const char* text : {"Jane Secret", "Zebulon", "Quixotic"}) {
      CHECK_MESSAGE(r.out.find(text) == std::string::npos, text << " in " << r.out);
    }
  }
}

// The SARIF Multitool, as tools/deps.sh --test installs it, or where
// DHRLINT_SARIF_MULTITOOL says.
std::string sarif_multitool() {
  if (const char* env = std::getenv("DHRLINT_SARIF_MULTITOOL"); env != nullptr && *env != 0) {
    return env;
  }
  const char* tools = std::getenv("DHRLINT_TOOLS_DIR");
  const char* home = std::getenv("HOME");
  const fs::path dir = tools != nullptr && *tools != 0 ? fs::path(tools)
                       : home != nullptr               ? fs::path(home) / ".cache/dhrlint-tools"
                                                       : fs::path();
  const fs::path exe = dir / "node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool";
  return access(exe.c_str(), X_OK) == 0 ? exe.string() : std::string();
}

TEST_CASE("cli: --format sarif: rules with help, regions, fingerprints; no document text") {
  Workspace ws;
  ws.docx("Overview Report.docx",
          "@author Jane Secret\nH1 Introduction\nH2 Background\n"
          "P The children attended {comment:the primary school|Was it Zanzibar Hall? check} and "
          "{del:Quixotic }school.\n");
  ws.write("broken.docx", "not a zip");
  const Run r = ws.run("--format sarif 'Overview Report.docx' broken.docx");
  CHECK(r.code == 3);
  const json sarif = json::parse(r.out);
  CHECK(sarif["version"] == "2.1.0");
  const json& run = sarif["runs"][0];
  CHECK(run["columnKind"] == "unicodeCodePoints");
  const json& rules = run["tool"]["driver"]["rules"];
  CHECK(rules.size() == make_all_rules().size());
  const json& results = run["results"];
  REQUIRE(results.size() == 2);
  for (const json& result : results) {
    const std::string id = result["ruleId"];
    CHECK(rules[result["ruleIndex"].get<std::size_t>()]["id"] == id);
    CHECK(rules[result["ruleIndex"].get<std::size_t>()]["help"]["text"].get<std::string>().find(
              "How to fix") != std::string::npos);
    const json& physical = result["locations"][0]["physicalLocation"];
    CHECK(physical["artifactLocation"]["uri"] == "Overview%20Report.docx");
    CHECK(physical["region"]["startLine"] == 3);  // the third w:p of word/document.xml
    CHECK(result["locations"][0]["logicalLocations"][0]["name"] == "section 1.1.1");
    CHECK(result["partialFingerprints"]["dhrlintFingerprint/v1"].get<std::string>().rfind(id + ":",
                                                                                          0) == 0);
  }
  CHECK(results[0]["locations"][0]["physicalLocation"]["region"]["startColumn"] == 23);
  CHECK(results[0]["locations"][0]["physicalLocation"]["region"]["endColumn"] == 41);
  CHECK(run["invocations"][0]["toolExecutionNotifications"][0]["properties"]["error_kind"] ==
        "not-zip");
  for (const char* text : {"Jane Secret", "Quixotic", "Zanzibar"}) {
    CHECK_MESSAGE(r.out.find(text) == std::string::npos, text);
  }

  const std::string multitool = sarif_multitool();
  if (multitool.empty()) {
    testing::skip_unless_ci("the SARIF Multitool (npm @microsoft/sarif-multitool-linux)");
    return;
  }
  ws.write("out.sarif", r.out);
  const std::string cmd = "cd '" + ws.path("").string() + "' && timeout 120 '" + multitool +
                          "' validate out.sarif --rule-kind 'Sarif;Gh' -o checked.sarif --log "
                          "ForceOverwrite >multitool.txt 2>&1";
  REQUIRE(std::system(cmd.c_str()) == 0);
  const json checked = json::parse(slurp(ws.path("checked.sarif")));
  std::vector<std::string> errors;
  for (const json& finding : checked["runs"][0]["results"]) {
    if (finding.value("level", "warning") == "error") {
      errors.push_back(finding["ruleId"].get<std::string>() + ": " + finding["message"].dump());
    }
  }
  CHECK_MESSAGE(errors.empty(), slurp(ws.path("multitool.txt")));
  // The validator does report what GitHub refuses: a result without locations.
  json bad = sarif;
  bad["runs"][0]["results"][0].erase("locations");
  ws.write("bad.sarif", bad.dump());
  const std::string bad_cmd = "cd '" + ws.path("").string() + "' && timeout 120 '" + multitool +
                              "' validate bad.sarif --rule-kind 'Sarif;Gh' -o bad-checked.sarif "
                              "--log ForceOverwrite >/dev/null 2>&1";
  REQUIRE(std::system(bad_cmd.c_str()) == 0);
  CHECK(slurp(ws.path("bad-checked.sarif")).find("GH1015") != std::string::npos);
}

TEST_CASE("cli: a progress line on a terminal for long runs, none otherwise") {
  Workspace ws;
  for (int k = 0; k < 20; ++k) {
    ws.docx("many/d" + std::to_string(k) + ".docx", kClean);
  }
  const std::vector<std::string> args = {"--no-config", "--fail-on", "none",
                                         ws.path("many").string()};
  std::ostringstream out;
  std::ostringstream err;
  CHECK(run_cli(args, out, err, Terminal{false, true}) == 0);
  CHECK(err.str().find("\rdhrlint: 20/20 files\n") != std::string::npos);
  CHECK(out.str().find("20/20") == std::string::npos);
  err.str("");
  CHECK(run_cli(args, out, err, Terminal{false, false}) == 0);
  CHECK(err.str().find("files") == std::string::npos);
}

}  // namespace
}  // namespace dhrlint
