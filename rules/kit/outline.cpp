#include "rules/kit/outline.hpp"

#include <algorithm>
#include <optional>

#include "rules/kit/analysis.hpp"
#include "rules/kit/codepoints.hpp"
#include "rules/kit/data.hpp"
#include "rules/kit/lazy.hpp"
#include "rules/kit/paragraphs.hpp"
#include "rules/kit/terms.hpp"

namespace dhrlint::kit {

namespace {

constexpr std::string_view kSections = "structure/sections.txt";
constexpr std::string_view kEditions = "structure/editions.txt";

// A typed line is a heading when it is this short.
constexpr std::size_t kTypedHeadingMaxWords = 10;
constexpr std::size_t kTypedHeadingMaxCodePoints = 90;
// The title lines an executive summary is told by: before the first heading,
// at most this many.
constexpr std::size_t kTitleLines = 15;
// A line reading only "Executive Summary" among the first this many lines.
constexpr std::size_t kWeakSummaryLines = 3;
// The opening paragraphs read for "This executive summary ...".
constexpr std::size_t kOpeningParagraphs = 40;

// The section keys, their printed names and which have [key/not] and
// [key/statement] groups: the data file read once per process.
struct SectionData {
  std::vector<std::string> keys;
  std::vector<std::string> names;
  std::vector<bool> has_not;
  std::vector<bool> has_statement;
  TermList terms{kSections};
};

const SectionData& section_data() {
  static const Lazy<SectionData> kData([] {
    SectionData d;
    const DataFile file = DataFile::load(kSections);
    const std::vector<std::string> groups = file.group_names();
    for (const std::string& g : groups) {
      if (g.empty() || g.find('/') != std::string::npos) {
        continue;
      }
      d.keys.push_back(g);
      std::string name = g;
      for (const DataEntry& e : file.entries(g)) {
        if (!e.pattern) {
          name = e.text;
          break;
        }
      }
      d.names.push_back(name);
      d.has_not.push_back(std::find(groups.begin(), groups.end(), g + "/not") != groups.end());
      d.has_statement.push_back(std::find(groups.begin(), groups.end(), g + "/statement") !=
                                groups.end());
    }
    return d;
  });
  return kData.get();
}

const DataFile& editions_data() {
  static const Lazy<DataFile> kFile([] { return DataFile::load(kEditions); });
  return kFile.get();
}

std::string_view kind_name(DocumentKind kind) {
  return kind == DocumentKind::kExecutiveSummary ? "executive-summary" : "overview";
}

std::vector<std::string> keys_of(const text::FoldedText& folded) {
  const SectionData& d = section_data();
  std::vector<std::string> keys;
  for (std::size_t k = 0; k < d.keys.size(); ++k) {
    if (!d.terms.contains(folded, d.keys[k])) {
      continue;
    }
    if (d.has_not[k] && d.terms.contains(folded, d.keys[k] + "/not")) {
      continue;
    }
    keys.push_back(d.keys[k]);
  }
  return keys;
}

std::size_t count_words(std::string_view s) {
  std::size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\t' || c == '\n';
    if (!space && !in_word) {
      ++n;
    }
    in_word = !space;
  }
  return n;
}

// The depth of a report number ("3" -> 1, "3.1" -> 2).
int number_depth(std::string_view number) {
  return 1 + static_cast<int>(std::count(number.begin(), number.end(), '.'));
}

// A typed line that may be a heading: running text outside lists, short, no
// sentence punctuation at its end, starting with a capital, and no "Label:
// value" line (a cover's "Independent Chair and Author: Helen Marsh") unless
// the label is an appendix, part or section.
bool typed_heading_shape(const Paragraph& p, std::string_view* content, std::string* number) {
  if (!is_running_text(p) || p.label_is_bullet || is_list_item(p)) {
    return false;
  }
  const std::size_t from = content_start(p);
  const text::Range r = trim(p.text, {from, text::length(p.text)});
  if (r.end <= r.start || r.end - r.start > kTypedHeadingMaxCodePoints) {
    return false;
  }
  const std::size_t b = text::byte_of(p.text, r.start);
  const std::size_t e = text::byte_of(p.text, r.end);
  std::string_view s(p.text.data() + b, e - b);
  // "3. TERMS OF REFERENCE" typed as one line whose number is not a report
  // number the reader knows.
  *number = own_report_number(p);
  std::string typed;
  while (!s.empty() && ((s.front() >= '0' && s.front() <= '9') || s.front() == '.')) {
    typed += s.front();
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == ')')) {
    s.remove_prefix(1);
  }
  while (!typed.empty() && typed.back() == '.') {
    typed.pop_back();
  }
  if (number->empty() && !typed.empty() && typed.front() != '.') {
    *number = typed;
  }
  if (s.empty() || !text::starts_upper(s) || count_words(s) > kTypedHeadingMaxWords) {
    return false;
  }
  const char last = s.back();
  if (last == '.' || last == ',' || last == ';') {
    return false;
  }
  if (const std::size_t colon = s.find(':'); colon != std::string_view::npos) {
    const std::string head = text::fold_string(s.substr(0, colon));
    const bool label = head.rfind("appendix", 0) == 0 || head.rfind("annex", 0) == 0 ||
                       head.rfind("part", 0) == 0 || head.rfind("section", 0) == 0 ||
                       head.rfind("chapter", 0) == 0;
    const bool nothing_after = s.find_first_not_of(" \t", colon + 1) == std::string_view::npos;
    if (!label && !nothing_after) {
      return false;
    }
  }
  *content = s;
  return true;
}

