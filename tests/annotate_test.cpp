// --annotate: the annotated copy read back with dhrlint's own reader has the
// same paragraphs (text, labels, count) as the draft plus exactly one new
// comment by dhrlint per finding, whose range covers the finding's span (or
// its paragraph). Fixtures for each placement, the CLI's checks, the shared
// corpus with real and synthetic findings, and LibreOffice opening copies.
// Everything written goes to a temp folder that is removed.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "dhrlint/dhrlint.hpp"
#include "lint/engine/linter.hpp"
#include "lint/output/annotate.hpp"
#include "lint/package/package.hpp"
#include "support/fixture_docx.hpp"
#include "support/skip.hpp"

namespace dhrlint {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::size_t cp_count(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++n;
    }
  }
  return n;
}

// A temp folder removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    static int counter = 0;
    root_ = fs::temp_directory_path() /
            ("dhrlint-annotate-" + std::to_string(getpid()) + "-" + std::to_string(++counter));
    fs::remove_all(root_);
    fs::create_directories(root_ / ".git");  // no .dhrlint.toml above is found
  }
  ~TempDir() { fs::remove_all(root_); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  fs::path path(const std::string& rel) const { return root_ / rel; }
  fs::path write(const std::string& rel, const std::string& bytes) const {
    fs::create_directories(path(rel).parent_path());
    std::ofstream(path(rel), std::ios::binary) << bytes;
    return path(rel);
  }

 private:
  fs::path root_;
};

std::string docx_from(const std::string& dhr) {
  std::string error;
  std::string bytes = testing::build_docx(dhr, &error);
  REQUIRE_MESSAGE(error.empty(), error);
  return bytes;
}

Document read(const std::string& bytes) {
  auto doc = read_document_bytes(bytes, "draft.docx");
  REQUIRE_MESSAGE(doc.ok(), (doc.ok() ? std::string() : doc.error().message));
  return std::move(doc).value();
}

const Paragraph& paragraph_with(const Document& doc, std::string_view text) {
  for (const Paragraph& p : doc.paragraphs) {
    if (p.text.find(text) != std::string::npos) {
      return p;
    }
  }
  FAIL("no paragraph holds \"" << std::string(text) << "\"");
  return doc.paragraphs.front();
}

// A finding on `what` (ASCII) inside the paragraph that holds it.
Finding finding_on(const Document& doc, std::string_view what, std::string rule = "test/span") {
  const Paragraph& p = paragraph_with(doc, what);
  Finding f;
  f.rule = std::move(rule);
  f.severity = Severity::kWarning;
  f.message = "a finding on '" + std::string(what) + "'";
  f.location.part = p.part;
  f.location.paragraph = p.index;
  f.location.start = cp_count(p.text.substr(0, p.text.find(what)));
  f.location.end = *f.location.start + cp_count(what);
  return f;
}

bool original_story(Story s) { return s != Story::kComment; }

