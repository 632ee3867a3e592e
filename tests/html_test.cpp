// The HTML report (--format html): the page's structure for a real .docx
// (one area per finding, grouped by report paragraph in number order, the
// <mark> spanning exactly the match), several files and an unreadable one,
// redact mode leaving all document text off the page, hostile text escaped,
// and the page as Debian's chromium renders it (skipped when chromium is not
// installed). The page is well-formed XML by design, so pugixml queries it.
// Every file is written under a temporary folder that is removed.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <pugixml.hpp>
#include <set>
#include <sstream>

#include "dhrlint/dhrlint.hpp"
#include "lint/engine/linter.hpp"
#include "lint/output/html.hpp"
#include "lint/text/text.hpp"
#include "support/fixture_docx.hpp"
#include "support/skip.hpp"

namespace dhrlint {
namespace {

namespace fs = std::filesystem;

// A scratch folder, removed with everything in it (the browser's profile too).
class TempDir {
 public:
  TempDir() {
    static int counter = 0;
    root_ = fs::temp_directory_path() /
            ("dhrlint-html-" + std::to_string(getpid()) + "-" + std::to_string(++counter));
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  ~TempDir() { fs::remove_all(root_); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  fs::path path(const std::string& rel) const { return root_ / rel; }
  std::string write(const std::string& rel, const std::string& bytes) const {
    std::ofstream(path(rel), std::ios::binary) << bytes;
    return path(rel).string();
  }

 private:
  fs::path root_;
};

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A draft with a point in every kind of group: the whole report (no word on
// advocacy), the title page (a placeholder before the first numbered
// paragraph), a comment (1.1.1), a school in the body and in a footnote
// (1.1.2), and a tracked deletion, hidden text and a placeholder in one
// paragraph (1.2.1).
const char* const kDraft =
    "@author Reviewer\n"
    "TITLE Overview Report\n"
    "T Completed: [insert date]\n"
    "H1 Introduction\n"
    "H2 Background\n"
    "P The review began in 2020 and was chaired by {comment:an independent chair|Name the "
    "chair?}.\n"
    "P The children attended Bow Green Primary School until 2021, then moved.[^Child B attended "
    "Elm Lane Infant School.]\n"
    "H2 Findings\n"
    "P The panel met in {del:March }2020 and agreed the plan.{hidden: Ms Patel agreed} It noted "
    "the dates TBC.\n";

const std::vector<std::string> kDraftRules = {"draft/*", "identifying/school-name",
                                              "incomplete/placeholder", "advocacy/not-stated"};

struct Linted {
  std::unique_ptr<Linter> linter;
  FileResult result;
};

Linted lint_draft(const std::string& dhr, const std::string& name) {
  std::string error;
  std::string bytes = testing::build_docx(dhr, &error);
  REQUIRE_MESSAGE(error.empty(), error);
  std::vector<std::unique_ptr<Rule>> rules;
  for (auto& rule : make_all_rules()) {
    for (const std::string& pattern : kDraftRules) {
      if (rule_pattern_matches(pattern, rule->info().id)) {
        rules.push_back(std::move(rule));
        break;
      }
    }
  }
  Linted out;
  out.linter = std::make_unique<Linter>(Config{}, std::move(rules));
  out.linter->keep_documents(true);
  out.result = out.linter->lint_job({name, out.linter->shared_config(), std::move(bytes)});
  REQUIRE(out.result.status == FileStatus::kOk);
  return out;
}

std::string render(const std::vector<FileResult>& results, const HtmlOptions& options) {
  std::ostringstream out;
  write_html(out, results, options);
  return out.str();
}

void parse(pugi::xml_document& page, const std::string& html) {
  // Keeping white-space-only text, as a browser does ("<span>1.1.</span> <mark>").
  const pugi::xml_parse_result parsed =
      page.load_string(html.c_str(), pugi::parse_default | pugi::parse_ws_pcdata);
  REQUIRE_MESSAGE(parsed, "the page is not well-formed: " << parsed.description() << " at byte "
                                                          << parsed.offset);
}

// All text below a node, as a browser's textContent.
std::string inner_text(const pugi::xml_node& node) {
  std::string out;
  for (const pugi::xml_node& child : node.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      out += child.value();
    } else {
      out += inner_text(child);
    }
  }
  return out;
}

std::string has_class(const std::string& name) {
  return "contains(concat(' ', normalize-space(@class), ' '), ' " + name + " ')";
}

std::vector<pugi::xml_node> select(const pugi::xml_node& root, const std::string& xpath) {
  std::vector<pugi::xml_node> out;
  for (const pugi::xpath_node& n : root.select_nodes(xpath.c_str())) {
    out.push_back(n.node());
  }
  return out;
}

std::vector<std::string> texts(const pugi::xml_node& root, const std::string& xpath) {
  std::vector<std::string> out;
  for (const pugi::xml_node& n : select(root, xpath)) {
    out.push_back(inner_text(n));
  }
  return out;
}

std::size_t count(std::string_view haystack, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t i = haystack.find(needle); i != std::string_view::npos;
       i = haystack.find(needle, i + needle.size())) {
    ++n;
  }
  return n;
}

// The text a finding's mark should hold: its span, or the deleted or hidden
// text at its point; "" when it has neither.
std::string marked_text_of(const Finding& f, const Document& doc) {
  const Location& loc = f.location;
  if (loc.paragraph && loc.start && loc.end && *loc.end > *loc.start) {
    const Paragraph* para = doc.find(loc.part, *loc.paragraph);
    REQUIRE(para != nullptr);
    return text::slice(para->text, *loc.start, *loc.end);
  }
  return loc.deleted_text.value_or("");
}

Finding make_finding(std::string rule, std::string part, std::optional<std::string> section,
                     std::optional<std::uint32_t> paragraph, std::optional<std::size_t> start,
                     std::optional<std::size_t> end) {
  Finding f;
  f.rule = std::move(rule);
  f.severity = Severity::kWarning;
  f.message = "message of " + f.rule;
  f.location.part = std::move(part);
  f.location.section = std::move(section);
  f.location.paragraph = paragraph;
  f.location.start = start;
  f.location.end = end;
  return f;
}

TEST_CASE(
    "html: one area per finding, grouped by report paragraph in order, marks exactly the match") {
  const Linted linted = lint_draft(kDraft, "drafts/overview-report.docx");
  const FileResult& r = linted.result;
  REQUIRE(r.findings.size() == 8);
  HtmlOptions options;
  options.rules = rule_infos(*linted.linter);
  const std::string html = render({r}, options);
  pugi::xml_document page;
  parse(page, html);

  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(texts(page, "//h3") == std::vector<std::string>{"Areas for development", "Summary"});
  CHECK(texts(page, "//section[" + has_class("group") + "]/h4") ==
        std::vector<std::string>{"The report as a whole", "Outside the numbered paragraphs",
                                 "Paragraph 1.1.1", "Paragraph 1.1.2", "Paragraph 1.2.1"});
  const auto areas = select(page, "//li[" + has_class("area") + "]");
  CHECK(areas.size() == r.findings.size());
  // Within a paragraph, in document order: the body before its footnote, and
  // along the text.
  CHECK(texts(page, "//section[h4='Paragraph 1.1.2']//code[" + has_class("rule") + "]") ==
        std::vector<std::string>{"identifying/school-name", "identifying/school-name"});
  CHECK(texts(page, "//section[h4='Paragraph 1.1.2']//span[" + has_class("where") + "]") ==
        std::vector<std::string>{"footnote 1"});
  CHECK(texts(page, "//section[h4='Paragraph 1.2.1']//code[" + has_class("rule") + "]") ==
        std::vector<std::string>{"draft/unaccepted-change", "draft/hidden-text",
                                 "incomplete/placeholder"});

  // Each area holds at most one mark, and it holds exactly the finding's
  // match (or the deleted / hidden text at its point).
  std::multiset<std::pair<std::string, std::string>> expected;
  for (const Finding& f : r.findings) {
    expected.emplace(f.rule, marked_text_of(f, *r.document));
  }
  std::multiset<std::pair<std::string, std::string>> shown;
  for (const pugi::xml_node& area : areas) {
    const auto marks = select(area, ".//mark");
    REQUIRE(marks.size() <= 1);
    const std::string rule = inner_text(area.select_node(".//code").node());
    shown.emplace(rule, marks.empty() ? "" : inner_text(marks[0]));
    CHECK(area.attribute("class").as_string() == "area " + std::string("error"));
  }
  CHECK(shown == expected);
  CHECK(count(html, "<mark") == 7);  // every finding but the whole-report one

  // The paragraph is quoted whole, with its label; the fix is the rule's.
  const pugi::xml_node school = page.select_node("//section[h4='Paragraph 1.1.2']//li").node();
  CHECK(inner_text(school.select_node(".//blockquote").node()) ==
        "1.1.2. The children attended Bow Green Primary School until 2021, then moved.");
  CHECK(inner_text(school.select_node(".//mark").node()) == "Bow Green Primary School");
  const Rule* school_rule = linted.linter->find_rule("identifying/school-name");
  REQUIRE(school_rule != nullptr);
  CHECK(inner_text(school.select_node(".//p[@class='fix']").node()) ==
        "How to fix: " + school_rule->info().fix);
  const auto body_school = std::find_if(r.findings.begin(), r.findings.end(), [](const Finding& f) {
    return f.rule == "identifying/school-name" && f.location.part == "word/document.xml";
  });
  REQUIRE(body_school != r.findings.end());
  CHECK(inner_text(school.select_node(".//p[@class='message']").node()) == body_school->message);
  // The deletion shows where it was, struck through.
  CHECK(
      html.find("<mark class=\"invisible\" title=\"tracked deletion\"><del>March </del></mark>") !=
      std::string::npos);

  // The summary: a row a category of the rules given, and a bar chart.
  const auto rows = texts(page, "//table[@class='summary']/tbody/tr/th");
  CHECK(rows == std::vector<std::string>{"advocacy", "draft", "identifying", "incomplete"});
  CHECK(inner_text(page.select_node("//table[@class='summary']/tfoot/tr").node()) == "All8008");
  CHECK(select(page, "//figure[@class='chart']/*[local-name()='svg']").size() == 1);
  CHECK(select(page, "//*[local-name()='svg']/*[local-name()='rect']").size() == 3 + 4);

  // Nothing to load, nothing to run.
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("src=") == std::string::npos);
  CHECK(count(html, "http://") == count(html, "http://www.w3.org/2000/svg"));
  CHECK(html.find("https://") == std::string::npos);
  CHECK(html.find("Content-Security-Policy") != std::string::npos);
}

TEST_CASE("html: offsets are code points, whatever the bytes before the match") {
  auto doc = std::make_shared<Document>();
  doc->main_part = "word/document.xml";
  Paragraph p;
  p.part = "word/document.xml";
  p.index = 3;
  p.section = "2.4";
  p.text =
      "Zo\xC3\xAB\xE2\x80\x99s \xCE\x95\xCE\xBB\xCE\xBB\xCE\xB1\xCE\xB4\xCE\xB1 \xF0\x9F\x98\x80 "
      "Bow Green, later.";  // "Zoë’s Ελλαδα 😀 Bow Green, later."
  doc->paragraphs.push_back(p);
  FileResult r;
  r.path = "a.docx";
  r.document = doc;
  r.findings.push_back(
      make_finding("identifying/school-name", "word/document.xml", "2.4", 3, 15, 24));
  pugi::xml_document page;
  parse(page, render({r}, {}));
  CHECK(inner_text(page.select_node("//mark").node()) == "Bow Green");
}

TEST_CASE("html: paragraph numbers in number order after the whole report and unnumbered text") {
  FileResult r;
  r.path = "drafts/numbers.docx";
  // No model kept: the page falls back on the excerpt, without a mark.
  for (const char* section : {"1.10.1", "2", "1.9.2", "10.1", "1.9.10", "1.9.2"}) {
    Finding f = make_finding("incomplete/placeholder", "word/document.xml", section, 7, 0, 3);
    f.excerpt = std::string("excerpt at ") + section;
    r.findings.push_back(f);
  }
  r.findings.push_back(make_finding("advocacy/not-stated", "word/document.xml", std::nullopt,
                                    std::nullopt, std::nullopt, std::nullopt));
  r.findings.push_back(
      make_finding("incomplete/placeholder", "word/header1.xml", std::nullopt, 1, 0, 3));
  pugi::xml_document page;
  parse(page, render({r}, {}));
  CHECK(texts(page, "//h4") ==
        std::vector<std::string>{"The report as a whole", "Outside the numbered paragraphs",
                                 "Paragraph 1.9.2", "Paragraph 1.9.10", "Paragraph 1.10.1",
                                 "Paragraph 2", "Paragraph 10.1"});
  CHECK(select(page, "//section[h4='Paragraph 1.9.2']//li").size() == 2);
  CHECK(texts(page, "//section[h4='Outside the numbered paragraphs']//span[@class='where']") ==
        std::vector<std::string>{"header"});
  CHECK(texts(page, "//section[h4='Paragraph 10.1']//blockquote") ==
        std::vector<std::string>{"excerpt at 10.1"});
  CHECK(select(page, "//mark").empty());
  // Without rule infos there is no fix hint, and nothing breaks.
  CHECK(select(page, "//p[@class='fix']").empty());
}

TEST_CASE("html: several files give a section each; an unreadable file shows its error") {
  const Linted draft = lint_draft(kDraft, "drafts/b-overview.docx");
  const Linted clean = lint_draft(
      "H1 Introduction\nH2 Background\nP The review began in 2020. The family was "
      "offered advocacy by AAFDA and accepted it.\n",
      "drafts/c-clean.docx");
  FileResult broken;
  broken.path = "drafts/a-old.doc";
  broken.status = FileStatus::kError;
  broken.error =
      make_error(ErrorKind::kLegacyDoc, "not a .docx: legacy Word 97-2003 binary (.doc)");
  HtmlOptions options;
  options.rules = rule_infos(*draft.linter);
  const std::string html = render({broken, draft.result, clean.result}, options);
  pugi::xml_document page;
  parse(page, html);

  const auto files = select(page, "//section[@class='report']");
  REQUIRE(files.size() == 3);
  CHECK(texts(page, "//section[@class='report']/h2") ==
        std::vector<std::string>{"drafts/a-old.doc", "drafts/b-overview.docx",
                                 "drafts/c-clean.docx"});
  CHECK(inner_text(files[0].select_node("p[@class='unreadable']").node()) ==
        "This file could not be read, so it was not checked: not a .docx: legacy Word 97-2003 "
        "binary (.doc) (legacy-doc).");
  CHECK(select(files[0], ".//li").empty());
  CHECK(select(files[1], ".//li[" + has_class("area") + "]").size() == 8);
  CHECK(select(files[1], ".//table[@class='summary']").size() == 1);
  CHECK(clean.result.findings.empty());
  CHECK(inner_text(files[2].select_node("p[@class='clean']").node()) ==
        "No areas for development were found.");
  CHECK(inner_text(page.select_node("//header/p[@class='counts']").node()) ==
        "3 files, 1 unreadable, 8 findings (8 errors, 0 warnings, 0 info)");
  // Ids stay unique across files.
  std::set<std::string> ids;
  for (const pugi::xpath_node& n : page.select_nodes("//*[@id]")) {
    CHECK(ids.insert(n.node().attribute("id").as_string()).second);
  }
}

TEST_CASE("html: redact leaves every piece of document text off the page") {
  const Linted linted = lint_draft(kDraft, "drafts/overview-report.docx");
  HtmlOptions options;
  options.redact = true;
  options.rules = rule_infos(*linted.linter);
  const std::string html = render({linted.result}, options);
  pugi::xml_document page;
  parse(page, html);

  // Every point is still there, with its place, rule, message and fix.
  CHECK(select(page, "//li[" + has_class("area") + "]").size() == 8);
  CHECK(select(page, "//p[@class='fix']").size() == 8);
  CHECK(texts(page, "//section[" + has_class("group") + "]/h4").size() == 5);
  // No paragraph, excerpt, deleted, hidden, commented or matched text.
  CHECK(select(page, "//blockquote").empty());
  CHECK(select(page, "//mark").empty());
  for (const Paragraph& p : linted.result.document->paragraphs) {
    if (text::length(p.text) > 6) {
      CHECK_MESSAGE(html.find(p.text) == std::string::npos, p.text);
    }
  }
  for (const char* secret :
       {"Bow Green", "Elm Lane", "March", "Ms Patel", "independent chair", "Name the chair",
        "insert date", "TBC", "Completed", "began in 2020", "Overview Report"}) {
    CHECK_MESSAGE(html.find(secret) == std::string::npos, secret);
  }
  // A message that quotes the match keeps its sense without the text.
  CHECK(texts(page, "//section[h4='Paragraph 1.2.1']//p[@class='message']").back() ==
        "Placeholder '[\xE2\x80\xA6]' left in the report; replace it with the final text");
  CHECK(html.find("left out of this page") != std::string::npos);
}

TEST_CASE("html: redacting a message cuts out quoted document text, not the rule's own words") {
  auto doc = std::make_shared<Document>();
  doc->main_part = "word/document.xml";
  Paragraph p;
  p.part = "word/document.xml";
  p.index = 4;
  p.section = "1.8.3";
  p.text = "The case was closed by Kensal Rise Academy without";
  doc->paragraphs.push_back(p);
  FileResult r;
  r.path = "a.docx";
  r.document = doc;
  Finding truncated =
      make_finding("incomplete/truncated-paragraph", "word/document.xml", "1.8.3", 4, 44, 51);
  truncated.message = "Numbered paragraph stops mid-sentence (ends on 'without'); finish it";
  Finding school = make_finding("identifying/school-name", "word/document.xml", "1.8.3", 4, 23, 43);
  school.message =
      "Names a school; replace the name with a description such as 'the primary school'";
  r.findings = {school, truncated};
  HtmlOptions options;
  options.redact = true;
  pugi::xml_document page;
  const std::string html = render({r}, options);
  parse(page, html);
  CHECK(texts(page, "//p[@class='message']") ==
        std::vector<std::string>{
            "Names a school; replace the name with a description such as 'the primary school'",
            "Numbered paragraph stops mid-sentence (ends on '[\xE2\x80\xA6]'); finish it"});
  CHECK(html.find("Kensal") == std::string::npos);
  CHECK(html.find("without") == std::string::npos);
  CHECK(redact_quoted("a 'x' b x", {"x"}) == "a '[\xE2\x80\xA6]' b [\xE2\x80\xA6]");
}

// Text meant to break out of the page: markup, quotes that end an attribute,
// an entity, control characters, invalid UTF-8, the workflow-command "::".
const std::string kHostile =
    "<script>document.title='pwned'</script> \"quoted\" 'single' & amp; :: colons\n"
    "second line\ttab\x01\x1b\r\x7f\xC2\x85 bad\xFF byte <img src=x "
    "onerror=\"document.title='pwned'\"> end";

FileResult hostile_result() {
  auto doc = std::make_shared<Document>();
  doc->main_part = "word/document.xml";
  Paragraph p;
  p.part = "word/document.xml";
  p.index = 1;
  p.section = "1.1";
  p.label = "1.1.<b>";
  p.text = kHostile;
  doc->paragraphs.push_back(p);
  FileResult r;
  r.path = "drafts/<b>bold</b> & \"q\".docx";
  r.document = doc;
  Finding f = make_finding("custom/x\"onmouseover=\"alert(4)", "word/document.xml", "1.1", 1, 0,
                           39);  // the <script> element
  f.message = "</p><script>document.title='pwned'</script> in the message";
  r.findings.push_back(f);
  return r;
}

TEST_CASE("html: hostile document text is escaped and shows literally") {
  const std::string html = render({hostile_result()}, {});
  pugi::xml_document page;
  parse(page, html);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("<b>") == std::string::npos);
  CHECK(std::count_if(html.begin(), html.end(), [](char c) {
          return static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t';
        }) == 0);
  CHECK(html.find("\xC2\x85") == std::string::npos);
  CHECK(inner_text(page.select_node("//mark").node()) == "<script>document.title='pwned'</script>");
  const std::string fffd = "\xEF\xBF\xBD";
  CHECK(inner_text(page.select_node("//blockquote").node()) ==
        "1.1.<b> <script>document.title='pwned'</script> \"quoted\" 'single' & amp; :: colons\n"
        "second line\ttab" +
            fffd + fffd + fffd + fffd + fffd + " bad" + fffd +
            " byte <img src=x onerror=\"document.title='pwned'\"> end");
  CHECK(inner_text(page.select_node("//p[@class='message']").node()) ==
        "</p><script>document.title='pwned'</script> in the message");
  CHECK(inner_text(page.select_node("//section[@class='report']/h2").node()) ==
        "drafts/<b>bold</b> & \"q\".docx");
  CHECK(inner_text(page.select_node("//code[@class='rule']").node()) ==
        "custom/x\"onmouseover=\"alert(4)");
  CHECK(escape_html("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&#39;");
  CHECK(escape_html(std::string("\0x\x1f", 3)) == fffd + "x" + fffd);
}

// Runs a shell command; its exit code, or -1.
int run(const std::string& command) {
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Debian's chromium, headless, with its profile and HOME in `dir` (removed
// with it), time-boxed.
std::string chromium(const TempDir& dir, const std::string& args) {
  const std::string home = dir.path("home").string();
  return "HOME='" + home + "' XDG_CONFIG_HOME='" + home + "' XDG_CACHE_HOME='" + home +
         "' timeout 60 chromium --headless --no-sandbox --disable-gpu --no-first-run "
         "--disable-extensions --disable-background-networking --user-data-dir='" +
         dir.path("profile").string() + "' " + args;
}

TEST_CASE("html: chromium renders the page: marks, no script, hostile text as text, a screenshot") {
  if (run("command -v chromium >/dev/null 2>&1") != 0) {
    testing::skip_unless_ci("Chromium (Debian's chromium)");
    return;
  }
  TempDir dir;
  fs::create_directories(dir.path("home"));
  const Linted linted = lint_draft(kDraft, "drafts/overview-report.docx");
  HtmlOptions options;
  options.rules = rule_infos(*linted.linter);
  const std::string page =
      dir.write("report.html", render({linted.result, hostile_result()}, options));
  const std::string url = "'file://" + page + "'";

  REQUIRE(run(chromium(dir, "--dump-dom " + url) + " >'" + dir.path("dom.html").string() +
              "' 2>/dev/null") == 0);
  const std::string dom = slurp(dir.path("dom.html"));
  REQUIRE(dom.find("</html>") != std::string::npos);
  CHECK(count(dom, "<mark") == 7 + 1);
  CHECK(count(dom, "<li class=\"area ") == 8 + 1);
  CHECK(dom.find("<script") == std::string::npos);
  CHECK(dom.find("<img") == std::string::npos);
  // No script ran (the title is the page's own), and the text shows as text.
  CHECK(dom.find("<title>dhrlint: areas for development in the draft reports</title>") !=
        std::string::npos);
  CHECK(dom.find("pwned</title>") == std::string::npos);
  CHECK(dom.find("<mark>&lt;script&gt;document.title='pwned'&lt;/script&gt;</mark>") !=
        std::string::npos);
  CHECK(dom.find("&lt;img src=x onerror=\"document.title='pwned'\"&gt;") != std::string::npos);
  CHECK(dom.find("<mark>Bow Green Primary School</mark>") != std::string::npos);

  const fs::path shot = dir.path("shot.png");
  REQUIRE(run(chromium(dir, "--hide-scrollbars --screenshot='" + shot.string() +
                                "' --window-size=1200,1600 " + url) +
              " >/dev/null 2>&1") == 0);
  REQUIRE(fs::exists(shot));
  CHECK(fs::file_size(shot) > 10000);
  CHECK(slurp(shot).substr(0, 8) == "\x89PNG\r\n\x1a\n");
}

TEST_CASE("html: dhrlint --format html -o writes the page with paragraph text") {
  TempDir dir;
  std::string error;
  const std::string docx = dir.write("draft.docx", testing::build_docx(kDraft, &error));
  REQUIRE(error.empty());
  const std::string out = dir.path("report.html").string();
  const int code = run("NO_COLOR=1 '" + std::string(DHRLINT_EXE) +
                       "' --no-config --select 'draft/*' --format html -o '" + out + "' '" + docx +
                       "' >/dev/null 2>&1");
  CHECK(code == 1);  // draft findings are errors
  const std::string html = slurp(out);
  pugi::xml_document page;
  parse(page, html);
  CHECK(select(page, "//li[" + has_class("area") + "]").size() == 3);
  CHECK(texts(page, "//mark") ==
        std::vector<std::string>{"an independent chair", "March ", " Ms Patel agreed"});
  CHECK(select(page, "//p[@class='fix']").size() == 3);
}

}  // namespace
}  // namespace dhrlint