// Title case or capitals: most words start with a capital letter.
bool heading_case(std::string_view s) {
  std::size_t words = 0;
  std::size_t capitalised = 0;
  bool start = true;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ' ' || c == '\t') {
      start = true;
      continue;
    }
    if (start) {
      ++words;
      if (text::starts_upper(s.substr(i))) {
        ++capitalised;
      }
    }
    start = false;
  }
  return words > 0 && capitalised * 2 > words;
}

// The first key match starts within the first three words of `folded`.
bool key_near_start(const text::FoldedText& folded, const std::vector<std::string>& keys) {
  const SectionData& d = section_data();
  for (const std::string& key : keys) {
    for (const TermMatch& m : d.terms.find(folded, key)) {
      const std::string_view before(folded.text.data(), m.folded_begin);
      if (count_words(before) <= 3) {
        return true;
      }
    }
  }
  return false;
}

// "Executive Summary", "1. EXECUTIVE SUMMARY": the words and nothing else.
bool exact_summary_heading(std::string_view folded) {
  while (!folded.empty() && !(folded.front() >= 'a' && folded.front() <= 'z')) {
    folded.remove_prefix(1);
  }
  while (!folded.empty() && !(folded.back() >= 'a' && folded.back() <= 'z')) {
    folded.remove_suffix(1);
  }
  return folded == "executive summary";
}