// The annotated copy against the draft: same paragraphs, old comments kept,
// one new comment by dhrlint per finding covering exactly its placement.
void check_round_trip(const Document& before, const std::vector<Finding>& findings,
                      const AnnotatedDocx& annotated, const std::string& name = "draft") {
  auto read_back = read_document_bytes(annotated.bytes, "annotated.docx");
  REQUIRE_MESSAGE(read_back.ok(),
                  name << ": " << (read_back.ok() ? std::string() : read_back.error().message));
  const Document& after = read_back.value();

  std::vector<const Paragraph*> a;
  std::vector<const Paragraph*> b;
  for (const Paragraph& p : before.paragraphs) {
    if (original_story(p.story)) {
      a.push_back(&p);
    }
  }
  for (const Paragraph& p : after.paragraphs) {
    if (original_story(p.story)) {
      b.push_back(&p);
    }
  }
  REQUIRE_MESSAGE(a.size() == b.size(), name);
  for (std::size_t i = 0; i < a.size(); ++i) {
    INFO(name << ": " << a[i]->part << " paragraph " << a[i]->index);
    CHECK(a[i]->part == b[i]->part);
    CHECK(a[i]->index == b[i]->index);
    CHECK(a[i]->text == b[i]->text);
    CHECK(a[i]->label == b[i]->label);
  }

  std::map<std::string, const Comment*> after_comments;
  for (const Comment& c : after.comments) {
    after_comments[c.id] = &c;
  }
  for (const Comment& c : before.comments) {
    auto it = after_comments.find(c.id);
    REQUIRE_MESSAGE(it != after_comments.end(), name << ": comment " << c.id << " lost");
    CHECK(it->second->author == c.author);
    CHECK(it->second->paragraphs.size() == c.paragraphs.size());
  }
  REQUIRE(annotated.comments.size() == findings.size());
  CHECK_MESSAGE(after.comments.size() == before.comments.size() + findings.size(), name);

  // Ranges by comment id, over every paragraph.
  std::map<std::string, std::vector<std::pair<const Paragraph*, CommentRange>>> ranges;
  for (const Paragraph& p : after.paragraphs) {
    for (const CommentRange& r : p.comment_ranges) {
      ranges[r.id].emplace_back(&p, r);
    }
  }
  std::set<std::string> old_ids;
  for (const Comment& c : before.comments) {
    old_ids.insert(c.id);
  }
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const AnnotatedComment& placed = annotated.comments[i];
    INFO(name << ": finding " << i << " " << findings[i].rule << " placed "
              << comment_placement_name(placed.placement) << " as comment " << placed.id);
    CHECK(old_ids.count(placed.id) == 0);
    auto c = after_comments.find(placed.id);
    REQUIRE(c != after_comments.end());
    CHECK(c->second->author == kAnnotationAuthor);
    CHECK(c->second->initials == kAnnotationInitials);
    REQUIRE(!c->second->paragraphs.empty());
    CHECK(after.paragraphs[c->second->paragraphs.front()].text.find(findings[i].rule) !=
          std::string::npos);
    const auto& got = ranges[placed.id];
    REQUIRE(got.size() == 1);
    CHECK(got[0].first->part == placed.part);
    CHECK(got[0].first->index == placed.paragraph);
    CHECK(got[0].second.start == placed.start);
    CHECK(got[0].second.end == placed.end);
    const Location& loc = findings[i].location;
    if (placed.placement == CommentPlacement::kSpan) {
      CHECK(placed.part == loc.part);
      CHECK(placed.paragraph == loc.paragraph);
      CHECK(placed.start == loc.start);
      CHECK(placed.end == loc.end);
    } else {
      CHECK(placed.start == 0);
      CHECK(placed.end == cp_count(got[0].first->text));
    }
  }
  std::size_t by_dhrlint = 0;
  for (const Comment& c : after.comments) {
    by_dhrlint += c.author == kAnnotationAuthor ? 1 : 0;
  }
  CHECK(by_dhrlint == findings.size());
}

AnnotatedDocx annotate(const std::string& bytes, const Document& doc,
                       const std::vector<Finding>& findings,
                       const std::vector<RuleInfo>& rules = {}) {
  auto out = annotate_docx(bytes, doc, findings, rules);
  REQUIRE_MESSAGE(out.ok(), (out.ok() ? std::string() : out.error().message));
  return std::move(out).value();
}

const char* const kDraft =
    "H1 Introduction\n"
    "P The children attended Bow Green Primary School from 2015 until 2019.\n"
    "P The {b:quick} brown {i:fox} jumps over the lazy dog.\n"
    "P  \n"
    "P A note follows here.[^The school was Bow Green Primary School, in the town.]\n"
    "P The review began in {del:March }2020 and ended later.\n";

TEST_CASE("annotate: a span in the middle of a run splits it, text and spaces intact") {
  const std::string bytes = docx_from(kDraft);
  const Document doc = read(bytes);
  const std::vector<Finding> findings = {finding_on(doc, "Bow Green Primary School")};
  const AnnotatedDocx out = annotate(bytes, doc, findings);
  REQUIRE(out.comments.size() == 1);
  CHECK(out.comments[0].placement == CommentPlacement::kSpan);
  check_round_trip(doc, findings, out);
  // Three runs now where there was one: before, the span, after.
  const Document after = read(out.bytes);
  const Paragraph& p = paragraph_with(after, "Bow Green");
  CHECK(p.runs.size() >= 3);
}

TEST_CASE("annotate: a span across several runs, starting and ending inside runs") {
  const std::string bytes = docx_from(kDraft);
  const Document doc = read(bytes);
  const std::vector<Finding> findings = {
      finding_on(doc, "quick brown fox"), finding_on(doc, "ick brown f", "test/inside"),
      finding_on(doc, "The quick"), finding_on(doc, "lazy dog.")};
  const AnnotatedDocx out = annotate(bytes, doc, findings);
  for (const AnnotatedComment& c : out.comments) {
    CHECK(c.placement == CommentPlacement::kSpan);
  }
  check_round_trip(doc, findings, out);
}

TEST_CASE("annotate: overlapping findings on one span each get their own comment") {
  const std::string bytes = docx_from(kDraft);
  const Document doc = read(bytes);
  const std::vector<Finding> findings = {finding_on(doc, "Bow Green Primary School", "test/a"),
                                         finding_on(doc, "Bow Green Primary School", "test/b"),
                                         finding_on(doc, "Green", "test/c"),
                                         finding_on(doc, "Primary School from", "test/d")};
  const AnnotatedDocx out = annotate(bytes, doc, findings);
  std::set<std::string> ids;
  for (const AnnotatedComment& c : out.comments) {
    CHECK(c.placement == CommentPlacement::kSpan);
    ids.insert(c.id);
  }
  CHECK(ids.size() == findings.size());
  check_round_trip(doc, findings, out);
}

TEST_CASE("annotate: whole-paragraph, empty-paragraph and document-level findings") {
  const std::string bytes = docx_from(kDraft);
  const Document doc = read(bytes);
  Finding whole = finding_on(doc, "quick brown", "test/paragraph");
  whole.location.start.reset();
  whole.location.end.reset();
  Finding document;
  document.rule = "test/document";
  document.message = "the report has no action plan";
  document.location.part = doc.main_part;
  Finding property = document;
  property.rule = "test/property";
  property.location.part = "docProps/core.xml";
  property.location.property = "creator";
  std::vector<Finding> findings = {whole, document, property};
  for (const Paragraph& p : doc.paragraphs) {
    if (p.story == Story::kBody && p.text.find_first_not_of(' ') == std::string::npos) {
      Finding empty = whole;
      empty.location.paragraph = p.index;
      findings.push_back(empty);
      break;
    }
  }
  const AnnotatedDocx out = annotate(bytes, doc, findings);
  CHECK(out.comments[0].placement == CommentPlacement::kParagraph);
  CHECK(out.comments[1].placement == CommentPlacement::kElsewhere);
  CHECK(out.comments[1].paragraph == 1);
  CHECK(out.comments[2].placement == CommentPlacement::kElsewhere);
  check_round_trip(doc, findings, out);
}

TEST_CASE(
    "annotate: a finding in a footnote goes on the paragraph referencing the note, deleted "
    "text on its paragraph") {
  const std::string bytes = docx_from(kDraft);
  const Document doc = read(bytes);
  std::vector<Finding> findings;
  for (const Paragraph& p : doc.paragraphs) {
    if (p.story == Story::kFootnote && p.text.find("Bow Green") != std::string::npos) {
      Finding f;
      f.rule = "test/note";
      f.message = "in a note";
      f.location.part = p.part;
      f.location.paragraph = p.index;
      f.location.start = p.text.find("Bow Green");
      f.location.end = *f.location.start + 9;
      findings.push_back(f);
    }
  }
  REQUIRE(findings.size() == 1);
  Finding deleted = finding_on(doc, "2020 and", "test/deleted");
  deleted.location.end = deleted.location.start;
  deleted.location.visibility = "deleted";
  deleted.location.deleted_text = "March ";
  findings.push_back(deleted);
  const AnnotatedDocx out = annotate(bytes, doc, findings);
  CHECK(out.comments[0].placement == CommentPlacement::kElsewhere);
  CHECK(out.comments[0].part == doc.main_part);
  CHECK(doc.find(doc.main_part, out.comments[0].paragraph)->text.find("A note follows") == 0);
  CHECK(out.comments[1].placement == CommentPlacement::kParagraph);
  check_round_trip(doc, findings, out);
}