DocumentKind detect_kind(const Document& doc, DocumentAnalysis& analysis, std::size_t body_end,
                         std::size_t first_heading) {
  const SectionData& d = section_data();
  bool summary = false;
  bool overview = false;
  bool weak_summary = false;
  auto look = [&](const text::FoldedText& folded) {
    summary = summary || d.terms.contains(folded, "kind/executive-summary");
    overview = overview || d.terms.contains(folded, "kind/overview");
  };
  // The title lines: the Title and Subtitle styles, and the lines before the
  // first heading.
  std::size_t lines = 0;
  for (std::size_t i = 0; i < body_end && lines < kTitleLines; ++i) {
    const Paragraph& p = doc.paragraphs[i];
    if (!is_report_text(p) || p.text.empty()) {
      continue;
    }
    const bool title_style = text::fold_string(p.style_name).find("title") != std::string::npos;
    if (i >= first_heading && !title_style) {
      break;
    }
    ++lines;
    // A line that is only "Executive Summary" opens a section of an overview
    // report as often as it titles a summary: it counts only at the top of a
    // document whose title lines, header and properties never say overview.
    const text::FoldedText& folded = analysis.folded(i);
    if (exact_summary_heading(folded.text)) {
      // (A Heading style there is the overview report's first section.)
      weak_summary = weak_summary || (lines <= kWeakSummaryLines && !is_heading(p));
      continue;
    }
    look(folded);
  }
  if (summary) {
    return DocumentKind::kExecutiveSummary;
  }
  if (const auto it = doc.properties.core.find("title"); it != doc.properties.core.end()) {
    look(text::fold(it->second));
  }
  for (const HeaderFooter& hf : doc.headers_footers) {
    for (std::size_t i : hf.paragraphs) {
      look(analysis.folded(i));
    }
  }
  if ((summary || weak_summary) && !overview) {
    return DocumentKind::kExecutiveSummary;
  }
  if (overview) {
    return DocumentKind::kOverview;
  }
  // No title says: an opening that calls itself one ("This executive summary
  // sets out ...").
  std::size_t read = 0;
  for (std::size_t i = 0; i < body_end && read < kOpeningParagraphs; ++i) {
    if (!is_running_text(doc.paragraphs[i])) {
      continue;
    }
    ++read;
    const std::string& t = analysis.folded(i).text;
    if (t.find("this executive summary") != std::string::npos) {
      return DocumentKind::kExecutiveSummary;
    }
    if (t.find("this overview report") != std::string::npos) {
      return DocumentKind::kOverview;
    }
  }
  return DocumentKind::kOverview;
}

}  // namespace