TEST_CASE("annotate: existing comments are kept and new ids do not collide") {
  const std::string bytes = docx_from(
      "H1 Introduction\n"
      "P The children attended {comment:the primary school|Was it St Mary's?} locally.\n"
      "P Another {comment:remark|Second comment} here, and Bow Green Primary School.\n");
  const Document doc = read(bytes);
  REQUIRE(doc.comments.size() == 2);
  const std::vector<Finding> findings = {finding_on(doc, "primary school"),
                                         finding_on(doc, "Bow Green")};
  const AnnotatedDocx out = annotate(bytes, doc, findings);
  for (const AnnotatedComment& c : out.comments) {
    CHECK(c.id != doc.comments[0].id);
    CHECK(c.id != doc.comments[1].id);
  }
  check_round_trip(doc, findings, out);
}

TEST_CASE("annotate: without a comments part, one is created with its relationship and type") {
  const std::string bytes = docx_from(kDraft);
  const Document doc = read(bytes);
  {
    auto pkg = package::Package::open_bytes(bytes);
    REQUIRE(pkg.ok());
    REQUIRE_FALSE(pkg.value().has_part("word/comments.xml"));
  }
  const std::vector<RuleInfo> rules = {
      RuleInfo{"test/span", "", "", "", "", "Say 'the school'.", Severity::kWarning}};
  const std::vector<Finding> findings = {finding_on(doc, "Bow Green")};
  const AnnotatedDocx out = annotate(bytes, doc, findings, rules);
  auto pkg = package::Package::open_bytes(out.bytes);
  REQUIRE(pkg.ok());
  CHECK(pkg.value().has_part("word/comments.xml"));
  CHECK(pkg.value().content_type("word/comments.xml") ==
        "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml");
  bool related = false;
  for (const auto& rel : pkg.value().relationships("word/document.xml")) {
    related = related || (package::rel_is(rel, "comments") && rel.target == "word/comments.xml");
  }
  CHECK(related);
  check_round_trip(doc, findings, out);
  // The fix hint is in the comment.
  const Document after = read(out.bytes);
  std::string text;
  for (std::size_t p : after.comments.back().paragraphs) {
    text += after.paragraphs[p].text + "\n";
  }
  CHECK(text.find("Say 'the school'.") != std::string::npos);
  CHECK(text.find("test/span (warning)") != std::string::npos);
}

TEST_CASE("annotate: parts without comments are copied byte for byte") {
  const std::string bytes = docx_from(kDraft);
  const Document doc = read(bytes);
  const AnnotatedDocx out = annotate(bytes, doc, {finding_on(doc, "Bow Green")});
  auto before = package::Package::open_bytes(bytes);
  auto after = package::Package::open_bytes(out.bytes);
  REQUIRE(before.ok());
  REQUIRE(after.ok());
  const std::set<std::string> changed = {"word/document.xml", "word/comments.xml",
                                         "word/_rels/document.xml.rels", "[Content_Types].xml"};
  for (const std::string& name : before.value().part_names()) {
    if (changed.count(name) != 0) {
      continue;
    }
    auto a = before.value().read_part(name);
    auto b = after.value().read_part(name);
    REQUIRE(a.ok());
    REQUIRE_MESSAGE(b.ok(), name);
    CHECK_MESSAGE(a.value() == b.value(), name);
  }
}

// ---------------------------------------------------------------------------
// The command line.

struct Run {
  int code = -1;
  std::string out;
  std::string err;
};

Run run_dhrlint(const TempDir& dir, const std::string& args) {
  const fs::path err_file = dir.path("stderr.txt");
  const std::string cmd = "cd '" + dir.path("").string() + "' && NO_COLOR=1 '" + DHRLINT_EXE +
                          "' " + args + " 2>'" + err_file.string() + "'";
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

TEST_CASE("annotate cli: writes the copy, the report still goes to standard output") {
  TempDir dir;
  const fs::path input = dir.write("draft.docx", docx_from(kDraft));
  const std::size_t hash_before = std::hash<std::string>{}(slurp(input));
  const Run r = run_dhrlint(dir, "--format json --annotate out.docx draft.docx");
  INFO(r.err);
  CHECK((r.code == 0 || r.code == 1));
  CHECK(r.out.find("\"files\"") != std::string::npos);
  REQUIRE(fs::exists(dir.path("out.docx")));
  CHECK(std::hash<std::string>{}(slurp(input)) == hash_before);
  const Document after = read(slurp(dir.path("out.docx")));
  const Document before = read(slurp(input));
  CHECK(after.paragraphs.size() >= before.paragraphs.size());
  // No temporary file is left next to the copy.
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir.path(""))) {
    files += e.is_regular_file() ? 1 : 0;
  }
  CHECK(files == 3);  // draft.docx, out.docx, stderr.txt
}

TEST_CASE("annotate cli: usage errors are exit 2 and write nothing") {
  TempDir dir;
  const fs::path input = dir.write("draft.docx", docx_from(kDraft));
  dir.write("other.docx", docx_from(kDraft));
  const std::string original = slurp(input);
  const std::size_t hash_before = std::hash<std::string>{}(original);

  CHECK(run_dhrlint(dir, "--annotate out.docm draft.docx").code == 2);
  CHECK_FALSE(fs::exists(dir.path("out.docm")));
  CHECK(run_dhrlint(dir, "--annotate out draft.docx").code == 2);
  CHECK(run_dhrlint(dir, "--annotate draft.docx draft.docx").code == 2);
  CHECK(run_dhrlint(dir, "--annotate ./sub/../draft.docx draft.docx").code == 2);
  fs::create_directories(dir.path("sub"));
  CHECK(run_dhrlint(dir, "--annotate sub/../draft.docx draft.docx").code == 2);
  CHECK(run_dhrlint(dir, "--annotate out.docx draft.docx other.docx").code == 2);
  CHECK(run_dhrlint(dir, "--annotate out.docx .").code == 2);
  CHECK(run_dhrlint(dir, "--annotate missing/out.docx draft.docx").code == 2);
  CHECK(run_dhrlint(dir, "--annotate report.docx -o report.docx draft.docx").code == 2);
  CHECK_FALSE(fs::exists(dir.path("out.docx")));
  CHECK(std::hash<std::string>{}(slurp(input)) == hash_before);

  // A hard link to the input is the input.
  fs::create_hard_link(input, dir.path("link.docx"));
  CHECK(run_dhrlint(dir, "--annotate link.docx draft.docx").code == 2);
  CHECK(std::hash<std::string>{}(slurp(input)) == hash_before);
}

TEST_CASE("annotate cli: an unreadable input is exit 3 with no copy; a .docm stays a .docm") {
  TempDir dir;
  dir.write("broken.docx", "PK\x03\x04 this is not really a zip archive");
  const Run r = run_dhrlint(dir, "--annotate out.docx broken.docx");
  CHECK(r.code == 3);
  CHECK_FALSE(fs::exists(dir.path("out.docx")));

  dir.write("macro.docm", docx_from(kDraft));
  CHECK(run_dhrlint(dir, "--annotate out.docx macro.docm").code == 2);
  const Run ok = run_dhrlint(dir, "--annotate OUT.DOCM macro.docm");
  CHECK((ok.code == 0 || ok.code == 1));
  CHECK(fs::exists(dir.path("OUT.DOCM")));
}

// ---------------------------------------------------------------------------
// The shared corpus.

std::optional<fs::path> corpus_dir() {
  const fs::path dir = DHRLINT_CORPUS_DIR;
  if (fs::is_directory(dir)) {
    return dir;
  }
  testing::skip_unless_ci("the corpus folder " + dir.string() + " (DHRLINT_CORPUS_DIR)");
  return std::nullopt;
}