bool OutlineHeading::has(std::string_view key) const {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

Outline Outline::read(DocumentAnalysis& analysis) {
  const Document& doc = analysis.document();
  const SectionData& d = section_data();
  Outline o;
  o.doc_ = &doc;
  std::size_t body_end = 0;
  while (body_end < doc.paragraphs.size() && doc.paragraphs[body_end].story == Story::kBody) {
    ++body_end;
  }
  o.innermost_.assign(body_end, kNoIndex);
  std::vector<std::size_t> stack;  // indices into headings_
  int last_level = 1;
  std::optional<int> styled_level;  // the level of the last heading-style heading
  for (std::size_t i = 0; i < body_end; ++i) {
    const Paragraph& p = doc.paragraphs[i];
    OutlineHeading h;
    h.paragraph = i;
    bool heading = false;
    std::string_view content;
    std::string typed_number;
    if (is_heading(p) && p.text.find_first_not_of(" \t\n") != std::string::npos) {
      heading = true;
      h.level = *p.heading_level;
      styled_level = h.level;
      h.keys = keys_of(analysis.folded(i));
    } else if (typed_heading_shape(p, &content, &typed_number)) {
      const text::FoldedText& folded = analysis.folded(i);
      std::vector<std::string> keys = keys_of(folded);
      // "Terms of Reference:" is a heading; "The panel members were as
      // follows:" introduces a list.
      const bool lead_in = content.back() == ':';
      if (!keys.empty() && (heading_case(content) || (!lead_in && key_near_start(folded, keys)))) {
        heading = true;
        h.typed = true;
        h.keys = std::move(keys);
        // A numbered line sits at its number's depth; an unnumbered one
        // under the last styled heading (a bold sub-heading), or beside the
        // last typed one in a draft without heading styles.
        h.level = !typed_number.empty() ? number_depth(typed_number)
                  : styled_level        ? *styled_level + 1
                                        : last_level;
      }
    }
    if (heading) {
      while (!stack.empty() && o.headings_[stack.back()].level >= h.level) {
        o.headings_[stack.back()].end = i;
        stack.pop_back();
      }
      h.parent = stack.empty() ? kNoIndex : stack.back();
      h.appendix = h.has("appendix") || (h.parent != kNoIndex && o.headings_[h.parent].appendix);
      last_level = h.level;
      stack.push_back(o.headings_.size());
      o.headings_.push_back(std::move(h));
    }
    o.innermost_[i] = stack.empty() ? kNoIndex : stack.back();
  }
  for (std::size_t k : stack) {
    o.headings_[k].end = body_end;
  }
  // Sentences that stand for a section (an action plan kept as a separate
  // document).
  for (std::size_t k = 0; k < d.keys.size(); ++k) {
    if (!d.has_statement[k] || o.find(d.keys[k]) != nullptr) {
      continue;
    }
    const std::string group = d.keys[k] + "/statement";
    for (std::size_t i = 0; i < body_end; ++i) {
      if (is_report_text(doc.paragraphs[i]) && d.terms.contains(analysis.folded(i), group)) {
        o.statements_.push_back(d.keys[k]);
        break;
      }
    }
  }
  // The edition and the kind of document.
  const Config& config = analysis.config();
  o.edition_ = config.edition.empty() ? std::string("2016") : config.edition;
  if (config.document_kind == "executive-summary") {
    o.kind_ = DocumentKind::kExecutiveSummary;
  } else if (config.document_kind == "overview") {
    o.kind_ = DocumentKind::kOverview;
  } else {
    // The title lines run to the first heading that names a section: a
    // cover in heading styles ("Domestic Homicide Review", "Executive
    // Summary: Amira") is still the title.
    std::size_t first_heading = body_end;
    for (const OutlineHeading& h : o.headings_) {
      const bool cover = std::all_of(h.keys.begin(), h.keys.end(),
                                     [](const std::string& k) { return k == "executive-summary"; });
      if (!cover || h.paragraph >= kTitleLines) {
        first_heading = h.paragraph;
        break;
      }
    }
    o.kind_ = detect_kind(doc, analysis, body_end, first_heading);
  }
  return o;
}

const OutlineHeading* Outline::find(std::string_view key) const {
  for (const OutlineHeading& h : headings_) {
    if (h.has(key)) {
      return &h;
    }
  }
  return nullptr;
}

std::vector<const OutlineHeading*> Outline::find_all(std::string_view key) const {
  std::vector<const OutlineHeading*> out;
  for (const OutlineHeading& h : headings_) {
    if (h.has(key)) {
      out.push_back(&h);
    }
  }
  return out;
}

bool Outline::present(std::string_view key) const {
  return find(key) != nullptr ||
         std::find(statements_.begin(), statements_.end(), key) != statements_.end();
}

const OutlineHeading* Outline::heading_of(std::size_t p) const {
  if (doc_ == nullptr) {
    return nullptr;
  }
  p = body_anchor(*doc_, p);
  if (p >= innermost_.size() || innermost_[p] == kNoIndex) {
    return nullptr;
  }
  return &headings_[innermost_[p]];
}

bool Outline::in_section(std::size_t p, std::string_view key) const {
  const OutlineHeading* h = heading_of(p);
  while (h != nullptr) {
    if (h->has(key)) {
      return true;
    }
    h = h->parent == kNoIndex ? nullptr : &headings_[h->parent];
  }
  return false;
}

std::vector<std::string> Outline::required() const { return required_sections(edition_, kind_); }

const Outline& outline(DocumentAnalysis& analysis) {
  return analysis.family<Outline>([&] { return Outline::read(analysis); });
}

std::string section_name(std::string_view key) {
  const SectionData& d = section_data();
  for (std::size_t k = 0; k < d.keys.size(); ++k) {
    if (d.keys[k] == key) {
      return d.names[k];
    }
  }
  return std::string(key);
}

std::vector<std::string> outline_editions() {
  std::vector<std::string> out;
  for (const std::string& g : editions_data().group_names()) {
    const std::size_t space = g.find(' ');
    if (space == std::string::npos) {
      continue;
    }
    std::string edition = g.substr(0, space);
    if (std::find(out.begin(), out.end(), edition) == out.end()) {
      out.push_back(std::move(edition));
    }
  }
  return out;
}

std::vector<std::string> required_sections(std::string_view edition, DocumentKind kind) {
  std::string group(edition);
  group += ' ';
  group += kind_name(kind);
  return editions_data().values(group);
}

std::vector<std::string> fact_sections() { return editions_data().values("facts"); }

}  // namespace dhrlint::kit