std::vector<fs::path> corpus_files(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string ext = e.path().extension().string();
    if (e.is_regular_file() && (ext == ".docx" || ext == ".docm")) {
      files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The file's real findings plus a synthetic one on the middle third of every
// fifth paragraph of the body and the notes, so splitting runs is exercised on
// real files.
std::vector<Finding> findings_for(const Linter& linter, const Document& doc) {
  std::vector<Finding> findings = linter.lint_document(doc);
  std::size_t k = 0;
  for (const Paragraph& p : doc.paragraphs) {
    if (p.story != Story::kBody && p.story != Story::kFootnote && p.story != Story::kEndnote) {
      continue;
    }
    const std::size_t length = cp_count(p.text);
    if (length < 6 || k++ % 5 != 0) {
      continue;
    }
    Finding f;
    f.rule = "test/synthetic";
    f.message = "synthetic";
    f.location.part = p.part;
    f.location.paragraph = p.index;
    f.location.start = length / 3;
    f.location.end = 2 * length / 3;
    findings.push_back(f);
  }
  return findings;
}

std::vector<RuleInfo> infos_of(const Linter& linter) {
  std::vector<RuleInfo> infos;
  for (const auto& r : linter.rules()) {
    infos.push_back(r->info());
  }
  return infos;
}

TEST_CASE(
    "annotate corpus: every loadable file round-trips with its findings and synthetic "
    "spans") {
  const auto dir = corpus_dir();
  if (!dir) {
    return;
  }
  Linter linter;
  const std::vector<RuleInfo> infos = infos_of(linter);
  std::size_t loaded = 0;
  std::size_t comments = 0;
  std::map<CommentPlacement, std::size_t> by_placement;
  std::size_t synthetic = 0;
  std::size_t synthetic_on_span = 0;
  for (const fs::path& file : corpus_files(*dir)) {
    const std::string bytes = slurp(file);
    auto doc = read_document_bytes(bytes, file.filename().string());
    if (!doc.ok()) {
      continue;
    }
    ++loaded;
    const std::vector<Finding> findings = findings_for(linter, doc.value());
    auto out = annotate_docx(bytes, doc.value(), findings, infos);
    REQUIRE_MESSAGE(out.ok(), file.filename().string()
                                  << ": " << (out.ok() ? std::string() : out.error().message));
    check_round_trip(doc.value(), findings, out.value(), file.filename().string());
    comments += out.value().comments.size();
    for (std::size_t i = 0; i < findings.size(); ++i) {
      ++by_placement[out.value().comments[i].placement];
      if (findings[i].rule == "test/synthetic") {
        ++synthetic;
        synthetic_on_span += out.value().comments[i].placement == CommentPlacement::kSpan;
      }
    }
  }
  MESSAGE("annotated " << loaded << " corpus files, " << comments
                       << " comments: " << by_placement[CommentPlacement::kSpan] << " on spans, "
                       << by_placement[CommentPlacement::kParagraph] << " on paragraphs, "
                       << by_placement[CommentPlacement::kElsewhere] << " elsewhere; synthetic "
                       << synthetic_on_span << "/" << synthetic << " on their spans");
  CHECK(loaded >= 70);
  CHECK(synthetic_on_span * 10 >= synthetic * 9);
}

// ---------------------------------------------------------------------------
// LibreOffice opens annotated copies (a stand-in for "Word opens it without a
// repair prompt", which no test here can ask Word).

std::string find_soffice() {
  for (const char* name : {"soffice", "libreoffice"}) {
    const std::string cmd = std::string("command -v ") + name + " >/dev/null 2>&1";
    if (std::system(cmd.c_str()) == 0) {
      return name;
    }
  }
  return "";
}

TEST_CASE("annotate libreoffice: annotated copies convert to PDF") {
  const std::string soffice = find_soffice();
  if (soffice.empty()) {
    testing::skip_unless_ci("LibreOffice (soffice, Debian's libreoffice-writer-nogui)");
    return;
  }
  TempDir dir;
  Linter linter;
  const std::vector<RuleInfo> infos = infos_of(linter);
  std::vector<fs::path> sources = {fs::path(DHRLINT_BINARY_DIR) /
                                   "fixtures/sample/overview-report.docx"};
  if (const auto corpus = corpus_dir()) {
    for (const char* name :
         {"mammoth__footnotes.docx", "poi__bug65649.docx", "pydocx__comments-rich-para.docx",
          "pandoc__track_changes_move.docx", "mammoth__text-box.docx"}) {
      if (fs::exists(*corpus / name)) {
        sources.push_back(*corpus / name);
      }
    }
  }
  std::vector<std::string> written;
  for (const fs::path& source : sources) {
    const std::string bytes = slurp(source);
    auto doc = read_document_bytes(bytes, source.filename().string());
    REQUIRE_MESSAGE(doc.ok(), source.filename().string());
    const std::vector<Finding> findings = findings_for(linter, doc.value());
    auto out = annotate_docx(bytes, doc.value(), findings, infos);
    REQUIRE_MESSAGE(out.ok(), (out.ok() ? std::string() : out.error().message));
    const std::string name = "in/" + std::to_string(written.size()) + ".docx";
    dir.write(name, out.value().bytes);
    written.push_back(std::to_string(written.size()));
  }
  fs::create_directories(dir.path("pdf"));
  std::string cmd = "cd '" + dir.path("").string() + "' && HOME='" + dir.path("home").string() +
                    "' timeout 300 " + soffice + " --headless -env:UserInstallation=file://" +
                    dir.path("profile").string() + " --convert-to pdf --outdir pdf";
  for (const std::string& w : written) {
    cmd += " in/" + w + ".docx";
  }
  cmd += " >/dev/null 2>&1";
  const int status = std::system(cmd.c_str());
  INFO("soffice exit status " << status);
  for (const std::string& w : written) {
    const fs::path pdf = dir.path("pdf/" + w + ".pdf");
    INFO(sources[std::stoul(w)].filename().string());
    CHECK(fs::exists(pdf));
    CHECK((fs::exists(pdf) && fs::file_size(pdf) > 0));
  }
}

// Every loadable corpus file's annotated copy (real findings) loads in
// LibreOffice: converted to ODT, which needs the whole document read but no
// page layout. A copy that does not convert is accepted only when the
// original does not convert either (the annotation did not break it).
TEST_CASE("annotate libreoffice: the annotated copy of every loadable corpus file converts") {
  const std::string soffice = find_soffice();
  const auto corpus = corpus_dir();
  if (soffice.empty()) {
    testing::skip_unless_ci("LibreOffice (soffice, Debian's libreoffice-writer-nogui)");
    return;
  }
  if (!corpus) {
    return;  // corpus_dir() said why
  }
  TempDir dir;
  Linter linter;
  const std::vector<RuleInfo> infos = infos_of(linter);
  std::vector<fs::path> sources;
  fs::create_directories(dir.path("in"));
  for (const fs::path& file : corpus_files(*corpus)) {
    const std::string bytes = slurp(file);
    auto doc = read_document_bytes(bytes, file.filename().string());
    if (!doc.ok()) {
      continue;
    }
    auto out = annotate_docx(bytes, doc.value(), linter.lint_document(doc.value()), infos);
    REQUIRE_MESSAGE(out.ok(), file.filename().string());
    // The corpus's one .docm converts as a .docm: keep each file's extension.
    dir.write("in/" + std::to_string(sources.size()) + file.extension().string(),
              out.value().bytes);
    sources.push_back(file);
  }
  auto convert = [&](const std::string& from, const std::string& to) {
    fs::create_directories(dir.path(to));
    const std::string cmd = "cd '" + dir.path("").string() + "' && HOME='" +
                            dir.path("home").string() + "' timeout 600 " + soffice +
                            " --headless -env:UserInstallation=file://" +
                            dir.path("profile").string() + " --convert-to odt --outdir " + to +
                            " " + from + "/* >/dev/null 2>&1";
    return std::system(cmd.c_str());
  };
  CHECK(convert("in", "odt") == 0);
  std::vector<std::size_t> failed;
  for (std::size_t k = 0; k < sources.size(); ++k) {
    const fs::path odt = dir.path("odt/" + std::to_string(k) + ".odt");
    if (!fs::exists(odt) || fs::file_size(odt) == 0) {
      failed.push_back(k);
    }
  }
  // The originals of those that failed, converted the same way.
  fs::create_directories(dir.path("orig"));
  for (std::size_t k : failed) {
    fs::copy_file(sources[k],
                  dir.path("orig/" + std::to_string(k) + sources[k].extension().string()));
  }
  if (!failed.empty()) {
    convert("orig", "orig-odt");
  }
  for (std::size_t k : failed) {
    INFO(sources[k].filename().string());
    CHECK_FALSE(fs::exists(dir.path("orig-odt/" + std::to_string(k) + ".odt")));
  }
  MESSAGE("LibreOffice converted " << sources.size() - failed.size() << " of " << sources.size()
                                   << " annotated corpus copies; the others' originals do not "
                                      "convert either");
  CHECK(sources.size() >= 70);
  // Nearly all convert: LibreOffice itself failing would fail every copy and
  // every original alike, which the checks above cannot tell from a pass.
  CHECK(failed.size() <= 1);
}

}  // namespace
}  // namespace dhrlint
